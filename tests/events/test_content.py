"""The past editions load from content/events.yaml like the rest of the content."""

import datetime

import pytest
from django.core.management import call_command

from events.models import Edition, Session, Speaker

pytestmark = pytest.mark.django_db


def load():
    call_command("load_content", verbosity=0)


def test_past_editions_are_loaded_with_their_programmes(content, content_data):
    editions = content_data["events"]["editions"]
    assert Edition.objects.count() == len(editions)
    forum_2008 = Edition.objects.get(series__slug="forum", slug="2008-02")
    assert forum_2008.start_date == datetime.date(2008, 2, 20)
    assert (forum_2008.start_time, forum_2008.end_time) == (datetime.time(10), datetime.time(17))
    assert not forum_2008.title_ja  # the source gives no title: none is invented
    assert forum_2008.sessions.count() == 6
    assert Speaker.objects.filter(session__edition=forum_2008).count() == 3


def test_fees_are_only_where_the_source_gives_them(content):
    fees = {
        (e.series.slug, e.slug): (e.fee_general, e.fee_member, e.is_free)
        for e in Edition.objects.select_related("series")
    }
    assert fees.pop(("forum", "2013-02")) == (5000, 3500, False)
    assert fees.pop(("forum", "2017-07")) == (7000, 6000, False)
    assert set(fees.values()) == {(None, None, False)}


def test_uncertain_entries_are_flagged_for_staff(content):
    flagged = set(Edition.objects.filter(facts_uncertain=True).values_list("series__slug", "slug"))
    assert flagged == {("forum", "2014-07"), ("course", "2011-07"), ("course", "2013-07")}
    course_2013 = Edition.objects.get(series__slug="course", slug="2013-07")
    assert course_2013.edition_number == 8
    assert "第8回" in course_2013.staff_note


def test_the_2015_course_was_held_within_the_2015_forum(content):
    course = Edition.objects.get(series__slug="course", slug="2015-07")
    assert course.held_within == Edition.objects.get(series__slug="forum", slug="2015-07")


def test_rerun_keeps_staff_edits_and_deletions_of_editions(content):
    edition = Edition.objects.get(series__slug="course", slug="2013-07")
    edition.facts_uncertain = False
    edition.title_ja = "職員が確認したタイトル"
    edition.save()
    Session.objects.filter(edition__slug="2008-02", kind="plenary").delete()
    load()
    edition.refresh_from_db()
    assert edition.facts_uncertain is False
    assert edition.title_ja == "職員が確認したタイトル"
    assert not Session.objects.filter(edition__slug="2008-02", kind="plenary").exists()
    assert Edition.objects.count() == 14
