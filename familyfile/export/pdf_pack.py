"""The PDF pack: chosen parts of a child's record on paper, with a signed QR card per section.

Pure: :func:`build_pdf` lays out a :class:`Pack` of data that the consent selection rule has
already let through (``services.handover.pdf_pack`` makes it), and chooses nothing itself.

Layout (A4, Red-Book-like): a cover (the child, the recipient, the purpose, the date, the
expiry, the critical alerts, the "parent-held, parent-selected — not a complete record"
banner and the safeguarding notice); then each chosen section under a grey band with a heavy
rule, its table or facts, and its QR cards (50 mm wide with their quiet zone, three to a row,
"Card n of m — section" under each); then, if the family ticked it, who has had this record;
last, on a page of its own, the key card and the fingerprint. Every page's footer repeats the
banner. The PDF's own properties name no one (neutral title, author, subject, keywords).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
)

from familyfile.domain.growth_chart import ChartData
from familyfile.export import pdf_growth_chart as charts
from familyfile.export import pdf_pack_parts as parts
from familyfile.i18n import _, ngettext

# Read by file managers, print queues and search indexes: they say what the document is, never whose.
PDF_TITLE = "Family File pack"
PDF_AUTHOR = "Family File"
PDF_SUBJECT = "Family File pack"
PDF_CREATOR = "Family File"
PDF_PRODUCER = "Family File"
PDF_KEYWORDS = ""
MARGIN = 18 * mm


@dataclass(frozen=True)
class PackTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths
    heading: str = ""


@dataclass(frozen=True)
class PackSection:
    """One chosen section, already in words; ``cards`` are its signed cards (JWS texts)."""

    key: str
    title: str
    facts: tuple[tuple[str, str], ...] = ()
    tables: tuple[PackTable, ...] = ()
    paragraphs: tuple[str, ...] = ()
    charts: tuple[ChartData, ...] = ()
    cards: tuple[str, ...] = ()
    print_only: bool = False  # no QR card (the journal, who has had this record)


@dataclass(frozen=True)
class Pack:
    child_name: str
    recipient: str
    purpose: str
    made_on: str
    expires_on: str
    alerts: tuple[str, ...]
    notice: str  # the safeguarding notice
    sections: tuple[PackSection, ...]
    key_card: str  # the key card's JWS
    fingerprint: str
    signer_name: str
    child_born: str = ""  # only when the about-me entry was shared
    sharing_log: PackSection | None = None


def _cards_text(n: int) -> str:
    return ngettext("{n} signed QR card", "{n} signed QR cards", n).format(n=n)


def banner_text() -> str:
    return _("Parent-held, parent-selected — not a complete record")


def card_count(pack: Pack) -> int:
    return sum(len(s.cards) for s in pack.sections)


def pack_text(pack: Pack) -> list[str]:
    """Every piece of child or share text the PDF prints (for tests and checks)."""
    found = [pack.child_name, pack.child_born, pack.recipient, pack.purpose, pack.made_on,
             pack.expires_on, *pack.alerts, pack.notice, pack.signer_name, pack.fingerprint]
    for section in (*pack.sections, *([pack.sharing_log] if pack.sharing_log else [])):
        found.append(section.title)
        found += [t for pair in section.facts for t in pair]
        found += list(section.paragraphs)
        for table in section.tables:
            found += [table.heading, *table.headers, *(v for row in table.rows for v in row)]
    return [t for t in found if t]


# -- the pages ------------------------------------------------------------------------------------
def _cover(pack: Pack, st: dict[str, parts.ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [
        parts.p(_("Family File"), st["kicker"]),
        parts.p(_("Shared record for {name}").format(name=pack.child_name), st["title"]),
        parts.p(_("Handed over by the family, for the person named below."), st["subtitle"]),
        Spacer(0, 5 * mm),
        parts.banner(banner_text().upper(), st, width),
        Spacer(0, 5 * mm),
    ]
    facts = [(_("Child"), pack.child_name)]
    if pack.child_born:
        facts.append((_("Date of birth"), pack.child_born))
    facts += [(_("Shared with"), pack.recipient), (_("Purpose"), pack.purpose),
              (_("Made on"), pack.made_on), (_("Cards valid until"), pack.expires_on)]
    story += [parts.facts_table(facts, st, width), Spacer(0, 6 * mm)]
    alert_parts: list[Flowable] = [parts.p(_("CRITICAL ALERTS"), st["section"]), Spacer(0, 2)]
    if pack.alerts:
        alert_parts += [parts.p(a, st["kicker"], "\u25a0") for a in pack.alerts]
    else:
        alert_parts.append(parts.p(_("No critical alerts are in what the family shared. This "
                                     "does not mean the child has none."), st["body"]))
    story += [parts.boxed(alert_parts, width), Spacer(0, 6 * mm)]
    contents = [(s.title, _("printed only, no QR card") if s.print_only else
                 _cards_text(len(s.cards)) if s.cards else _("no QR card"))
                for s in pack.sections]
    if contents:
        story += [parts.p(_("In this pack"), st["subhead"]), parts.facts_table(contents, st, width, 0.5)]
    story += [
        parts.p(_("Please note"), st["subhead"]), parts.p(pack.notice, st["body"]),
        parts.p(_("Checking the cards"), st["subhead"]),
        parts.p(_("Each section's QR cards are signed by the family's key. Scan them with a Family "
                  "File verifier. Before you trust the key, compare the fingerprint on the last "
                  "page with the one on the family's own screen."), st["body"]),
    ]
    return story


def _section(section: PackSection, first_card: int, total: int,
             st: dict[str, parts.ParagraphStyle], width: float) -> list[Flowable]:
    note = (_("Printed only: this section has no QR card.") if section.print_only else
            _("No QR card for this section.") if not section.cards else
            ngettext("{n} signed QR card after this section's contents.",
                     "{n} signed QR cards after this section's contents.", len(section.cards)).format(
                         n=len(section.cards)))
    story: list[Flowable] = [CondPageBreak(60 * mm), parts.section_heading(section.title, note, st, width),
                             Spacer(0, 3 * mm)]
    if section.facts:
        story += [parts.facts_table(section.facts, st, width), Spacer(0, 3 * mm)]
    for table in section.tables:
        head = [parts.p(table.heading, st["subhead"])] if table.heading else []
        if table.rows:
            story += [*head, parts.data_table(table.headers, table.rows, table.widths, st, width)]
        story.append(Spacer(0, 3 * mm))
    story += [parts.p(text, st["body"]) for text in section.paragraphs]
    for chart in section.charts:
        drawing: Drawing = charts.drawing(chart, width, 105 * mm)
        story.append(KeepTogether([parts.p(charts.chart_title(chart.method), st["subhead"]), drawing,
                                   parts.p(charts.legend(chart), st["small"])]))
    if section.cards:
        captions = [_("Card {n} of {m} — {section}").format(n=first_card + i, m=total, section=section.title)
                    for i in range(len(section.cards))]
        grid = parts.qr_grid([parts.qr_card(jws, c, st) for jws, c in zip(section.cards, captions,
                                                                            strict=True)], width)
        label = parts.p(_("Signed cards: {section}").format(section=section.title), st["subhead"])
        story += [Spacer(0, 2 * mm), KeepTogether([label, grid])]
    story.append(Spacer(0, 6 * mm))
    return story


def _key_page(pack: Pack, st: dict[str, parts.ParagraphStyle], width: float) -> list[Flowable]:
    groups = pack.fingerprint.split()
    lines = [" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]
    return [
        PageBreak(),
        parts.section_heading(_("The family's key"), _("Scan this before the cards."), st, width),
        Spacer(0, 4 * mm),
        parts.p(_("This key card holds the family's public key, signed by itself. It proves only "
                  "that the cards and this key belong together. Trust it after you have compared "
                  "the fingerprint below with the one the family shows you in Family File."), st["body"]),
        Spacer(0, 4 * mm),
        parts.p(_("Fingerprint"), st["subhead"]),
        parts.boxed([parts.p(line, st["fingerprint"]) for line in lines], width, 1.2),
        Spacer(0, 6 * mm),
        parts.qr_grid([parts.qr_card(pack.key_card, _("Key card — {name}").format(name=pack.signer_name),
                                     st)], parts.QR_WIDTH + 8 * mm),  # one card, centred
    ]


def _footer(text: str, total_label: str) -> object:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(parts.TEXT, 8)
        canvas.setLineWidth(0.6)
        y = MARGIN - 8 * mm
        canvas.line(MARGIN, y + 10, A4[0] - MARGIN, y + 10)
        canvas.drawString(MARGIN, y, text)
        canvas.drawRightString(A4[0] - MARGIN, y, total_label.format(n=doc.page))
        canvas.restoreState()
    return draw


def story(pack: Pack, width: float) -> list[Flowable]:
    st = parts.styles()
    flow = _cover(pack, st, width)
    total = card_count(pack)
    number = 1
    for index, section in enumerate(pack.sections):
        flow += ([PageBreak()] if index == 0 else []) + _section(section, number, total, st, width)
        number += len(section.cards)
    if pack.sharing_log is not None:
        flow += [PageBreak(), *_section(pack.sharing_log, number, total, st, width)]
    return flow + _key_page(pack, st, width)


def build_pdf(pack: Pack) -> bytes:
    """The pack as an A4 PDF, in memory (neutral metadata, deterministic layout)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=PDF_TITLE, author=PDF_AUTHOR, subject=PDF_SUBJECT,
        creator=PDF_CREATOR, producer=PDF_PRODUCER, keywords=PDF_KEYWORDS, invariant=1)
    footer = _footer(banner_text(), _("Page {n}"))
    doc.build(story(pack, doc.width - 12), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def section_titles() -> dict[str, str]:
    """The printed name of every section the pack can hold."""
    return {"about_me": _("About me"), "immunisations": _("Vaccinations"), "growth": _("Growth"),
            "review": _("Reviews and checks"), "journal": _("Journal highlights"),
            "involvement": _("Services helping"), "consent": _("Consent receipt"),
            "sharing_log": _("Who has had this record")}


def page_count(data: bytes) -> int:
    """How many pages a PDF made here has (counts its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
