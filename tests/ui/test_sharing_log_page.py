"""The "Who has seen what" page: shares recorded through the sharing service, read by a parent,
for everyone or one service; the tick box the share wizard reads."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from familyfile.domain.child import ChildDraft
from familyfile.domain.consent import Purpose, Recipient
from familyfile.services import session as sessions
from familyfile.services import sharing
from familyfile.ui.models.sharing_log_model import SharingLogModel
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.sharing_log import SharingLogPage
from familyfile.ui.tasks import TaskRunner
from tests.ui.consent_family import Family
from tests.ui.consent_fixtures import consenting_family_fixture, own_session_fixture  # noqa: F401


@pytest.fixture
def page(qtbot, session: sessions.FamilySession, family: Family) -> SharingLogPage:
    shown = SharingLogPage(PageContext(session, TaskRunner()))
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    return shown


def share(session: sessions.FamilySession, family: Family, who: Recipient, purpose: Purpose,
          fmt: str, choices: tuple[str, ...] = ()) -> sharing.ShareRecord:
    chosen = sharing.selection(session, family.child_id, who, purpose, choices)
    done = sharing.record_share(session, family.child_id, who, purpose, chosen, fmt, b"%PDF made up")
    session.clock.advance(timedelta(hours=3))
    return done


def test_nothing_shared_yet(page: SharingLogPage) -> None:
    assert page.listed() == []
    assert page.empty.isVisible() and "Nothing has been shared" in page.empty.text()
    assert "Amara" in page.why.text()
    assert not page.include_in_export()


def test_a_recorded_share_is_readable(page: SharingLogPage, session, family: Family) -> None:
    done = share(session, family, family.nursery, Purpose("education"), "pdf", (family.sensitive_id,))
    page.refresh()
    rows = page.listed()
    assert len(rows) == 1
    when, who, what = rows[0].split(" | ")
    assert when.startswith("20 Mar 2026 at ")  # in this computer's time zone
    assert who == "Nursery or childminder\nLittle Acorns Nursery\nWhy: Education"
    assert what.split("\n") == ["Health and growth", "Vaccinations", "Development and journal",
                                f"{len(done.entry_ids)} things in all",
                                "How: A PDF file (to print or email), by Parent"]
    assert family.sensitive_id in done.entry_ids and family.private_id not in done.entry_ids
    tip = page.model.data(page.model.index(0, 0), Qt.ToolTipRole)
    assert done.sha256 in tip
    assert not page.empty.isVisible()


def test_filter_by_service_newest_first(page: SharingLogPage, session, family: Family) -> None:
    share(session, family, family.hv, Purpose("care"), "pdf")
    share(session, family, family.nursery, Purpose("education"), "qr")
    share(session, family, family.hv, Purpose("referral"), "print", ("health",))
    page.refresh()
    assert [r.split(" | ")[1].split("\n")[-1] for r in page.listed()] == [
        "Why: A referral to another service", "Why: Education",
        "Why: Care (looking after your child)"]
    page.show_only(family.hv.id)
    assert len(page.listed()) == 2 and all("Health visitor" in r for r in page.listed())
    page.show_only(family.slt.id)
    assert page.listed() == [] and "Nothing has been shared with them" in page.empty.text()
    page.filter.setCurrentIndex(0)
    assert len(page.listed()) == 3


def test_each_child_has_their_own_log(page: SharingLogPage, session, family: Family) -> None:
    share(session, family, family.hv, Purpose("care"), "pdf")
    other = session.add_child(ChildDraft("Ben", "Okafor", "2025-06-01"))
    page.context.select_child(other.id)
    assert page.listed() == [] and "Ben" in page.why.text()
    page.context.select_child(family.child_id)
    assert len(page.listed()) == 1


def test_include_in_the_export(qtbot, page: SharingLogPage) -> None:
    box = page.include
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(6, box.height() // 2))
    assert page.include_in_export()
    box.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(box, Qt.Key_Space)
    assert not page.include_in_export()


def test_the_model_passes_qtmodeltester(qtmodeltester, session, family: Family) -> None:
    share(session, family, family.hv, Purpose("care"), "pdf")
    share(session, family, family.nursery, Purpose("other", "Moving house"), "json")
    model = SharingLogModel(sharing.share_log(session, family.child_id))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.text(0, 1).endswith("Why: Moving house")
    assert model.text(0, 2).endswith("How: A Family File share file, by Parent")
    assert model.columnCount() == 3
    model.set_records([])
    qtmodeltester.check(model)
