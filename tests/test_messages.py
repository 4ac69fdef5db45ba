"""Every error has a plain sentence; no traceback words, no child data."""

from __future__ import annotations

import inspect

import pytest

from familyfile import errors
from familyfile.messages import user_message, validation_message

SPECIFIC = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
            if issubclass(cls, errors.FamilyFileError)
            and cls not in (errors.FamilyFileError, errors.VaultError, errors.ValidationError)]


@pytest.mark.parametrize("cls", SPECIFIC, ids=lambda c: c.__name__)
def test_each_error_has_its_own_plain_sentence(cls: type[errors.FamilyFileError]) -> None:
    exc = cls(3, 2) if cls is errors.NewerVersionError else cls()
    text = user_message(exc)
    generic = user_message(errors.FamilyFileError())
    assert text != generic and text.endswith(".") and "Error" not in text and "\n" not in text


def test_wrong_passphrase_and_damage_say_different_things() -> None:
    wrong = user_message(errors.WrongPassphraseError())
    damaged = user_message(errors.DamagedFileError())
    assert "not right" in wrong and "damaged" in damaged and "passphrase is right" in damaged


def test_unknown_exceptions_do_not_leak_their_text() -> None:
    text = user_message(RuntimeError("Zephyrine Quillfeather born 2024-03-01"))
    assert "Zephyrine" not in text and "2024" not in text


def test_validation_message_uses_the_field_label() -> None:
    assert validation_message(errors.ValidationError("given_name", "required")) == (
        "Enter the child's first name.")
