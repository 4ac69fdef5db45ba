"""Screenshots of practitioner mode and of the family's "Add a confirmed entry" for docs/screenshots.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_practitioner.py [--scale 2]

A made-up family's share file opened in the verifier window with Jo Reed's identity open; the
set-up dialog; recording a weight (with the grams-for-kilograms slip); the signed card; then the
family's import dialog at the fingerprint step and once added.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.domain.consent import Purpose  # noqa: E402
from familyfile.domain.involvement import InvolvementDraft  # noqa: E402
from familyfile.export import cards, shc  # noqa: E402
from familyfile.services import consent, handover, involvement, signing, verifier  # noqa: E402
from familyfile.services import practitioner as practice  # noqa: E402
from familyfile.ui.dialogs.import_entry import ImportEntryDialog  # noqa: E402
from familyfile.ui.dialogs.practitioner_entry import RecordEntryDialog  # noqa: E402
from familyfile.ui.dialogs.practitioner_identity import SetUpIdentityDialog  # noqa: E402
from familyfile.ui.verifier_window import VerifierWindow  # noqa: E402
from tests.conftest import FAST_KDF  # noqa: E402
from tests.ui.shots import arguments, new_family, save, settle, start_app, suffix  # noqa: E402

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def family_and_share(folder: Path, clock: FixedClock) -> tuple[object, Path]:
    session = new_family(clock, folder)
    child = session.add_child(ChildDraft("Zephyrine", "Quillfeather", "2024-03-01"))
    child_id = getattr(child, "id", None) or session.children()[0].id
    session.records.add(child_id=child_id, kind="about_me", data={
        "given_name": "Zephyrine", "family_name": "Quillfeather", "date_of_birth": "2024-03-01",
        "nhs_number": "9434765919", "sex": "female"}, occurred_on=None)
    nursery_row = involvement.add(session, child_id, InvolvementDraft(
        "nursery_childminder", "Little Acorns Nursery", "2025-09-01"))
    nursery = consent.agency(session, child_id, nursery_row.agency_id)
    consent.set_consent(session, child_id, nursery, "immunisations", "permit")
    key = signing.current_key(session)
    share = folder / "share.json"
    handover.write_share_file(session, child_id, nursery, Purpose("care"), ("identity", "immunisations"), key,
                              [cards.ABOUT_ME, cards.IMMUNISATIONS], share, "The Quillfeathers")
    verifier.trust_candidate(shc.issuer_for(session.file_id), key.public_jwk, folder / "trust")
    return session, share


def wait(window: VerifierWindow) -> None:
    while window.tasks.busy or not window.panels:
        settle(rounds=1)
    window.tasks.wait_idle()
    settle(window)


def main() -> None:
    args = arguments()
    start_app(args.scale)
    end = suffix(args.scale)
    folder = Path(tempfile.mkdtemp(prefix="ff-practitioner-shots-"))
    clock = FixedClock(NOW)
    session, share = family_and_share(folder, clock)
    big = min(args.scale, 1.5)

    window = VerifierWindow(folder / "trust", clock, kdf=FAST_KDF)
    window.resize(1000, round(900 * big))
    window.show()
    settle(window)
    save(window, args.out, f"practitioner-signed-out{end}.png")

    setup = SetUpIdentityDialog(window.tasks, window, kdf=FAST_KDF)
    setup.resize(640, round(760 * big))
    setup.show()
    setup.inputs["name"].setText("Jo Reed")
    setup.inputs["role"].setText("Health Visitor")
    setup.submit()
    settle(setup)
    save(setup, args.out, f"practitioner-identity-setup{end}.png")
    setup.close()

    me = practice.create_identity(folder / "me.ffidentity", "otter-lantern-meadow-quartz", name="Jo Reed",
                                  role="Health Visitor", organisation="Riverside Health Visiting",
                                  ods_code="RX1CC", kdf=FAST_KDF, clock=clock)
    window.identity._signed_in(me)
    window.open_paths([share])
    wait(window)
    save(window, args.out, f"practitioner-signed-in{end}.png")

    found = practice.read_handover(share, verifier.load_trust(folder / "trust"), clock=clock)
    record = RecordEntryDialog(me, found, window, clock=clock)
    record.resize(640, round(760 * big))
    record.show()
    record.inputs["weight_kg"].setText("12400")
    record.inputs["height_cm"].setText("87")
    record.submit()
    settle(record)
    save(record, args.out, f"practitioner-record-weight{end}.png")
    record.inputs["weight_kg"].setText("12.4")
    record.submit()
    settle()
    issued = window.identity.issued
    if issued is None:  # the dialog is not opened through the bar here: show the card the same way
        jws = practice.issue_entry(me, found, practice.EntryDraft("growth", "2026-03-01", weight_kg="12.4",
                                                                  height_cm="87"), clock=clock)
        window.identity._show_card(jws, "Entry card for the family", "A growth measurement, 1 Mar 2026")
        issued = window.identity.issued
    assert issued is not None and issued.viewer is not None
    issued.viewer.resize(1000, 760)
    settle(issued.viewer)
    save(issued.viewer, args.out, f"practitioner-card-fullscreen{end}.png")
    issued.viewer.close()
    issued.resize(640, round(820 * big))
    settle(issued)
    save(issued, args.out, f"practitioner-card{end}.png")
    out = folder / "card.png"
    practice.write_card(out, issued.jws, issued.key_card, "png")

    dialog = ImportEntryDialog(session, window.tasks)
    dialog.resize(760, round(720 * big))
    dialog.show()
    dialog.import_path(out)
    while dialog.tasks.busy or not (dialog.compare.isVisible() or dialog.message.isVisible()):
        settle(rounds=1)
    settle(dialog)
    save(dialog, args.out, f"import-entry-compare{end}.png")
    dialog.trust_and_add()
    while dialog.tasks.busy or not (dialog.outcome.isVisible() or dialog.message.isVisible()):
        settle(rounds=1)
    settle(dialog)
    save(dialog, args.out, f"import-entry-added{end}.png")


if __name__ == "__main__":
    main()
