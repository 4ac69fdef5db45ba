"""Small reusable widgets for the desktop app."""
