"""Inquiries sent through the public form, and the categories visitors choose from.

An Inquiry is the durable record of what a visitor sent: it is committed before any e-mail is
attempted, and it carries the delivery state of the two e-mails it causes (the staff
notification and the auto-reply) so that `send_pending_mail` can retry them (the outbox
pattern, shared/reference/stack-pitfalls.md §6). Staff work through inquiries in the admin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pages.models import LecturerTheme, SupportOffering
from pages.publishing import Publishable


class InquiryCategory(Publishable):
    """What an inquiry is about; `?category=<slug>` preselects it on the form."""

    slug = models.SlugField(
        _("スラッグ"),
        max_length=60,
        unique=True,
        help_text=_(
            "フォームのURLで使う半角英数字（例：?category=lecturers）。公開後は変更しないでください。"
        ),
    )
    label = models.CharField(_("名称"), max_length=100)
    position = models.PositiveIntegerField(_("並び順"), default=0)
    offering = models.OneToOneField(
        SupportOffering,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiry_category",
        verbose_name=_("対応する協力できること"),
        help_text=_(
            "選ぶと、トップページのその項目の下にこの種別を選んだフォームへのリンクが出ます。"
        ),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("お問い合わせの種別")
        verbose_name_plural = _("お問い合わせの種別")

    def __str__(self):
        return self.label


class InquiryQuerySet(models.QuerySet):
    def genuine(self):
        return self.filter(is_spam=False)

    def mail_due(self, *, max_attempts: int):
        """Inquiries with an e-mail still to send (pending, or failed fewer than max_attempts)."""
        undelivered = models.Q()
        for prefix in ("notify", "reply"):
            undelivered |= models.Q(**{f"{prefix}_status": MailStatus.PENDING}) | models.Q(
                **{
                    f"{prefix}_status": MailStatus.FAILED,
                    f"{prefix}_attempts__lt": max_attempts,
                }
            )
        return self.filter(undelivered)


class MailStatus(models.TextChoices):
    PENDING = "pending", _("未送信")
    SENT = "sent", _("送信済み")
    FAILED = "failed", _("送信失敗")
    SKIPPED = "skipped", _("送信しない")


class Inquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("新規")
        IN_PROGRESS = "in_progress", _("対応中")
        ANSWERED = "answered", _("回答済")
        CLOSED = "closed", _("完了")

    # What the visitor sent: read-only in the admin.
    reference = models.CharField(_("受付番号"), max_length=20, unique=True)
    submission_token = models.UUIDField(
        _("送信トークン"),
        unique=True,
        editable=False,
        help_text=_("同じ確認画面からの二重送信を1件にまとめるための値。"),
    )
    received_at = models.DateTimeField(_("受付日時"), db_index=True)
    language = models.CharField(_("言語"), max_length=8, choices=settings.LANGUAGES)
    category = models.ForeignKey(
        InquiryCategory,
        on_delete=models.PROTECT,
        related_name="inquiries",
        verbose_name=_("お問い合わせの種別"),
    )
    organization = models.CharField(_("自治体名・団体名"), max_length=100)
    department = models.CharField(_("部署名"), max_length=100, blank=True)
    name = models.CharField(_("お名前"), max_length=100)
    name_kana = models.CharField(_("フリガナ"), max_length=100, blank=True)
    email = models.EmailField(_("メールアドレス"), max_length=254)
    phone = models.CharField(
        _("電話番号"), max_length=11, blank=True, help_text=_("数字のみで保存しています。")
    )
    message = models.TextField(_("お問い合わせ内容"))
    preferred_dates = models.CharField(_("希望日時"), max_length=200, blank=True)
    audience_size = models.CharField(_("参加予定人数"), max_length=100, blank=True)
    theme = models.ForeignKey(
        LecturerTheme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("希望するテーマ"),
    )
    theme_name = models.CharField(_("希望するテーマ（送信時の名称）"), max_length=100, blank=True)
    is_spam = models.BooleanField(
        _("迷惑送信の疑い"),
        default=False,
        help_text=_("ロボットだけが入力する隠し欄に入力があったもの。メールは送りません。"),
    )

    # Staff workflow.
    status = models.CharField(
        _("対応状況"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True, "is_active": True},
        related_name="assigned_inquiries",
        verbose_name=_("担当者"),
    )
    internal_notes = models.TextField(
        _("対応メモ（内部用）"), blank=True, help_text=_("送信者には表示されません。")
    )

    # E-mail delivery (see inquiries/services.py).
    notify_status = models.CharField(
        _("担当者への通知"), max_length=16, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    notify_attempts = models.PositiveSmallIntegerField(_("通知の送信試行回数"), default=0)
    notify_last_attempt_at = models.DateTimeField(_("通知の最終試行日時"), null=True, blank=True)
    notify_error = models.CharField(_("通知の失敗理由"), max_length=500, blank=True)
    reply_status = models.CharField(
        _("自動返信"), max_length=16, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    reply_attempts = models.PositiveSmallIntegerField(_("自動返信の送信試行回数"), default=0)
    reply_last_attempt_at = models.DateTimeField(_("自動返信の最終試行日時"), null=True, blank=True)
    reply_error = models.CharField(_("自動返信の失敗理由"), max_length=500, blank=True)
    mail_claimed_until = models.DateTimeField(
        _("メール送信中（期限）"),
        null=True,
        blank=True,
        help_text=_("送信処理がこの日時まで担当しています。二重送信を防ぐための値です。"),
    )

    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("お問い合わせ")
        verbose_name_plural = _("お問い合わせ")

    def __str__(self):
        return self.reference


class ReferenceCounter(models.Model):
    """The last reference number given out in a year (受付番号 YYYY-NNNNNN).

    Incremented inside the transaction that inserts the inquiry, so numbers are unique and,
    since a rolled-back transaction rolls the counter back too, without gaps.
    """

    year = models.PositiveSmallIntegerField(_("年"), primary_key=True)
    last_number = models.PositiveIntegerField(_("最後の番号"), default=0)

    class Meta:
        verbose_name = _("受付番号の採番")
        verbose_name_plural = _("受付番号の採番")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class SubmissionAttempt(models.Model):
    """One accepted submission, for the per-client rate limit. The client is a salted hash of
    its address, never the address itself; rows older than the limit's period are deleted."""

    client_key = models.CharField(_("送信元（ハッシュ）"), max_length=64)
    attempted_at = models.DateTimeField(_("送信日時"))

    class Meta:
        indexes = [models.Index(fields=["client_key", "attempted_at"])]
        verbose_name = _("送信記録（回数制限用）")
        verbose_name_plural = _("送信記録（回数制限用）")

    def __str__(self):
        return f"{self.client_key[:8]} {self.attempted_at:%Y-%m-%d %H:%M}"
