"""Making a photo safe and small enough to keep inside the family file.

Everything happens in memory: the chosen file is read once, decoded, turned the right
way up, shrunk to at most 2048 px on its long edge and saved again as a plain JPEG with
no metadata at all (no EXIF, so no GPS position, camera serial or date; no ICC profile;
no comments), plus a ~256 px thumbnail. Nothing is written to a temporary file.
Pure CPU work: safe to run on a worker thread.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from familyfile.errors import ValidationError

MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_INPUT_PIXELS = 80_000_000
LONG_EDGE_PX = 2048
THUMB_EDGE_PX = 256
JPEG_QUALITY = 85
THUMB_QUALITY = 80
MIME = "image/jpeg"


@dataclass(frozen=True)
class PreparedPhoto:
    image: bytes
    thumbnail: bytes
    width_px: int
    height_px: int
    mime: str = MIME


def _too_big() -> ValidationError:
    return ValidationError("photo", "photo-too-big", max_mb=MAX_INPUT_BYTES // (1024 * 1024))


def read_photo_file(path: Path) -> bytes:
    """The file's bytes, refusing anything over the size limit before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError("photo", "photo-unreadable") from None
    if size > MAX_INPUT_BYTES:
        raise _too_big()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError:
        raise ValidationError("photo", "photo-unreadable") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_big()
    return data


def _flatten(picture: Image.Image) -> Image.Image:
    """RGB pixels only, transparent parts on white."""
    if picture.mode in ("RGBA", "LA") or (picture.mode == "P" and "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return picture.convert("RGB")


def _bare_copy(picture: Image.Image) -> Image.Image:
    """A new image holding only the pixels (so no ``info`` metadata can be carried along)."""
    return Image.frombytes("RGB", picture.size, picture.tobytes())


def _jpeg(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _decode(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            width, height = picture.size
            if width * height > MAX_INPUT_PIXELS:
                raise _too_big()
            picture.seek(0)  # the first frame of an animation
            picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_big() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError("photo", "photo-not-image") from None
    return picture


def prepare(data: bytes) -> PreparedPhoto:
    """A metadata-free JPEG of at most 2048 px and its thumbnail, from an image's bytes."""
    if len(data) > MAX_INPUT_BYTES:
        raise _too_big()
    picture = _decode(data)
    upright = ImageOps.exif_transpose(picture) or picture
    clean = _bare_copy(_flatten(upright))
    clean.thumbnail((LONG_EDGE_PX, LONG_EDGE_PX), Image.Resampling.LANCZOS)
    small = clean.copy()
    small.thumbnail((THUMB_EDGE_PX, THUMB_EDGE_PX), Image.Resampling.LANCZOS)
    return PreparedPhoto(_jpeg(clean, JPEG_QUALITY), _jpeg(small, THUMB_QUALITY),
                         clean.width, clean.height)


def prepare_file(path: Path) -> PreparedPhoto:
    return prepare(read_photo_file(Path(path)))
