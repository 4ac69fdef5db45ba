"""The practitioner's verifier, shared by ``familyfile verify``/``trust`` and the app.

Reads what a family hands over — a ``shc:/…`` text, a compact JWS, a share file
(``{"verifiableCredential": [...]}`` with the family's key card in it), a JWK or JWKS, a
PNG/JPEG image of QR codes or a PDF (every QR on every page) — and verifies every card
under ``familyfile.export.verify``.
The trust store is a JSON file in a folder (default: the user data folder's ``trust``).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.export import keys, share_file, shc
from familyfile.export.verify import (
    KeyCard,
    Rejected,
    TrustStore,
    Verification,
    read_key_card,
    strict_json,
    verify_jws,
    verify_qr_text,
)
from familyfile.services import locations
from familyfile.store.atomic_file import write_atomic

TRUST_FILE = "trusted-keys.json"
MAX_INPUT_BYTES = 20 * 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_PDF_MAGIC = b"%PDF-"
PDF_DPI = 200
PDF_TIMEOUT_S = 120


class NotReadable(ValueError):
    """The file holds nothing we can verify or pin; the text is a plain sentence."""


# -- the trust store ------------------------------------------------------------------------------
def default_trust_dir() -> Path:
    return locations.data_dir() / "trust"


def load_trust(folder: Path | None = None) -> TrustStore:
    return TrustStore.load((folder or default_trust_dir()) / TRUST_FILE)


def save_trust(store: TrustStore, folder: Path | None = None) -> Path:
    target = folder or default_trust_dir()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = target / TRUST_FILE
    write_atomic(path, store.to_json().encode("utf-8"))
    return path


# -- reading a file -------------------------------------------------------------------------------
@dataclass
class Contents:
    """What a file holds: card texts (``shc:/…`` or compact JWS), key cards and bare JWKs."""

    cards: list[str] = field(default_factory=list)
    key_cards: list[KeyCard] = field(default_factory=list)
    jwks: list[dict[str, Any]] = field(default_factory=list)
    #: Display names a share file gives its offered key, by ``kid`` (a label, not proof of anything).
    key_names: dict[str, str] = field(default_factory=dict)

    @property
    def offered_keys(self) -> list[dict[str, Any]]:
        return [card.jwk for card in self.key_cards] + self.jwks


def signer_name(contents: Contents, kid: str | None) -> str:
    """The name the key card (or share file) offered with the cards gives the key ``kid`` ("" when
    none did): who signed, in their own words — a label, trusted no more than the key."""
    named = next((k.name for k in contents.key_cards if k.kid == kid and k.name), "")
    return named or contents.key_names.get(kid or "", "")


def qr_texts(image_path: Path) -> list[str]:
    """The text of every QR code in a PNG/JPEG image (zxing-cpp)."""
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image_path) as image:
            image.load()
            found = zxingcpp.read_barcodes(image.convert("L"),
                                           formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise NotReadable("The image could not be opened.") from exc
    return [code.text for code in found if code.valid and code.text]


def pdf_qr_texts(pdf_path: Path) -> list[str]:
    """The text of every QR code on every page of a PDF (pages drawn by pdftoppm)."""
    with tempfile.TemporaryDirectory(prefix="familyfile-verify-") as folder:
        try:
            subprocess.run(["pdftoppm", "-r", str(PDF_DPI), "-gray", "-png", str(pdf_path),
                            str(Path(folder) / "page")], check=True, capture_output=True,
                           timeout=PDF_TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as exc:
            raise NotReadable("The PDF could not be read (is pdftoppm from poppler installed?).") from exc
        return [text for page in sorted(Path(folder).glob("page*.png")) for text in qr_texts(page)]


def read_contents(path: Path) -> Contents:
    """Everything verifiable in ``path``; NotReadable when there is nothing."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise NotReadable("The file is too large to be a card, a share file or a QR image.")
        data = path.read_bytes()
    except OSError as exc:
        raise NotReadable("The file could not be read.") from exc
    contents = Contents()
    if data.startswith(_IMAGE_MAGIC) or data.startswith(_PDF_MAGIC):
        texts = qr_texts(path) if data.startswith(_IMAGE_MAGIC) else pdf_qr_texts(path)
        if not texts:
            raise NotReadable("No QR code was found in the image or PDF.")
        for text in texts:
            _add_text(contents, text)
        return contents
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise NotReadable("The file is neither a card, a share file, a key nor a PNG/JPEG image.") from exc
    if text.startswith("{"):
        try:
            value = strict_json(text.encode("utf-8"))
        except ValueError as exc:
            raise NotReadable("The file is not well-formed JSON.") from exc
        _add_json(contents, value, text.encode("utf-8"))
    elif text:
        _add_text(contents, text)
    if not (contents.cards or contents.key_cards or contents.jwks):
        raise NotReadable("The file holds no card and no key.")
    return contents


def _add_text(contents: Contents, text: str) -> None:
    """A QR's or a text file's content: a card, or a key card (shc:/ or plain JWS)."""
    jws = text
    if text.startswith(shc.QR_PREFIX):
        try:
            jws = shc.from_numeric(text)
        except ValueError:
            contents.cards.append(text)  # let the verifier say why
            return
    key_card = _key_card_or_none(jws)
    if key_card is not None:
        contents.key_cards.append(key_card)
    else:
        contents.cards.append(text)


