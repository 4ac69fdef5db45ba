"""The one place that turns exceptions into sentences for a person."""

from __future__ import annotations

from familyfile import errors
from familyfile.i18n import _


def _messages() -> dict[type[errors.FamilyFileError], str]:
    return {
        errors.WrongPassphraseError: _(
            "That passphrase is not right. Check Caps Lock and try again."
        ),
        errors.WrongRecoveryKeyError: _(
            "That recovery key is not right. Check each group against your recovery sheet."
        ),
        errors.DamagedFileError: _(
            "The family file is damaged and cannot be read. Your passphrase is right. "
            "The damaged file has been kept; you can restore the newest backup."
        ),
        errors.KeyHeaderMissingError: _(
            "The key file that goes with this family file is missing or damaged. "
            "Use the recovery key from your recovery sheet to open it."
        ),
        errors.NoFamilyFileError: _("There is no family file at that place."),
        errors.FamilyFileExistsError: _(
            "A family file already exists there. Choose another name or place."
        ),
        errors.LockedError: _(
            "This family file is open in another copy of Family File. "
            "Close it there first, then try again."
        ),
        errors.NewerVersionError: _(
            "This family file was saved by a newer version of Family File. "
            "Install the newer version to open it; the file has not been changed."
        ),
        errors.NotEncryptedError: _(
            "Family File cannot start safely: the encryption library is missing. "
            "Nothing was opened or written. Please reinstall Family File."
        ),
        errors.DiskFullError: _(
            "Not saved: the disk is full. Free some space and try again. "
            "Everything saved before is safe."
        ),
        errors.ReadOnlyError: _(
            "Not saved: this family file can only be read here (the file or folder is "
            "read-only). Everything saved before is safe."
        ),
        errors.StorageError: _(
            "Not saved: the computer could not write the file. Everything saved before is safe."
        ),
        errors.BackupError: _("The backup could not be made or checked. Nothing was changed."),
        errors.NotAnExportError: _(
            "That file is not a Family File export, or it is damaged. Nothing was changed."
        ),
        errors.NotFoundError: _("That record could not be found."),
        errors.EditConflictError: _(
            "Not saved: this entry was changed somewhere else since you opened it. "
            "Nothing was overwritten. Open it again to see the latest version."
        ),
    }


def _validation_messages() -> dict[str, str]:
    return {
        "required": _("Enter {label}."),
        "too-long": _("{label} must be {max} characters or fewer."),
        "date-format": _("Enter {label} as a real date, for example 2024-03-27."),
        "date-in-future": _("{label} cannot be in the future."),
        "date-too-old": _("{label} is too long ago for a child's record."),
        "passphrase-short": _("Use at least {min} characters. A few unusual words work well."),
        "passphrase-weak": _(
            "That passphrase is easy to guess. Add another word or two that are not a phrase."
        ),
        "passphrase-mismatch": _("The two passphrases are not the same. Type them again."),
        "recovery-key-format": _(
            "A recovery key has {groups} groups of {size} letters and numbers. "
            "Check it against your recovery sheet."
        ),
        "recovery-confirm-mismatch": _(
            "That does not match your recovery key. Look at the sheet and type group {group}."
        ),
        "path-exists": _("Something is already saved there. Choose another name or folder."),
        "bad-choice": _("Choose one of the options for {label}."),
        "out-of-range": _("{label} must be between {min} and {max}."),
        "unit-slip": _("This looks unusual for {label} — did you mean {suggestion} {unit}?"),
        "before-birth": _("{label} cannot be before the child was born."),
        "asq-score": _("An ASQ-3 area score is between 0 and 60, in steps of 5."),
        "carrier-only-sickle-cell": _("'Carrier' is only a result for sickle cell."),
    }


def _field_labels() -> dict[str, str]:
    return {
        "given_name": _("the child's first name"),
        "family_name": _("the child's last name"),
        "date_of_birth": _("the date of birth"),
        "passphrase": _("a passphrase"),
        "confirm": _("the passphrase again"),
        "recovery_key": _("the recovery key"),
        "recovery_confirm": _("the last group of your recovery key"),
        "path": _("where to keep the family file"),
        "gestation_weeks": _("the weeks of pregnancy at birth"),
        "gestation_days": _("the extra days of pregnancy"),
        "birth_weight_kg": _("the birth weight in kilograms"),
        "birth_head_cm": _("the head measurement at birth in centimetres"),
        "on": _("the date"),
    }


def field_label(field: str) -> str:
    return _field_labels().get(field, field.replace("_", " "))


def validation_message(exc: errors.ValidationError) -> str:
    template = _validation_messages().get(exc.code, _("Check {label}."))
    label = field_label(exc.field or "")
    text = template.format(label=label, **exc.params)
    return text[:1].upper() + text[1:]


def user_message(exc: BaseException) -> str:
    """A plain sentence for a person. Never a traceback, never child data."""
    if isinstance(exc, errors.ValidationError):
        return validation_message(exc)
    if isinstance(exc, errors.FamilyFileError):
        for cls in type(exc).__mro__:
            text = _messages().get(cls)
            if text:
                return text
        return _("Something went wrong. Nothing saved before has been lost.")
    if isinstance(exc, OSError):
        return _("The computer could not read or write a file. Nothing saved before has been lost.")
    return _("Something unexpected went wrong. Nothing saved before has been lost.")
