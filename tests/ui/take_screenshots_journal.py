"""Screenshots of the Journal and Milestones pages for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_journal.py [--scale 2]

A made-up child on a fixed date, so the pictures only change when the screens do.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image, ImageDraw  # noqa: E402

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.domain.child import ChildDraft  # noqa: E402
from familyfile.domain.entry import Author  # noqa: E402
from familyfile.domain.journal import ObservationDraft  # noqa: E402
from familyfile.services import journal, journal_photos, milestones  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from tests.ui.shots import arguments, new_family, save, show_main, start_app, suffix  # noqa: E402


def picture(colour: tuple[int, int, int], shape: str) -> bytes:
    image = Image.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(image)
    if shape == "ball":
        draw.ellipse((250, 150, 550, 450), fill=(240, 200, 40), outline=(120, 80, 0), width=12)
    else:
        for i, tone in enumerate([(200, 60, 60), (60, 140, 200), (60, 170, 90)]):
            draw.rectangle((300, 420 - i * 130, 500, 540 - i * 130), fill=tone)
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def fill(session: sessions.FamilySession, child_id: str) -> None:
    session.records.add(child_id=child_id, kind="birth", occurred_on="2025-03-27",
                        data={"gestation_weeks": 33, "gestation_days": 0})
    add = journal.add
    add(session, child_id, ObservationDraft("2025-09-02", "physical", "Rolled from her tummy onto her "
                                            "back on the play mat, twice in a row.", "", False, ""))
    add(session, child_id, ObservationDraft("2025-10-14", "communication_language",
                                            "Turned to look at Dad when he called her name from the "
                                            "kitchen.", "", False, "Dad"))
    add(session, child_id, ObservationDraft("2025-11-02", "mathematics", "Knocked the tower of cups "
                                            "over and laughed.", "", False, ""),
        [journal_photos.prepare(picture((235, 240, 250), "tower"))])
    session.use_as(Author("key_worker", "Sam Patel"))
    add(session, child_id, ObservationDraft("2025-11-12", "personal_social_emotional",
                                            "Played peek-a-boo with me at the children's centre and "
                                            "smiled at the other babies.", "", False, ""))
    session.use_as(Author())
    add(session, child_id, ObservationDraft("2025-11-18", "communication_language", "Said \u201cba\u201d "
                                            "when she saw her ball, and pointed at it.", "First word "
                                            "(nearly!)", True, ""),
        [journal_photos.prepare(picture((210, 235, 215), "ball"))])
    for milestone_id, answer, since in [("m4-oooh", "yes", "2025-08-01"), ("m4-talks-back", "yes", None),
                                        ("m4-turns-to-voice", "sometimes", "2025-10-14"),
                                        ("m4-head-steady", "yes", None), ("m4-holds-toy", "not-yet", None),
                                        ("m2-opens-hands", "not-yet", None),
                                        ("m9-name", "yes", "2025-10-14"), ("m9-babbles", "sometimes", None)]:
        milestones.answer(session, child_id, milestone_id, answer, since)


def main() -> None:
    args = arguments()
    start_app(args.scale)
    end = suffix(args.scale)
    session = new_family(FixedClock(datetime(2025, 11, 20, 10, 31, tzinfo=UTC)))
    try:
        child = session.add_child(ChildDraft("Amara", "Okafor", "2025-03-27"))
        fill(session, child.id)
        window = show_main(session)
        window.show_section("journal")  # type: ignore[attr-defined]
        save(window, args.out, f"journal{end}.png")
        dialog = window.pages["journal"].add_observation()  # type: ignore[attr-defined]
        if dialog is not None:
            dialog.text.setPlainText("")
            dialog.submit()
            save(dialog, args.out, f"journal-add{end}.png")
            dialog.close()
        window.show_section("milestones")  # type: ignore[attr-defined]
        save(window, args.out, f"milestones{end}.png")
        window.close()
    finally:
        session.close()


if __name__ == "__main__":
    main()
