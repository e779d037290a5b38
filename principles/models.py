"""The two published lists of eight stances: for government staff and for NPOs.

Both lists appear in one booklet. Each stance may carry an explanation; a stance with one gets
a page of its own.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pages.publishing import Publishable


class Booklet(Publishable):
    """The booklet that publishes both lists; price and ordering stay empty until known."""

    title = models.CharField(
        _("書名"),
        max_length=200,
        blank=True,
        help_text=_("正式な書名が分かったら入力してください。"),
    )
    description = models.TextField(_("説明"), blank=True)
    price = models.CharField(
        _("価格"), max_length=100, blank=True, help_text=_("例：500円（税込）")
    )
    ordering_info = models.TextField(_("購入・申込方法"), blank=True)

    class Meta:
        verbose_name = _("ブックレット")
        verbose_name_plural = _("ブックレット")

    def __str__(self):
        return self.title or self.description[:40] or str(_("ブックレット"))

    def get_absolute_url(self):
        return reverse("principles:stancelist_list")


class StanceList(Publishable):
    slug = models.SlugField(
        _("スラッグ"),
        max_length=60,
        unique=True,
        help_text=_("URLの一部になる半角英数字（例：npo）。公開後は変更しないでください。"),
    )
    position = models.PositiveIntegerField(_("並び順"), default=0)
    booklet = models.ForeignKey(
        Booklet,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stance_lists",
        verbose_name=_("掲載ブックレット"),
    )
    title = models.CharField(_("タイトル"), max_length=200)
    compiler_credit = models.CharField(_("編者"), max_length=200, blank=True)
    intro = models.TextField(_("はじめに"), blank=True, help_text=_("リストの前に表示します。"))
    background_heading = models.CharField(_("背景・説明の見出し"), max_length=200, blank=True)
    background = models.TextField(
        _("背景・説明"),
        blank=True,
        help_text=_("このリストのページに表示する説明。空行で段落を分けます。"),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("姿勢のリスト")
        verbose_name_plural = _("姿勢のリスト")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("principles:stancelist_detail", kwargs={"slug": self.slug})


class Stance(Publishable):
    stance_list = models.ForeignKey(
        StanceList, on_delete=models.CASCADE, related_name="stances", verbose_name=_("リスト")
    )
    number = models.PositiveSmallIntegerField(_("番号"), validators=[MinValueValidator(1)])
    text = models.TextField(_("姿勢"))
    explanation = models.TextField(
        _("解説"),
        blank=True,
        help_text=_("入力すると、この姿勢の個別ページができます。空行で段落を分けます。"),
    )

    class Meta:
        ordering = ["stance_list", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["stance_list", "number"], name="unique_stance_number_per_list"
            )
        ]
        verbose_name = _("姿勢")
        verbose_name_plural = _("姿勢")

    def __str__(self):
        return f"{self.number}. {self.text}"

    @property
    def has_page(self) -> bool:
        return bool(self.explanation.strip())

    def get_absolute_url(self):
        if not self.has_page:
            return (
                self.stance_list.get_absolute_url()
                + f"#stance-{self.stance_list.slug}-{self.number}"
            )
        return reverse(
            "principles:stance_detail",
            kwargs={"slug": self.stance_list.slug, "number": self.number},
        )
