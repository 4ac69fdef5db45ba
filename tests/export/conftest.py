"""The consent fixture (a child, three agencies, entries of each kind) for the handover tests."""

from tests.consent.conftest import record  # noqa: F401 (a pytest fixture)
