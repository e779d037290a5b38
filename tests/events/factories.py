"""Small helpers that make events rows for tests."""

import datetime
import io

from PIL import Image

from events.models import Edition, Series, Session, Speaker


def make_series(**overrides) -> Series:
    values = {"slug": "forum", "name_ja": "NPOと行政の対話フォーラム", "name_en": "Forum"}
    values.update(overrides)
    series = Series.objects.filter(slug=values["slug"]).first()
    return series or Series.objects.create(**values)


def make_edition(**overrides) -> Edition:
    values = {
        "slug": "2026-07",
        "title_ja": "テストの回",
        "title_en": "A test edition",
        "start_date": datetime.date(2026, 7, 14),
    }
    values.update(overrides)
    if "series" not in values:
        values["series"] = make_series()
    return Edition.objects.create(**values)


def make_session(edition, **overrides) -> Session:
    values = {"kind": Session.Kind.DIALOGUE, "title_ja": "鼎談のタイトル", "title_en": "Dialogue"}
    values.update(overrides)
    return Session.objects.create(edition=edition, **values)


def make_speaker(session, **overrides) -> Speaker:
    values = {"name_ja": "山田花子", "name_en": "Hanako Yamada"}
    values.update(overrides)
    return Speaker.objects.create(session=session, **values)


def image_bytes(size=(1200, 800), image_format="JPEG", exif=None, mode="RGB") -> bytes:
    image = Image.new(mode, size, "white" if mode != "1" else 1)
    if mode == "RGB":
        for x in range(0, size[0], 50):  # some content, so the encoders have work to do
            image.paste((x % 255, 80, 160), (x, 0, min(x + 25, size[0]), size[1]))
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def gps_exif() -> bytes:
    """EXIF with a camera model and a GPS position, as a phone would write it."""
    exif = Image.Exif()
    exif[0x0110] = "Phone X"  # Model
    exif[0x8825] = {1: "N", 2: (35.0, 41.0, 22.0), 3: "E", 4: (139.0, 41.0, 30.0)}  # GPSInfo
    return exif.tobytes()
