"""How strong a new passphrase is, in words a parent understands (zxcvbn does the judging)."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

from familyfile.errors import ValidationError
from familyfile.i18n import _

MIN_LENGTH = 10
MIN_SCORE = 3  # zxcvbn 0–4; 3 = "safely unguessable" against slow-hash offline attacks
_MAX_CHECKED = 100  # zxcvbn slows on very long input; the rest adds strength anyway


@dataclass(frozen=True)
class Strength:
    score: int  # 0–4
    label: str
    advice: str

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE


def assess(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, _("Not set yet"), _("Three or four unusual words make a strong passphrase."))
    result = zxcvbn(passphrase[:_MAX_CHECKED])
    score = int(result["score"])
    if len(passphrase) < MIN_LENGTH:
        score = min(score, 1)
    labels = [_("Very weak"), _("Weak"), _("Fair"), _("Strong"), _("Very strong")]
    if score >= MIN_SCORE:
        advice = _("Good. Keep it somewhere only you can find it, or learn it by heart.")
    elif len(passphrase) < MIN_LENGTH:
        advice = _("Use at least {min} characters. A few unusual words work well.").format(
            min=MIN_LENGTH)
    else:
        advice = _("Add another word or two. Unusual words are better than famous phrases.")
    return Strength(score, labels[score], advice)


def check_new(passphrase: str, confirm: str) -> list[ValidationError]:
    """Problems with a new passphrase and its confirmation, for an error summary."""
    problems: list[ValidationError] = []
    if len(passphrase) < MIN_LENGTH:
        problems.append(ValidationError("passphrase", "passphrase-short", min=MIN_LENGTH))
    elif not assess(passphrase).acceptable:
        problems.append(ValidationError("passphrase", "passphrase-weak"))
    if passphrase != confirm:
        problems.append(ValidationError("confirm", "passphrase-mismatch"))
    return problems
