"""Command-line commands for each part of the record, one module each.

Each module listed in ``MODULES`` has ``register(sub)`` which adds its sub-commands to
the ``familyfile`` parser; cli.py calls them all.
"""

from __future__ import annotations

import argparse
from importlib import import_module

MODULES: list[str] = [
    "about_me",
    "birth_reviews",
    "involvement",
    "growth",
    "immunisations",
    "journal",
    "milestones",
    "consent",
    "sharing",
    "handover",
    "demo",
    "keys",
    "practitioner",
]


def register_all(sub: argparse._SubParsersAction) -> None:
    for name in MODULES:
        import_module(f"familyfile.commands.{name}").register(sub)
