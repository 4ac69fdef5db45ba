"""The recovery sheet: the recovery key on paper, printed once and kept with the passports.

Like an "emergency kit", it holds the one thing that opens the family file when the
passphrase is forgotten, and a few plain sentences on what it is and where to keep
it. It never holds child data. The same content comes out as a PDF
(:func:`write_recovery_sheet`) and as simple HTML for Qt's printing
(:func:`sheet_html`); both are built from :func:`sheet_text`.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from familyfile.i18n import _
from familyfile.store import recovery_key as rk
from familyfile.store.atomic_file import write_atomic

# The PDF's own properties are read by file managers, printers' job lists and search
# indexes, so they say only what the document is: never the key, never a name.
_PDF_TITLE = "Family File recovery sheet"
_PDF_AUTHOR = "Family File"
_PDF_SUBJECT = "Recovery sheet"
_PDF_CREATOR = "Family File"
_PDF_PRODUCER = "Family File"
_PDF_KEYWORDS = ""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class RecoverySheetContent:
    """Every word on the sheet, already translated. Plain text: escape before markup."""

    title: str
    made_on: str
    key_label: str
    groups: tuple[str, ...]
    key_hint: str
    sections: tuple[Section, ...]
    kept_at_label: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for section in self.sections for p in section.paragraphs)


def _month_names() -> tuple[str, ...]:
    return (
        _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
        _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
    )


def _made_on(created: datetime) -> str:
    if created.tzinfo is None:
        raise ValueError("naive datetime: timestamps must be timezone-aware")
    day = created.date()
    # Translators: a date, as in "22 November 2026". Reorder the parts as needed.
    text = _("{day} {month} {year}").format(
        day=day.day, month=_month_names()[day.month - 1], year=day.year
    )
    return _("Made on {date}").format(date=text)


def sheet_text(recovery_key: str, created: datetime) -> RecoverySheetContent:
    """The sheet's words for ``recovery_key``, made at ``created`` (timezone-aware).

    The key is checked (check group included) and written in its canonical groups, so
    a sheet is never printed with a key that could not open the file. Raises
    :class:`familyfile.errors.ValidationError` for a malformed key.
    """
    groups = tuple(rk.groups(rk.parse(recovery_key)))
    return RecoverySheetContent(
        title=_("Family File recovery sheet"),
        made_on=_made_on(created),
        key_label=_("Your recovery key"),
        groups=groups,
        key_hint=_("Type the groups in order, from 1 to 9."),
        sections=(
            Section(
                heading=_("What this key does"),
                paragraphs=(
                    _("This key opens your family file if you forget your passphrase."),
                    _(
                        "When you use it, you choose a new passphrase and you get a new "
                        "recovery key. Then this sheet stops working. Print the new sheet "
                        "and tear up this one."
                    ),
                ),
            ),
            Section(
                heading=_("Where to keep this sheet"),
                paragraphs=(
                    _(
                        "Keep it somewhere safe at home, with important papers such as "
                        "passports."
                    ),
                    _("Do not keep it on the same computer as the family file."),
                    _("Do not take a photo of it with your phone."),
                    _(
                        "Do not share it. Anyone with this sheet and the family file can "
                        "read your child's record."
                    ),
                ),
            ),
            Section(
                heading=_("If you lose this sheet"),
                paragraphs=(
                    _(
                        "If you lose this sheet, open Family File while you still know "
                        "your passphrase and print a new one."
                    ),
                ),
            ),
        ),
        kept_at_label=_("Where the family file is kept:"),
    )


# --- PDF --------------------------------------------------------------------------

_MARGIN = 20 * mm
_TEXT_FONT = "Helvetica"
_BOLD_FONT = "Helvetica-Bold"
_KEY_FONT = "Courier-Bold"
_GREY = colors.Color(0.3, 0.3, 0.3)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=_TEXT_FONT, fontSize=12, leading=16, spaceAfter=4)
    return {
        "title": ParagraphStyle("title", fontName=_BOLD_FONT, fontSize=24, leading=29),
        "made_on": ParagraphStyle("made_on", parent=body, textColor=_GREY, spaceAfter=0),
        "label": ParagraphStyle("label", fontName=_BOLD_FONT, fontSize=13, leading=17),
        "heading": ParagraphStyle(
            "heading", fontName=_BOLD_FONT, fontSize=14, leading=18, spaceBefore=12,
            spaceAfter=5,
        ),
        "body": body,
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=16, bulletIndent=2, bulletFontSize=14
        ),
        "number": ParagraphStyle(
            "number", fontName=_BOLD_FONT, fontSize=11, leading=13, alignment=TA_CENTER,
            textColor=_GREY,
        ),
        "group": ParagraphStyle(
            "group", fontName=_KEY_FONT, fontSize=32, leading=36, alignment=TA_CENTER
        ),
    }


def _p(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    # Paragraph reads a small markup language: a translation with "<" or "&" must
    # come out as written, not be taken for a tag.
    return Paragraph(html.escape(text, quote=False), style, bulletText=bullet)


def _key_table(groups: tuple[str, ...], styles: dict[str, ParagraphStyle], width: float) -> Table:
    columns = 3
    cells = [
        [_p(str(number), styles["number"]), _p(group, styles["group"])]
        for number, group in enumerate(groups, start=1)
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    # Each cell is a tiny table of its own: the number on top, the group below it.
    inner = [
        [Table([[c[0]], [c[1]]], rowHeights=(15, 40)) for c in row] for row in rows
    ]
    table = Table(inner, colWidths=[width / columns] * columns)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


class _WriteOnLine(Flowable):
    """A label with a ruled line after it, and a second line below, for handwriting."""

    def __init__(self, label: str, style: ParagraphStyle, width: float) -> None:
        super().__init__()
        self._label = _p(label, style)
        self.width = width
        self._gap = 28.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.width, avail_width)
        self._label_w, self._label_h = self._label.wrap(self.width, avail_height)
        self.height = self._label_h + 2 * self._gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        self._label.drawOn(canvas, 0, self.height - self._label_h)
        canvas.setLineWidth(0.75)
        canvas.setStrokeColor(colors.black)
        for n in (1, 2):
            y = self.height - self._label_h - n * self._gap + 6
            canvas.line(0, y, self.width, y)


def _flowables(content: RecoverySheetContent, width: float) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = [
        _p(content.title, styles["title"]),
        Spacer(0, 4),
        _p(content.made_on, styles["made_on"]),
        Spacer(0, 9 * mm),
        # The key is never split across two pages.
        KeepTogether(
            [
                _p(content.key_label, styles["label"]),
                Spacer(0, 6),
                _key_table(content.groups, styles, width),
                Spacer(0, 6),
                _p(content.key_hint, styles["made_on"]),
            ]
        ),
        Spacer(0, 3 * mm),
    ]
    for section in content.sections:
        bullets = len(section.paragraphs) > 1
        parts: list[Flowable] = [_p(section.heading, styles["heading"])]
        parts += [
            _p(text, styles["bullet"], "\u2022") if bullets else _p(text, styles["body"])
            for text in section.paragraphs
        ]
        story.append(KeepTogether(parts))
    story += [Spacer(0, 9 * mm), _WriteOnLine(content.kept_at_label, styles["label"], width)]
    return story


def pdf_bytes(recovery_key: str, created: datetime) -> bytes:
    """The sheet as a one-page A4 PDF, in memory."""
    content = sheet_text(recovery_key, created)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=_PDF_TITLE,
        author=_PDF_AUTHOR,
        subject=_PDF_SUBJECT,
        creator=_PDF_CREATOR,
        producer=_PDF_PRODUCER,
        keywords=_PDF_KEYWORDS,
        invariant=1,
    )
    # The frame keeps 6 pt of padding on each side inside the margins.
    doc.build(_flowables(content, doc.width - 12))
    return buffer.getvalue()


def write_recovery_sheet(out: Path, recovery_key: str, created: datetime) -> None:
    """Write the sheet to ``out`` as a PDF: private (0600), whole or not at all.

    Written to a temporary sibling, synced, then renamed over ``out``. Raises
    :class:`familyfile.errors.ValidationError` for a malformed key (nothing is
    written) and ``StorageError``/``DiskFullError`` if the disk refuses.
    """
    write_atomic(Path(out), pdf_bytes(recovery_key, created))


# --- HTML (for QTextDocument) -----------------------------------------------------


def sheet_html(recovery_key: str, created: datetime) -> str:
    """The sheet as simple HTML that Qt's QTextDocument can lay out and print.

    Only what QTextDocument understands: h1, p, one table, and inline styles for
    font, size, colour and margins. Every piece of text is escaped.
    """
    content = sheet_text(recovery_key, created)

    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    def para(text: str, style: str = "") -> str:
        return f'<p style="margin-top: 0px; margin-bottom: 6px; {style}">{text}</p>'

    grey = "color: #444444;"
    mono = "font-family: 'Courier New', Courier, monospace; font-size: 24pt; font-weight: bold;"
    columns = 3
    rows = []
    for start in range(0, len(content.groups), columns):
        cells = [
            '<td align="center" width="33%">'
            f'<p style="margin: 0px; font-size: 9pt; font-weight: bold; {grey}">{number}</p>'
            f'<p style="margin: 0px; {mono}">{esc(group)}</p></td>'
            for number, group in enumerate(content.groups[start : start + columns], start + 1)
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")

    parts = [
        '<html><body style="font-family: Arial, Helvetica, sans-serif; font-size: 11pt;">',
        f'<h1 style="margin-bottom: 2px;">{esc(content.title)}</h1>',
        para(esc(content.made_on), grey),
        para(esc(content.key_label), "margin-top: 14px; font-weight: bold;"),
        '<table border="1" cellspacing="0" cellpadding="8" width="100%" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid;">',
        *rows,
        "</table>",
        para(esc(content.key_hint), f"margin-top: 4px; {grey}"),
    ]
    for section in content.sections:
        parts.append(
            para(esc(section.heading), "margin-top: 12px; font-size: 13pt; font-weight: bold;")
        )
        bullet = "\u2022&nbsp;" if len(section.paragraphs) > 1 else ""
        parts += [para(bullet + esc(text)) for text in section.paragraphs]
    parts += [
        para(esc(content.kept_at_label), "margin-top: 18px; font-weight: bold;"),
        para("_" * 60, "margin-top: 14px;"),
        para("_" * 60, "margin-top: 14px;"),
        "</body></html>",
    ]
    return "\n".join(parts)
