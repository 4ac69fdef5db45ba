"""The rows inside the overview's cards, built from the plain data of ``services.overview``."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.domain.alerts import Alert
from familyfile.domain.growth import HEAD, HEIGHT, WEIGHT
from familyfile.i18n import _, ngettext
from familyfile.services.overview import (
    AppointmentItem,
    DueItem,
    GrowthItem,
    JournalItem,
    LeadItem,
    OverviewSummary,
)
from familyfile.ui.widgets.alerts_panel import alert_sentence
from familyfile.ui.widgets.overview_cards import Card, day_text, icon_label, label, pill, weekday_text

SECTION_NAMES = {"immunisations": lambda: _("Open immunisations"),
                 "reviews": lambda: _("Open reviews and checks")}


def _box(vertical: bool = True, margins: int = 0) -> tuple[QWidget, QVBoxLayout | QHBoxLayout]:
    widget = QWidget()
    layout: QVBoxLayout | QHBoxLayout = QVBoxLayout(widget) if vertical else QHBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(4 if vertical else 12)
    return widget, layout


def alert_rows(alerts: tuple[Alert, ...]) -> list[QWidget]:
    rows = []
    for alert in alerts:
        text = alert_sentence(alert)
        found = label(text, factor=1.1, bold=True)
        found.setAccessibleName(_("Alert: {text}").format(text=text))
        rows.append(found)
    return rows


def due_row(card: Card, item: DueItem) -> QWidget:
    row, layout = _box()
    top = QHBoxLayout()
    top.setSpacing(12)
    top.addWidget(pill(item), 0, Qt.AlignLeft | Qt.AlignTop)
    top.addStretch(1)
    if item.kind in SECTION_NAMES:  # appointments have their own card, with its own link
        name = SECTION_NAMES[item.kind]()
        spoken = _("{open}: {what}").format(open=name, what=item.words)
        top.addWidget(card.row_link(name, item.kind, spoken), 0, Qt.AlignTop)
    layout.addLayout(top)
    layout.addWidget(label(item.words, factor=1.1, bold=True))
    if item.detail:
        layout.addWidget(label(item.detail, hint=True))
    row.setAccessibleName(f"{item.words}. {item.detail}")
    return row


def prompt_row(card: Card, count: int) -> QWidget:
    """Milestones worth mentioning: a friendly note, never an alarm."""
    row = QFrame()
    row.setObjectName("promptRow")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(10, 6, 10, 6)
    layout.addWidget(icon_label("mdi6.flag-checkered", row, "#1d70b8", 1.0), 0, Qt.AlignTop)
    layout.addWidget(label(ngettext(
        "{n} milestone may be worth talking about with your health visitor.",
        "{n} milestones may be worth talking about with your health visitor.", count).format(n=count)), 1)
    layout.addWidget(card.row_link(_("Open milestones"), "milestones"), 0, Qt.AlignTop)
    return row


def method_name(method: str) -> str:
    return {WEIGHT: _("Weight"), HEIGHT: _("Length or height"), HEAD: _("Head")}.get(method, method)


def centile_words(item: GrowthItem) -> str:
    if item.problem == "needs-sex":
        return _("No centile yet: add the child's sex in About me")
    if item.problem or not item.centile:
        return _("No centile at this age")
    return _("centile {centile}").format(centile=item.centile)


def growth_rows(items: tuple[GrowthItem, ...]) -> list[QWidget]:
    if not items:
        return []
    grid_widget = QWidget()
    grid = QGridLayout(grid_widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(10)
    same_day = len({item.measured_on for item in items}) == 1
    for row, item in enumerate(items):
        name = label(method_name(item.method), hint=True)
        value = label(item.value, factor=1.2, bold=True)
        value.setWordWrap(False)
        measured = _("measured {date}").format(date=day_text(item.measured_on))
        more = label(centile_words(item) if same_day else f"{centile_words(item)}\n{measured}")
        grid.addWidget(name, row, 0, Qt.AlignLeft | Qt.AlignVCenter)
        grid.addWidget(value, row, 1, Qt.AlignLeft | Qt.AlignVCenter)
        grid.addWidget(more, row, 2)
        value.setAccessibleName(_("{what}: {value}, {centile}, {measured}").format(
            what=method_name(item.method), value=item.value, centile=centile_words(item),
            measured=measured))
    grid.setColumnStretch(2, 1)
    if not same_day:
        return [grid_widget]
    when = label(_("Measured on {date}").format(date=day_text(items[0].measured_on)), hint=True)
    grid.addWidget(when, len(items), 0, 1, 3)
    return [grid_widget]


def journal_row(item: JournalItem) -> QWidget:
    row, layout = _box()
    layout.addWidget(label(f"{day_text(item.on)} · {item.area} · {item.author}", hint=True))
    words = _("First: {title}").format(title=item.first_line) if item.is_first else item.first_line
    line = QHBoxLayout()
    line.setSpacing(6)
    if item.is_first:
        line.addWidget(icon_label("mdi6.star-outline", row, "#505a5f", 1.0), 0, Qt.AlignTop)
    line.addWidget(label(words, bold=item.is_first), 1)
    layout.addLayout(line)
    return row


def widest_day(shown: QLabel) -> int:
    """The width of the widest "Wed 28 May" in this label's font."""
    metrics = QFontMetrics(shown.font())
    return max(metrics.horizontalAdvance(weekday_text(date(2025, month, 28) + timedelta(days=shift)))
               for month in range(1, 13) for shift in range(7))


def appointment_row(item: AppointmentItem) -> QWidget:
    row, layout = _box(vertical=False)
    when, when_layout = _box()
    day = label(weekday_text(item.when.date()), bold=True)
    when_layout.addWidget(day)
    when_layout.addWidget(label(item.when.strftime("%H:%M")))
    when.setFixedWidth(widest_day(day) + 4)  # every row's words start at the same place
    layout.addWidget(when, 0, Qt.AlignTop)
    what, what_layout = _box()
    what_layout.addWidget(label(item.with_whom or item.place, bold=True))
    if item.with_whom:
        what_layout.addWidget(label(item.place))
    if item.reason:
        what_layout.addWidget(label(item.reason, hint=True))
    layout.addWidget(what, 1)
    return row


def involved_rows(summary: OverviewSummary) -> list[QWidget]:
    if summary.lead is None and not summary.involved:
        return []
    rows: list[QWidget] = []
    if summary.lead is not None:
        rows.append(lead_row(summary.lead))
    others = summary.involved - (1 if summary.lead is not None else 0)
    if summary.lead is None:
        text = ngettext("{n} service is involved now. No lead professional is named.",
                        "{n} services are involved now. No lead professional is named.", others)
    else:
        text = ngettext("{n} other service is involved now.", "{n} other services are involved now.",
                        others)
    if others or summary.lead is None:
        rows.append(label(text.format(n=others), hint=True))
    return rows


def lead_row(lead: LeadItem) -> QWidget:
    row, layout = _box()
    layout.addWidget(label(_("Lead professional"), hint=True))
    layout.addWidget(label(lead.who, factor=1.1, bold=True))
    where = ", ".join(p for p in (lead.organisation, lead.team) if p)
    if lead.agency.casefold() not in lead.who.casefold():
        where = f"{lead.agency} · {where}" if where else lead.agency
    if where:
        layout.addWidget(label(where))
    if lead.contact:
        layout.addWidget(label(_("Contact: {contact}").format(contact=lead.contact)))
    return row
