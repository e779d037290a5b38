import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from events import images
from tests.events.factories import MINIMAL_PDF, gps_exif, image_bytes


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width × height one-bit pixels (all black)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_a_real_jpeg_is_accepted():
    checked = images.image_check(upload(image_bytes()))
    assert checked.format == "JPEG"
    assert checked.image.size == (1200, 800)


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(image_format):
    assert images.image_check(upload(image_bytes(image_format=image_format))).format == image_format


def test_a_text_file_renamed_jpg_is_refused_with_a_clear_message():
    fake = upload("これは画像ではありません".encode(), name="photo.jpg")
    with pytest.raises(ValidationError) as error:
        images.image_check(fake)
    assert error.value.code == "not_an_image"
    with translation.override("ja"):
        assert "画像として読めません" in error.value.messages[0]


def test_a_truncated_jpeg_is_refused():
    data = image_bytes()
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(data[: len(data) // 2]))
    assert error.value.code == "not_an_image"


def test_a_gif_is_refused_even_though_pillow_reads_it():
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(image_bytes(image_format="GIF"), name="x.gif"))
    assert error.value.code == "not_an_image"


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(image_bytes()))
    assert error.value.code == "too_large"


def test_an_image_with_too_many_pixels_is_refused():
    # 9000 × 9000 = 81 million pixels, over our 40 million, under Pillow's own limit.
    oversize = image_bytes(size=(9000, 9000), image_format="PNG", mode="1")
    assert len(oversize) < images.MAX_UPLOAD_BYTES
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(oversize, name="big.png"))
    assert error.value.code == "too_many_pixels"


def test_a_decompression_bomb_is_refused_without_being_decoded():
    # 20000 × 20000 = 400 million pixels (over twice Pillow's MAX_IMAGE_PIXELS) in a few KB.
    bomb = png_bomb(20000, 20000)
    assert len(bomb) < 200_000
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(bomb, name="bomb.png"))
    assert error.value.code == "too_many_pixels"


def test_pillows_own_bomb_error_becomes_a_validation_error(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 10**12)  # let Pillow's check be the one to trip
    with pytest.raises(ValidationError) as error:
        images.image_check(upload(png_bomb(20000, 20000), name="bomb.png"))
    assert error.value.code == "too_many_pixels"


def test_stored_images_have_generated_names_renditions_and_no_exif():
    checked = images.image_check(upload(image_bytes(size=(2000, 1000), exif=gps_exif())))
    stored = images.image_store(checked)
    assert stored["image_width"] == 2000 and stored["image_height"] == 1000
    assert "photo" not in stored["image"]  # the uploaded name is never used
    assert [(r["width"], r["height"]) for r in stored["renditions"]] == [
        (400, 200),
        (800, 400),
        (1600, 800),
    ]
    names = [stored["image"]] + [r[ext] for r in stored["renditions"] for ext in ("webp", "jpg")]
    for name in names:
        with default_storage.open(name) as file:
            data = file.read()
        assert b"Phone X" not in data and b"Exif" not in data
        with Image.open(default_storage.open(name)) as image:
            assert not image.getexif()
            assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[name.rsplit(".", 1)[1]]


def test_a_small_image_is_not_upscaled():
    stored = images.image_store(images.image_check(upload(image_bytes(size=(300, 200)))))
    assert [r["width"] for r in stored["renditions"]] == [300]


def test_transparent_png_gets_a_white_background_in_the_jpeg_fallback():
    data = image_bytes(size=(500, 500), image_format="PNG", mode="RGBA")
    stored = images.image_store(images.image_check(upload(data, name="x.png")))
    with Image.open(default_storage.open(stored["renditions"][0]["jpg"])) as jpeg:
        assert jpeg.mode == "RGB"


def test_a_pdf_flyer_is_accepted_and_stored_under_a_generated_name():
    checked = images.flyer_check(
        upload(MINIMAL_PDF, name="チラシ.pdf", content_type="application/pdf")
    )

    class Holder:
        flyer = None
        flyer_size = None

    holder = Holder()
    images.flyer_attach(edition=holder, checked=checked)
    assert holder.flyer.startswith("events/flyers/") and holder.flyer.endswith(".pdf")
    assert "チラシ" not in holder.flyer
    assert holder.flyer_size == len(MINIMAL_PDF)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.4\nnot really a pdf", "broken_pdf"),
        (b"<html>not a pdf</html>", "not_a_flyer"),
    ],
)
def test_broken_or_fake_pdf_flyers_are_refused(data, code):
    with pytest.raises(ValidationError) as error:
        images.flyer_check(upload(data, name="flyer.pdf", content_type="application/pdf"))
    assert error.value.code == code
