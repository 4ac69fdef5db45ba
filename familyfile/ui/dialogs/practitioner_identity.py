"""A practitioner's own identity file: set one up (name, role, organisation, optional ODS code,
a passphrase twice) or open it (passphrase). Argon2 takes seconds, so both run off the UI thread.

``choose_path`` is the one place a file dialog opens (tests replace it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QWidget

from familyfile import errors
from familyfile.domain import practitioner as identity_rules
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import locations
from familyfile.services import practitioner as practice
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.entry_form import FormDialog
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import hint, secondary_button
from familyfile.ui.widgets.passphrase_field import PassphraseField
from familyfile.ui.widgets.secret_edit import SecretEdit

IDENTITY_FILTER = "Family File identity (*.ffidentity);;All files (*)"
#: Rule fields whose own label reads oddly for a person's own details → a field with a better one.
_LABEL_FOR = {"name": "professional"}


def default_identity_path() -> Path:
    """In this computer's Family File data folder (platformdirs)."""
    return locations.data_dir() / "practitioner.ffidentity"


def choose_path(parent: QWidget | None, *, save: bool, start: Path) -> Path | None:
    """Ask where the identity file is (or is to be kept); None when the person cancels."""
    if save:
        chosen, _filter = QFileDialog.getSaveFileName(parent, _("Where to keep your identity file"),
                                                      str(start), _(IDENTITY_FILTER))
    else:
        chosen, _filter = QFileDialog.getOpenFileName(parent, _("Open your identity file"), str(start),
                                                      _(IDENTITY_FILTER))
    return Path(chosen) if chosen else None


def identity_message(exc: BaseException) -> str:
    """Why the identity file did not open or was not made, in a plain sentence."""
    if isinstance(exc, errors.DamagedFileError):  # the identity file's own damage (store.identity_file)
        return _("This file is damaged, or it is not a Family File identity file. Choose your identity "
                 "file, or set up a new identity.")
    if isinstance(exc, errors.NoFamilyFileError):
        return _("There is no identity file at that place. Choose another file, or set up your identity.")
    if isinstance(exc, errors.FamilyFileExistsError):
        return _("A file is already saved there. Choose another name or folder.")
    if isinstance(exc, ValidationError) and exc.code == "ods-code":
        return _("An ODS code is 3 to 8 letters and numbers, for example RX1 or A81001. If you do not "
                 "know it, leave it empty.")
    return user_message(exc)


