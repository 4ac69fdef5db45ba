"""A growth chart drawn the RCPCH way, from ``domain.growth_chart.ChartData``.

Nine centile lines of the same weight (none emphasised, the 50th included; 0.4th, 9th,
50th, 91st and 99.6th dashed), one series per reference segment so the steps at 2 and 4
years show, labelled at the right edge. The child's points are not joined over time: a
dot at actual age, a cross at corrected age, and for a baby born early a short line
between the two (a toggle shows either or both). Black and white print well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from familyfile.domain.growth import WEIGHT, format_value
from familyfile.domain.growth_chart import ChartData, reference_label, weight_loss_note
from familyfile.i18n import _
from familyfile.ui.widgets import growth_axes as axes
from familyfile.ui.widgets.growth_axes import ACTUAL, BOTH, CORRECTED

INK = QColor("#0b0c0c")
GREY = QColor("#505a5f")
LINE = QColor("#6f777b")
PAPER = QColor("#ffffff")
TRANSITIONS = (axes.TERM_PLUS_TWO, 2.0, 4.0)  # where one reference segment meets the next
Mapper = Callable[[float, float], QPointF]


def _transition_text(x: float) -> str:
    return {axes.TERM_PLUS_TWO: _("UK90 | WHO 2006"), 2.0: _("lying | standing"),
            4.0: _("WHO 2006 | UK90")}.get(x, "")


class GrowthChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ChartData | None = None
        self.mode = BOTH
        self.title = ""
        self.axis_title = ""
        self._hits: list[tuple[QPointF, str]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(_("Growth chart"))
        line = self.fontMetrics().height()
        self.setMinimumSize(max(480, line * 24), max(380, line * 24))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        line = self.fontMetrics().height()  # grows with the text size, so 200% is not squashed
        return QSize(max(900, line * 52), max(560, line * 33))

    def set_chart(self, chart: ChartData, title: str, axis_title: str) -> None:
        self.chart, self.title, self.axis_title = chart, title, axis_title
        self.setAccessibleDescription(self.describe())
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode if mode in (BOTH, ACTUAL, CORRECTED) else BOTH
        self.update()

    def describe(self) -> str:
        """What the chart shows, in words (for screen readers)."""
        chart = self.chart
        if chart is None or not chart.points:
            return _("No measurements to show yet.")
        last = chart.points[-1]
        return _("{title}. {count} measurements; the latest is {value}, centile {centile}.").format(
            title=self.title, count=len(chart.points), value=format_value(chart.method, last.value),
            centile=last.centile or _("not worked out"))

    # -- geometry ---------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        line = metrics.height()
        left = metrics.horizontalAdvance("000.0") + line * 2.2
        right = metrics.horizontalAdvance(_("99.6th")) + 16
        top = line * 4.4  # the title, the legend, then the names of the joins
        bottom = line * (6.2 if self.chart and self.chart.method == WEIGHT else 5.0)
        return QRectF(left, top, max(50.0, self.width() - left - right),
                      max(50.0, self.height() - top - bottom))

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), PAPER)
        if self.chart is not None:
            self._paint(painter, self.chart)
        painter.end()

    def _paint(self, painter: QPainter, chart: ChartData) -> None:
        plot = self._plot_rect()
        low, high = axes.age_window(chart, self.mode)
        values = [p.value for p in chart.points]
        bottom, top = axes.value_window(chart.lines, values, low, high)

        def to_px(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + (x - low) / (high - low) * plot.width(),
                           plot.bottom() - (y - bottom) / (top - bottom) * plot.height())

        self._paint_frame(painter, plot, low, high, bottom, top, to_px)
        painter.save()
        painter.setClipRect(plot.adjusted(-1, -1, 1, 1))
        for line in chart.lines:
            pen = QPen(LINE, 1.2)
            if line.dashed:
                pen.setDashPattern([6.0, 4.0])
            painter.setPen(pen)
            path = QPainterPath()
            for i, (x, y) in enumerate(line.points):
                (path.moveTo if i == 0 else path.lineTo)(to_px(x, y))
            painter.drawPath(path)
        painter.restore()
        self._paint_centile_labels(painter, chart, plot, high, to_px)
        self._paint_points(painter, chart, to_px)
        self._paint_legend(painter, chart, plot)
        self._paint_messages(painter, chart, plot)

    def _paint_frame(self, painter: QPainter, plot: QRectF, low: float, high: float,
                     bottom: float, top: float, to_px: Mapper) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        painter.setFont(title_font)
        painter.setPen(INK)
        painter.drawText(QRectF(plot.left(), 4, plot.width(), line * 1.5),
                         Qt.AlignLeft | Qt.AlignVCenter, self.title)
        painter.setFont(self.font())
        painter.setPen(QPen(GREY, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        map_px = to_px
        for value in axes.value_ticks(bottom, top, int(plot.height() // (line * 1.8))):
            y = map_px(low, value).y()
            painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left(), y))
            painter.drawText(QRectF(0, y - line / 2, plot.left() - 8, line),
                             Qt.AlignRight | Qt.AlignVCenter, f"{value:g}")
        painter.save()
        painter.translate(line * 0.2, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line * 1.2),
                         Qt.AlignCenter, self.axis_title)
        painter.restore()
        self._paint_age_axis(painter, plot, low, high, map_px)
        for x in TRANSITIONS:
            if low + 0.02 * (high - low) < x < high - 0.02 * (high - low):
                px = map_px(x, bottom).x()
                pen = QPen(GREY, 1, Qt.DotLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(px, plot.top() - line * 0.2), QPointF(px, plot.bottom()))
                painter.setPen(GREY)
                painter.drawText(QRectF(px - 150, plot.top() - line * 1.4, 300, line),
                                 Qt.AlignCenter, _transition_text(x))

    def _paint_age_axis(self, painter: QPainter, plot: QRectF, low: float, high: float,
                        map_px: Mapper) -> None:
        metrics = self.fontMetrics()
        line = metrics.height()
        ticks = axes.age_ticks(low, high)
        kept: list[tuple[float, float]] = []
        for tick in sorted(ticks, key=lambda t: t.priority):
            px = map_px(tick.x, 0).x()
            painter.setPen(QPen(GREY, 1))
            painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 4))
            width = metrics.horizontalAdvance(tick.label) + 10
            if not tick.label or any(abs(px - k) < (width + w) / 2 for k, w in kept):
                continue
            kept.append((px, width))
            painter.drawText(QRectF(px - width / 2, plot.bottom() + 5, width, line),
                             Qt.AlignCenter, tick.label)
        caption_y = plot.bottom() + line * 1.4
        painter.setPen(INK)
        if low < 0:
            term = map_px(axes.TERM_PLUS_TWO, 0).x()
            painter.drawText(QRectF(plot.left(), caption_y, term - plot.left(), line),
                             Qt.AlignCenter, _("weeks of pregnancy"))
            painter.drawText(QRectF(term, caption_y, plot.right() - term, line),
                             Qt.AlignCenter, _("age"))
        else:
            painter.drawText(QRectF(plot.left(), caption_y, plot.width(), line), Qt.AlignCenter,
                             _("age"))
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(GREY)
        notes = [reference_label()] + ([weight_loss_note()] if self.chart and
                                       self.chart.method == WEIGHT else [])
        for i, text in enumerate(notes):
            painter.drawText(QRectF(plot.left(), caption_y + line * (1.3 + 1.1 * i),
                                    self.width() - plot.left() - 8, line),
                             Qt.AlignLeft | Qt.AlignVCenter, text)
        painter.setFont(self.font())

    def _paint_centile_labels(self, painter: QPainter, chart: ChartData, plot: QRectF,
                              high: float, to_px: Mapper) -> None:
        map_px = to_px
        wanted: list[tuple[float, str]] = []
        for centile in sorted({line.centile for line in chart.lines}):
            value = next((v for line in reversed(chart.lines) if line.centile == centile
                          and (v := axes.value_at(line, high)) is not None), None)
            if value is not None:
                wanted.append((map_px(high, value).y(), axes.centile_label(centile)))
        wanted.sort()
        line = self.fontMetrics().height()
        placed = axes.spread([y for y, _t in wanted], line * 0.95, plot.top() - line * 0.5,
                             plot.bottom())
        painter.setPen(GREY)
        for (_y, text), y in zip(wanted, placed, strict=True):
            painter.drawText(QRectF(plot.right() + 6, y - line / 2, 200, line),
                             Qt.AlignLeft | Qt.AlignVCenter, text)

    def _paint_points(self, painter: QPainter, chart: ChartData, to_px: Mapper) -> None:
        map_px = to_px
        self._hits = []
        radius = max(3.5, self.fontMetrics().height() * 0.24)
        for point in chart.points:
            actual = map_px(point.chronological_x, point.value)
            corrected = map_px(point.corrected_x, point.value)
            both = self.mode == BOTH and point.corrected
            if both:
                painter.setPen(QPen(INK, 1.2))
                painter.drawLine(actual, corrected)
            text = _("{date}: {value}, centile {centile}").format(
                date=point.measured_on.isoformat(), value=format_value(chart.method, point.value),
                centile=point.centile or "–")
            if self.mode in (BOTH, ACTUAL) or not point.corrected:
                painter.setPen(QPen(INK, 1))
                painter.setBrush(INK)
                painter.drawEllipse(actual, radius, radius)
                painter.setBrush(Qt.NoBrush)
                self._hits.append((actual, text))
            if point.corrected and self.mode in (BOTH, CORRECTED):
                painter.setPen(QPen(INK, 2.2))
                d = radius * 1.1
                painter.drawLine(corrected + QPointF(-d, -d), corrected + QPointF(d, d))
                painter.drawLine(corrected + QPointF(-d, d), corrected + QPointF(d, -d))
                self._hits.append((corrected, text + " " + _("(corrected age)")))

    def _paint_legend(self, painter: QPainter, chart: ChartData, plot: QRectF) -> None:
        if not chart.corrected:
            return
        line = self.fontMetrics().height()
        items = []
        if self.mode in (BOTH, ACTUAL):
            items.append(("dot", _("actual age")))
        if self.mode in (BOTH, CORRECTED):
            items.append(("cross", _("corrected age (born at {weeks} weeks)").format(
                weeks=chart.gestation) if chart.gestation else _("corrected age")))
        x = plot.left()
        y = line * 2.3
        for kind, text in items:
            centre = QPointF(x + line * 0.4, y)
            if kind == "dot":
                painter.setPen(QPen(INK, 1))
                painter.setBrush(INK)
                painter.drawEllipse(centre, line * 0.24, line * 0.24)
                painter.setBrush(Qt.NoBrush)
            else:
                painter.setPen(QPen(INK, 2.2))
                d = line * 0.26
                painter.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d))
                painter.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d))
            painter.setPen(INK)
            advance = self.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRectF(x + line, y - line / 2, advance + 4, line),
                             Qt.AlignLeft | Qt.AlignVCenter, text)
            x += advance + line * 2.2

    def _paint_messages(self, painter: QPainter, chart: ChartData, plot: QRectF) -> None:
        words = []
        if chart.needs_sex:
            words.append(_("The centile lines need the child's sex. Add it in About me."))
        if not chart.points:
            words.append(_("No measurements to show yet. Add one on the Measurements tab."))
        if not words:
            return
        box = QRectF(plot.center().x() - 220, plot.center().y() - 40, 440, 80)
        painter.fillRect(box, PAPER)
        painter.setPen(QPen(GREY, 1))
        painter.drawRect(box)
        painter.setPen(INK)
        painter.drawText(box.adjusted(10, 6, -10, -6), Qt.AlignCenter | Qt.TextWordWrap,
                         "\n".join(words))

    # -- hover ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        where = event.position()
        near = [(abs(p.x() - where.x()) + abs(p.y() - where.y()), text) for p, text in self._hits]
        close = min(near, default=None)
        if close is not None and close[0] < 12:
            QToolTip.showText(event.globalPosition().toPoint(), close[1], self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
