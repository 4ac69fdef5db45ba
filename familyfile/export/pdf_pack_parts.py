"""The PDF pack's building blocks: styles, headings, tables and the QR card (reportlab).

Everything is black on white with grey fills at most, so a black-and-white printout loses
nothing: headings are a grey band with a heavy rule, emphasis is weight, never colour.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from familyfile.export import shc

TEXT, BOLD, MONO = "Helvetica", "Helvetica-Bold", "Courier-Bold"
BAND = colors.Color(0.86, 0.86, 0.86)
LIGHT = colors.Color(0.94, 0.94, 0.94)
INK = colors.black
#: The printed QR, quiet zone included; the symbol itself is then at least 46 mm wide.
QR_WIDTH = 50 * mm


def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=TEXT, fontSize=10, leading=13, spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "head_cell": ParagraphStyle("head_cell", parent=body, fontName=BOLD, fontSize=9,
                                    leading=11.5, spaceAfter=0),
        "kicker": ParagraphStyle("kicker", parent=body, fontName=BOLD, fontSize=11, leading=14),
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=26, leading=31, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=12, leading=16),
        "section": ParagraphStyle("section", fontName=BOLD, fontSize=15, leading=19),
        "subhead": ParagraphStyle("subhead", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8,
                                  spaceAfter=4),
        "banner": ParagraphStyle("banner", fontName=BOLD, fontSize=13, leading=17,
                                 alignment=TA_CENTER, textColor=colors.white),
        "caption": ParagraphStyle("caption", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5,
                                  alignment=TA_CENTER, spaceAfter=0),
        "fingerprint": ParagraphStyle("fingerprint", fontName=MONO, fontSize=17, leading=24,
                                      alignment=TA_CENTER),
    }


def p(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: a "<" or "&" comes out as written)."""
    escaped = html.escape(text, quote=False).replace("\n", "<br/>")
    return Paragraph(escaped, style, bulletText=bullet)


def section_heading(title: str, note: str, st: dict[str, ParagraphStyle], width: float) -> Table:
    """A grey band with the section's title in bold and a heavy rule under it."""
    cells = [[p(title, st["section"]), p(note, st["small"])]]
    table = Table(cells, colWidths=[width * 0.62, width * 0.38])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), BAND),
        ("LINEBELOW", (0, 0), (-1, -1), 2.5, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def facts_table(rows: Sequence[tuple[str, str]], st: dict[str, ParagraphStyle], width: float,
                label_share: float = 0.32) -> Table:
    """Label / value rows, labels bold, ruled between rows."""
    cells = [[p(label, st["head_cell"]), p(value, st["cell"])] for label, value in rows]
    table = Table(cells, colWidths=[width * label_share, width * (1 - label_share)])
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, INK),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def data_table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               st: dict[str, ParagraphStyle], width: float) -> Table:
    """A ruled table with a grey header row that repeats on every page it runs over."""
    share = list(widths) if widths and len(widths) == len(headers) else [1.0] * len(headers)
    total = sum(share)
    cells = [[p(h, st["head_cell"]) for h in headers]]
    cells += [[p(str(v), st["cell"]) for v in row] for row in rows]
    table = Table(cells, colWidths=[width * s / total for s in share], repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), BAND),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, INK),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), LIGHT) for r in range(2, len(cells), 2)]
    table.setStyle(TableStyle(style))
    return table


class QrSymbol(Flowable):
    """A card's QR code as vector squares, ``QR_WIDTH`` wide *including* its quiet zone.

    The matrix is ``shc.make_qr(jws)``'s (as ``shc.render_qr`` draws it), border of four
    modules included and never cropped: nothing is drawn inside the quiet zone.
    """

    def __init__(self, jws: str, width: float = QR_WIDTH) -> None:
        super().__init__()
        self.matrix = shc.make_qr(jws).get_matrix()
        self.width = self.height = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = len(self.matrix)
        module = self.width / size
        canvas.setFillColor(INK)
        canvas.setStrokeColor(INK)
        for row, line in enumerate(self.matrix):
            y = self.height - (row + 1) * module
            col = 0
            while col < size:
                if not line[col]:
                    col += 1
                    continue
                start = col
                while col < size and line[col]:
                    col += 1
                # a hair wider so neighbouring runs leave no white seams when rasterised
                canvas.rect(start * module, y - 0.01, (col - start) * module + 0.01,
                            module + 0.02, stroke=0, fill=1)

    @property
    def modules(self) -> int:
        return len(self.matrix)


def qr_card(jws: str, caption: str, st: dict[str, ParagraphStyle]) -> Table:
    """The QR (with its quiet zone) above its caption, framed outside the quiet zone."""
    table = Table([[QrSymbol(jws)], [p(caption, st["caption"])]], colWidths=[QR_WIDTH + 4 * mm])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, INK),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
    ]))
    return table


def qr_grid(cards: Sequence[Table], width: float) -> Table:
    """Cards side by side, as many as fit a row (three on A4)."""
    per_row = max(1, int(width // (QR_WIDTH + 8 * mm)))
    rows = [list(cards[i:i + per_row]) for i in range(0, len(cards), per_row)]
    for row in rows:
        row += [""] * (per_row - len(row))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm)]))
    return table


def banner(text: str, st: dict[str, ParagraphStyle], width: float) -> Table:
    """White bold words on a black band: prints the same in black and white."""
    table = Table([[p(text, st["banner"])]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def boxed(parts: list[Flowable], width: float, weight: float = 2.0) -> Table:
    """Flowables in a heavy black box (the alerts on the cover)."""
    table = Table([[parts]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), weight, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table
