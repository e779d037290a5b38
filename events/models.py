"""The Center's events for municipal staff: the yearly forum and the course.

A Series is the recurring event (NPOと行政の対話フォーラム, 自治体職員のためのNPO講座). An
Edition is one held event: when and where, fees, registration, its programme (Sessions with
Speakers), a flyer and, afterwards, a report with figures and photos.

Dates are stored honestly: a date (or a range of dates) plus optional start and end times, in
Asia/Tokyo. Several past editions are known to the day only; they are never given an invented
00:00. `starts_at`/`ends_at` give the aware moments where the times are known.
"""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events import dates
from pages.models import validate_site_link
from pages.publishing import PublicationStatus, Publishable, PublishableQuerySet

# An edition without a title of its own: its series and the month it was held.
UNTITLED_HEADING = _("%(series)s（%(month)s）")

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


class Series(Publishable):
    slug = models.SlugField(
        _("スラッグ"),
        max_length=60,
        unique=True,
        help_text=_("URLの一部になる半角英数字（例：forum）。公開後は変更しないでください。"),
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    name = models.CharField(_("名称"), max_length=200)
    description = models.TextField(_("説明"), blank=True, help_text=_("空行で段落を分けます。"))
    page_link_text = models.CharField(
        _("シリーズのページへのリンクにする語句"),
        max_length=200,
        blank=True,
        help_text=_("説明の中のこの語句を、このシリーズのページへのリンクにします。"),
    )
    note = models.TextField(
        _("補足"), blank=True, help_text=_("例：フォーラムの中で講座を実施する年があること。")
    )
    held_since_fiscal_year = models.PositiveSmallIntegerField(
        _("開始年度"), null=True, blank=True, help_text=_("例：2002（2002年度から開催）")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("事業シリーズ")
        verbose_name_plural = _("事業シリーズ")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:series_detail", kwargs={"slug": self.slug})


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(TOKYO).date()


class RegistrationStatus(models.TextChoices):
    NOT_OPEN = "not_open", _("受付前")
    OPEN = "open", _("受付中")
    FEW_LEFT = "few_left", _("残りわずか")
    FULL = "full", _("満席")
    CLOSED = "closed", _("受付終了")
    ENDED = "ended", _("終了")
    # Chosen by staff only; they say what happened to the event itself, so they stay shown
    # after its dates have passed.
    CANCELLED = "cancelled", _("中止")
    POSTPONED = "postponed", _("延期")


CALLED_OFF = frozenset({RegistrationStatus.CANCELLED, RegistrationStatus.POSTPONED})


class EditionQuerySet(PublishableQuerySet):
    def published(self):
        """Published editions (with a date) of published series: what visitors may see."""
        return self.filter(
            status=PublicationStatus.PUBLISHED,
            series__status=PublicationStatus.PUBLISHED,
            start_date__isnull=False,
        )

    # An edition's last day is end_date, or start_date for a one-day edition. The conditions
    # are written on the two indexed columns rather than on COALESCE(end_date, start_date), so
    # that the database reads the few upcoming rows, not the whole archive.

    def upcoming(self, now: datetime.datetime | None = None):
        """Editions whose last day is today or later (in Tokyo), soonest first."""
        today = local_today(now)
        return self.filter(Q(start_date__gte=today) | Q(end_date__gte=today)).order_by(
            "start_date", "start_time", "pk"
        )

    def past(self, now: datetime.datetime | None = None):
        """Editions that are over, most recent first."""
        today = local_today(now)
        return self.filter(
            Q(start_date__lt=today), Q(end_date__isnull=True) | Q(end_date__lt=today)
        ).order_by("-start_date", "-start_time", "-pk")


def _not_negative(message):
    return [MinValueValidator(0, message=message)]


class ImageFields(models.Model):
    """An uploaded image, checked and stored by events.images (never under its uploaded name).

    `image` is the cleaned master (EXIF and GPS removed); `renditions` lists the resized copies
    (WebP and JPEG per width) that templates offer through srcset.
    """

    image = models.FileField(_("画像"), max_length=200, blank=True, editable=False)
    image_width = models.PositiveIntegerField(_("画像の幅"), null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(
        _("画像の高さ"), null=True, blank=True, editable=False
    )
    renditions = models.JSONField(_("縮小画像"), default=list, blank=True, editable=False)
    alt = models.CharField(
        _("代替テキスト"),
        max_length=300,
        blank=True,
        help_text=_("画像の内容を短く説明する文。画像がある場合は日本語・英語とも必須です。"),
    )

    class Meta:
        abstract = True

    @property
    def has_image(self) -> bool:
        return bool(self.image and self.renditions)


class Edition(Publishable):
    series = models.ForeignKey(
        Series, on_delete=models.PROTECT, related_name="editions", verbose_name=_("シリーズ")
    )
    slug = models.SlugField(
        _("スラッグ"),
        max_length=40,
        help_text=_(
            "URLの一部になる半角英数字。開催年月にします（例：2014-02）。同じ月に2回ある場合は"
            "2014-02-2 のようにします。公開後は変更しないでください。"
        ),
    )
    edition_number = models.PositiveSmallIntegerField(
        _("開催回"), null=True, blank=True, help_text=_("第N回のN。分からなければ空欄。")
    )
    title = models.CharField(
        _("タイトル"),
        max_length=200,
        blank=True,
        help_text=_("空欄の場合は「シリーズ名（開催年月）」と表示します。"),
    )
    theme = models.CharField(_("テーマ・副題"), max_length=300, blank=True)
    summary = models.TextField(_("概要"), blank=True, help_text=_("空行で段落を分けます。"))
    note = models.TextField(
        _("補足"), blank=True, help_text=_("例：設立20周年記念事業。公開ページに表示します。")
    )

    start_date = models.DateField(
        _("開催日（初日）"), null=True, blank=True, help_text=_("公開するには必須です。")
    )
    end_date = models.DateField(
        _("最終日"), null=True, blank=True, help_text=_("複数日の場合のみ。1日だけなら空欄。")
    )
    start_time = models.TimeField(
        _("開始時刻"),
        null=True,
        blank=True,
        help_text=_("初日の開始時刻（日本時間）。分からなければ空欄（終日として扱います）。"),
    )
    end_time = models.TimeField(
        _("終了時刻"), null=True, blank=True, help_text=_("最終日の終了時刻（日本時間）。")
    )
    doors_open_time = models.TimeField(_("受付開始時刻"), null=True, blank=True)

    venue_name = models.CharField(_("会場名"), max_length=200, blank=True)
    venue_address = models.CharField(_("会場の住所"), max_length=300, blank=True)
    venue_access = models.TextField(_("会場へのアクセス"), blank=True)
    online = models.BooleanField(_("オンライン開催"), default=False)
    online_url = models.URLField(
        _("オンライン参加のURL"),
        blank=True,
        help_text=_(
            "公開してよいURLのみ（例：配信ページ）。参加者だけに送るURLは入れないでください。"
        ),
    )

    audience = models.TextField(_("対象"), blank=True)
    capacity = models.IntegerField(
        _("定員"),
        null=True,
        blank=True,
        validators=_not_negative(_("定員は0以上の数で入力してください。")),
    )
    capacity_note = models.CharField(
        _("定員の補足"), max_length=200, blank=True, help_text=_("例：先着順")
    )
    is_free = models.BooleanField(
        _("参加費無料"),
        default=False,
        help_text=_("無料の場合のみチェック。空欄の参加費は「未定」です。"),
    )
    fee_general = models.IntegerField(
        _("参加費（一般・円）"),
        null=True,
        blank=True,
        validators=_not_negative(_("参加費は0円以上で入力してください。")),
    )
    fee_member = models.IntegerField(
        _("参加費（会員・円）"),
        null=True,
        blank=True,
        validators=_not_negative(_("参加費は0円以上で入力してください。")),
        help_text=_("日本NPOセンター正会員の参加費。"),
    )
    fee_note = models.CharField(
        _("参加費の補足"),
        max_length=300,
        blank=True,
        help_text=_("例：資料代。昼食代は含みません。"),
    )

    co_organisers = models.TextField(_("共催"), blank=True, help_text=_("1行に1団体。"))
    cooperation = models.TextField(_("協力"), blank=True, help_text=_("1行に1団体。"))
    support = models.TextField(_("後援"), blank=True, help_text=_("1行に1団体。"))

    registration_opens_at = models.DateTimeField(_("申込受付開始"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("申込締切"), null=True, blank=True)
    application_url = models.CharField(
        _("申込先"),
        max_length=300,
        blank=True,
        validators=[validate_site_link],
        help_text=_("申込フォームのURL（https://...）またはサイト内のパス（/ja/...）。"),
    )
    registration_status_override = models.CharField(
        _("受付状況（手動）"),
        max_length=16,
        choices=RegistrationStatus.choices,
        blank=True,
        help_text=_(
            "空欄なら日時から自動で表示します（受付開始前は「受付前」、締切後は「受付終了」、"
            "終了後は「終了」）。「残りわずか」「満席」などはここで選びます。開催が終わると"
            "常に「終了」と表示します。ただし「中止」「延期」は、日付が過ぎてもそのまま表示します。"
        ),
    )

    flyer = models.FileField(_("チラシ"), max_length=200, blank=True, editable=False)
    flyer_size = models.PositiveIntegerField(_("チラシのサイズ"), null=True, editable=False)

    report_text = models.TextField(_("開催報告"), blank=True, help_text=_("空行で段落を分けます。"))
    participants_people = models.IntegerField(
        _("参加者数（人）"),
        null=True,
        blank=True,
        validators=_not_negative(_("参加者数は0以上の数で入力してください。")),
    )
    participants_organisations = models.IntegerField(
        _("参加団体数"),
        null=True,
        blank=True,
        validators=_not_negative(_("参加団体数は0以上の数で入力してください。")),
    )
    participants_prefectures = models.IntegerField(
        _("参加者の都道府県数"),
        null=True,
        blank=True,
        validators=_not_negative(_("都道府県数は0以上の数で入力してください。")),
    )
    participants_approximate = models.BooleanField(
        _("参加者数はおよその数"), default=False, help_text=_("「約」を付けて表示します。")
    )
    participants_note = models.CharField(
        _("参加者数の補足"), max_length=200, blank=True, help_text=_("例：2日間の合計")
    )

    held_within = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="held_inside",
        verbose_name=_("開催したフォーラム"),
        help_text=_("講座をフォーラムの一部として開催した場合、そのフォーラムの回。"),
    )
    facts_uncertain = models.BooleanField(
        _("要確認の情報あり"),
        default=False,
        help_text=_(
            "記録が一つの報告に基づくなど、内容が確かでない回。確認できたらチェックを外してください。"
            "公開ページには「確認中」と表示します。"
        ),
    )
    staff_note = models.TextField(
        _("事務局メモ"), blank=True, help_text=_("公開ページには表示しません。")
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["start_date"], name="events_edition_start_date"),
            models.Index(fields=["end_date"], name="events_edition_end_date"),
        ]
        verbose_name = _("開催回")
        verbose_name_plural = _("開催回")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "slug"],
                name="events_edition_unique_slug_per_series",
                violation_error_message=_("このシリーズには同じスラッグの回がすでにあります。"),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="events_edition_end_not_before_start",
            ),
        ]

    def __str__(self):
        return self.heading

    @property
    def heading(self) -> str:
        """The title, or a neutral one made of the series name and the month it was held."""
        if self.title:
            return self.title
        return UNTITLED_HEADING % {
            "series": self.series.name,
            "month": dates.month_year(self.start_date),
        }

    @property
    def last_date(self) -> datetime.date | None:
        return self.end_date or self.start_date

    @property
    def is_multi_day(self) -> bool:
        return bool(self.end_date and self.start_date and self.end_date != self.start_date)

    @property
    def is_all_day(self) -> bool:
        """True when the time of day is unknown: calendars get DATE values, not 00:00."""
        return self.start_time is None

    @property
    def starts_at(self) -> datetime.datetime | None:
        if self.start_date is None or self.start_time is None:
            return None
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=TOKYO)

    @property
    def ends_at(self) -> datetime.datetime | None:
        if self.last_date is None or self.end_time is None:
            return None
        return datetime.datetime.combine(self.last_date, self.end_time, tzinfo=TOKYO)

    def _begins(self) -> datetime.datetime | None:
        """The first moment of the event: the start time, or the start of its first day."""
        if self.start_date is None:
            return None
        return self.starts_at or datetime.datetime.combine(
            self.start_date, datetime.time(), tzinfo=TOKYO
        )

    def _finishes(self) -> datetime.datetime | None:
        """The moment the event is over: the end time, or the end of its last day."""
        if self.last_date is None:
            return None
        return self.ends_at or datetime.datetime.combine(
            self.last_date + datetime.timedelta(days=1), datetime.time(), tzinfo=TOKYO
        )

    def status_changes(self) -> list[datetime.datetime]:
        """Moments at which this edition's pages change by themselves: its registration
        opening and closing, the event starting and finishing, and the midnight after its last
        day (when it moves from upcoming to the archive)."""
        moments = [self.registration_opens_at, self.registration_closes_at]
        if self.last_date is not None:
            moments += [
                self._begins(),
                self._finishes(),
                datetime.datetime.combine(
                    self.last_date + datetime.timedelta(days=1), datetime.time(), tzinfo=TOKYO
                ),
            ]
        return [moment for moment in moments if moment is not None]

    def registration_status(self, now: datetime.datetime | None = None) -> str:
        """The status shown to visitors: staff's choice, else what the dates say.

        Once the event is over it is 終了 whatever was chosen, so that no archived edition
        still says 残りわずか; only 中止 and 延期, which are about the event itself, stay.
        """
        if self.registration_status_override in CALLED_OFF:
            return self.registration_status_override
        now = now or timezone.now()
        finishes = self._finishes()
        if finishes is not None and now >= finishes:
            return RegistrationStatus.ENDED
        if self.registration_status_override:
            return self.registration_status_override
        if finishes is None:
            return RegistrationStatus.NOT_OPEN
        if self.registration_closes_at and now >= self.registration_closes_at:
            return RegistrationStatus.CLOSED
        if now >= self._begins():
            return RegistrationStatus.CLOSED
        if self.registration_opens_at:
            if now < self.registration_opens_at:
                return RegistrationStatus.NOT_OPEN
            return RegistrationStatus.OPEN
        # No opening date: open as soon as there is somewhere to apply.
        return RegistrationStatus.OPEN if self.application_url else RegistrationStatus.NOT_OPEN

    def registration_status_label(self, now: datetime.datetime | None = None) -> str:
        return RegistrationStatus(self.registration_status(now)).label

    @property
    def is_called_off(self) -> bool:
        """Cancelled or postponed (staff's choice)."""
        return self.registration_status_override in CALLED_OFF

    @property
    def has_fees(self) -> bool:
        return self.is_free or self.fee_general is not None or self.fee_member is not None

    @property
    def has_report(self) -> bool:
        return bool(
            self.report_text
            or self.participants_people is not None
            or self.participants_organisations is not None
            or self.participants_prefectures is not None
        )

    @property
    def has_venue(self) -> bool:
        return bool(self.venue_name or self.venue_address or self.online)

    @property
    def flyer_is_pdf(self) -> bool:
        return self.flyer.name.lower().endswith(".pdf") if self.flyer else False

    def clean(self):
        errors = {}
        if self.end_date and not self.start_date:
            errors["start_date"] = _("最終日を入れる場合は開催日（初日）も入力してください。")
        elif self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("最終日は開催日（初日）より後の日付にしてください。")
        elif (
            self.start_time
            and self.end_time
            and not self.is_multi_day
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("終了時刻は開始時刻より後にしてください。")
        if (self.start_time or self.end_time) and not self.start_date:
            errors.setdefault("start_date", _("時刻を入れる場合は開催日も入力してください。"))
        if self.status == PublicationStatus.PUBLISHED and not self.start_date:
            errors.setdefault("start_date", _("公開するには開催日を入力してください。"))
        if self.is_free and (self.fee_general or self.fee_member):
            errors["is_free"] = _("無料の場合は参加費を空欄（または0円）にしてください。")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("申込締切は申込受付開始より後にしてください。")
        elif closes and "end_date" not in errors and "end_time" not in errors:
            finishes = self._finishes()
            if finishes is not None and closes > finishes:
                errors["registration_closes_at"] = _(
                    "申込締切が開催終了より後になっています。開催前の日時にしてください。"
                )
        if self.online_url and not self.online:
            errors["online_url"] = _(
                "オンライン参加のURLは「オンライン開催」の場合のみ入力します。"
            )
        if self.held_within_id:
            if self.pk and self.held_within_id == self.pk:
                errors["held_within"] = _("自分自身の中では開催できません。")
            elif self.held_within.series_id == self.series_id:
                errors["held_within"] = _("別のシリーズの回（フォーラムの回）を選んでください。")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse(
            "events:edition_detail", kwargs={"series": self.series.slug, "slug": self.slug}
        )

    def get_calendar_url(self):
        return reverse(
            "events:edition_calendar", kwargs={"series": self.series.slug, "slug": self.slug}
        )


class Session(Publishable):
    """One row of an edition's programme."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("開会")
        DIALOGUE = "dialogue", _("鼎談")
        KEYNOTE_DIALOGUE = "keynote_dialogue", _("基調対談")
        LECTURE = "lecture", _("レクチャー")
        COURSE_LECTURE = "course_lecture", _("講義")
        BREAKOUT = "breakout", _("分科会")
        ELECTIVE = "elective", _("選択プログラム")
        LUNCH = "lunch", _("昼食")
        BREAK = "break", _("休憩")
        EXCHANGE = "exchange", _("情報交換会")
        PLENARY = "plenary", _("全体会")
        CLOSING = "closing", _("閉会")
        OTHER = "other", _("その他")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("開催回")
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    day = models.PositiveSmallIntegerField(
        _("日目"),
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(1, message=_("1日目以降の日を入力してください。"))],
        help_text=_("複数日の回で何日目か。分からなければ空欄。"),
    )
    start_time = models.TimeField(_("開始時刻"), null=True, blank=True)
    end_time = models.TimeField(_("終了時刻"), null=True, blank=True)
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    label = models.CharField(
        _("番号・見出し"), max_length=100, blank=True, help_text=_("例：分科会1、第1セッション")
    )
    title = models.CharField(_("タイトル"), max_length=300, blank=True)
    description = models.TextField(_("説明"), blank=True)

    class Meta:
        ordering = ["edition", F("day").asc(nulls_last=True), "position", "pk"]
        verbose_name = _("プログラム")
        verbose_name_plural = _("プログラム")

    def __str__(self):
        return " ".join(part for part in (self.get_kind_display(), self.label, self.title) if part)

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("終了時刻は開始時刻より後にしてください。")})

    @property
    def times(self) -> str:
        return dates.time_range(self.start_time, self.end_time)

    def get_absolute_url(self):
        return self.edition.get_absolute_url() + "#programme"


class Speaker(ImageFields, Publishable):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("プログラム")
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    name = models.CharField(_("氏名"), max_length=100)
    affiliation = models.CharField(
        _("所属・肩書き"), max_length=300, blank=True, help_text=_("開催当時のもの。")
    )
    role = models.CharField(
        _("役割"), max_length=100, blank=True, help_text=_("例：聞き手、コーディネーター")
    )

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("登壇者")
        verbose_name_plural = _("登壇者")

    def __str__(self):
        return self.name


class EditionPhoto(ImageFields, Publishable):
    """A photo of the report section of an edition."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="photos", verbose_name=_("開催回")
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    caption = models.CharField(_("キャプション"), max_length=300, blank=True)

    class Meta:
        ordering = ["edition", "position", "pk"]
        verbose_name = _("報告写真")
        verbose_name_plural = _("報告写真")

    def __str__(self):
        return self.caption or self.alt or str(_("写真"))
