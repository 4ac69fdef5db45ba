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
        # About me, alerts, addresses, carers
        "nhs-number-format": _(
            "Enter the NHS number as 10 numbers, for example 943 476 5919. "
            "If you do not know it, leave it empty."
        ),
        "nhs-number-check": _(
            "That NHS number is not right: one of the numbers may be wrong. Check it against a "
            "letter from the doctor or the Red Book, or leave it empty."
        ),
        "upn-format": _(
            "A Unique Pupil Number is 13 letters and numbers, for example A123456789012. "
            "The school can tell you it."
        ),
        "phone-format": _("Enter {label} using numbers, for example 01632 960123."),
        "postcode-format": _(
            "Enter a UK postcode, for example SW1A 1AA. For an address abroad, "
            "put the postcode in the address lines."
        ),
        "moved-out-before-moved-in": _(
            "The moving-out date must be on or after the moving-in date."
        ),
        "too-many": _("Enter no more than {max} for {label}."),
        "out-of-range": _("{label} must be between {min} and {max}."),
        "not-a-number": _("Enter {label} as a number, for example 3.4."),
        "unit-slip": _("This looks unusual for {label} — did you mean {suggestion} {unit}?"),
        "before-birth": _("{label} cannot be before the child was born."),
        "asq-score": _("An ASQ-3 area score is between 0 and 60, in steps of 5."),
        "carrier-only-sickle-cell": _("'Carrier' is only a result for sickle cell."),
        # Involvement history and appointments
        "ods-format": _(
            "An ODS code is 3 to 10 letters and numbers, for example RJ1 or Y01234. "
            "It is on some NHS letters. If you do not know it, leave it empty."
        ),
        "ods-code": _(
            "An ODS code is 3 to 8 letters and numbers, for example RX1 or A81001. "
            "If you do not know it, leave it empty."
        ),
        "contact-format": _(
            "Enter a phone number or an email address, for example 01632 960123 or "
            "name@example.org."
        ),
        "end-before-start": _("The end date must be on or after the start date."),
        "lead-taken": _(
            "Someone else is already the lead professional, and there can only be one at a "
            "time. Leave this one as not the lead, or change the other one first."
        ),
        "lead-not-current": _("Only a service that is helping now can be the lead professional."),
        "datetime-format": _("Enter {label} like this: 2026-03-29 10:00 (the date, then the time)."),
        "time-skipped": _(
            "The clocks go forward at that time, so it does not exist on that day. "
            "Choose a time one hour later."
        ),
        "status-in-future": _(
            "You can say whether it happened once the day of the appointment has come."
        ),
        # Growth
        "growth-unit-slip-baby": _(
            "{label} looks unusual for a baby — did you mean {suggestion} {unit}? "
            "If so, change it to {suggestion}."
        ),
        "growth-unit-slip": _(
            "{label} looks unusual for a child of this age — did you mean {suggestion} {unit}? "
            "If so, change it to {suggestion}."
        ),
        "growth-unusual-baby": _(
            "{label} is very unusual for a baby — did you mean {suggestion} {unit}? If so, change "
            "it to {suggestion}. If the number is right, confirm it and save again."
        ),
        "growth-unusual": _(
            "{label} is very unusual for a child of this age — did you mean {suggestion} {unit}? If "
            "so, change it to {suggestion}. If the number is right, confirm it and save again."
        ),
        "growth-implausible": _(
            "{label} is too far from what is possible at this age to be right. Check the number "
            "and type it in {unit}, for example {example}."
        ),
        "growth-number": _("Enter {label} as a number, for example {example}."),
        "growth-positive": _("{label} must be more than 0."),
        "growth-one-value": _(
            "Enter at least one measurement: the weight, the length or height, or the head."
        ),
        # Journal and milestones
        "photo-too-big": _(
            "That photo is too big. Choose a photo smaller than {max_mb} MB, or make it smaller first."
        ),
        "photo-not-image": _("That file is not a photo Family File can read. Choose a JPEG or PNG photo."),
        "photo-unreadable": _("That photo could not be opened. Check it is still there and try again."),
        # Immunisations
        "date-format-uk": _("Enter {label} as a real date, for example 27/3/2025."),
        "batch-format": _(
            "Type the batch number as it is printed on the sticker or the record, using letters, "
            "numbers and dashes, for example AB1234C."
        ),
        "not-when-declined": _(
            "Leave {label} empty when the vaccination was declined, or choose that it was given."
        ),
        # Consent and sharing
        "private-never-shared": _(
            "Private things are never shared, so there is nothing to say yes or no to. "
            "Choose another kind of information."
        ),
        "nothing-to-withdraw": _(
            "There is no yes or no in force for this to take back. Nothing was changed."
        ),
        "nothing-to-review": _(
            "There is no yes or no in force to review. Set one first."
        ),
        "review-before-start": _("The review date must be on or after the start date."),
        "date-in-past": _("{label} cannot be in the past."),
        "consent-changed": _(
            "Not shared: what may be shared changed since the preview. Look at the preview "
            "again, then share."
        ),
        "choice-unknown": _(
            "Choose a kind of information (for example health) or the id of an entry in "
            "this child's record."
        ),
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
        "known_as": _("the name the child is called"),
        "previous_names": _("previous names"),
        "sex": _("sex"),
        "nhs_number": _("the NHS number"),
        "upn": _("the Unique Pupil Number"),
        "local_authority_id": _("the council's ID for the child"),
        "languages": _("the languages spoken at home"),
        "likes": _("what the child likes"),
        "dislikes": _("what the child does not like"),
        "communication": _("how the child communicates"),
        "what_helps": _("what helps the child"),
        "gp_practice": _("the GP practice"),
        "gp_phone": _("the GP practice phone number"),
        "health_visitor_name": _("the health visitor's name"),
        "health_visitor_phone": _("the health visitor's phone number"),
        "key_worker_name": _("the key worker's name"),
        "key_worker_organisation": _("the key worker's organisation"),
        "key_worker_phone": _("the key worker's phone number"),
        "nursery_school_name": _("the nursery or school"),
        "nursery_school_phone": _("the nursery or school phone number"),
        "alert_type": _("the kind of alert"),
        "alert_what": _("what the alert is about"),
        "alert_details": _("the details"),
        "alert_since": _("the date it started"),
        "alert_active": _("whether it still applies"),
        "address_lines": _("the first line of the address"),
        "town": _("the town or city"),
        "postcode": _("the postcode"),
        "from_date": _("the moving-in date"),
        "to_date": _("the moving-out date"),
        "carer_name": _("the person's name"),
        "relationship": _("how they are related to the child"),
        "carer_phone": _("their phone number"),
        "parental_responsibility": _("parental responsibility"),
        "co_holds_file": _("whether they also keep the family file"),
        "gestation_weeks": _("the weeks of pregnancy at birth"),
        "gestation_days": _("the extra days of pregnancy"),
        "birth_weight_kg": _("the birth weight in kilograms"),
        "birth_head_cm": _("the head measurement at birth in centimetres"),
        "on": _("the date"),
        "agency": _("the kind of service"),
        "organisation": _("the organisation"),
        "ods_code": _("the ODS code"),
        "team": _("the team"),
        "professional": _("the person's name"),
        "role": _("their job"),
        "contact": _("the phone number or email"),
        "start_date": _("the start date"),
        "end_date": _("the end date"),
        "reason": _("the reason"),
        "outcome": _("what happened"),
        "lead": _("lead professional"),
        "when": _("the date and time"),
        "place": _("the place"),
        "with_involvement": _("who it is with"),
        "with_text": _("who it is with"),
        "accompanied_by": _("who went with the child"),
        "status": _("whether it happened"),
        "status_reason": _("why it was missed"),
        "status_note": _("the note"),
        "tz": _("the time zone"),
        "measured_on": _("the date it was measured"),
        "weight_kg": _("the weight"),
        "height_cm": _("the length or height"),
        "head_cm": _("the head measurement"),
        "length_or_height": _("lying down or standing"),
        "measured_by": _("who measured"),
        "measured_where": _("where it was measured"),
        "measurement": _("the measurement"),
        "observed_on": _("the date you saw it"),
        "area": _("the area of learning"),
        "observation_text": _("what you saw"),
        "first_title": _("what the first was, for example first word"),
        "observed_by": _("who saw it"),
        "photo": _("the photo"),
        "milestone": _("the milestone"),
        "milestone_answer": _("an answer: not yet, sometimes or yes"),
        "first_seen": _("the date you first saw it"),
        "vaccination_date": _("the date of the vaccination"),
        "vaccine": _("the vaccine"),
        "vaccine_name": _("the name of the vaccine"),
        "dose_number": _("the dose number"),
        "product": _("the product name"),
        "batch": _("the batch number"),
        "injection_site": _("where on the body it was given"),
        "route": _("how it was given"),
        "given_by": _("who gave it"),
        "given_where": _("where it was given"),
        "country": _("the country"),
        "category": _("the kind of information"),
        "decision": _("yes or no"),
        "purpose": _("why it is shared (care, education, referral or other)"),
        "purpose_text": _("why it is shared, in your words"),
        "how": _("how the choice was made (written, verbal or in the app)"),
        "until": _("the end date"),
        "review_on": _("the review date"),
        "team_name": _("the team's name"),
        "sharing_mark": _("the sharing mark (default, sensitive or private)"),
        "recipient": _("who it is shared with"),
        "format": _("the kind of file"),
        "choose": _("what to choose"),
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


def share_message(exc: BaseException) -> str:
    """Why a share (QR codes, PDF, share file, FHIR file) was not made: nothing was shared."""
    from familyfile.export.shc import CardTooLarge

    if isinstance(exc, CardTooLarge):
        text = _("One thing is too big to fit in a QR code. Untick the part it is in, or "
                 "choose a share file instead.")
    else:
        text = user_message(exc)
    return _("Nothing was shared. {why}").format(why=text)
