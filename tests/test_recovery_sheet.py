"""The recovery sheet: what it says, what it hides, and how it is written."""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.export import recovery_sheet
from familyfile.export.recovery_sheet import (
    RecoverySheetContent,
    sheet_html,
    sheet_text,
    write_recovery_sheet,
)
from familyfile.store import recovery_key

SECRET = bytes.fromhex("83c99f33e4bd2b2a23d64e53a3cd8a91e6f0b2a7")
KEY = recovery_key.format_key(SECRET)
GROUPS = KEY.split("-")
CREATED = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed",
)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _pdf_text(path: Path) -> str:
    # -layout keeps each table row on one line; collapse whitespace so wrapped
    # sentences can be searched for whole.
    return " ".join(_run("pdftotext", "-layout", str(path), "-").split())


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    out = tmp_path / "recovery-sheet.pdf"
    write_recovery_sheet(out, KEY, CREATED)
    return out


# --- sheet_text -------------------------------------------------------------------


def test_sheet_text_splits_the_key_into_nine_groups() -> None:
    content = sheet_text(KEY, CREATED)
    assert isinstance(content, RecoverySheetContent)
    assert content.groups == tuple(GROUPS)
    assert len(content.groups) == 9
    assert all(len(group) == 4 for group in content.groups)
    assert content.title == "Family File recovery sheet"
    assert content.made_on == "Made on 22 November 2026"


def test_sheet_text_is_frozen() -> None:
    content = sheet_text(KEY, CREATED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.title = "changed"  # type: ignore[misc]


def test_sheet_text_normalises_a_key_typed_loosely() -> None:
    loose = " " + KEY.lower().replace("-", " ") + " "
    assert sheet_text(loose, CREATED).groups == tuple(GROUPS)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        KEY[:-5],  # a group missing
        KEY[:-1] + ("0" if KEY[-1] != "0" else "1"),  # wrong check group
    ],
)
def test_a_key_that_could_not_open_the_file_is_never_printed(bad: str, tmp_path: Path) -> None:
    with pytest.raises(errors.ValidationError):
        sheet_text(bad, CREATED)
    out = tmp_path / "sheet.pdf"
    with pytest.raises(errors.ValidationError):
        write_recovery_sheet(out, bad, CREATED)
    assert list(tmp_path.iterdir()) == []


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        sheet_text(KEY, datetime(2026, 11, 22, 9, 30))


def test_the_date_is_the_one_in_the_given_timezone() -> None:
    late = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert sheet_text(KEY, late).made_on == "Made on 22 November 2026"
    in_auckland = late.astimezone(timezone(timedelta(hours=13)))
    assert sheet_text(KEY, in_auckland).made_on == "Made on 23 November 2026"


def test_paragraphs_say_what_the_key_does_where_to_keep_it_and_what_if_lost() -> None:
    text = " ".join(sheet_text(KEY, CREATED).paragraphs)
    assert "opens your family file if you forget your passphrase" in text
    assert "new recovery key" in text
    assert "this sheet stops working" in text
    assert "passports" in text
    assert "same computer" in text
    assert "photo" in text
    assert "Do not share it" in text
    assert "print a new one" in text


def test_words_are_translated_when_asked_not_at_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recovery_sheet, "_", lambda message: "T:" + message)
    content = sheet_text(KEY, CREATED)
    assert content.title == "T:Family File recovery sheet"
    assert content.made_on.startswith("T:Made on")
    assert "T:November" in content.made_on
    assert all(p.startswith("T:") for p in content.paragraphs)
    assert all(s.heading.startswith("T:") for s in content.sections)
    # the key itself is never translated
    assert content.groups == tuple(GROUPS)


# --- PDF --------------------------------------------------------------------------


def test_pdf_is_written_privately(sheet: Path) -> None:
    assert sheet.read_bytes().startswith(b"%PDF-")
    if os.name == "posix":
        assert stat.S_IMODE(sheet.stat().st_mode) == 0o600


