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


def add_editions(count: int, sessions_each: int, first: int = 0, upcoming_every: int = 10) -> None:
    """`count` published editions split over both series, every `upcoming_every`-th of them
    upcoming (0: none), each with `sessions_each` sessions of one speaker."""
    series = list(Series.objects.order_by("pk"))
    editions = []
    for n in range(first, first + count):
        upcoming = bool(upcoming_every) and n % upcoming_every == 0
        year = 2100 + n // 12 if upcoming else 1900 + n // 12
        editions.append(
            Edition(
                series=series[n % len(series)],
                slug=f"{year}-{n % 12 + 1:02d}-{n}" if n else "2099-01",
                title_ja=f"第{n}回",
                title_en=f"Edition {n}",
                start_date=datetime.date(2099, 1, 15)
                if not n
                else datetime.date(year, n % 12 + 1, 1),
                start_time=datetime.time(10),
                end_time=datetime.time(17),
                fee_general=5000,
            )
        )
    editions = Edition.objects.bulk_create(editions)
    sessions = Session.objects.bulk_create(
        Session(
            edition=edition,
            position=position,
            kind=Session.Kind.BREAKOUT,
            title_ja=f"分科会{position}",
            title_en=f"Breakout {position}",
            start_time=datetime.time(10 + position % 6),
        )
        for edition in editions
        for position in range(sessions_each)
    )
    Speaker.objects.bulk_create(
        Speaker(session=session, name_ja="講師", affiliation_ja="所属") for session in sessions
    )


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


# The smallest PDF that events.images.flyer_check accepts: header, objects, xref, trailer.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
    b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n"
)
