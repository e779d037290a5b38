"""Write paths of the inquiries app: receive an inquiry, deliver its e-mails, purge old ones.

Order of operations (shared/reference/stack-pitfalls.md §6): the inquiry row is committed first
and is the durable record; its e-mails are sent after the commit (on_commit, robust) and their
outcome is written back to the row. A mail server that is down costs nothing but a retry by
`send_pending_mail`. Logs name inquiries by reference number only, never by personal data.
"""

import logging
import uuid
from collections import Counter
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from inquiries import mail
from inquiries.models import Inquiry, MailStatus, ReferenceCounter, SubmissionAttempt

logger = logging.getLogger(__name__)

# A sender owns an inquiry's e-mails for this long; after that (a crashed worker) anyone may.
CLAIM_SECONDS = 5 * 60
# Inquiries claimed at a time: 10 × 2 e-mails × EMAIL_TIMEOUT (10 s) stays under CLAIM_SECONDS.
CLAIM_BATCH = 10
# A failed e-mail is retried this many times in all, then left for staff to see in the admin.
MAX_ATTEMPTS = 10
MAIL_KINDS = ("notify", "reply")


class RateLimited(Exception):
    """The client sent more inquiries than INQUIRY_RATE_LIMIT allows; nothing was stored."""


def client_key(address: str) -> str:
    """A salted hash standing for the client's address: the address itself is never stored."""
    return salted_hmac("inquiries.rate-limit", address or "unknown").hexdigest()


def inquiry_submit(
    *,
    data: dict,
    language: str,
    submission_token: uuid.UUID,
    client: str,
    is_spam: bool = False,
) -> Inquiry:
    """Store one inquiry and schedule its e-mails; the same token always gives the same inquiry.

    `data` is the form's cleaned_data. Raises RateLimited when the client is over the limit.
    """
    try:
        with transaction.atomic():
            now = timezone.now()
            # The counter row is updated first: from here on, submissions run one at a time on
            # PostgreSQL too (SQLite already took the write lock at BEGIN IMMEDIATE), so the
            # checks below cannot race.
            reference = _next_reference(now)
            existing = Inquiry.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                transaction.set_rollback(True)  # give the number back
                return existing
            _count_attempt(client, now)
            inquiry = Inquiry.objects.create(
                reference=reference,
                submission_token=submission_token,
                received_at=now,
                language=language,
                category=data["category"],
                organization=data["organization"],
                department=data.get("department", ""),
                name=data["name"],
                name_kana=data.get("name_kana", ""),
                email=data["email"],
                phone=data.get("phone", ""),
                message=data["message"],
                preferred_dates=data.get("preferred_dates", ""),
                audience_size=data.get("audience_size", ""),
                theme=data.get("theme"),
                theme_name=data["theme"].name_ja if data.get("theme") else "",
                is_spam=is_spam,
                notify_status=MailStatus.SKIPPED if is_spam else MailStatus.PENDING,
                reply_status=MailStatus.SKIPPED if is_spam else MailStatus.PENDING,
            )
            if not is_spam:
                transaction.on_commit(
                    partial(inquiry_deliver_mail, inquiry_id=inquiry.pk), robust=True
                )
    except IntegrityError:
        # Two requests with one token at the same instant: the other one stored it.
        existing = Inquiry.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing
    logger.info("Inquiry %s received%s", inquiry.reference, " (honeypot: spam)" if is_spam else "")
    return inquiry


def _next_reference(now) -> str:
    year = timezone.localtime(now).year
    counter = ReferenceCounter.objects.filter(year=year)
    if not counter.update(last_number=F("last_number") + 1):
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(year=year, last_number=1)
        except IntegrityError:  # another transaction created this year's row first
            counter.update(last_number=F("last_number") + 1)
    number = counter.values_list("last_number", flat=True).get()
    return f"{year}-{number:06d}"


def _count_attempt(client: str, now) -> None:
    limit = settings.INQUIRY_RATE_LIMIT
    if limit is None:
        return
    allowed, seconds = limit
    since = now - timedelta(seconds=seconds)
    SubmissionAttempt.objects.filter(attempted_at__lt=since).delete()
    recent = SubmissionAttempt.objects.filter(client_key=client, attempted_at__gte=since)
    if recent.count() >= allowed:
        raise RateLimited
    SubmissionAttempt.objects.create(client_key=client, attempted_at=now)


# --- E-mail delivery (the outbox) -------------------------------------------------------------


