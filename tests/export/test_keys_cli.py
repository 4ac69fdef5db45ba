"""``familyfile key``, ``trust`` and ``verify``: fingerprints, pinning and one exit code per outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from familyfile import cli
from familyfile.commands.keys import VERIFY_EXIT
from familyfile.export import keys, share_file, shc
from familyfile.export.keys import SigningKey
from familyfile.export.verify import Outcome
from familyfile.services import session as sessions
from familyfile.services import signing
from tests.conftest import PASSPHRASE
from tests.export._cards import immunisation_bundle


@pytest.fixture
def path(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    return closed_family


@pytest.fixture
def family(path: Path) -> Iterator[tuple[SigningKey, str]]:
    """The family file's own signing key and issuer (read through the service)."""
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        yield signing.current_key(opened), signing.issuer(opened)
    finally:
        opened.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def make_card(key: SigningKey, issuer: str, *, start_days: int = 0, exp_days: int = 90) -> str:
    now = datetime.now(UTC).replace(microsecond=0) + timedelta(days=start_days)
    bundle = shc.minimise_bundle(immunisation_bundle(2))
    return shc.encode_jws(key, shc.build_payload(issuer, bundle, now, now + timedelta(days=exp_days)))


def key_card_file(tmp_path: Path, key: SigningKey, issuer: str) -> Path:
    out = tmp_path / "key-card.txt"
    out.write_text(shc.encode_key_card(key, issuer, "The Quillfeather family", datetime.now(UTC)))
    return out


def trust(capsys: pytest.CaptureFixture[str], tmp_path: Path, key: SigningKey, issuer: str,
          store: str) -> tuple[int, str, str]:
    return run(capsys, "trust", "add", str(key_card_file(tmp_path, key, issuer)), "--trust-store", store)


def write(tmp_path: Path, name: str, text: str) -> Path:
    out = tmp_path / name
    out.write_text(text)
    return out