def _add_json(contents: Contents, value: dict[str, Any], raw: bytes) -> None:
    """A JWK, a JWKS, a Family File share file (read by its strict reader) or a standard health
    card file (``{"verifiableCredential": [...]}``)."""
    if value.get("kty") is not None:
        contents.jwks.append(value)
        return
    if isinstance(value.get("keys"), list):  # a JWKS
        contents.jwks.extend(k for k in value["keys"] if isinstance(k, dict))
        return
    if "familyfile" in value:
        try:
            found = share_file.read_bytes(raw)
        except share_file.NotAShareFile as exc:
            raise NotReadable(str(exc)) from exc
        contents.cards.extend(found.cards)
        contents.jwks.append(found.key)
        if found.display_name.strip():
            contents.key_names[keys.kid_of(found.key)] = found.display_name.strip()
        if found.key_card is not None:
            contents.key_cards.append(read_key_card(found.key_card))  # checked by read_bytes
        return
    credentials = value.get("verifiableCredential")
    if isinstance(credentials, list):
        contents.cards.extend(c for c in credentials if isinstance(c, str))


def _key_card_or_none(jws: str) -> KeyCard | None:
    try:
        return read_key_card(jws)
    except Rejected:
        return None


# -- verifying ------------------------------------------------------------------------------------
def verify_contents(contents: Contents, trust: TrustStore, clock: Clock = SYSTEM_CLOCK) -> list[Verification]:
    """One result per card; the keys that came with them are offered, never trusted."""
    offered = contents.offered_keys
    results = []
    for card in contents.cards:
        if card.startswith(shc.QR_PREFIX):
            results.append(verify_qr_text(card, trust, offered_keys=offered, clock=clock))
        else:
            results.append(verify_jws(card, trust, offered_keys=offered, clock=clock))
    return results


# -- what can be pinned ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """A key that could be pinned for an issuer, with the fingerprint to compare first."""

    issuer: str | None
    name: str
    jwk: dict[str, Any]
    kid: str
    fingerprint: str


def candidates(contents: Contents) -> list[Candidate]:
    """Key cards (which name their issuer) first, then usable bare JWKs (issuer unknown)."""
    found = [Candidate(c.issuer, c.name, c.jwk, c.kid, c.fingerprint) for c in contents.key_cards]
    for jwk in contents.jwks:
        try:
            keys.public_key_from_jwk(jwk)
        except keys.UnusableKey:
            continue
        found.append(Candidate(None, "", jwk, keys.kid_of(jwk), keys.fingerprint_of(jwk)))
    return found



# -- for the app's verifier window ----------------------------------------------------------------
class KeyAlreadyTrusted(ValueError):
    """A different key is already trusted for this issuer: replacing it needs a second 'yes'."""


@dataclass
class Checked:
    """What one file (or pasted text) held, and one result per card in it."""

    contents: Contents
    results: list[Verification]


def contents_from_text(text: str) -> Contents:
    """Pasted or scanned text: a ``shc:/…`` text, a compact JWS, a share file or a key (JSON)."""
    text = text.strip()
    contents = Contents()
    if len(text.encode("utf-8")) > MAX_INPUT_BYTES:
        raise NotReadable("The text is too long to be a card.")
    if text.startswith("{"):
        try:
            value = strict_json(text.encode("utf-8"))
        except ValueError as exc:
            raise NotReadable("The text is not well-formed JSON.") from exc
        _add_json(contents, value, text.encode("utf-8"))
    elif text.startswith(shc.QR_PREFIX) or text.count(".") == 2:
        _add_text(contents, text)
    if not (contents.cards or contents.key_cards or contents.jwks):
        raise NotReadable("That text is not a card: a card's text starts with shc:/")
    return contents


def merged(*parts: Contents) -> Contents:
    """Several files' contents as one: each card checked with every key offered alongside."""
    out = Contents()
    for part in parts:
        out.cards += [c for c in part.cards if c not in out.cards]
        out.key_cards += [k for k in part.key_cards if k not in out.key_cards]
        out.jwks += [j for j in part.jwks if j not in out.jwks]
        out.key_names.update(part.key_names)
    return out


def check_file(path: Path, trust: TrustStore, clock: Clock = SYSTEM_CLOCK) -> Checked:
    """Read and verify ``path`` (NotReadable when it holds nothing verifiable)."""
    contents = read_contents(path)
    return Checked(contents, verify_contents(contents, trust, clock))


def qr_texts_from_gray(width: int, height: int, data: bytes, stride: int | None = None) -> list[str]:
    """The text of every QR code in an 8-bit grey frame (a camera's), ``stride`` bytes a row."""
    import zxingcpp
    from PIL import Image

    stride = stride or width
    if width <= 0 or height <= 0 or stride < width or len(data) < stride * (height - 1) + width:
        return []
    image = Image.frombuffer("L", (width, height), bytes(data), "raw", "L", stride, 1)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    return [code.text for code in found if code.valid and code.text]


def offered_jwk(contents: Contents, kid: str | None) -> dict[str, Any] | None:
    """The key offered alongside the cards whose thumbprint is ``kid`` (never trusted by this)."""
    for jwk in contents.offered_keys:
        try:
            if kid is not None and keys.kid_of(jwk) == kid:
                return jwk
        except (KeyError, TypeError):
            continue
    return None


def trust_candidate(issuer: str, jwk: dict[str, Any], folder: Path | None = None, *,
                    replace: bool = False) -> TrustStore:
    """Pin ``jwk`` for ``issuer`` after the person compared fingerprints; saved at once.

    A different key already trusted for the issuer is kept (KeyAlreadyTrusted) unless
    ``replace`` — the person confirmed a second time that the family's key really changed.
    """
    store = load_trust(folder)
    pinned = store.key_for(issuer)
    if pinned is not None and keys.kid_of(pinned) != keys.kid_of(jwk) and not replace:
        raise KeyAlreadyTrusted("A different key is already trusted for this issuer.")
    store.pin(issuer, jwk)
    save_trust(store, folder)
    return store
