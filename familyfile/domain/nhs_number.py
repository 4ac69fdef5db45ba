"""The NHS number: 10 digits shown 3-3-4, checked by its modulus-11 check digit.

Multiply digits 1–9 by the weights 10 down to 2, add them up, take the remainder
mod 11 and subtract it from 11: 11 means a check digit of 0, and 10 means no valid
number can end those nine digits. Family File never makes up NHS numbers; it only
checks ones a family types, and shows them masked unless asked.

What the check catches (proved in tests/record/test_nhs_number.py): every change of
one digit, and every swap of two neighbouring different digits. It does not catch
every change of two or more digits.
"""

from __future__ import annotations

from familyfile.errors import ValidationError

LENGTH = 10
WEIGHTS = tuple(range(10, 1, -1))  # 10, 9, …, 2 for digits 1–9
_SEPARATORS = " -\u00a0\t"
MASK = "*** ***"


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when the remainder rule gives 10."""
    if len(first_nine) != LENGTH - 1 or not first_nine.isascii() or not first_nine.isdigit():
        raise ValueError("nine digits needed")
    total = sum(int(d) * w for d, w in zip(first_nine, WEIGHTS, strict=True))
    digit = 11 - total % 11
    if digit == 11:
        return 0
    if digit == 10:
        return None
    return digit


def digits_of(text: str) -> str:
    """What was typed without spaces or dashes (nothing else is removed)."""
    return "".join(ch for ch in text if ch not in _SEPARATORS)


def parse(text: str, field: str = "nhs_number") -> str:
    """The 10 digits of a typed NHS number ("943 476 5919", "943-476-5919", "9434765919").

    Raises ValidationError(field, "nhs-number-format") when it is not 10 digits, and
    (field, "nhs-number-check") when the check digit does not match.
    """
    number = digits_of(text)
    if len(number) != LENGTH or not number.isascii() or not number.isdigit():
        raise ValidationError(field, "nhs-number-format")
    if check_digit(number[:9]) != int(number[9]):
        raise ValidationError(field, "nhs-number-check")
    return number


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except ValidationError:
        return False
    return True


def format_number(number: str) -> str:
    """"9434765919" → "943 476 5919" (other text is returned as it is)."""
    digits = digits_of(number)
    if len(digits) != LENGTH:
        return number
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def mask(number: str) -> str:
    """"9434765919" → "*** *** 5919": enough to tell two numbers apart, not to copy one."""
    digits = digits_of(number)
    if not digits:
        return ""
    return f"{MASK} {digits[-4:]}"
