"""The dialog to add or change one journal observation, with its photos.

Photos are chosen with a file dialog and made ready (shrunk, metadata removed) on a
worker thread; only the finished JPEGs come back, and they are saved with the words in
one go when the person presses Save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import journal as rules
from familyfile.domain.entry import Entry
from familyfile.domain.journal import ObservationDraft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import journal, journal_photos
from familyfile.services.journal_photos import PreparedPhoto
from familyfile.ui.dialogs import scale_icons, start_task
from familyfile.ui.dialogs.entry_form import FormDialog
from familyfile.ui.pages import PageContext
from familyfile.ui.widgets.date_edit import DateEdit
from familyfile.ui.widgets.fields import long_text
from familyfile.ui.widgets.form import hint, secondary_button

PHOTO_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.tif *.tiff"
THUMB_PX = 96


def _icon(blob: bytes) -> QIcon:
    image = QImage.fromData(blob)
    return QIcon(QPixmap.fromImage(image)) if not image.isNull() else qta.icon("mdi6.image-off")


class PhotoStrip(QWidget):
    """The photos of one observation as thumbnails, with Add and Remove."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.list.setMovement(QListView.Static)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMB_PX + self.fontMetrics().height() * 2 + 16)
        self.list.setAccessibleName(_("Photos"))
        self.list.hide()
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add = secondary_button(_("Add photos…"), qta.icon("mdi6.image-plus"))
        self.add.clicked.connect(self.add_requested.emit)
        self.remove = secondary_button(_("Remove photo"), qta.icon("mdi6.image-remove"))
        self.remove.clicked.connect(self.remove_selected)
        self.remove.hide()
        scale_icons(self.add, self.remove)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.removed: list[str] = []

    def _append(self, label: str, blob: bytes, payload: Any) -> None:
        item = QListWidgetItem(_icon(blob), label)
        item.setData(Qt.UserRole, payload)
        item.setData(Qt.AccessibleTextRole, label)
        self.list.addItem(item)
        self.list.show()
        self.remove.show()

    def add_stored(self, photo_id: str, thumbnail: bytes, number: int) -> None:
        self._append(_("Photo {n}").format(n=number), thumbnail, photo_id)

    def add_new(self, name: str, photo: PreparedPhoto) -> None:
        self._append(name, photo.thumbnail, photo)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0 and self.list.count():
            row = self.list.count() - 1
        if row < 0:
            return
        item = self.list.takeItem(row)
        payload = item.data(Qt.UserRole)
        if isinstance(payload, str):
            self.removed.append(payload)
        if not self.list.count():
            self.list.hide()
            self.remove.hide()

    def new_photos(self) -> list[PreparedPhoto]:
        found = [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]
        return [p for p in found if isinstance(p, PreparedPhoto)]

    def count(self) -> int:
        return self.list.count()


