"""Checking and storing uploaded images and flyers.

An upload is trusted for nothing: not its name, not its extension, not its declared type.
Images are opened with Pillow within size and pixel limits (a decompression bomb is refused
before it is decoded), fully decoded, turned upright, stripped of every metadata block (EXIF,
GPS, comments) by re-encoding the pixels, and stored under a generated name with resized
renditions (WebP plus a JPEG fallback) generated once, here. PDFs are checked by content.

The admin forms call `image_check` / `flyer_check` while validating (so a bad file is a form
error, never a 500) and `image_attach` / `flyer_attach` while saving.
"""

from __future__ import annotations

import uuid
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000: larger than any camera photo staff will upload
MAX_FLYER_BYTES = 10 * 1024 * 1024
RENDITION_WIDTHS = (400, 800, 1600)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
FOLDER = "events"


@dataclass
class CheckedImage:
    """A decoded image that passed every check, ready to store."""

    image: Image.Image
    format: str


@dataclass
class CheckedFlyer:
    content: bytes
    extension: str  # "pdf" or an image extension
    image: CheckedImage | None = None


def _megabytes(limit: int) -> str:
    return f"{limit / 1024 / 1024:g}"


def image_check(upload) -> CheckedImage:
    """Open an upload as a JPEG, PNG or WebP image, or raise ValidationError saying why not."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("画像のファイルサイズが大きすぎます（上限 %(limit)s MB）。"),
            code="too_large",
            params={"limit": _megabytes(MAX_UPLOAD_BYTES)},
        )
    upload.seek(0)
    data = upload.read()
    return image_check_bytes(data)


def image_check_bytes(data: bytes) -> CheckedImage:
    too_many_pixels = ValidationError(
        _(
            "画像の画素数が大きすぎます（上限 %(limit)s 万画素）。"
            "縮小してからアップロードしてください。"
        ),
        code="too_many_pixels",
        params={"limit": MAX_PIXELS // 10_000},
    )
    not_an_image = ValidationError(
        _(
            "JPEG・PNG・WebP形式の画像ファイルを選んでください。このファイルは画像として読めません。"
        ),
        code="not_an_image",
    )
    try:
        with warnings.catch_warnings():
            # Pillow warns, then raises, on images past its own pixel limit: both are refusals.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as probe:
                image_format = probe.format
                if image_format not in FORMATS:
                    raise not_an_image
                # The header's size, checked before any pixel is decoded.
                if probe.width * probe.height > MAX_PIXELS:
                    raise too_many_pixels
                probe.verify()
            image = Image.open(BytesIO(data))
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except Exception:
        # Pillow's decoders raise many exception types on malformed input (OSError,
        # SyntaxError, ValueError, struct.error, ...): every one of them means "not an image".
        raise not_an_image from None
    return CheckedImage(image=image, format=image_format)


def _clean_copy(image: Image.Image) -> Image.Image:
    """Upright pixels only: the EXIF orientation applied, then every metadata block dropped."""
    upright = ImageOps.exif_transpose(image)
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    return clean  # a fresh image: no info, no EXIF, no ICC, no comments


def _as_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = BytesIO()
    if image_format == "JPEG":
        _as_rgb(image).save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    elif image_format == "WEBP":
        image.save(buffer, "WEBP", quality=80, method=4)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _widths(width: int) -> list[int]:
    """Rendition widths: never upscaled, always at least one."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    widths.append(min(width, RENDITION_WIDTHS[-1]))
    return sorted(set(widths))


def image_store(checked: CheckedImage) -> dict:
    """Write the cleaned master and its renditions under a new generated folder.

    Returns the values for ImageFields: image, image_width, image_height, renditions.
    """
    folder = f"{FOLDER}/images/{uuid.uuid4().hex}"
    clean = _clean_copy(checked.image)
    master = default_storage.save(
        f"{folder}/original.{FORMATS[checked.format]}",
        ContentFile(_encode(clean, checked.format)),
    )
    renditions = []
    for width in _widths(clean.width):
        height = max(1, round(clean.height * width / clean.width))
        resized = (
            clean
            if width == clean.width
            else clean.resize((width, height), Image.Resampling.LANCZOS)
        )
        rendition = {"width": width, "height": height}
        for image_format, extension in (("WEBP", "webp"), ("JPEG", "jpg")):
            rendition[extension] = default_storage.save(
                f"{folder}/{width}.{extension}", ContentFile(_encode(resized, image_format))
            )
        renditions.append(rendition)
    return {
        "image": master,
        "image_width": clean.width,
        "image_height": clean.height,
        "renditions": renditions,
    }


def image_attach(*, instance, checked: CheckedImage) -> None:
    """Store an image for a model with ImageFields (the caller saves the instance)."""
    for name, value in image_store(checked).items():
        setattr(instance, name, value)


def image_detach(*, instance) -> None:
    """Forget an instance's image (its files stay until `remove_unused_media` deletes them)."""
    instance.image = ""
    instance.image_width = None
    instance.image_height = None
    instance.renditions = []


# --- Flyers -----------------------------------------------------------------------------------

PDF_HEADER = (b"%PDF-1.", b"%PDF-2.")


def _looks_like_pdf(data: bytes) -> bool:
    """A PDF header first, an end-of-file marker and cross-reference pointer at the end."""
    if not data.startswith(PDF_HEADER):
        return False
    tail = data[-2048:]
    return b"%%EOF" in tail and b"startxref" in tail and b" obj" in data


def flyer_check(upload) -> CheckedFlyer:
    if upload.size > MAX_FLYER_BYTES:
        raise ValidationError(
            _("チラシのファイルサイズが大きすぎます（上限 %(limit)s MB）。"),
            code="too_large",
            params={"limit": _megabytes(MAX_FLYER_BYTES)},
        )
    upload.seek(0)
    data = upload.read()
    if data.startswith(b"%PDF"):
        if not _looks_like_pdf(data):
            raise ValidationError(
                _(
                    "PDFファイルが壊れているか、不完全です。保存し直してからアップロードしてください。"
                ),
                code="broken_pdf",
            )
        return CheckedFlyer(content=data, extension="pdf")
    try:
        checked = image_check_bytes(data)
    except ValidationError as error:
        if error.code != "not_an_image":
            raise
        raise ValidationError(
            _("チラシにはPDFファイルか、JPEG・PNG・WebP形式の画像を選んでください。"),
            code="not_a_flyer",
        ) from None
    return CheckedFlyer(content=b"", extension=FORMATS[checked.format], image=checked)


def flyer_attach(*, edition, checked: CheckedFlyer) -> None:
    """Store a flyer under a generated name (the caller saves the edition)."""
    if checked.image is not None:
        content = _encode(_clean_copy(checked.image.image), checked.image.format)
    else:
        content = checked.content
    name = f"{FOLDER}/flyers/{uuid.uuid4().hex}.{checked.extension}"
    edition.flyer = default_storage.save(name, ContentFile(content))
    edition.flyer_size = len(content)