def _claimable(now) -> Q:
    return Q(mail_claimed_until__isnull=True) | Q(mail_claimed_until__lt=now)


def _claim(queryset, *, limit: int) -> list[int]:
    """Take ownership of the e-mails of up to `limit` inquiries; returns their ids.

    The conditional UPDATE is the claim and works the same on SQLite and PostgreSQL: of two
    senders, only one changes the row. On PostgreSQL, SKIP LOCKED also keeps a second sender
    from waiting for rows the first is claiming (SQLite ignores it and serialises writers).
    """
    now = timezone.now()
    until = now + timedelta(seconds=CLAIM_SECONDS)
    with transaction.atomic():
        candidates = list(
            queryset.filter(_claimable(now))
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        return [
            pk
            for pk in candidates
            if Inquiry.objects.filter(_claimable(now), pk=pk).update(mail_claimed_until=until)
        ]


def _is_due(inquiry: Inquiry, kind: str) -> bool:
    status = getattr(inquiry, f"{kind}_status")
    attempts = getattr(inquiry, f"{kind}_attempts")
    return status == MailStatus.PENDING or (status == MailStatus.FAILED and attempts < MAX_ATTEMPTS)


def _deliver_claimed(inquiry_id: int) -> dict[str, str]:
    """Send the due e-mails of an inquiry this process has claimed, record the outcome, release."""
    inquiry = Inquiry.objects.select_related("category").get(pk=inquiry_id)
    outcome = {}
    changes = {"mail_claimed_until": None}
    for kind in MAIL_KINDS:
        if not _is_due(inquiry, kind):
            continue
        attempted_at = timezone.now()
        try:
            mail.build(kind, inquiry).send()
        except Exception as error:  # any failure is recorded and retried, never raised
            status, reason = MailStatus.FAILED, f"{type(error).__name__}: {error}"[:500]
            logger.warning(
                "Inquiry %s: %s e-mail failed (%s)", inquiry.reference, kind, type(error).__name__
            )
        else:
            status, reason = MailStatus.SENT, ""
            logger.info("Inquiry %s: %s e-mail sent", inquiry.reference, kind)
        outcome[kind] = status
        changes.update(
            {
                f"{kind}_status": status,
                f"{kind}_error": reason,
                f"{kind}_attempts": F(f"{kind}_attempts") + 1,
                f"{kind}_last_attempt_at": attempted_at,
            }
        )
    # update(), not save(): staff may be editing the status or notes at the same moment.
    with transaction.atomic():
        Inquiry.objects.filter(pk=inquiry_id).update(**changes)
    return outcome


def inquiry_deliver_mail(*, inquiry_id: int) -> dict[str, str]:
    """Send the inquiry's e-mails that are still due, unless another process is sending them.

    Returns {"notify"/"reply": "sent"/"failed"} for what was attempted.
    """
    if not _claim(Inquiry.objects.filter(pk=inquiry_id, is_spam=False), limit=1):
        return {}
    return _deliver_claimed(inquiry_id)


def inquiries_send_pending_mail(*, limit: int = 100) -> Counter:
    """Retry every e-mail still due (for cron); safe to run in several processes at once."""
    due = Inquiry.objects.genuine().mail_due(max_attempts=MAX_ATTEMPTS)
    results = Counter()
    handled: list[int] = []  # each inquiry once per run, even if it failed again
    while len(handled) < limit:
        # Small batches: each is sent well within its claim, and parallel runs share the work.
        batch = min(CLAIM_BATCH, limit - len(handled))
        claimed = _claim(due.exclude(pk__in=handled), limit=batch)
        if not claimed:
            break
        for inquiry_id in claimed:
            for status in _deliver_claimed(inquiry_id).values():
                results[status] += 1
        handled.extend(claimed)
    return results


def inquiries_purge(*, older_than_days: int, dry_run: bool = False) -> int:
    """Delete inquiries received more than `older_than_days` days ago; returns how many."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    old = Inquiry.objects.filter(received_at__lt=cutoff)
    if dry_run:
        return old.count()
    with transaction.atomic():
        count = old.count()
        old.delete()
        if settings.INQUIRY_RATE_LIMIT:
            since = timezone.now() - timedelta(seconds=settings.INQUIRY_RATE_LIMIT[1])
            SubmissionAttempt.objects.filter(attempted_at__lt=since).delete()
    logger.info("Purged %d inquiries received before %s", count, cutoff.date().isoformat())
    return count
