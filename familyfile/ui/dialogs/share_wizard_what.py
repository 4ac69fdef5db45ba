"""Step 3 of the share wizard, "What": the parts of the record to hand over, and the share
preview narrowed to exactly what those parts carry.

The consent rule (``services.sharing``) decides what *may* leave; the parts ticked here decide
which of that goes on the cards (``export.cards.section_items``, the same function the cards
are built with). Anything the rule allows that is not in a ticked part is listed as held back,
"not in the parts you chose", so the preview never shows less than what will leave.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from familyfile.domain.consent import Purpose, Recipient
from familyfile.export import cards as card_builder
from familyfile.i18n import _
from familyfile.services.session import FamilySession
from familyfile.services.sharing import HeldBackItem, Preview
from familyfile.ui.widgets.form import field_label, hint, note, scaled_font, title
from familyfile.ui.widgets.share_preview import ClickLabel, SharePreview

NOT_IN_PARTS = "not-in-parts"
#: The parts a FHIR file (a clinical system's format) can carry: every entry kind with a mapping.
FHIR_KINDS = frozenset(k for k in card_builder.BUILDERS if k != card_builder.CONSENT)


def section_words(section: str, child_name: str) -> str:
    words = {
        card_builder.ABOUT_ME: _("About {name}: name, date of birth, allergies, medicines and "
                                 "health conditions"),
        card_builder.IMMUNISATIONS: _("Immunisations (vaccinations) {name} has had"),
        card_builder.GROWTH: _("Growth: weight, height and head size"),
        card_builder.REVIEW: _("The latest development review (the 2-year review and its "
                               "ASQ-3 questionnaire)"),
        card_builder.INVOLVEMENT: _("Who helps {name}: the services and professionals"),
        card_builder.CONSENT: _("Your choices about sharing with them (your consent record)"),
    }
    return words[section].format(name=child_name)


def card_entry_ids(preview: Preview, sections: Iterable[str]) -> set[str]:
    """The entries (of what the rule lets leave) the cards of ``sections`` carry, as the cards
    are built — from the entries the preview already read."""
    items = [card_builder.Item(e.kind, e.data, e.occurred_on, str(e.id)) for e in preview.entries]
    return card_builder.carried_ids(list(sections), items)


def fhir_entry_ids(preview: Preview, sections: Iterable[str]) -> set[str]:
    """The entries a FHIR file of this preview would carry: every entry of the ticked parts'
    kinds (all reviews, not only the latest) and the about-me entry that says who it is about."""
    kinds = {k for s in sections for k in card_builder.SECTION_KINDS.get(s, ())} | {"about_me"}
    return {item.entry_id for group in preview.groups for item in group.items
            if item.kind in kinds and item.kind in FHIR_KINDS}


class SectionPreview(SharePreview):
    """The share preview, narrowed to the ticked parts (see the module's words)."""

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent=parent)
        self.sections: tuple[str, ...] = card_builder.SECTIONS
        self.full: Preview | None = None  # what the rule alone allows
        self.leaving: set[str] = set()

    def set_sections(self, sections: Iterable[str]) -> None:
        self.sections = tuple(s for s in card_builder.SECTIONS if s in set(sections))
        self.refresh()

    def _fill(self, found: Preview) -> None:
        self.full = found
        self.leaving = card_entry_ids(found, self.sections)
        groups, moved = [], []
        for group in found.groups:
            kept = tuple(i for i in group.items if i.entry_id in self.leaving)
            moved += [HeldBackItem(i.entry_id, i.kind, i.kind_name, group.category, i.summary,
                                   NOT_IN_PARTS, _("Not in the parts you chose to share."), False)
                      for i in group.items if i.entry_id not in self.leaving]
            if kept:
                groups.append(replace(group, items=kept))
        narrowed = replace(found, groups=tuple(groups), held_back=found.held_back + tuple(moved))
        self._preview = narrowed
        super()._fill(narrowed)


class WhatStep(QWidget):
    """Tick the parts to share; the preview below shows exactly what leaves and what stays."""

    changed = Signal()

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = title(_("What do you want to share?"))
        layout.addWidget(self.heading)
        layout.addWidget(hint(_("Tick the parts of the record to share. Below you can see "
                                "exactly what will leave your computer, and what stays here.")))
        self.parts_label = field_label(_("Parts of the record"))
        layout.addWidget(self.parts_label)
        self.boxes: dict[str, QCheckBox] = {}
        self.words: dict[str, ClickLabel] = {}
        for section in card_builder.SECTIONS:
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(4, 0, 0, 0)
            box = QCheckBox()
            box.setChecked(True)
            words = ClickLabel("", box)
            words.setFont(scaled_font(words, 1.1))
            row.addWidget(box, 0, Qt.AlignTop)
            row.addWidget(words, 1)
            layout.addWidget(holder)
            box.toggled.connect(self._parts_changed)
            self.boxes[section] = box
            self.words[section] = words
        self.consent_note = hint(_("Your consent record goes on its own card. It says only what "
                                   "you decided about sharing with them."))
        layout.addWidget(self.consent_note)
        self.nothing = note(_("Nothing would leave your computer. Tick a part above, or tick "
                              "something under \u201cHeld back\u201d to send it this time."))
        self.nothing.hide()
        layout.addWidget(self.nothing)
        self.preview = SectionPreview(session)
        self.preview.choices_changed.connect(self._choices_changed)
        layout.addWidget(self.preview)

    def show_for(self, child_id: str, child_name: str, recipient: Recipient, purpose: Purpose,
                 choices: Iterable[str] = ()) -> None:
        for section, words in self.words.items():
            words.setText(section_words(section, child_name))
            self.boxes[section].setAccessibleName(words.text())
        self.preview.sections = self.sections()
        self.preview.show_for(child_id, recipient, purpose, choices)
        self._update()

    def sections(self) -> tuple[str, ...]:
        return tuple(s for s in card_builder.SECTIONS if self.boxes[s].isChecked())

    def choices(self) -> frozenset[str]:
        return self.preview.choices()

    def leaving_count(self) -> int:
        """How many entries will leave (the consent record not counted)."""
        return len(self.preview.leaving) if self.preview.current() is not None else 0

    def can_go_on(self) -> bool:
        return self.leaving_count() > 0

    def fhir_extra(self) -> int:
        """How many entries a FHIR file would carry beyond what the preview shows leaving."""
        full = self.preview.full
        return len(fhir_entry_ids(full, self.sections()) - self.preview.leaving) if full is not None else 0

    def first_focus(self) -> QWidget:
        return self.boxes[card_builder.SECTIONS[0]]

    def _choices_changed(self, _choices: frozenset[str]) -> None:
        self._update()

    def _parts_changed(self, *_args: object) -> None:
        self.preview.set_sections(self.sections())
        self._update()

    def _update(self) -> None:
        self.consent_note.setVisible(card_builder.CONSENT in self.sections())
        self.nothing.setVisible(self.preview.current() is not None and not self.can_go_on())
        self.changed.emit()
