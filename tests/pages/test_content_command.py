import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Edition, Series, Session, Speaker
from inquiries.models import InquiryCategory
from pages.models import LecturerTheme, Page, Section, SiteSettings, SupportOffering
from principles.models import Booklet, Stance, StanceList
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    Page,
    Section,
    SupportOffering,
    LecturerTheme,
    SiteSettings,
    Booklet,
    StanceList,
    Stance,
    Series,
    Edition,
    Session,
    Speaker,
    InquiryCategory,
]


def counts():
    return {model.__name__: model.objects.count() for model in CONTENT_MODELS}


def load(directory=None):
    out = StringIO()
    args = ["--dir", str(directory)] if directory else []
    call_command("load_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def content_copy(tmp_path):
    """A private copy of content/ that a test may edit."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_first_run_creates_everything_in_the_data_files(db, content_data):
    load()
    pages = content_data["pages"]
    principles = content_data["principles"]
    events = content_data["events"]
    assert counts() == {
        "Page": len(pages["pages"]),
        "Section": sum(len(page.get("sections", [])) for page in pages["pages"]),
        "SupportOffering": len(pages["offerings"]),
        "LecturerTheme": sum(len(o.get("themes", [])) for o in pages["offerings"]),
        "SiteSettings": 1,
        "Booklet": len(principles["booklets"]),
        "StanceList": 2,
        "Stance": 16,
        "Series": len(events["series"]),
        "Edition": len(events["editions"]),
        "Session": sum(len(e.get("sessions", [])) for e in events["editions"]),
        "Speaker": sum(
            len(s.get("speakers", [])) for e in events["editions"] for s in e.get("sessions", [])
        ),
        "InquiryCategory": len(content_data["inquiries"]["categories"]),
    }


def test_second_run_creates_nothing_twice(db):
    load()
    before = counts()
    output = load()
    assert counts() == before
    assert "created" not in output
    assert f"unchanged: {sum(before.values())}" in output


def test_rerun_keeps_what_staff_edited(db):
    load()
    stance = Stance.objects.get(stance_list__slug="staff", number=3)
    stance.text_ja = "職員が書き直した文"
    stance.text_en = "Rewritten by staff"
    stance.save()
    load()
    stance.refresh_from_db()
    assert stance.text_ja == "職員が書き直した文"
    assert stance.text_en == "Rewritten by staff"


def test_rerun_does_not_bring_back_what_staff_deleted(db):
    load()
    Section.objects.get(page__slug="government", anchor="membership").delete()
    SupportOffering.objects.get(slug="lecturers").delete()  # with its themes
    load()
    assert not Section.objects.filter(anchor="membership", page__slug="government").exists()
    assert not SupportOffering.objects.filter(slug="lecturers").exists()
    assert LecturerTheme.objects.count() == 0


def test_rerun_keeps_staff_visibility_and_order_choices(db):
    load()
    Section.objects.filter(anchor="events").update(status="hidden", position=99)
    load()
    section = Section.objects.get(anchor="events")
    assert (section.status, section.position) == ("hidden", 99)


def test_rerun_applies_a_changed_data_file_to_fields_staff_left_alone(db, content_copy):
    load(content_copy)
    edited = SupportOffering.objects.get(slug="committees")
    edited.title_en = "Staff title"
    edited.save()
    pages_yaml = content_copy / "pages.yaml"
    text = pages_yaml.read_text(encoding="utf-8")
    text = text.replace(
        "title: {ja: 委員の派遣, en: Sending committee members}",
        "title: {ja: 委員の派遣（改）, en: Data title}",
    )
    text = text.replace(
        "themes_note: {ja: ほか多数, en: and many more}",
        "themes_note: {ja: ほか多数あり, en: and more}",
    )
    pages_yaml.write_text(text, encoding="utf-8")
    load(content_copy)
    edited.refresh_from_db()
    assert edited.title_ja == "委員の派遣（改）"  # untouched by staff: refreshed
    assert edited.title_en == "Staff title"  # edited by staff: kept
    assert SupportOffering.objects.get(slug="lecturers").themes_note_en == "and more"


def test_records_added_to_the_data_file_later_are_created(db, content_copy):
    load(content_copy)
    with (content_copy / "pages.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  - slug: extra\n    position: 40\n    title: {ja: 追加, en: Extra}\n")
    load(content_copy)
    assert SupportOffering.objects.get(slug="extra").title_en == "Extra"


def test_existing_record_made_by_staff_is_adopted_not_duplicated(db):
    Page.objects.create(slug="membership", title_ja="職員が作ったページ")
    load()
    assert Page.objects.filter(slug="membership").count() == 1
    assert Page.objects.get(slug="membership").title_ja == "職員が作ったページ"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("pages: [\n  - slug: x\n   title: bad indentation", "pages.yaml: is not valid YAML"),
        (
            "pages:\n  - slug: x\n    titel: {ja: typo}",
            "pages.yaml: pages[0]: unknown field(s) titel",
        ),
        ("pages:\n  - title: {ja: no slug}", "pages.yaml: pages[0]: slug is required"),
        (
            "pages:\n  - slug: x\n    title: only one language",
            "pages.yaml: pages[0]: title must give the text per language",
        ),
        (
            "pages:\n  - slug: x\n    title: {en: English only}",
            "pages.yaml: pages[0]: title must give the text per language",
        ),
        ("pagez: []", "pages.yaml: unknown section(s) pagez"),
        (
            "pages:\n  - slug: x\n    title: {ja: 重複}\n  - slug: x\n    title: {ja: 重複}",
            "pages.yaml: pages[1]: duplicate slug 'x'",
        ),
        (
            "pages:\n  - slug: x\n    title: {ja: ok}\n    position: -1",
            "pages.yaml: pages[0]: position",
        ),
        ("pages:\n  - slug: not a slug!\n    title: {ja: ok}", "pages.yaml: pages[0]: slug"),
    ],
)
def test_broken_data_file_stops_with_a_message_and_changes_nothing(
    db, content_copy, broken, message
):
    load(content_copy)
    before = counts()
    Stance.objects.filter(number=1).update(text_en="staff edit")
    (content_copy / "pages.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load(content_copy)
    assert message in str(error.value)
    assert "nothing changed" in str(error.value)
    assert counts() == before


def test_a_problem_in_a_later_file_rolls_back_the_earlier_files(db, content_copy):
    (content_copy / "events.yaml").write_text(
        "series:\n  - slug: forum\n    name: {en: no ja}", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="events.yaml: series\\[0\\]: name"):
        load(content_copy)
    assert sum(counts().values()) == 0


def test_missing_file_is_named(db, content_copy):
    (content_copy / "principles.yaml").unlink()
    with pytest.raises(CommandError, match="principles.yaml: cannot be read"):
        load(content_copy)
