from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from inquiries.models import Inquiry, SubmissionAttempt
from tests.inquiries.conftest import submit

pytestmark = pytest.mark.django_db


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_inquiries", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def old_and_new(client, content, settings):
    settings.INQUIRY_RETENTION_DAYS = 730
    for organization in ["古い市", "古い町", "新しい村"]:
        submit(client, organization=organization)
    now = timezone.now()
    Inquiry.objects.filter(organization="古い市").update(received_at=now - timedelta(days=800))
    Inquiry.objects.filter(organization="古い町").update(received_at=now - timedelta(days=731))
    Inquiry.objects.filter(organization="新しい村").update(received_at=now - timedelta(days=729))


def test_purge_deletes_inquiries_older_than_the_retention_period(old_and_new):
    assert purge() == "2 inquiries older than 730 days deleted.\n"
    assert list(Inquiry.objects.values_list("organization", flat=True)) == ["新しい村"]
    assert purge() == "0 inquiries older than 730 days deleted.\n"


def test_purge_dry_run_only_counts(old_and_new):
    assert purge("--dry-run") == "2 inquiries older than 730 days would be deleted.\n"
    assert Inquiry.objects.count() == 3


def test_purge_follows_the_setting(old_and_new, settings):
    settings.INQUIRY_RETENTION_DAYS = 3650
    assert purge() == "0 inquiries older than 3650 days deleted.\n"


def test_purge_also_forgets_old_rate_limit_records(old_and_new):
    SubmissionAttempt.objects.update(attempted_at=timezone.now() - timedelta(hours=1))
    purge()
    assert SubmissionAttempt.objects.count() == 0
