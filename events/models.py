"""The Center's events for municipal staff: the yearly forum and the course.

A Series is the recurring event (NPOと行政の対話フォーラム, 自治体職員のためのNPO講座); its
editions (one per held event, with dates, programme and report) hang off it.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pages.publishing import Publishable


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
