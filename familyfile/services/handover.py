"""Hand it over: signed QR cards and the share file, always through the consent selection rule.

Every path runs :func:`services.sharing.preview` and builds cards from ``selection.included``
only, then logs the share with :func:`services.sharing.record_share` and the SHA-256 of exactly
what was produced:

* ``make_cards`` (format ``qr``): the cards' JWS texts joined by ``"\\n"`` (UTF-8);
* ``write_qr_folder`` (format ``qr``): the same bytes (the PNGs only draw those cards);
* ``write_share_file`` (format ``share-file``): the share file's bytes;
* ``write_fhir`` (format ``fhir``): the FHIR document Bundle's bytes (UTF-8 JSON).

The signing key is a parameter (a ``familyfile.export.keys.SigningKey``); where it comes from
(the vault) is not this module's business.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from familyfile.clock import utc_iso
from familyfile.domain.consent import PERMIT, Purpose, Recipient
from familyfile.domain.selection import Selection
from familyfile.export import cards as card_builder
from familyfile.export import fhir_bundle, share_file, shc
from familyfile.export.keys import SigningKey
from familyfile.services import consent, sharing
from familyfile.store.atomic_file import write_atomic

DEFAULT_EXPIRES_DAYS = 90
QR_FORMAT, SHARE_FORMAT, FHIR_FORMAT = "qr", "share-file", "fhir"


def _consent_items(session: Any, child_id: str, recipient: Recipient) -> list[card_builder.Item]:
    """The consent receipt: the family's own decisions for this recipient, per category."""
    state = consent.state(session, child_id)
    today = session.today()
    found = []
    for category in consent.categories():
        cell = state.cell(recipient.id, category.key)
        if cell is None:
            continue
        last = cell.last
        status = cell.status(today)
        found.append(card_builder.Item("consent", {
            "category": category.key, "decision": last.decision,
            "status": "active" if status in (PERMIT, "deny") else "inactive",
            "purposes": [p.key for p in last.purposes], "start_on": last.start_on.isoformat(),
            "until": last.until.isoformat() if last.until else None}))
    return found


def build(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
          choices: Iterable[str], key: SigningKey, sections: Sequence[str],
          expires_days: int = DEFAULT_EXPIRES_DAYS) -> tuple[Selection, list[str]]:
    """The selection and the cards built from ``selection.included`` only (nothing is logged)."""
    if expires_days < 1:
        raise ValueError("the cards must last at least one day")
    found = sharing.preview(session, child_id, recipient, purpose, choices)
    chosen = found.selection
    by_id = {str(entry.id): entry for _, entry in sharing.candidates(session, child_id)}
    items = [card_builder.Item(by_id[i].kind, by_id[i].data, by_id[i].occurred_on)
             for i in chosen.included]
    if card_builder.CONSENT in sections:
        items += _consent_items(session, child_id, chosen.recipient)
    now = session.clock.now()
    made = card_builder.build_all(key, shc.issuer_for(session.file_id), sections, items,
                                  nbf=now, exp=now + timedelta(days=expires_days))
    return chosen, made


def produced_bytes(made: Sequence[str]) -> bytes:
    """What a set of cards is, for the sharing log's SHA-256."""
    return "\n".join(made).encode("utf-8")


def make_cards(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
               choices: Iterable[str], key: SigningKey, sections: Sequence[str],
               expires_days: int = DEFAULT_EXPIRES_DAYS) -> list[str]:
    """Build the cards and log the share (format ``qr``)."""
    chosen, made = build(session, child_id, recipient, purpose, choices, key, sections, expires_days)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, QR_FORMAT,
                         produced_bytes(made))
    return made


def write_qr_folder(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                    choices: Iterable[str], key: SigningKey, sections: Sequence[str], out: Path,
                    expires_days: int = DEFAULT_EXPIRES_DAYS) -> list[Path]:
    """One PNG per card (``card-01.png`` …) in ``out``; the share is logged as ``qr``."""
    chosen, made = build(session, child_id, recipient, purpose, choices, key, sections, expires_days)
    images = [shc.render_qr(jws) for jws in made]  # CardTooLarge before anything is written
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(images, start=1):
        path = out / f"card-{number:02d}.png"
        image.save(str(path))
        paths.append(path)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, QR_FORMAT,
                         produced_bytes(made))
    return paths


def write_share_file(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                     choices: Iterable[str], key: SigningKey, sections: Sequence[str], out: Path,
                     display_name: str, expires_days: int = DEFAULT_EXPIRES_DAYS) -> bytes:
    """Write the share file to ``out`` and log it (format ``share-file``); returns its bytes."""
    chosen, made = build(session, child_id, recipient, purpose, choices, key, sections, expires_days)
    data = share_file.write_bytes(made, key.public_jwk, display_name)
    write_atomic(out, data)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, SHARE_FORMAT, data)
    return data


def fhir_document(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                  choices: Iterable[str]) -> tuple[Selection, dict[str, Any]]:
    """The selection and the FHIR document Bundle built from ``selection.included`` only."""
    chosen = sharing.preview(session, child_id, recipient, purpose, choices).selection
    by_id = {str(entry.id): entry for _, entry in sharing.candidates(session, child_id)}
    sources = [fhir_bundle.Source(i, card_builder.Item(by_id[i].kind, by_id[i].data, by_id[i].occurred_on),
                                  by_id[i].author.kind, by_id[i].author.name, by_id[i].updated_utc)
               for i in chosen.included]
    document = fhir_bundle.build_document(sources, composed_at=utc_iso(session.clock.now()))
    fhir_bundle.validate(document)
    return chosen, document


def write_fhir(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
               choices: Iterable[str], out: Path) -> bytes:
    """Write the FHIR document Bundle (JSON) to ``out`` and log it (format ``fhir``); returns its bytes."""
    chosen, document = fhir_document(session, child_id, recipient, purpose, choices)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomic(out, data)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, FHIR_FORMAT, data)
    return data
