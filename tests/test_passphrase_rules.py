from __future__ import annotations

import pytest

from familyfile.services import passphrase


@pytest.mark.parametrize("weak", ["password1234", "qwertyuiop", "aaaaaaaaaaaa", "1234567890"])
def test_common_passphrases_are_weak(weak: str) -> None:
    assert not passphrase.assess(weak).acceptable
    assert [p.code for p in passphrase.check_new(weak, weak)] == ["passphrase-weak"]


def test_unusual_words_are_strong() -> None:
    result = passphrase.assess("tulip-bicycle-harbour-42")
    assert result.acceptable and result.label in ("Strong", "Very strong")


def test_short_is_never_acceptable_however_random() -> None:
    assert passphrase.assess("Xq#9!zT").score <= 1


def test_empty_has_a_hint() -> None:
    assert passphrase.assess("").score == 0 and passphrase.assess("").advice