class ObservationDialog(FormDialog):
    """Add an observation (``entry`` None) or change ``entry`` (as it was read)."""

    def __init__(self, context: PageContext, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        editing = entry is not None
        super().__init__(
            _("Change an observation") if editing else _("Add an observation"),
            _("Write down something your child did: what you saw, when, and which area of "
              "learning it shows."),
            _("Save changes") if editing else _("Save observation"), parent)
        self.context, self.child_id, self.entry = context, child_id, entry
        session = context.session
        today = session.today()
        self.born = session.child(child_id).date_of_birth
        self.when = DateEdit()
        self.when.set_latest(QDate(today.year, today.month, today.day))
        self.when.setMinimumDate(QDate(self.born.year, self.born.month, self.born.day))
        self.when.setDate(QDate(today.year, today.month, today.day))
        self.add_field("observed_on", _("When did you see it?"), self.when,
                       _("For example, 27 Mar 2025. Type it, or pick it from the calendar."))
        self.area = QComboBox()
        self.area.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.area.setMinimumContentsLength(16)  # never wider than the dialog at 200% text
        for key in rules.AREAS:
            self.area.addItem(_("{plain} ({eyfs})").format(
                plain=rules.area_name(key), eyfs=rules.area_official_name(key)), key)
        self.add_field("area", _("Area of learning"), self.area,
                       _("The first three matter most for babies and toddlers."))
        self.area_line = hint("")
        self.body.addWidget(self.area_line)
        self.area.currentIndexChanged.connect(self._explain_area)
        self.text = long_text(5)
        self.add_field("observation_text", _("What did you see?"), self.text,
                       _("In your own words. For example: she said \u201ccat\u201d when next door's "
                         "cat came in."))
        self.first = QCheckBox()
        self.add_field("is_first", _("This was a first, like a first word or first steps"), self.first)
        self.first_title = QLineEdit()
        self.add_field("first_title", _("What was the first?"), self.first_title,
                       _("A few words, for example: first steps."))
        self.first.toggled.connect(self._follow_first)
        self.observed_by = QLineEdit()
        self.add_field("observed_by", _("Who saw it? (optional)"), self.observed_by,
                       _("If it was not you, for example Grandma or the nursery."))
        self.photos = PhotoStrip()
        self.photos.add_requested.connect(self.pick_photos)
        self.add_field("photo", _("Photos (optional)"), self.photos,
                       _("JPEG or PNG, up to 20 MB each. Family File keeps a smaller copy inside "
                         "your family file and removes hidden details such as where it was taken."))
        self.body.addStretch(1)
        if entry is not None:
            self._fill(entry)
        self._explain_area()
        self._follow_first(self.first.isChecked())
        self.resize(660, 720)

    def _fill(self, entry: Entry) -> None:
        seen = journal.observation(entry)
        on = seen.observed_on
        self.when.setDate(QDate(on.year, on.month, on.day))
        self.area.setCurrentIndex(max(self.area.findData(seen.area), 0))
        self.text.setPlainText(seen.text)
        self.first.setChecked(seen.is_first)
        self.first_title.setText(seen.first_title)
        self.observed_by.setText(seen.observed_by)
        for number, row in enumerate(journal.photos_of(self.context.session, entry.id), start=1):
            self.photos.add_stored(row.id, journal.thumbnail(self.context.session, row.id), number)

    def _explain_area(self, *_args: object) -> None:
        self.area_line.setText(rules.area_explanation(self.area.currentData() or ""))
        self.area_line.setAccessibleName(self.area_line.text())
        self.area.setAccessibleDescription(self.area_line.text())

    def _follow_first(self, checked: bool) -> None:
        self.first_title.setEnabled(checked)

    # -- photos -----------------------------------------------------------------------------
    def pick_photos(self) -> None:
        paths, _chosen = QFileDialog.getOpenFileNames(
            self, _("Choose photos"), str(Path.home()), _("Photos ({patterns})").format(
                patterns=PHOTO_FILTER))
        if paths:
            self.add_photo_files([Path(p) for p in paths])

    def add_photo_files(self, paths: list[Path]) -> None:
        """Make the photos ready on a worker thread; thumbnails appear when they are."""
        def work() -> list[tuple[str, PreparedPhoto | ValidationError]]:
            done: list[tuple[str, PreparedPhoto | ValidationError]] = []
            for path in paths:
                try:
                    done.append((path.name, journal_photos.prepare_file(path)))
                except ValidationError as exc:
                    done.append((path.name, exc))
            return done

        self.errors["photo"].clear_message()
        start_task(self.context.tasks, self, _("Getting the photos ready…"), work, self._photos_ready,
                   lambda exc: self.errors["photo"].show_message(user_message(exc)))

    def _photos_ready(self, done: list[tuple[str, PreparedPhoto | ValidationError]]) -> None:
        problems = []
        for name, result in done:
            if isinstance(result, PreparedPhoto):
                self.photos.add_new(name, result)
            else:
                problems.append(f"{name}: {user_message(result)}")
        if problems:
            self.errors["photo"].show_message(" ".join(problems))

    # -- saving -----------------------------------------------------------------------------
    def value(self, key: str) -> Any:
        if key == "observed_on":
            return self.when.date().toString("yyyy-MM-dd")
        if key == "photo":
            return self.photos.new_photos()
        return super().value(key)

    def draft(self, values: dict[str, Any]) -> ObservationDraft:
        return ObservationDraft(values["observed_on"], values["area"], values["observation_text"],
                                values["first_title"], values["is_first"], values["observed_by"])

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return rules.validate(self.draft(values), self.context.session.today(), self.born)

    def save(self, values: dict[str, Any]) -> object:
        session = self.context.session
        if self.entry is None:
            return journal.add(session, self.child_id, self.draft(values), values["photo"])
        return journal.edit(session, self.entry, self.draft(values), add_photos=values["photo"],
                            remove_photo_ids=self.photos.removed)
