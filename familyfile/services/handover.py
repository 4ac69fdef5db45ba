"""Hand it over: signed QR cards and the share file, always through the consent selection rule.

Every path runs the selection rule (:func:`services.sharing.selection`, which
:func:`services.sharing.preview` shows) and builds from ``selection.included`` only, then logs
the share with :func:`services.sharing.record_share` and the SHA-256 of exactly what was
produced:

* ``make_cards`` (format ``qr``): the cards' JWS texts joined by ``"\\n"`` (UTF-8);
* ``write_qr_folder`` (format ``qr``): the same bytes (the PNGs only draw those cards);
* ``write_share_file`` (format ``share-file``): the share file's bytes;
* ``write_fhir`` (format ``fhir``): the FHIR document Bundle's bytes (UTF-8 JSON);
* ``write_pdf`` (format ``pdf``): the PDF pack's bytes (``export.pdf_pack``).

The signing key is a parameter (a ``familyfile.export.keys.SigningKey``); where it comes from
(the vault) is not this module's business.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from familyfile.clock import utc_iso
from familyfile.domain import categories
from familyfile.domain import growth as growth_rules
from familyfile.domain import reviews as review_rules
from familyfile.domain.consent import PERMIT, Purpose, Recipient, purpose_name
from familyfile.domain.entry import Entry
from familyfile.domain.growth_chart import build_chart, reference_label
from familyfile.domain.selection import Selection
from familyfile.export import cards as card_builder
from familyfile.export import fhir_bundle, pdf_pack, share_file, shc
from familyfile.export import pdf_pack_sections as pdf_sections
from familyfile.export.keys import SigningKey
from familyfile.i18n import _
from familyfile.services import consent, growth, sharing
from familyfile.services.immunisation_words import day_text, dose_text
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


@dataclass(frozen=True)
class Chosen:
    """What the selection rule let through for one share, read once: the selection, its entries
    as Items (``selection.included`` order; the consent receipt's items at the end when asked),
    the entries themselves, and each candidate's category."""

    selection: Selection
    items: list[card_builder.Item]
    entries: list[Entry]
    category_of: dict[str, str]

    def as_carried(self, carried: set[str]) -> Selection:
        """The selection narrowed to what an output really carries, for the sharing log: the
        rule let ``selection.included`` through, but the ticked parts may carry less."""
        chosen = self.selection
        kept = tuple(i for i in chosen.included if i in carried)
        present = {self.category_of.get(i) for i in kept}
        return replace(chosen, included=kept, categories=tuple(c for c in chosen.categories if c in present),
                       why=tuple(w for w in chosen.why if w[0] in carried))


def selected_items(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                   choices: Iterable[str], with_consent: bool) -> Chosen:
    """THE rule applied once, over one read of the child's entries."""
    pairs = sharing.candidates(session, child_id)
    chosen = sharing.selection_of(session, child_id, pairs, recipient, purpose, choices)
    by_id = {str(entry.id): entry for _, entry in pairs}
    entries = [by_id[i] for i in chosen.included]
    items = [card_builder.Item(e.kind, e.data, e.occurred_on, str(e.id)) for e in entries]
    if with_consent:
        items += _consent_items(session, child_id, chosen.recipient)
    return Chosen(chosen, items, entries, {c.id: c.category for c, _e in pairs})


def build(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
          choices: Iterable[str], key: SigningKey, sections: Sequence[str],
          expires_days: int = DEFAULT_EXPIRES_DAYS) -> tuple[Selection, list[str]]:
    """The selection and the cards built from ``selection.included`` only (nothing is logged)."""
    chosen, made = build_by_section(session, child_id, recipient, purpose, choices, key, sections,
                                    expires_days)
    return chosen, [jws for _section, jws in made]


def build_by_section(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                     choices: Iterable[str], key: SigningKey, sections: Sequence[str],
                     expires_days: int = DEFAULT_EXPIRES_DAYS) -> tuple[Selection, list[tuple[str, str]]]:
    """As :func:`build`, each card with the section it belongs to."""
    if expires_days < 1:
        raise ValueError("the cards must last at least one day")
    found = selected_items(session, child_id, recipient, purpose, choices, card_builder.CONSENT in sections)
    now = session.clock.now()
    made = card_builder.build_by_section(key, shc.issuer_for(session.file_id), sections, found.items,
                                         nbf=now, exp=now + timedelta(days=expires_days))
    return found.as_carried(card_builder.carried_ids(sections, found.items)), made


def produced_bytes(made: Sequence[str]) -> bytes:
    """What a set of cards is, for the sharing log's SHA-256."""
    return "\n".join(made).encode("utf-8")


def make_cards(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
               choices: Iterable[str], key: SigningKey, sections: Sequence[str],
               expires_days: int = DEFAULT_EXPIRES_DAYS) -> list[str]:
    """Build the cards and log the share (format ``qr``)."""
    return [jws for _section, jws in make_cards_by_section(session, child_id, recipient, purpose, choices,
                                                            key, sections, expires_days)]


def make_cards_by_section(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                          choices: Iterable[str], key: SigningKey, sections: Sequence[str],
                          expires_days: int = DEFAULT_EXPIRES_DAYS) -> list[tuple[str, str]]:
    """As :func:`make_cards`, each card with its section (for titles on screen)."""
    chosen, made = build_by_section(session, child_id, recipient, purpose, choices, key, sections,
                                    expires_days)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, QR_FORMAT,
                         produced_bytes([jws for _section, jws in made]))
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
    key_card = shc.encode_key_card(key, shc.issuer_for(session.file_id), display_name, session.clock.now())
    data = share_file.write_bytes(made, key.public_jwk, display_name, key_card)
    write_atomic(out, data)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, SHARE_FORMAT, data)
    return data


