"""Content of the "For government" section: its pages, their sections, and what the Center offers.

The landing page (slug "government") is a Page like any other; its sections say which block
they render (plain text, the two stance lists, the event series, the support offerings or the
contact details), so staff can add, reorder and hide them in the admin.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pages.publishing import Publishable

LANDING_SLUG = "government"
# Path segments taken by other views under /<lang>/government/; a page may not use them.
RESERVED_SLUGS = {"events", "stances"}


def validate_site_link(value: str) -> None:
    """A link is either an absolute http(s) URL or a path on this site ("/ja/...")."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.startswith(("https://", "http://")):
        return
    raise ValidationError(
        _(
            "「https://」で始まるURLか、このサイト内のパス（例：/ja/government/membership/）を入力してください。"
        )
    )


class SiteSettings(models.Model):
    """The organisation's name and contact details, shown in the header, footer and contact block.

    One row; the admin offers no add or delete once it exists.
    """

    organisation_name = models.CharField(_("団体名"), max_length=100)
    section_name = models.CharField(
        _("セクション名"),
        max_length=100,
        blank=True,
        help_text=_("ヘッダーで団体名の横に表示する名前（例：行政の方へ）。"),
    )
    phone_label = models.CharField(_("電話の見出し"), max_length=40, blank=True)
    phone = models.CharField(
        _("電話番号"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9-]+$", _("半角数字とハイフンで入力してください。"))],
    )
    email_label = models.CharField(_("メールの見出し"), max_length=40, blank=True)
    email = models.EmailField(
        _("メールアドレス"),
        blank=True,
        help_text=_("公開ページでは「@」を「#」に置き換えて表示し、収集ロボットから守ります。"),
    )
    email_note = models.CharField(
        _("メールアドレスの注記"),
        max_length=100,
        blank=True,
        help_text=_("例：#を@に変えてください"),
    )
    form_label = models.CharField(_("お問い合わせフォームの見出し"), max_length=60, blank=True)
    contact_note = models.TextField(
        _("お問い合わせ先の補足"),
        blank=True,
        help_text=_("受付時間など。空欄なら表示しません。"),
    )
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        verbose_name = _("サイト設定（団体名・連絡先）")
        verbose_name_plural = _("サイト設定（団体名・連絡先）")

    def __str__(self):
        return self.organisation_name

    @classmethod
    def current(cls) -> "SiteSettings":
        """The settings row, or an unsaved empty one before the content is loaded."""
        return cls.objects.order_by("pk").first() or cls()

    @property
    def email_obfuscated(self) -> str:
        return self.email.replace("@", "#")