def test_key_show_prints_the_fingerprint_of_the_exported_key(
        path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, shown, _ = run(capsys, "key", "show", str(path))
    assert code == 0
    out = tmp_path / "family.jwk"
    assert run(capsys, "key", "export", str(path), str(out))[0] == 0
    jwk = json.loads(out.read_text())
    assert set(jwk) == {"crv", "kty", "x", "y"}
    assert keys.fingerprint_of(jwk) in shown.splitlines()
    assert keys.kid_of(jwk) in shown
    code, again, _ = run(capsys, "key", "show", str(path))
    assert again == shown  # made once, then kept


def test_rotate_changes_the_key_and_keeps_the_old(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = json.loads(run(capsys, "key", "show", str(path), "--json")[1])
    assert run(capsys, "key", "rotate", str(path))[0] == 0
    after = json.loads(run(capsys, "key", "show", str(path), "--json")[1])
    assert after["kid"] != before["kid"] and after["issuer"] == before["issuer"]
    assert [p["kid"] for p in after["previous"]] == [before["kid"]]


def test_trust_add_then_verify_is_exit_0(family: tuple[SigningKey, str], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = family
    store = str(tmp_path / "trust")
    code, out, _ = trust(capsys, tmp_path, key, issuer, store)
    assert code == 0 and key.fingerprint in out
    listed = json.loads(run(capsys, "trust", "list", "--trust-store", store, "--json")[1])
    assert listed == [{"issuer": issuer, "kid": key.kid, "fingerprint": key.fingerprint}]
    card = write(tmp_path, "card.txt", make_card(key, issuer))
    code, out, _ = run(capsys, "verify", str(card), "--trust-store", store)
    assert code == 0 and "VERIFIED" in out and "Immunisations" in out and "Zephyrine" in out
    code, out, _ = run(capsys, "verify", str(card), "--trust-store", store, "--json")
    result = json.loads(out)
    assert code == 0 and result["exit_code"] == 0
    assert result["cards"][0]["outcome"] == "VERIFIED_KNOWN_SIGNER" and result["cards"][0]["family_file"]
    shc_text = write(tmp_path, "card.shc", shc.to_numeric(make_card(key, issuer)))
    assert run(capsys, "verify", str(shc_text), "--trust-store", store)[0] == 0


def test_default_trust_store_is_under_the_user_data_folder(
        family: tuple[SigningKey, str], tmp_path: Path, private_home: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = family
    assert run(capsys, "trust", "add", str(key_card_file(tmp_path, key, issuer)))[0] == 0
    assert list((private_home / "data" / "trust").iterdir())
    assert run(capsys, "verify", str(write(tmp_path, "c.txt", make_card(key, issuer))))[0] == 0


def test_each_other_outcome_has_its_own_exit_code(family: tuple[SigningKey, str], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = family
    store = str(tmp_path / "trust")
    card = make_card(key, issuer)

    def verify(text: str) -> int:
        return run(capsys, "verify", str(write(tmp_path, "in.txt", text)), "--trust-store", store)[0]

    assert verify(card) == VERIFY_EXIT[Outcome.UNKNOWN_KEY] == 11  # key not given, not trusted
    share = share_file.write_bytes([card], key.public_jwk, "F",
                                   shc.encode_key_card(key, issuer, "F", datetime.now(UTC))).decode("utf-8")
    assert verify(share) == VERIFY_EXIT[Outcome.VALID_UNKNOWN_SIGNER] == 10
    assert trust(capsys, tmp_path, key, issuer, store)[0] == 0
    assert verify(share) == 0
    head, body, sig = card.split(".")
    flipped = sig[:5] + ("A" if sig[5] != "A" else "B") + sig[6:]
    assert verify(f"{head}.{body}.{flipped}") == VERIFY_EXIT[Outcome.ALTERED] == 13
    assert verify(make_card(key, issuer, start_days=-10, exp_days=5)) == VERIFY_EXIT[Outcome.EXPIRED] == 14
    assert verify(make_card(key, issuer, start_days=2)) == VERIFY_EXIT[Outcome.NOT_YET_VALID] == 15
    assert verify("shc:/notdigits") == VERIFY_EXIT[Outcome.NOT_A_FAMILY_FILE_CARD] == 16
    assert verify("abc.def") == VERIFY_EXIT[Outcome.UNREADABLE] == 17
    other = SigningKey.from_scalar(0xC0FFEE)
    other_card = shc.encode_key_card(other, issuer, "F", datetime.now(UTC))
    impostor = share_file.write_bytes([make_card(other, issuer)], other.public_jwk, "F", other_card).decode()
    assert verify(impostor) == VERIFY_EXIT[Outcome.SIGNER_KEY_CHANGED] == 12
    assert len(set(VERIFY_EXIT.values())) == len(Outcome)


def test_a_changed_key_is_not_pinned_without_replace(family: tuple[SigningKey, str], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = family
    store = str(tmp_path / "trust")
    assert trust(capsys, tmp_path, key, issuer, store)[0] == 0
    other = SigningKey.from_scalar(0xC0FFEE)
    changed = key_card_file(tmp_path, other, issuer)
    code, _, err = run(capsys, "trust", "add", str(changed), "--trust-store", store)
    assert code == 12 and "DIFFERENT" in err
    assert run(capsys, "trust", "add", str(changed), "--trust-store", store, "--replace")[0] == 0
    assert run(capsys, "verify", str(write(tmp_path, "c.txt", make_card(other, issuer))),
               "--trust-store", store)[0] == 0


def test_jwk_and_jwks_from_another_issuer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = SigningKey.from_scalar(0xABCDEF), "https://vaccines.example.org"
    store = str(tmp_path / "trust")
    jwk_file = write(tmp_path, "key.jwk", json.dumps(key.public_jwk))
    code, _, err = run(capsys, "trust", "add", str(jwk_file), "--trust-store", store)
    assert code == 1 and "--issuer" in err
    jwks: dict[str, Any] = {"keys": [{**key.public_jwk, "kid": key.kid, "use": "sig", "alg": "ES256"}]}
    code, out, _ = run(capsys, "trust", "add", str(write(tmp_path, "jwks.json", json.dumps(jwks))),
                       "--trust-store", store, "--issuer", issuer)
    assert code == 0 and key.fingerprint in out
    code, out, _ = run(capsys, "verify", str(write(tmp_path, "c.txt", make_card(key, issuer))),
                       "--trust-store", store, "--json")
    card = json.loads(out)["cards"][0]
    assert code == 0 and card["issuer"] == issuer and card["family_file"] is False


def test_verify_from_a_rendered_qr_png(family: tuple[SigningKey, str], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    key, issuer = family
    store = str(tmp_path / "trust")
    assert trust(capsys, tmp_path, key, issuer, store)[0] == 0
    png = tmp_path / "card.png"
    shc.render_qr(make_card(key, issuer)).save(str(png))
    code, out, _ = run(capsys, "verify", str(png), "--trust-store", store, "--json")
    assert code == 0 and json.loads(out)["cards"][0]["verified"]
    jpeg = tmp_path / "card.jpg"
    from PIL import Image

    with Image.open(png) as image:
        image.convert("L").save(jpeg, quality=85)
    assert run(capsys, "verify", str(jpeg), "--trust-store", store)[0] == 0


def test_unreadable_files_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (200, 200), 255).save(blank)
    code, _, err = run(capsys, "verify", str(blank))
    assert code == 1 and "No QR code" in err
    assert run(capsys, "verify", str(tmp_path / "missing.txt"))[0] == 1
    assert run(capsys, "verify", str(write(tmp_path, "bad.json", "{not json")))[0] == 1


def test_trust_and_verify_from_a_pdf_page(family: tuple[SigningKey, str], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Every QR on every page of a PDF: a card on page 1, the key card (as shc:/) on page 2."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    key, issuer = family
    pdf = tmp_path / "pack.pdf"
    page = canvas.Canvas(str(pdf))
    for text in (make_card(key, issuer), shc.encode_key_card(key, issuer, "F", datetime.now(UTC))):
        png = tmp_path / f"qr{page.getPageNumber()}.png"
        shc.render_qr(text).save(str(png))
        page.drawImage(ImageReader(str(png)), 30 * mm, 120 * mm, width=50 * mm, height=50 * mm)
        page.showPage()
    page.save()
    store = str(tmp_path / "trust")
    code, out, _ = run(capsys, "trust", "add", str(pdf), "--trust-store", store)
    assert code == 0 and key.fingerprint in out
    code, out, _ = run(capsys, "verify", str(pdf), "--trust-store", store, "--json")
    assert code == 0 and [c["outcome"] for c in json.loads(out)["cards"]] == ["VERIFIED_KNOWN_SIGNER"]
