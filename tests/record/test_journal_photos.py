"""Journal photos: metadata removed, shrunk, thumbnails, size limits, kept only inside the
encrypted family file."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain.journal import ObservationDraft
from familyfile.messages import user_message
from familyfile.services import journal, journal_photos
from familyfile.services.session import FamilySession


@pytest.fixture
def fam(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01


def draft(text: str = "Stacked three cups") -> ObservationDraft:
    return ObservationDraft("2025-05-01", "mathematics", text)


def jpeg_with_gps(size: tuple[int, int] = (3000, 2000), orientation: int | None = None) -> bytes:
    picture = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0132] = "2025:05:01 10:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)  # latitude
    gps[3], gps[4] = "W", (0.0, 7.0, 39.0)  # longitude
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


# -- photos ------------------------------------------------------------------------------------
def test_photo_loses_all_metadata_and_is_shrunk_with_a_thumbnail() -> None:
    original = jpeg_with_gps()
    assert b"SecretCam" in original
    made = journal_photos.prepare(original)
    assert max(made.width_px, made.height_px) == 2048 and (made.width_px, made.height_px) == (2048, 1365)
    for blob in (made.image, made.thumbnail):
        opened = Image.open(io.BytesIO(blob))
        assert opened.format == "JPEG" and len(opened.getexif()) == 0
        assert "exif" not in opened.info and "icc_profile" not in opened.info
        assert b"Exif" not in blob and b"SecretCam" not in blob and b"GPS" not in blob
    thumb = Image.open(io.BytesIO(made.thumbnail))
    assert max(thumb.size) == 256


def test_photo_is_turned_the_right_way_up() -> None:
    made = journal_photos.prepare(jpeg_with_gps((400, 200), orientation=6))  # rotate 90°
    assert (made.width_px, made.height_px) == (200, 400)


def test_transparent_png_and_small_images_work() -> None:
    picture = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    made = journal_photos.prepare(out.getvalue())
    assert (made.width_px, made.height_px) == (100, 50)
    assert Image.open(io.BytesIO(made.image)).getpixel((5, 5)) >= (250, 250, 250)


def test_too_big_or_not_a_photo_is_refused_plainly(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(errors.ValidationError) as caught:
        journal_photos.prepare_file(big)
    assert caught.value.code == "photo-too-big"
    assert user_message(caught.value) == ("That photo is too big. Choose a photo smaller than 20 MB, "
                                          "or make it smaller first.")
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    with pytest.raises(errors.ValidationError) as caught:
        journal_photos.prepare_file(text)
    assert caught.value.code == "photo-not-image" and "JPEG or PNG" in user_message(caught.value)
    with pytest.raises(errors.ValidationError) as caught:
        journal_photos.prepare_file(tmp_path / "gone.jpg")
    assert caught.value.code == "photo-unreadable"


def test_photos_are_kept_inside_the_encrypted_file_only(fam: tuple[FamilySession, str],
                                                       family_path: Path) -> None:
    session, child = fam
    noisy = Image.effect_noise((600, 400), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="PNG")
    made = journal_photos.prepare(out.getvalue())
    added = journal.add(session, child, draft("Zanzibarquokka at the beach"), [made])
    [row] = journal.photos_of(session, added.id)
    assert journal.image(session, row.id) == made.image
    assert journal.first_thumbnail(session, added.id) == made.thumbnail
    session.backup_now("manual")
    needles = [made.image[200:264], made.thumbnail[200:264], b"Zanzibarquokka",
               "Zanzibarquokka".encode("utf-16-le")]
    files = [p for p in family_path.parent.rglob("*") if p.is_file()]
    assert len(files) >= 3
    for path in files:
        content = path.read_bytes()
        assert not any(n in content for n in needles), path.name


def test_edit_adds_and_removes_photos_with_history(fam: tuple[FamilySession, str]) -> None:
    session, child = fam
    first, second = (journal_photos.prepare(jpeg_with_gps((300, 200))) for _ in range(2))
    added = journal.add(session, child, draft(), [first])
    [old] = journal.photos_of(session, added.id)
    edited = journal.edit(session, added, draft(), add_photos=[second], remove_photo_ids=[old.id])
    [new] = journal.photos_of(session, added.id)
    assert new.id != old.id and journal.photo_ids(edited) == [new.id]
    assert [h.data.get("photo_ids") for h in session.records.history(added.id)] == [[old.id], [new.id]]
    with pytest.raises(errors.NotFoundError):
        journal.edit(session, edited, draft(), remove_photo_ids=["not-a-photo"])
