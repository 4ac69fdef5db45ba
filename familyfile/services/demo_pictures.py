"""The sample family's journal photos: simple drawings made here (no real faces), prepared
through the journal's own photo path so they are stored like any other photo."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, ImageDraw

from familyfile.services import journal_photos


def _canvas(sky: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    picture = Image.new("RGB", (640, 480), sky)
    return picture, ImageDraw.Draw(picture)


def _blocks() -> Image.Image:
    picture, pen = _canvas((250, 244, 230))
    pen.rectangle((0, 400, 640, 480), fill=(196, 160, 120))
    colours = [(214, 69, 65), (241, 196, 15), (52, 152, 219), (46, 204, 113), (155, 89, 182),
               (230, 126, 34)]
    for level, colour in enumerate(colours):
        left = 250 + (level % 2) * 12 - level * 2
        top = 400 - (level + 1) * 58
        pen.rounded_rectangle((left, top, left + 120, top + 56), radius=8, fill=colour,
                              outline=(60, 60, 60), width=3)
    return picture


def _hand_painting() -> Image.Image:
    picture, pen = _canvas((255, 255, 255))
    splodges = [((90, 80), 70, (231, 76, 60)), ((300, 150), 90, (52, 152, 219)),
                ((480, 90), 60, (241, 196, 15)), ((180, 320), 85, (46, 204, 113)),
                ((420, 330), 75, (155, 89, 182)), ((560, 260), 50, (230, 126, 34))]
    for (x, y), size, colour in splodges:
        pen.ellipse((x - size, y - size * 0.8, x + size, y + size * 0.8), fill=colour)
        for finger in range(4):
            fx = x - size + 20 + finger * (size // 2)
            pen.ellipse((fx, y - size - 30, fx + 26, y - size + 10), fill=colour)
    return picture


def _sunflower() -> Image.Image:
    picture, pen = _canvas((190, 225, 250))
    pen.ellipse((470, 30, 590, 150), fill=(253, 216, 53))
    pen.rectangle((0, 410, 640, 480), fill=(121, 85, 72))
    pen.polygon([(240, 330), (400, 330), (380, 430), (260, 430)], fill=(211, 84, 0))
    pen.rectangle((314, 170, 326, 330), fill=(56, 142, 60))
    pen.ellipse((326, 230, 396, 262), fill=(76, 175, 80))
    for angle in range(0, 360, 30):
        offset = {0: (60, 0), 30: (52, 30), 60: (30, 52), 90: (0, 60), 120: (-30, 52),
                  150: (-52, 30), 180: (-60, 0), 210: (-52, -30), 240: (-30, -52),
                  270: (0, -60), 300: (30, -52), 330: (52, -30)}[angle]
        cx, cy = 320 + offset[0], 150 + offset[1]
        pen.ellipse((cx - 26, cy - 26, cx + 26, cy + 26), fill=(251, 192, 45))
    pen.ellipse((280, 110, 360, 190), fill=(93, 64, 55))
    return picture


def _rainbow() -> Image.Image:
    picture, pen = _canvas((214, 234, 248))
    colours = [(231, 76, 60), (230, 126, 34), (241, 196, 15), (46, 204, 113), (52, 152, 219),
               (142, 68, 173)]
    for band, colour in enumerate(colours):
        inset = band * 26
        pen.arc((60 + inset, 80 + inset, 580 - inset, 600 - inset), 180, 360, fill=colour, width=26)
    pen.rectangle((0, 400, 640, 480), fill=(120, 170, 90))
    for x in (120, 330, 500):
        pen.ellipse((x - 60, 420, x + 60, 460), fill=(110, 140, 170))
    pen.rounded_rectangle((300, 360, 340, 440), radius=10, fill=(241, 196, 15))
    pen.rounded_rectangle((350, 360, 390, 440), radius=10, fill=(241, 196, 15))
    return picture


def _bus() -> Image.Image:
    picture, pen = _canvas((200, 230, 255))
    pen.rectangle((0, 380, 640, 480), fill=(120, 120, 120))
    pen.rounded_rectangle((90, 170, 550, 370), radius=24, fill=(200, 30, 45), outline=(90, 0, 10),
                          width=4)
    for window in range(5):
        left = 120 + window * 84
        pen.rectangle((left, 200, left + 64, 260), fill=(220, 240, 255), outline=(90, 0, 10), width=3)
    pen.rectangle((470, 280, 530, 370), fill=(220, 240, 255), outline=(90, 0, 10), width=3)
    for wheel in (170, 450):
        pen.ellipse((wheel - 38, 330, wheel + 38, 406), fill=(40, 40, 40))
        pen.ellipse((wheel - 14, 354, wheel + 14, 382), fill=(180, 180, 180))
    return picture


def _ducks() -> Image.Image:
    picture, pen = _canvas((205, 232, 250))
    pen.rectangle((0, 250, 640, 480), fill=(126, 200, 120))
    pen.ellipse((80, 270, 560, 450), fill=(100, 160, 220))
    for x, y in ((200, 330), (330, 370), (440, 320)):
        pen.ellipse((x - 40, y - 18, x + 40, y + 22), fill=(255, 236, 120))
        pen.ellipse((x + 18, y - 46, x + 52, y - 12), fill=(255, 236, 120))
        pen.polygon([(x + 50, y - 30), (x + 70, y - 26), (x + 50, y - 22)], fill=(240, 140, 40))
    return picture


def photo(draw: Callable[[], Image.Image]) -> journal_photos.PreparedPhoto:
    """A drawing made ready for the journal exactly as a chosen photo is (in memory)."""
    out = io.BytesIO()
    draw().save(out, format="PNG")
    return journal_photos.prepare(out.getvalue())


# -- growth along a centile ------------------------------------------------------------------------


PICTURES: dict[str, Callable[[], Image.Image]] = {
    "blocks": _blocks, "painting": _hand_painting, "sunflower": _sunflower, "rainbow": _rainbow,
    "bus": _bus, "ducks": _ducks}