def test_pdf_replaces_an_older_sheet_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old sheet")
    out.chmod(0o644)
    write_recovery_sheet(out, KEY, CREATED)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_pdf_never_holds_the_key_as_plain_bytes_outside_the_page(sheet: Path) -> None:
    # Page content is compressed, so the key as written must not appear anywhere in
    # the raw file: not in the info dictionary, not in an outline or a file name.
    raw = sheet.read_bytes()
    assert KEY.encode() not in raw
    assert KEY.replace("-", "").encode() not in raw


@needs_poppler
def test_pdf_shows_every_group_numbered_and_the_paragraphs(sheet: Path) -> None:
    text = _pdf_text(sheet)
    assert "Family File recovery sheet" in text
    assert "Made on 22 November 2026" in text
    # three rows: the numbers, then their groups, in order
    for row in range(3):
        numbers = " ".join(str(3 * row + n) for n in (1, 2, 3))
        groups = " ".join(GROUPS[3 * row : 3 * row + 3])
        assert f"{numbers} {groups}" in text, (numbers, groups)
    for phrase in (
        "This key opens your family file if you forget your passphrase.",
        "Then this sheet stops working.",
        "with important papers such as passports",
        "Do not keep it on the same computer as the family file.",
        "Do not take a photo of it with your phone.",
        "Anyone with this sheet and the family file can read your child's record.",
        "If you lose this sheet, open Family File while you still know your passphrase "
        "and print a new one.",
        "Where the family file is kept:",
    ):
        assert phrase in text, phrase


@needs_poppler
def test_pdf_is_one_a4_page(sheet: Path) -> None:
    info = _run("pdfinfo", str(sheet))
    assert "Pages:           1" in info
    assert "(A4)" in info


@needs_poppler
def test_pdf_metadata_is_neutral(sheet: Path) -> None:
    info = _run("pdfinfo", str(sheet))
    meta = _run("pdfinfo", "-meta", str(sheet))
    fields = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in info.splitlines())
    )
    assert fields["Title"] == "Family File recovery sheet"
    for name in ("Author", "Subject", "Creator", "Producer", "Keywords"):
        assert fields.get(name, "") in {"", "Family File", "Recovery sheet"}, name
    for blob in (info, meta):
        assert KEY not in blob
        assert KEY.replace("-", "") not in blob
        for group in GROUPS:
            assert group not in blob, group


@needs_poppler
def test_translated_text_with_markup_characters_is_printed_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_sheet, "_", lambda message: message + " <b>&")
    out = tmp_path / "sheet.pdf"
    write_recovery_sheet(out, KEY, CREATED)
    assert "Family File recovery sheet <b>&" in _pdf_text(out)


# --- HTML -------------------------------------------------------------------------


def test_html_holds_every_group_and_the_paragraphs() -> None:
    page = sheet_html(KEY, CREATED)
    for group in GROUPS:
        assert f">{group}<" in page
    assert ">Family File recovery sheet</h1>" in page
    assert "Made on 22 November 2026" in page
    assert "Where the family file is kept:" in page
    # the apostrophe in "child's" is escaped like everything else
    assert "read your child&#x27;s record" in page
    assert "<table" in page


def test_html_escapes_translated_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recovery_sheet, "_", lambda message: message + ' <script>"&')
    page = sheet_html(KEY, CREATED)
    assert "<script>" not in page
    assert "&lt;script&gt;&quot;&amp;" in page
    assert page.count("&lt;script&gt;") >= len(sheet_text(KEY, CREATED).paragraphs)


def test_html_lays_out_in_qt() -> None:
    qtgui = pytest.importorskip("PySide6.QtGui")
    document = qtgui.QTextDocument()
    document.setHtml(sheet_html(KEY, CREATED))
    plain = document.toPlainText()
    for group in GROUPS:
        assert group in plain
    assert "Family File recovery sheet" in plain
    assert "<" not in plain
