"""The share preview: exactly what would leave for one recipient and purpose, grouped by kind
of information, and what is held back and why, in plain words.

Things that may only leave when chosen for this share (sensitive things, and things beyond
what was agreed) have a tick box; ticking one asks ``services.sharing.preview`` again and
emits ``choices_changed(frozenset)``. Private, hidden, refused or taken-back things have no
tick box: no choice can send them. The share wizard embeds this widget and reads
``current().selection`` (hand it to the export, then to ``sharing.record_share``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.domain import categories as cats
from familyfile.domain.consent import Purpose, Recipient
from familyfile.domain.selection import PRIVATE
from familyfile.errors import FamilyFileError
from familyfile.i18n import _, ngettext
from familyfile.messages import user_message
from familyfile.services import sharing
from familyfile.services.session import FamilySession
from familyfile.services.sharing import HeldBackItem, Preview, PreviewItem
from familyfile.ui.widgets.form import hint, icon_size, note, para, scaled_font

#: How many things a group lists on screen (each thing chosen by itself is always listed).
ROWS_PER_GROUP = 30

STYLE = """
QFrame#willLeave { border-left: 6px solid #00703c; background: #f3faf6; }
QFrame#heldBack { border-left: 6px solid #505a5f; background: #f3f2f1; }
QCheckBox { spacing: 8px; }
QCheckBox:focus { background: #ffdd00; }
"""


def _section(name: str) -> tuple[QFrame, QLabel, QVBoxLayout, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    heading = QLabel()
    heading.setWordWrap(True)
    heading.setFont(scaled_font(heading, 1.2, bold=True))
    layout.addWidget(heading)
    items = QVBoxLayout()
    items.setSpacing(4)
    layout.addLayout(items)
    return frame, heading, layout, items


class SharePreview(QWidget):
    choices_changed = Signal(frozenset)

    def __init__(self, session: FamilySession, child_id: str | None = None,
                 recipient: Recipient | None = None, purpose: Purpose | None = None,
                 choices: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(STYLE)
        self._preview: Preview | None = None
        self._args: tuple[str, Recipient, Purpose] | None = None
        self._choices: frozenset[str] = frozenset(choices)
        self.boxes: dict[str, QCheckBox] = {}
        self._shared: list[str] = []
        self._held: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = para("")
        self.problem = note("")
        self.problem.hide()
        self.leave_frame, self.leave_heading, _l, self.leave_items = _section("willLeave")
        self.held_frame, self.held_heading, _h, self.held_items = _section("heldBack")
        for widget in (self.summary, self.problem, self.leave_frame, self.held_frame):
            layout.addWidget(widget)
        self.leave_frame.hide()
        self.held_frame.hide()
        if child_id and recipient and purpose:
            self.show_for(child_id, recipient, purpose, self._choices)

    # -- public --------------------------------------------------------------------------------
    def show_for(self, child_id: str, recipient: Recipient, purpose: Purpose,
                 choices: Iterable[str] = ()) -> Preview | None:
        self._args = (child_id, recipient, purpose)
        self._choices = frozenset(choices)
        return self.refresh()

    def current(self) -> Preview | None:
        return self._preview

    def choices(self) -> frozenset[str]:
        return self._choices

    def set_choice(self, token: str, on: bool) -> None:
        """Choose (or stop choosing) an entry id or a category key for this share."""
        changed = self._choices | {token} if on else self._choices - {token}
        if changed != self._choices:
            self._choices = frozenset(changed)
            self.refresh()
            self.choices_changed.emit(self._choices)

    def checkbox_for(self, token: str) -> QCheckBox | None:
        return self.boxes.get(token)

    def shared_lines(self) -> list[str]:
        return list(self._shared)

    def held_lines(self) -> list[str]:
        return list(self._held)

    # -- building ------------------------------------------------------------------------------
    def refresh(self) -> Preview | None:
        focused = next((t for t, b in self.boxes.items() if b.hasFocus()), None)
        self._clear()
        if self._args is None:
            return None
        child_id, recipient, purpose = self._args
        try:
            found = sharing.preview(self.session, child_id, recipient, purpose, self._choices)
        except FamilyFileError as exc:
            self._preview = None
            self.problem.findChild(QLabel).setText(user_message(exc))
            self.problem.show()
            return None
        self._preview = found
        self.problem.hide()
        self._fill(found)
        if focused and focused in self.boxes:
            self.boxes[focused].setFocus(Qt.OtherFocusReason)
        return found

    def _clear(self) -> None:
        self.boxes = {}
        self._shared, self._held = [], []
        for layout in (self.leave_items, self.held_items):
            while layout.count():
                widget = layout.takeAt(0).widget()
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()

    def _fill(self, found: Preview) -> None:
        who = found.recipient.name
        team = (_("They are in {teams}.").format(teams=", ".join(found.teams)) if found.teams
                else _("They are not in one of your teams."))
        self.summary.setText(_("Sharing with {who}, for {purpose}. {team}").format(
            who=who, purpose=found.purpose.label(), team=team))
        self.summary.setAccessibleName(self.summary.text())
        count = sum(len(g.items) for g in found.groups)
        self.leave_heading.setText(ngettext("Will be shared: {n} thing", "Will be shared: {n} things",
                                            count).format(n=count))
        if not count:
            self.leave_items.addWidget(hint(_("Nothing would be shared. Tick something below "
                                              "to send it this time.")))
        for group in found.groups:
            self._group_heading(self.leave_items, group.category, group.name, held=False)
            shown = self._rows_to_show(group.items)
            for item in group.items:
                self._shared_row(item, group.name, item.entry_id in shown)
            self._more(self.leave_items, len(group.items) - len(shown))
        self.held_heading.setText(ngettext("Held back: {n} thing", "Held back: {n} things",
                                           len(found.held_back)).format(n=len(found.held_back)))
        for key in cats.CATEGORY_KEYS:
            items = [h for h in found.held_back if self._held_key(h) == key]
            if items:
                self._group_heading(self.held_items, key, cats.category_name(key), held=True)
                shown = self._rows_to_show(items)
                for item in items:
                    self._held_row(item, item.entry_id in shown)
                self._more(self.held_items, len(items) - len(shown))
        self.leave_frame.show()
        self.held_frame.setVisible(bool(found.held_back))
        for widget in (self.leave_heading, self.held_heading):
            widget.setAccessibleName(widget.text())

    @staticmethod
    def _held_key(item: HeldBackItem) -> str:
        return cats.PRIVATE if item.reason == PRIVATE else item.category

    def _group_heading(self, layout: QVBoxLayout, category: str, name: str, *, held: bool) -> None:
        """A plain heading, or the tick box that sends the whole group this time."""
        preview = self._preview
        assert preview is not None
        chosen = category in self._choices
        if held:
            shown_above = any(g.category == category for g in preview.groups)
            box = (chosen and not shown_above) or (not chosen and any(
                h.category == category and h.can_choose for h in preview.held_back))
        else:
            box = chosen
        if category == cats.PRIVATE or not box:
            label = QLabel(name)
            label.setFont(scaled_font(label, 1.05, bold=True))
            label.setWordWrap(True)
            layout.addWidget(label)
            return
        layout.addWidget(self._box(category, _(
            "Send everything in \u201c{name}\u201d this time").format(name=name), chosen, bold=True))

    def _rows_to_show(self, items: Sequence[PreviewItem | HeldBackItem]) -> set[str]:
        """A group lists its first ROWS_PER_GROUP things (and every one chosen by itself, so it
        can be unticked): a journal of thousands of entries would freeze the screen."""
        return {i.entry_id for n, i in enumerate(items) if n < ROWS_PER_GROUP or i.entry_id in self._choices}

    def _more(self, layout: QVBoxLayout, hidden: int) -> None:
        if hidden > 0:
            words = hint(ngettext("…and {n} more like this", "…and {n} more like these", hidden)
                         .format(n=hidden))
            words.setContentsMargins(self._indent(), 0, 0, 4)
            layout.addWidget(words)

    def _shared_row(self, item: PreviewItem, group: str, shown: bool = True) -> None:
        self._shared.append(f"{group}: {item.summary}")
        if not shown:
            return
        text = item.summary
        if item.entry_id in self._choices:
            text += " " + _("(you chose it)")
        elif item.why == "chosen":
            text += " " + _("(chosen with its group)")
        else:
            text += " " + _("(you said yes)")
        if item.entry_id in self._choices:
            self.leave_items.addWidget(self._box(item.entry_id, text, True, indent=True))
        else:
            self.leave_items.addWidget(self._line("mdi6.check", "#00703c", text))

    def _held_row(self, item: HeldBackItem, shown: bool = True) -> None:
        self._held.append(f"{item.summary}: {item.words}")
        if not shown:
            return
        if item.can_choose:
            self.held_items.addWidget(self._box(item.entry_id, item.summary, False, item.words,
                                                indent=True))
        else:
            icon = "mdi6.lock" if item.reason == PRIVATE else "mdi6.cancel"
            self.held_items.addWidget(self._line(icon, "#505a5f", item.summary))
        words = hint(item.words)
        words.setContentsMargins(self._indent() + round(icon_size(self).width() * 1.6), 0, 0, 4)
        self.held_items.addWidget(words)

    def _indent(self) -> int:
        return icon_size(self).width()

    def _line(self, icon: str, colour: str, text: str) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(self._indent(), 0, 0, 0)
        mark = QLabel()
        mark.setPixmap(qta.icon(icon, color=colour).pixmap(icon_size(self)))
        mark.setAlignment(Qt.AlignTop)
        words = para(text)
        row.addWidget(mark, 0, Qt.AlignTop)
        row.addWidget(words, 1)
        return holder

    def _box(self, token: str, text: str, checked: bool, why: str = "", *,
             bold: bool = False, indent: bool = False) -> QWidget:
        """A tick box whose words wrap (a plain QCheckBox would be cut off at large text)."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(self._indent() if indent else 0, 0, 0, 0)
        box = QCheckBox()
        box.setChecked(checked)
        box.setAccessibleName(_("Send this time: {what}").format(what=text))
        if why:
            box.setAccessibleDescription(why)
        words = ClickLabel(text, box)
        if bold:
            words.setFont(scaled_font(words, 1.05, bold=True))
        row.addWidget(box, 0, Qt.AlignTop)
        row.addWidget(words, 1)
        box.toggled.connect(lambda on, t=token: self.set_choice(t, on))
        self.boxes[token] = box
        return holder


class ClickLabel(QLabel):
    """The words of a tick box: they wrap, and clicking them ticks the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setCursor(Qt.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.LeftButton:
            self.box.toggle()