def fhir_document(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                  choices: Iterable[str], sections: Sequence[str] | None = None
                  ) -> tuple[Selection, dict[str, Any]]:
    """The selection (narrowed to what the document carries) and the FHIR document Bundle built
    from ``selection.included`` only, limited to the kinds of ``sections`` (default: all)."""
    found = selected_items(session, child_id, recipient, purpose, choices, False)
    wanted = card_builder.SECTIONS if sections is None else tuple(sections)
    unknown = [s for s in wanted if s not in card_builder.SECTIONS]
    if unknown:
        raise ValueError(f"unknown section: {', '.join(unknown)}")
    kinds = {k for s in wanted for k in card_builder.SECTION_KINDS[s]} | {"about_me"}  # who it is about
    sources = [fhir_bundle.Source(str(e.id), card_builder.Item(e.kind, e.data, e.occurred_on, str(e.id)),
                                  e.author.kind, e.author.name, e.updated_utc)
               for e in found.entries if e.kind in kinds and e.kind in card_builder.BUILDERS]
    document = fhir_bundle.build_document(sources, composed_at=utc_iso(session.clock.now()))
    fhir_bundle.validate(document)
    return found.as_carried({s.entry_id for s in sources}), document


def write_fhir(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
               choices: Iterable[str], out: Path, sections: Sequence[str] | None = None) -> bytes:
    """Write the FHIR document Bundle (JSON) to ``out`` and log it (format ``fhir``); returns its bytes."""
    chosen, document = fhir_document(session, child_id, recipient, purpose, choices, sections)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomic(out, data)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, FHIR_FORMAT, data)
    return data


# -- the PDF pack ---------------------------------------------------------------------------------
PDF_FORMAT = "pdf"
JOURNAL = "journal"
#: What the PDF pack can hold, in the order it prints: the card sections and the print-only journal.
PDF_SECTIONS = (card_builder.ABOUT_ME, card_builder.IMMUNISATIONS, card_builder.GROWTH,
                card_builder.REVIEW, JOURNAL, card_builder.INVOLVEMENT, card_builder.CONSENT)


def _day(value: str) -> str:
    try:
        return day_text(date.fromisoformat(str(value)[:10])) if value else ""
    except ValueError:
        return str(value)


def _dose(vaccine: str, dose: Any) -> str:
    try:
        number = int(dose) if dose not in (None, "") else None
    except (TypeError, ValueError):
        number = None
    return dose_text(vaccine, number)


def _growth_section(session: Any, child_id: str, entries: Sequence[Entry], cards: Sequence[str],
                    with_age: bool) -> pdf_pack.PackSection:
    """The selected measurements as rows and, when the date of birth was shared, RCPCH charts."""
    about = growth.basis(session, child_id)
    found = sorted((growth.row(session, e, about) for e in entries if e.kind == growth_rules.KIND),
                   key=lambda r: r.measurement.measured_on)
    rows = []
    for row in found:
        cells = []
        for method in growth_rules.METHODS:
            value = getattr(row.measurement, growth_rules.FIELD_FOR[method])
            centile = row.result.centiles.get(method)
            text = "" if value is None else growth_rules.number_text(value)
            if text and centile is not None and centile.text:
                text = _("{value} (centile {centile})").format(value=text, centile=centile.text)
            cells.append(text)
        rows.append((day_text(row.measurement.measured_on), row.age_text if with_age else "", *cells))
    made = []
    if with_age:
        made = [build_chart(m, about, [(r.entry.id, r.result) for r in found]) for m in growth_rules.METHODS]
    section = pdf_sections.growth(rows, made, cards, reference_label(), with_age)
    if found and not with_age:
        section = replace(section, paragraphs=(*section.paragraphs, _(
            "Ages and growth charts are not printed: the child's date of birth was not shared.")))
    return section


