"""The first-run wizard (GOV.UK style: one thing per page)."""

from familyfile.ui.first_run.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
