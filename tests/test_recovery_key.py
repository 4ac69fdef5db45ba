from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.store import recovery_key as rk


@given(st.binary(min_size=rk.SECRET_BYTES, max_size=rk.SECRET_BYTES))
def test_format_then_parse_round_trips(secret: bytes) -> None:
    text = rk.format_key(secret)
    assert len(text.split("-")) == rk.GROUPS
    assert all(len(g) == rk.GROUP for g in text.split("-"))
    assert rk.parse(text) == secret


@given(st.binary(min_size=rk.SECRET_BYTES, max_size=rk.SECRET_BYTES))
def test_typing_is_forgiving(secret: bytes) -> None:
    text = rk.format_key(secret)
    sloppy = "  " + text.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert rk.parse(sloppy) == secret


@settings(derandomize=True, max_examples=200)
@given(st.binary(min_size=rk.SECRET_BYTES, max_size=rk.SECRET_BYTES), st.integers(0, 31),
       st.integers(1, 31))
def test_a_mistyped_character_is_caught(secret: bytes, position: int, shift: int) -> None:
    chars = list(rk.format_key(secret).replace("-", ""))
    chars[position] = rk.ALPHABET[(rk.ALPHABET.index(chars[position]) + shift) % 32]
    with pytest.raises(errors.ValidationError) as caught:
        rk.parse("".join(chars))
    assert caught.value.field == "recovery_key"


@pytest.mark.parametrize("text", ["", "ABCD", "ABCD-" * 10, "!!!!-" * 9])
def test_wrong_shapes_are_refused(text: str) -> None:
    with pytest.raises(errors.ValidationError):
        rk.parse(text)


def test_secrets_are_random_and_160_bits() -> None:
    assert len({rk.generate() for _ in range(50)}) == 50
    assert rk.SECRET_BYTES * 8 >= 128
