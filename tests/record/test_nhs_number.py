"""The NHS number check digit: the documented example, round-trips, and what mod 11 catches."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from familyfile.domain import nhs_number
from familyfile.errors import ValidationError

EXAMPLE = "9434765919"  # the example in reference/uk-child-health.md

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


@st.composite
def valid_numbers(draw: st.DrawFn) -> str:
    first = draw(nine_digits)
    digit = nhs_number.check_digit(first)
    assume(digit is not None)  # "10": no valid number starts with these nine digits
    return first + str(digit)


def test_the_documented_example_is_valid_and_formats_3_3_4() -> None:
    assert nhs_number.parse("943 476 5919") == EXAMPLE
    assert nhs_number.format_number(EXAMPLE) == "943 476 5919"
    assert nhs_number.mask(EXAMPLE) == "*** *** 5919"


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", " 943 4765 919 ",
                                   "943\u00a0476\u00a05919"])
def test_spaces_and_dashes_are_accepted(typed: str) -> None:
    assert nhs_number.parse(typed) == EXAMPLE


@pytest.mark.parametrize("typed", ["", "943476591", "94347659190", "943476591X", "943.476.5919",
                                   "٩٤٣٤٧٦٥٩١٩"])
def test_anything_but_ten_digits_is_a_format_problem(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        nhs_number.parse(typed)
    assert caught.value.code == "nhs-number-format" and caught.value.field == "nhs_number"


def test_a_wrong_check_digit_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        nhs_number.parse("9434765918")
    assert caught.value.code == "nhs-number-check"


def test_remainder_ten_means_no_valid_number() -> None:
    # Some nine digits give remainder 1, so "11 - 1 = 10": no tenth digit makes them valid.
    first = next(f"{n:09d}" for n in range(10_000) if nhs_number.check_digit(f"{n:09d}") is None)
    assert all(not nhs_number.is_valid(first + str(d)) for d in range(10))


@given(nine_digits)
def test_at_most_one_check_digit_fits_nine_digits(first: str) -> None:
    fitting = [d for d in range(10) if nhs_number.is_valid(first + str(d))]
    expected = nhs_number.check_digit(first)
    assert fitting == ([] if expected is None else [expected])


@given(valid_numbers())
def test_valid_numbers_round_trip(number: str) -> None:
    shown = nhs_number.format_number(number)
    assert len(shown) == 12 and shown[3] == shown[7] == " "
    assert nhs_number.parse(shown) == number
    assert nhs_number.parse(shown.replace(" ", "-")) == number
    assert nhs_number.mask(number) == "*** *** " + number[-4:]


@given(valid_numbers(), st.integers(0, 9), st.integers(1, 9))
def test_every_single_digit_change_is_refused(number: str, position: int, shift: int) -> None:
    # True for modulus 11: a change of d (1..9) at weight w (1..10) changes the weighted sum
    # by w*d, and 11 is prime, so the sum can never again be a multiple of 11.
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1:]
    assert changed != number
    assert not nhs_number.is_valid(changed)


@given(valid_numbers(), st.integers(0, 8))
def test_every_swap_of_two_different_neighbours_is_refused(number: str, position: int) -> None:
    # Neighbouring weights differ by exactly 1 (including the check digit's weight 1 next to 2).
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2:]
    assert not nhs_number.is_valid(swapped)


def test_two_digit_changes_are_not_always_caught() -> None:
    """Say exactly what holds: a change of two digits can give another valid number."""
    changed = next(
        candidate for i in range(9) for j in range(i + 1, 10) for a in range(10) for b in range(10)
        if (candidate := EXAMPLE[:i] + str(a) + EXAMPLE[i + 1:j] + str(b) + EXAMPLE[j + 1:])
        != EXAMPLE and sum(x != y for x, y in zip(candidate, EXAMPLE, strict=True)) == 2
        and nhs_number.is_valid(candidate))
    assert nhs_number.is_valid(changed)


def test_masking_shows_only_the_last_four() -> None:
    assert nhs_number.mask("") == ""
    assert "943" not in nhs_number.mask(EXAMPLE)
