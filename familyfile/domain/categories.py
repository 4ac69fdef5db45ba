"""The kinds of information a family decides about, one agency at a time (seed 001 Appendix C).

Every entry belongs to one category: a default one from its kind (``default_category``),
which the family can override per entry with a sharing mark (``sensitive`` or ``private``).
An entry of a kind this module does not know is ``private``: new kinds never leave by
accident (fail closed). The words are written for a reading age of about 9.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from familyfile.domain import (
    about_me,
    addresses,
    alerts,
    appointments,
    birth,
    carers,
    growth,
    immunisations,
    involvement,
    journal,
    milestones,
    reviews,
)
from familyfile.errors import ValidationError
from familyfile.i18n import _

IDENTITY = "identity"
HEALTH = "health"
IMMUNISATIONS = "immunisations"
DEVELOPMENT = "development"
INVOLVEMENT = "involvement"
FAMILY_CIRCUMSTANCES = "family_circumstances"
PRIVATE = "private"

#: The family's mark on one entry: follow its category, always ask, or never share.
MARK_DEFAULT, MARK_SENSITIVE, MARK_PRIVATE = "default", "sensitive", "private"
MARKS: tuple[str, ...] = (MARK_DEFAULT, MARK_SENSITIVE, MARK_PRIVATE)


@dataclass(frozen=True)
class Category:
    key: str
    name: Callable[[], str]
    contains: Callable[[], str]  # what is in it
    yes_means: Callable[[], str]  # what saying yes means
    sensitive: bool = False  # only ever sent when chosen at the moment of sharing
    never_shared: bool = False  # private: no consent can be set, nothing leaves


CATEGORIES: tuple[Category, ...] = (
    Category(IDENTITY, lambda: _("Name, address and contacts"), lambda: _(
        "Your child's name, birthday, NHS number and address, and the phone numbers of the "
        "people who look after your child."), lambda: _(
        "If you say yes, they can see who your child is and how to get in touch with you.")),
    Category(HEALTH, lambda: _("Health and growth"), lambda: _(
        "How your child was born, weight and height, allergies and health problems, health "
        "checks and reviews (like the 2-year review), and tests for hearing and eyes."),
        lambda: _("If you say yes, they can see how your child is growing and what the health "
                  "checks found.")),
    Category(IMMUNISATIONS, lambda: _("Vaccinations"), lambda: _(
        "The vaccinations (jabs) your child has had, or that you said no to, and when."),
        lambda: _("If you say yes, they can see which jabs your child has had.")),
    Category(DEVELOPMENT, lambda: _("Development and journal"), lambda: _(
        "What your child can do, like first words and first steps, and the notes and photos "
        "in your journal."), lambda: _(
        "If you say yes, they can read what you wrote about how your child is learning.")),
    Category(INVOLVEMENT, lambda: _("Services and appointments"), lambda: _(
        "The services and people who help your child, and your child's appointments."),
        lambda: _("If you say yes, they can see who else is helping your child.")),
    Category(FAMILY_CIRCUMSTANCES, lambda: _("Family circumstances (sensitive)"), lambda: _(
        "Private things about your family, like help from children's social care."),
        lambda: _("This is only sent when you choose it yourself, each time you share. "
                  "Saying yes never sends it on its own."), sensitive=True),
    Category(PRIVATE, lambda: _("Private"), lambda: _(
        "Anything you mark as private."), lambda: _(
        "This never leaves your computer. Nobody can say yes to it."), never_shared=True),
)
CATEGORY_KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)
#: The categories a consent can be set for (the columns of the consent matrix).
CONSENT_CATEGORIES: tuple[str, ...] = tuple(c.key for c in CATEGORIES if not c.never_shared)

#: The category of each kind of entry that exists. Kinds not listed are private.
DEFAULT_CATEGORY: Mapping[str, str] = {
    about_me.KIND: IDENTITY,
    addresses.KIND: IDENTITY,
    carers.KIND: IDENTITY,
    alerts.KIND: HEALTH,
    birth.KIND: HEALTH,
    growth.KIND: HEALTH,
    reviews.CONTACT_KIND: HEALTH,
    reviews.INTEGRATED_KIND: HEALTH,
    reviews.CHECK_KIND: HEALTH,
    immunisations.KIND: IMMUNISATIONS,
    journal.KIND: DEVELOPMENT,
    milestones.KIND: DEVELOPMENT,
    involvement.KIND: INVOLVEMENT,
    appointments.KIND: INVOLVEMENT,
}


def category(key: str) -> Category:
    for found in CATEGORIES:
        if found.key == key:
            return found
    raise ValidationError("category", "bad-choice")


def category_name(key: str) -> str:
    try:
        return category(key).name()
    except ValidationError:
        return key


def check_consent_category(key: str) -> str:
    """A category a consent may be set for; private never can."""
    if category(key).never_shared:
        raise ValidationError("category", "private-never-shared")
    return key


def check_mark(mark: str) -> str:
    if mark not in MARKS:
        raise ValidationError("sharing_mark", "bad-choice")
    return mark


def default_category(kind: str, data: Mapping[str, Any],
                     social_care_ids: Collection[str] = ()) -> str:
    """The category an entry belongs to unless the family marked it.

    Social-care involvements, and appointments with one (``social_care_ids`` holds their
    entry ids), are family circumstances. Unknown kinds are private.
    """
    if kind == involvement.KIND and data.get("agency") == involvement.SOCIAL_CARE:
        return FAMILY_CIRCUMSTANCES
    if kind == appointments.KIND and data.get("with_involvement") in social_care_ids:
        return FAMILY_CIRCUMSTANCES
    return DEFAULT_CATEGORY.get(kind, PRIVATE)


def notice() -> str:
    """Shown where consent is set and in every export (seed 003 L544, L555)."""
    return _(
        "Your choices here are about what you hand over yourself. They do not stop "
        "professionals: if a child may need protecting from harm, they can share information "
        "without asking you. Family File keeps your record and shows you what you share. "
        "It is not a safeguarding system.")