class Page(Publishable):
    slug = models.SlugField(
        _("スラッグ"),
        max_length=80,
        unique=True,
        help_text=_("URLの一部になる半角英数字（例：membership）。公開後は変更しないでください。"),
    )
    title = models.CharField(_("タイトル"), max_length=200)
    lead = models.TextField(_("導入文"), blank=True)
    meta_description = models.CharField(_("ページの説明（検索結果用）"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("並び順"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("ページ")
        verbose_name_plural = _("ページ")

    def __str__(self):
        return self.title

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("このスラッグは他のページで使われているため使えません。")}
            )

    @property
    def is_landing(self) -> bool:
        return self.slug == LANDING_SLUG

    def get_absolute_url(self):
        if self.is_landing:
            return reverse("pages:landing")
        return reverse("pages:page_detail", kwargs={"slug": self.slug})


class Section(Publishable):
    class Kind(models.TextChoices):
        TEXT = "text", _("文章")
        STANCE_LISTS = "stance_lists", _("文章＋8つの姿勢（2つのリスト）")
        EVENT_SERIES = "event_series", _("文章＋行政職員向けの事業（フォーラム・講座）")
        SUPPORT_OFFERINGS = (
            "support_offerings",
            _("文章＋協力できること（相談・講師派遣・委員派遣）"),
        )
        CONTACT = "contact", _("文章＋お問い合わせ先")

    class ItemStyle(models.TextChoices):
        BULLETS = "bullets", _("箇条書き")
        NUMBERED = "numbered", _("番号付き")
        KEYWORDS = "keywords", _("キーワード（強調表示）")
        CAUTION = "caution", _("注意点（囲み表示）")

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="sections", verbose_name=_("ページ")
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    anchor = models.SlugField(
        _("アンカー"),
        max_length=60,
        blank=True,
        help_text=_(
            "ページ内リンク用の半角英数字（例：collaboration）。見出しがある場合に使います。"
        ),
    )
    heading = models.CharField(
        _("見出し"),
        max_length=200,
        blank=True,
        help_text=_("空欄にすると直前の見出しの続きとして表示します。"),
    )
    kind = models.CharField(_("種類"), max_length=32, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(_("本文"), blank=True, help_text=_("空行で段落を分けます。"))
    link_text = models.CharField(
        _("リンクにする語句"),
        max_length=100,
        blank=True,
        help_text=_(
            "本文中のこの語句をリンクにします（例：説明のページ）。本文にない場合は本文の後にリンクを表示します。"
        ),
    )
    link_url = models.CharField(
        _("リンク先"),
        max_length=300,
        blank=True,
        validators=[validate_site_link],
        help_text=_(
            "サイト内のパス（/ja/... の形。英語ページでは /en/... に読み替えます）"
            "または https:// で始まるURL。"
        ),
    )
    items_heading = models.CharField(_("項目リストの見出し"), max_length=200, blank=True)
    items = models.TextField(_("項目リスト"), blank=True, help_text=_("1行に1項目。"))
    item_style = models.CharField(
        _("項目リストの表示"), max_length=16, choices=ItemStyle.choices, default=ItemStyle.BULLETS
    )

    class Meta:
        ordering = ["page", "position", "pk"]
        verbose_name = _("セクション")
        verbose_name_plural = _("セクション")

    def __str__(self):
        return self.heading or _("（見出しなし）%(position)s") % {"position": self.position}

    def clean(self):
        if bool(self.link_text) != bool(self.link_url):
            raise ValidationError(_("リンクにする語句とリンク先は両方入力してください。"))

    @property
    def item_list(self) -> list[str]:
        return [line.strip() for line in self.items.splitlines() if line.strip()]

    def get_absolute_url(self):
        url = self.page.get_absolute_url()
        return f"{url}#{self.anchor}" if self.anchor else url


class SupportOffering(Publishable):
    """What the Center can do for a municipality: consultation, lecturers, committee members."""

    slug = models.SlugField(_("スラッグ"), max_length=60, unique=True)
    position = models.PositiveIntegerField(_("並び順"), default=0)
    title = models.CharField(_("名称"), max_length=100)
    body = models.TextField(_("説明"), blank=True)
    themes_note = models.CharField(
        _("テーマ一覧の後の注記"), max_length=100, blank=True, help_text=_("例：ほか多数")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("協力できること")
        verbose_name_plural = _("協力できること")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:landing") + f"#offering-{self.slug}"


class LecturerTheme(Publishable):
    offering = models.ForeignKey(
        SupportOffering,
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("協力できること"),
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    name = models.CharField(_("テーマ"), max_length=100)

    class Meta:
        ordering = ["offering", "position", "pk"]
        verbose_name = _("講師派遣のテーマ")
        verbose_name_plural = _("講師派遣のテーマ")

    def __str__(self):
        return self.name


class ContentSeed(models.Model):
    """What the content command last wrote into one record (see pages/content_loader.py).

    A rerun compares each field with this copy: a field that still holds the loaded value may be
    refreshed from the data file, a field staff changed is left alone, and a record staff deleted
    is not brought back.
    """

    key = models.CharField(_("キー"), max_length=200, unique=True)
    values = models.JSONField(_("読み込んだ値"), default=dict)
    loaded_at = models.DateTimeField(_("読み込み日時"), auto_now=True)

    class Meta:
        verbose_name = _("初期コンテンツの読み込み記録")
        verbose_name_plural = _("初期コンテンツの読み込み記録")

    def __str__(self):
        return self.key