class _PlacePicker(QWidget):
    """The chosen file's place in a read-only box, and "Choose another place…"."""

    def __init__(self, path: Path, *, save: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.box = QLineEdit(str(path))
        self.box.setReadOnly(True)
        self.button = secondary_button(_("Choose another place…") if save else _("Choose another file…"),
                                       qta.icon("mdi6.folder-outline"))
        scale_icons(self.button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self.choose)
        self.setFocusProxy(self.button)

    def path(self) -> Path:
        return Path(self.box.text())

    def choose(self) -> None:
        found = choose_path(self.window(), save=self.save, start=self.path())
        if found is not None:
            self.box.setText(str(found))


class SetUpIdentityDialog(FormDialog):
    """``saved`` carries the new ``services.practitioner.Practitioner``."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, *,
                 kdf: practice.KdfParams = practice.PRODUCTION_KDF) -> None:
        super().__init__(_("Set up your practitioner identity"),
                         _("Families see these details on every entry you confirm for them. They are kept "
                           "with your signing key in one file, locked with a passphrase."),
                         _("Set up my identity"), parent)
        self.tasks = tasks
        self.kdf = kdf
        self.add_field("name", _("Your name"), QLineEdit(), _("As families know you, for example Jo Reed."))
        self.add_field("role", _("Your role"), QLineEdit(),
                       _("For example Health Visitor or Practice Nurse."))
        self.add_field("organisation", _("Your organisation"), QLineEdit(),
                       _("For example Riverside Health Visiting."))
        self.add_field("ods_code", _("ODS code (optional)"), QLineEdit(),
                       _("The NHS code of your organisation, for example RX1. Leave it empty if you do not "
                         "have one."))
        self.add_heading(_("Passphrase"))
        self.passphrase = PassphraseField(label=_("A passphrase for your identity file"))
        self.body.addWidget(self.passphrase)
        self.place = _PlacePicker(default_identity_path(), save=True)
        self.add_field("path", _("Where to keep the file"), self.place,
                       _("Only you should be able to open this folder."))
        self.body.addStretch(1)
        for edit in (self.passphrase.first, self.passphrase.second):
            edit.returnPressed.connect(self.submit)
        self.save_button.setIcon(qta.icon("mdi6.account-key-outline", color="white"))
        scale_icons(self.save_button)
        self.resize(640, 720)

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in ("name", "role", "organisation", "ods_code")}

    def value(self, key: str) -> Any:
        return str(self.place.path()) if key == "path" else super().value(key)

    def input_for(self, field: str) -> str:
        return {"professional": "name"}.get(field, field)

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        found = [ValidationError(_LABEL_FOR.get(p.field or "", p.field or ""), p.code, **p.params)
                 for p in identity_rules.validate(values["name"], values["role"], values["organisation"],
                                                  values["ods_code"])]
        return found + self.passphrase.problems()

    def show_problems(self, problems: Any) -> None:
        fields = [p for p in problems if p.field not in ("passphrase", "confirm")]
        self.fields.show_problems(fields, self.input_for)
        for problem in fields:  # sentences the general table does not word well for this form
            key = self.input_for(problem.field or "")
            if problem.code == "ods-code" and key in self.errors:
                self.errors[key].show_message(identity_message(problem))
        secret = [p for p in problems if p.field in ("passphrase", "confirm")]
        self.passphrase.show_errors(secret)
        items = [(self.input_for(p.field or ""), identity_message(p)) for p in fields]
        items += [("", user_message(p)) for p in secret]
        self.summary.show_errors(items)

    def submit(self) -> None:
        if self.tasks.busy:
            return
        values = self.values()
        problems = self.validate(values)
        if problems:
            self.show_problems(problems)
            return
        self.clear_problems()
        self.passphrase.clear_errors()
        path = self.place.path()
        if path.exists():
            text = identity_message(errors.FamilyFileExistsError("exists"))
            self.errors["path"].show_message(text)
            self.summary.show_errors([("path", text)])
            return
        passphrase, kdf = self.passphrase.passphrase(), self.kdf
        self.save_button.setEnabled(False)

        def work() -> practice.Practitioner:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            return practice.create_identity(path, passphrase, name=values["name"], role=values["role"],
                                            organisation=values["organisation"],
                                            ods_code=values["ods_code"], kdf=kdf)

        self.tasks.run(_("Locking your identity file…"), work, self._made, self._failed)

    def _made(self, made: practice.Practitioner) -> None:
        self.save_button.setEnabled(True)
        self._saved(made)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problems([exc])
        else:
            self.summary.show_errors([("", identity_message(exc))])


class OpenIdentityDialog(FormDialog):
    """``saved`` carries the opened ``Practitioner``."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, *, path: Path | None = None) -> None:
        super().__init__(_("Open your practitioner identity"),
                         _("Type the passphrase of your identity file to sign entries for families."),
                         _("Open my identity"), parent)
        self.tasks = tasks
        self.place = _PlacePicker(path or default_identity_path(), save=False)
        self.add_field("path", _("Your identity file"), self.place)
        self.secret = SecretEdit(_("Passphrase"))
        self.add_field("passphrase", _("Passphrase"), self.secret)
        self.secret.returnPressed.connect(self.submit)
        self.body.addWidget(hint(_("Forgotten it? Set up a new identity; families then compare your new "
                                   "fingerprint before they trust it.")))
        self.body.addStretch(1)
        self.save_button.setIcon(qta.icon("mdi6.lock-open-variant-outline", color="white"))
        scale_icons(self.save_button)
        self.resize(620, 460)

    def values(self) -> dict[str, Any]:
        return {"passphrase": self.secret.text()}

    def submit(self) -> None:
        if self.tasks.busy:
            return
        passphrase, path = self.secret.text(), self.place.path()
        if not passphrase:
            self.show_problems([ValidationError("passphrase", "required")])
            return
        self.clear_problems()
        self.save_button.setEnabled(False)
        self.tasks.run(_("Opening your identity file…"), lambda: practice.open_identity(path, passphrase),
                       self._opened, self._failed)

    def _opened(self, found: practice.Practitioner) -> None:
        self.save_button.setEnabled(True)
        self._saved(found)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        text = identity_message(exc)
        key = "passphrase" if isinstance(exc, errors.WrongPassphraseError) else "path"
        self.errors[key].show_message(text)
        self.summary.show_errors([(key, text)])
        if key == "passphrase":
            self.secret.edit.selectAll()
