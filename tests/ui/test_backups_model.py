"""The backups table model: Qt's own model checks, and words a person understands."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from familyfile.store.backup import REASONS
from familyfile.ui.models.backups_model import BackupsModel, reason_text, size_text


def test_the_model_passes_qt_model_checks(qtmodeltester, make_family) -> None:
    make_family.backup_now("manual")
    make_family.backup_now("auto")
    model = BackupsModel(make_family.backups())
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    model.set_backups([])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_rows_are_newest_first_in_plain_words(make_family) -> None:
    first = make_family.backup_now("manual")
    second = make_family.backup_now("auto")
    model = BackupsModel(make_family.backups())
    assert model.backup(0) == second and model.backup(1) == first
    assert model.index(0, 1).data() == "Made by itself while you worked"
    assert model.index(1, 1).data() == "You made it"
    local = second.made_utc.astimezone()
    assert model.index(0, 0).data().endswith(f"at {local:%H:%M}")
    assert model.index(0, 2).data().endswith(("KB", "MB"))
    assert model.index(0, 0).data(Qt.UserRole) == second
    assert model.index(0, 2).data(Qt.TextAlignmentRole) == int(Qt.AlignRight | Qt.AlignVCenter)
    assert [model.headerData(c, Qt.Horizontal) for c in range(3)] == ["When", "Why it was made", "Size"]
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children
    assert model.data(QModelIndex()) is None


def test_every_reason_has_plain_words() -> None:
    assert reason_text("on-close") == "When you closed Family File"
    for reason in REASONS:
        words = reason_text(reason)
        assert words != reason and words[0].isupper()


def test_sizes_read_naturally() -> None:
    assert size_text(300) == "1 KB"
    assert size_text(48 * 1024) == "48 KB"
    assert size_text(int(2.5 * 1024 * 1024)) == "2.5 MB"
    assert size_text(None) == "Missing"
