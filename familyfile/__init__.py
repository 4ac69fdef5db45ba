"""Family File: a family's offline, encrypted child health record."""

__version__ = "0.1.0"