def _log_rows(session: Any, child_id: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for record in sharing.share_log(session, child_id):
        who = record.recipient.name or record.recipient.id
        kinds = ", ".join(categories.category_name(c) for c in record.categories)
        rows.append((_day(record.at_utc), who, record.purpose.label(), kinds, record.format))
    return rows


def pdf_pack_for(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                 choices: Iterable[str], key: SigningKey, sections: Sequence[str], display_name: str,
                 expires_days: int = DEFAULT_EXPIRES_DAYS, *, include_sharing_log: bool = False
                 ) -> tuple[Selection, pdf_pack.Pack]:
    """The selection and the PDF pack made from ``selection.included`` only (nothing is logged)."""
    if expires_days < 1:
        raise ValueError("the cards must last at least one day")
    unknown = [s for s in sections if s not in PDF_SECTIONS]
    if unknown:
        raise ValueError(f"unknown section: {', '.join(unknown)}")
    found = selected_items(session, child_id, recipient, purpose, choices, card_builder.CONSENT in sections)
    chosen, items, entries = found.selection, found.items, found.entries
    now = session.clock.now()
    expires = now + timedelta(days=expires_days)
    iss = shc.issuer_for(session.file_id)
    cards = {s: card_builder.build_cards(key, iss, s, items, nbf=now, exp=expires)
             for s in PDF_SECTIONS if s in sections and s in card_builder.SECTIONS}
    about = next((i.data for i in items if i.kind == "about_me"), None)
    contacts = {c.key: c.name for c in review_rules.contact_definitions()}
    makers: dict[str, Callable[[], pdf_pack.PackSection]] = {
        card_builder.ABOUT_ME: lambda: pdf_sections.about_me(items, cards[card_builder.ABOUT_ME], _day),
        card_builder.IMMUNISATIONS: lambda: pdf_sections.immunisations(
            items, cards[card_builder.IMMUNISATIONS], _day, _dose),
        card_builder.GROWTH: lambda: _growth_section(session, child_id, entries, cards[card_builder.GROWTH],
                                                     about is not None),
        card_builder.REVIEW: lambda: pdf_sections.reviews(items, cards[card_builder.REVIEW], _day,
                                                          lambda k: _(contacts.get(k, k))),
        JOURNAL: lambda: pdf_sections.journal(items, _day),
        card_builder.INVOLVEMENT: lambda: pdf_sections.involvement(
            items, cards[card_builder.INVOLVEMENT], _day),
        card_builder.CONSENT: lambda: pdf_sections.consent(items, cards[card_builder.CONSENT], _day,
                                                           categories.category_name, purpose_name),
    }
    child = session.child(child_id)
    name = " ".join(str(about.get(k) or "") for k in ("given_name", "family_name")).strip() if about else ""
    pack = pdf_pack.Pack(
        child_name=name or child.given_name, recipient=chosen.recipient.name or chosen.recipient.id,
        purpose=purpose.label(), made_on=day_text(now.date()), expires_on=day_text(expires.date()),
        alerts=pdf_sections.alert_lines(items if card_builder.ABOUT_ME in sections else []),
        notice=consent.notice(),
        sections=tuple(makers[s]() for s in PDF_SECTIONS if s in sections),
        key_card=shc.encode_key_card(key, iss, display_name, now), fingerprint=key.fingerprint,
        signer_name=display_name, child_born=_day(str(about.get("date_of_birth") or "")) if about else "",
        sharing_log=pdf_sections.sharing_log(_log_rows(session, child_id)) if include_sharing_log else None)
    carried = card_builder.carried_ids([s for s in sections if s in card_builder.SECTIONS], items)
    if card_builder.REVIEW in sections:  # the pack prints every review, the card only the latest
        carried |= {i.entry_id for i in items if i.kind in card_builder.SECTION_KINDS[card_builder.REVIEW]}
    if JOURNAL in sections:
        carried |= {i.entry_id for i in pdf_sections.journal_highlights(items)}
    carried |= {i.entry_id for i in items if i.kind == "about_me"}  # the cover names the child
    return found.as_carried(carried), pack


def write_pdf(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
              choices: Iterable[str], key: SigningKey, sections: Sequence[str], out: Path,
              display_name: str, expires_days: int = DEFAULT_EXPIRES_DAYS, *,
              include_sharing_log: bool = False) -> bytes:
    """Write the PDF pack to ``out`` and log it (format ``pdf``); returns its bytes.

    ``sections`` are any of :data:`PDF_SECTIONS` (the card sections and ``journal``, which is
    printed only); ``include_sharing_log`` adds a page listing earlier shares of this child.
    """
    chosen, pack = pdf_pack_for(session, child_id, recipient, purpose, choices, key, sections,
                                display_name, expires_days, include_sharing_log=include_sharing_log)
    data = pdf_pack.build_pdf(pack)
    write_atomic(out, data)
    sharing.record_share(session, child_id, chosen.recipient, purpose, chosen, PDF_FORMAT, data)
    return data
