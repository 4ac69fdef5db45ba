"""The share wizard, driven like a person: choose who and why by keyboard and mouse, untick a
part and watch the preview change, finish with each format, and check that every share is in
the sharing log and that what was held back never left."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from familyfile.domain.consent import PROFESSIONAL
from familyfile.export import cards as card_builder
from familyfile.export.verify import Outcome, TrustStore, inflate_capped, parse_compact
from familyfile.services import handover, sharing, verifier
from familyfile.services import session as sessions
from familyfile.ui.dialogs.qr_fullscreen import QrViewer
from familyfile.ui.dialogs.share_wizard import ShareWizard
from familyfile.ui.dialogs.share_wizard_pages import FHIR, PDF, QR, SHARE
from familyfile.ui.main_window import MainWindow
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.sharing_log import SharingLogPage
from familyfile.ui.tasks import TaskRunner
from tests.ui.consent_family import Family, tick
from tests.ui.consent_fixtures import consenting_family_fixture, own_session_fixture  # noqa: F401
from tests.ui.drive import activate, show_active

HELD_BACK_SERVICE = "Northfield Council"  # the social-care involvement: sensitive
HELD_BACK_WORKER = "Jo Reed"
SENSITIVE_TEXT = "Daddy moved out"  # a journal entry marked sensitive
SHARED_SERVICE = "Little Acorns Nursery"
HV = "Health visitor: Sunny Hill Community Health — Health visiting"


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle()


@pytest.fixture
def wizard(qtbot, session: sessions.FamilySession, family: Family, runner: TaskRunner) -> ShareWizard:
    return show_active(qtbot, ShareWizard(PageContext(session, runner)), (1000, 760))


def click_words(qtbot, wizard: ShareWizard, text: str) -> None:
    """Click the words of a big choice (clicking the words chooses it)."""
    from familyfile.ui.widgets.recipient_picker import _ChoiceWords

    found = [w for w in wizard.findChildren(_ChoiceWords) if w.isVisible() and w.text() == text]
    assert len(found) == 1, text
    qtbot.mouseClick(found[0], Qt.LeftButton)


def go_on(qtbot, wizard: ShareWizard) -> None:
    assert wizard.next.isEnabled()
    qtbot.mouseClick(wizard.next, Qt.LeftButton)


def to_step_three(qtbot, wizard: ShareWizard, who: str,
                  purpose: str = "To look after your child (care)") -> None:
    click_words(qtbot, wizard, who)
    go_on(qtbot, wizard)
    click_words(qtbot, wizard, purpose)
    go_on(qtbot, wizard)
    assert wizard.index == 2


def finish(qtbot, wizard: ShareWizard, fmt_words: str, path: Path | None = None,
           monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    go_on(qtbot, wizard)  # step 3 -> 4
    click_words(qtbot, wizard, fmt_words)
    if path is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(wizard, "choose_path", lambda fmt: path)
    go_on(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.index == 4 or wizard.summary.isVisible(), timeout=30000)


def card_texts(jws_list: list[str]) -> str:
    """Everything the cards say, inflated."""
    return "\n".join(inflate_capped(parse_compact(jws)[2]).decode("utf-8") for jws in jws_list)


def share_involvement_too(qtbot, wizard: ShareWizard) -> None:
    """Tick "send everything in Involvement this time" in the preview."""
    box = wizard.what.preview.checkbox_for("involvement")
    assert box is not None
    tick(qtbot, box)
    qtbot.waitUntil(lambda: "involvement" in wizard.what.choices())


# -- choosing ------------------------------------------------------------------------------------
def test_who_and_why_by_keyboard(qtbot, wizard: ShareWizard, family: Family) -> None:
    assert wizard.step_label.text() == "Step 1 of 5"
    recipients = wizard.who.recipient
    names = [b.accessibleName() for b in recipients.buttons()]
    assert len(names) == 5 and names[-1] == "Someone new"  # four services, never the team itself
    assert not any("children's centre team" in n for n in names)
    assert not wizard.who.child.isVisible()  # one child: nothing to choose
    first = recipients.buttons()[0]
    assert QApplication.focusWidget() is first and first.isChecked()
    qtbot.keyClick(first, Qt.Key_Down)
    assert recipients.buttons()[1].isChecked()
    chosen = recipients.data()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert wizard.index == 1 and wizard.step_label.text() == "Step 2 of 5"
    purposes = wizard.why.purpose
    assert QApplication.focusWidget() is purposes.buttons()[0]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert purposes.data() == "other" and wizard.why.other.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)  # no words yet
    assert wizard.index == 1 and wizard.summary.isVisible()
    assert wizard.why.other_error.isVisible()
    qtbot.keyClicks(wizard.why.other, "Moving house")
    qtbot.keyClick(wizard.why.other, Qt.Key_Return)
    assert wizard.index == 2 and not wizard.summary.isVisible()
    preview = wizard.what.preview.current()
    assert preview is not None and preview.recipient.id == chosen.id
    assert "for Moving house" in wizard.what.preview.summary.text()
    qtbot.mouseClick(wizard.back, Qt.LeftButton)
    assert wizard.index == 1 and wizard.why.other.text() == "Moving house"


def test_unticking_a_part_changes_the_preview(qtbot, wizard: ShareWizard, family: Family) -> None:
    to_step_three(qtbot, wizard, HV)
    preview = wizard.what.preview
    assert any("weight 12.3 kg" in line for line in preview.shared_lines())
    tick(qtbot, wizard.what.boxes[card_builder.GROWTH])
    assert not wizard.what.boxes[card_builder.GROWTH].isChecked()
    assert not any("weight 12.3 kg" in line for line in preview.shared_lines())
    assert any("weight 12.3 kg" in line and "Not in the parts you chose" in line
               for line in preview.held_lines())
    tick(qtbot, wizard.what.boxes[card_builder.GROWTH])
    assert any("weight 12.3 kg" in line for line in preview.shared_lines())


def test_nothing_to_share_says_so_and_stops(qtbot, wizard: ShareWizard, family: Family) -> None:
    to_step_three(qtbot, wizard, HV)
    for box in wizard.what.boxes.values():
        if box.isChecked():
            tick(qtbot, box)
    assert wizard.what.nothing.isVisible()
    assert not wizard.next.isEnabled()
    assert wizard.what.preview.shared_lines() == []


def test_someone_new_needs_a_name_and_starts_with_nothing(qtbot, wizard: ShareWizard,
                                                         family: Family) -> None:
    click_words(qtbot, wizard, "Someone new")
    assert wizard.who.name.isVisible()
    go_on(qtbot, wizard)
    assert wizard.index == 0 and wizard.who.name_error.isVisible()
    assert "Enter the name" in wizard.summary.messages[0]
    qtbot.keyClicks(wizard.who.name, "Dr Ruth Evans")
    qtbot.keyClicks(wizard.who.role, "GP")
    qtbot.keyClick(wizard.who.role, Qt.Key_Return)
    assert wizard.index == 1
    go_on(qtbot, wizard)
    preview = wizard.what.preview.current()
    assert preview is not None and preview.recipient.kind == PROFESSIONAL
    assert preview.recipient.name == "Dr Ruth Evans (GP)"
    assert not wizard.next.isEnabled()  # nobody agreed anything for them: nothing leaves yet
    box = wizard.what.preview.checkbox_for("immunisations")
    assert box is not None
    tick(qtbot, box)
    qtbot.waitUntil(wizard.next.isEnabled)


# -- making --------------------------------------------------------------------------------------
def test_qr_codes_on_the_screen(qtbot, wizard: ShareWizard, session: sessions.FamilySession,
                                family: Family) -> None:
    before = sharing.share_log(session, family.child_id)
    to_step_three(qtbot, wizard, HV)
    finish(qtbot, wizard, "Show QR codes on this screen")
    assert wizard.index == 4, wizard.summary.messages
    made = wizard.made
    assert made is not None and made.fmt == QR and made.cards
    viewer = wizard.viewer
    assert isinstance(viewer, QrViewer) and viewer.isVisible() and viewer.isFullScreen()
    assert viewer.count() == len(made.cards) + 1  # and the key card last
    assert viewer.position.text() == f"Card 1 of {viewer.count()}"
    assert viewer.card_title.text().startswith("About me — from ")  # each card says its part
    titles = []
    for _n in range(viewer.count() - 1):
        titles.append(viewer.card_title.text())
        qtbot.keyClick(viewer, Qt.Key_Right)
    assert len(made.card_sections) == len(made.cards)
    assert any(t.startswith("Vaccinations") for t in titles)
    log = sharing.share_log(session, family.child_id)
    assert len(log) == len(before) + 1
    assert log[-1].format == "qr" and log[-1].recipient.id == family.hv.id
    assert log[-1].sha256 == hashlib.sha256(handover.produced_bytes(made.cards)).hexdigest()
    assert made.fingerprint and made.fingerprint in viewer.fingerprint.text()
    assert wizard.done_step.fingerprint.text() == made.fingerprint
    assert "Recorded in the sharing log" in wizard.done_step.logged.text()
    qtbot.keyClick(viewer, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())
    assert wizard.show_again.isVisible()
    qtbot.mouseClick(wizard.show_again, Qt.LeftButton)
    assert wizard.viewer is not None and wizard.viewer is not viewer
    assert wizard.viewer.isVisible() and wizard.viewer.count() == len(made.cards) + 1
    assert SENSITIVE_TEXT not in card_texts(made.cards)


def test_share_file_leaves_the_held_back_out_and_verifies(
        qtbot, wizard: ShareWizard, session: sessions.FamilySession, family: Family,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "share.json"
    to_step_three(qtbot, wizard, HV)
    share_involvement_too(qtbot, wizard)
    held = "\n".join(wizard.what.preview.held_lines())
    assert HELD_BACK_SERVICE in held  # the family circumstances stay at home
    finish(qtbot, wizard, "Share file (for USB or e-mail)", out, monkeypatch)
    assert wizard.index == 4, wizard.summary.messages
    assert str(out) in wizard.done_step.where.text()
    data = out.read_bytes()
    contents = verifier.read_contents(out)
    results = verifier.verify_contents(contents, TrustStore(), session.clock)
    assert results and all(r.outcome is Outcome.VALID_UNKNOWN_SIGNER for r in results)
    said = card_texts(json.loads(data)["verifiableCredential"])
    assert SHARED_SERVICE in said
    for secret in (HELD_BACK_SERVICE, HELD_BACK_WORKER, SENSITIVE_TEXT):
        assert secret not in said and secret.encode() not in data
    record = sharing.share_log(session, family.child_id)[-1]
    assert record.format == SHARE and record.size_bytes == len(data)
    assert family.social_id not in record.entry_ids
    assert "involvement" in record.choices


def test_fhir_file(qtbot, wizard: ShareWizard, session: sessions.FamilySession, family: Family,
                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "fhir.json"
    to_step_three(qtbot, wizard, HV)
    share_involvement_too(qtbot, wizard)
    finish(qtbot, wizard, "FHIR file (for a clinical system)", out, monkeypatch)
    assert wizard.index == 4, wizard.summary.messages
    text = out.read_text("utf-8")
    assert json.loads(text)["resourceType"] == "Bundle"
    assert SHARED_SERVICE in text
    for secret in (HELD_BACK_SERVICE, HELD_BACK_WORKER, SENSITIVE_TEXT):
        assert secret not in text
    assert sharing.share_log(session, family.child_id)[-1].format == FHIR
    assert not wizard.done_step.fingerprint.isVisible()  # a FHIR file is not signed


def test_fhir_leaves_out_an_unticked_part(qtbot, wizard: ShareWizard, session: sessions.FamilySession,
                                          family: Family, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "fhir.json"
    to_step_three(qtbot, wizard, HV)
    tick(qtbot, wizard.what.boxes[card_builder.GROWTH])  # untick growth
    go_on(qtbot, wizard)
    fhir = wizard.how.format.button_for(lambda d: d == FHIR)
    assert fhir is not None and fhir.isEnabled() and not wizard.how.fhir_note.isVisible()
    qtbot.mouseClick(wizard.back, Qt.LeftButton)
    finish(qtbot, wizard, "FHIR file (for a clinical system)", out, monkeypatch)
    assert wizard.index == 4, wizard.summary.messages
    kinds = {e["resource"]["resourceType"] for e in json.loads(out.read_text("utf-8"))["entry"]}
    assert "Patient" in kinds and "Observation" not in kinds  # no growth measurement left
    record = sharing.share_log(session, family.child_id)[-1]
    assert record.format == FHIR
    growth_ids = {c.id for c, e in sharing.candidates(session, family.child_id) if e.kind == "growth"}
    assert growth_ids and not growth_ids & set(record.entry_ids)


def test_a_file_that_cannot_be_written_shares_nothing(
        qtbot, wizard: ShareWizard, session: sessions.FamilySession, family: Family,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sharing.share_log(session, family.child_id)
    out = tmp_path / "no-such-folder" / "share.json"
    to_step_three(qtbot, wizard, HV)
    finish(qtbot, wizard, "Share file (for USB or e-mail)", out, monkeypatch)
    assert wizard.index == 3 and wizard.summary.isVisible()
    assert wizard.summary.messages[0].startswith("Nothing was shared.")
    assert "Traceback" not in wizard.summary.messages[0]
    assert not out.parent.exists()
    assert sharing.share_log(session, family.child_id) == before
    assert wizard.next.isEnabled()


def test_cancelling_the_save_dialog_shares_nothing(
        qtbot, wizard: ShareWizard, session: sessions.FamilySession, family: Family,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = sharing.share_log(session, family.child_id)
    to_step_three(qtbot, wizard, HV)
    go_on(qtbot, wizard)
    click_words(qtbot, wizard, "FHIR file (for a clinical system)")
    monkeypatch.setattr(wizard, "choose_path", lambda fmt: None)
    go_on(qtbot, wizard)
    assert wizard.index == 3
    assert sharing.share_log(session, family.child_id) == before


def test_expiry_is_asked_only_for_signed_formats(qtbot, wizard: ShareWizard, family: Family) -> None:
    to_step_three(qtbot, wizard, HV)
    go_on(qtbot, wizard)
    assert wizard.how.expires.value() == 90 and wizard.how.expires.isVisible()
    click_words(qtbot, wizard, "FHIR file (for a clinical system)")
    assert not wizard.how.expires.isVisible()
    assert wizard.next.text() == "Make the FHIR file"


def test_pdf(qtbot, wizard: ShareWizard, session: sessions.FamilySession, family: Family,
             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "share.pdf"
    to_step_three(qtbot, wizard, HV)
    finish(qtbot, wizard, "PDF to print or e-mail", out, monkeypatch)
    assert wizard.index == 4, wizard.summary.messages
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    for secret in (HELD_BACK_SERVICE, SENSITIVE_TEXT):
        assert secret.encode() not in data
    record = sharing.share_log(session, family.child_id)[-1]
    assert record.format == PDF


# -- where it opens from -------------------------------------------------------------------------
def test_hand_over_menu_and_ctrl_h(qtbot, session: sessions.FamilySession, family: Family,
                                   runner: TaskRunner) -> None:
    window = show_active(qtbot, MainWindow(session, runner), (1366, 768))
    assert window.handover_menu.title() == "&Hand over"
    assert window.handover_action in window.handover_menu.actions()
    qtbot.keyClick(window, Qt.Key_H, Qt.ControlModifier)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ShareWizard)))
    wizard = next(w for w in window.findChildren(ShareWizard) if w.isVisible())
    assert not wizard.how.include_log.isChecked()
    qtbot.mouseClick(wizard.cancel, Qt.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_the_sharing_log_page_opens_it_with_its_tick(qtbot, session: sessions.FamilySession,
                                                    family: Family, runner: TaskRunner,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    page = show_active(qtbot, SharingLogPage(PageContext(session, runner)), (1100, 800))
    tick(qtbot, page.include)
    qtbot.mouseClick(page.hand_over, Qt.LeftButton)
    found = [w for w in page.findChildren(ShareWizard) if w.isVisible()]
    assert len(found) == 1
    wizard = found[0]
    activate(qtbot, wizard)
    assert wizard.how.include_log.isChecked()
    to_step_three(qtbot, wizard, HV)
    finish(qtbot, wizard, "Show QR codes on this screen")
    assert wizard.index == 4
    assert wizard.viewer is not None
    wizard.viewer.close()
    qtbot.mouseClick(wizard.next, Qt.LeftButton)  # Close
    qtbot.waitUntil(lambda: page.listed() != [])
    assert any("QR" in row or "qr" in row for row in page.listed())
