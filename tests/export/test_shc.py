"""SMART Health Card encoding: payload, raw DEFLATE, JWS, numeric QR content and the QR itself."""

from __future__ import annotations

import hashlib
import json
import zlib

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from familyfile.clock import FixedClock
from familyfile.export import shc
from familyfile.export.keys import b64u_decode, verify_es256
from familyfile.export.verify import Outcome, TrustStore, verify_qr_text
from tests.export._cards import FAMILY_KEY, ISSUER, NOW, card, immunisation_bundle

JWS_CHARS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1)


def test_minimise_bundle_strips_ids_meta_text_display_and_shortens_references() -> None:
    minimised = shc.minimise_bundle(immunisation_bundle(2))
    text = json.dumps(minimised)
    assert '"id"' not in text and "meta" not in text and '"display"' not in text and "generated" not in text
    assert [entry["fullUrl"] for entry in minimised["entry"]] == ["resource:0", "resource:1", "resource:2"]
    immunisation = minimised["entry"][1]["resource"]
    assert immunisation["patient"] == {"reference": "resource:0"}
    coding = {"system": "http://snomed.info/sct", "code": "836398006"}
    assert immunisation["vaccineCode"] == {"coding": [coding]}


def test_minimise_keeps_text_when_there_is_no_code() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Observation", "id": "o", "code": {"text": "a note"},
                      "subject": {"reference": "Patient/p"}}},
        {"resource": {"resourceType": "Patient", "id": "p"}},
    ]}
    minimised = shc.minimise_bundle(bundle)
    assert minimised["entry"][0]["resource"] == {
        "resourceType": "Observation", "code": {"text": "a note"}, "subject": {"reference": "resource:1"}}


def test_jws_structure_header_raw_deflate_and_signature() -> None:
    jws = card()
    header_b64, payload_b64, signature_b64 = jws.split(".")
    assert b64u_decode(header_b64) == (
        b'{"alg":"ES256","zip":"DEF","kid":"YAcUDLCQ7NaGhBfNsITRnqRslixzXSn4uHKpxkktNdg"}')
    compressed = b64u_decode(payload_b64)
    with pytest.raises(zlib.error):
        zlib.decompress(compressed)  # no zlib header
    payload = zlib.decompress(compressed, wbits=-15)
    assert b" " not in payload.replace(b"6-in-1 (", b"")  # minified
    decoded = json.loads(payload)
    assert list(decoded) == ["iss", "nbf", "exp", "vc"]
    assert decoded["iss"] == ISSUER and decoded["nbf"] == int(NOW.timestamp())
    assert decoded["vc"]["type"] == ["https://smarthealth.cards#health-card"]
    assert decoded["vc"]["credentialSubject"]["fhirVersion"] == "4.0.1"
    signature = b64u_decode(signature_b64)
    assert len(signature) == 64
    assert verify_es256(FAMILY_KEY.public_jwk, f"{header_b64}.{payload_b64}".encode(), signature)


@given(JWS_CHARS)
def test_numeric_round_trip(jws: str) -> None:
    content = shc.to_numeric(jws)
    assert content.startswith("shc:/") and content[5:].isdigit() and len(content) == 5 + 2 * len(jws)
    assert shc.from_numeric(content) == jws


def test_numeric_known_value() -> None:
    assert shc.to_numeric("eyJ.-_z") == "shc:/567629010050" + "77"


@pytest.mark.parametrize("content", ["shc:/", "shc:/5", "shc:/78", "shc:/5a", "SHC:/56", "shc:/56 ", "hello"])
def test_numeric_rejects(content: str) -> None:
    with pytest.raises(ValueError):
        shc.from_numeric(content)


def test_typical_card_fits_version_22_at_level_m_with_two_segments() -> None:
    jws = card()
    qr = shc.make_qr(jws)
    assert len(jws) <= shc.MAX_JWS_CHARS
    assert qr.version is not None and qr.version <= 22
    assert qr.error_correction == shc.qrcode.constants.ERROR_CORRECT_M
    assert [segment.mode for segment in qr.data_list] == [shc.MODE_8BIT_BYTE, shc.MODE_NUMBER]


def test_limit_is_927_characters() -> None:
    assert shc.make_qr("a" * 927).version == 22
    with pytest.raises(shc.CardTooLarge, match="split"):
        shc.make_qr("a" * 928)


def test_too_large_card_raises_never_truncates() -> None:
    bundle = immunisation_bundle(40)
    for number, entry in enumerate(bundle["entry"]):
        entry["resource"]["lotNumber"] = hashlib.sha256(str(number).encode()).hexdigest()[:12]
    jws = card(bundle)
    assert len(jws) > shc.MAX_JWS_CHARS
    with pytest.raises(shc.CardTooLarge) as caught:
        shc.render_qr(jws)
    assert caught.value.jws_chars == len(jws)


def test_rendered_qr_decodes_back() -> None:
    jws = card()
    image = shc.render_qr(jws).get_image()
    assert isinstance(image, Image.Image)
    results = zxingcpp.read_barcodes(image.convert("L"))
    assert [result.text for result in results] == [shc.to_numeric(jws)]


def test_degraded_image_still_decodes_and_verifies() -> None:
    jws = card()
    image = shc.render_qr(jws, box_size=6).get_image().convert("L")
    degraded = image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.Resampling.BILINEAR)
    degraded = degraded.rotate(4, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    degraded = degraded.filter(ImageFilter.GaussianBlur(0.8))
    results = zxingcpp.read_barcodes(degraded)
    assert [result.text for result in results] == [shc.to_numeric(jws)]
    store = TrustStore()
    store.pin(ISSUER, FAMILY_KEY.public_jwk)
    verified = verify_qr_text(results[0].text, store, clock=FixedClock(NOW))
    assert verified.outcome is Outcome.VERIFIED_KNOWN_SIGNER
