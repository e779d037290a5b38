"""Publication state shared by every content record of the site.

Staff prepare content hidden and publish it when it is ready; public views only ever see
`.published()` rows. The pages, principles and events apps all build on this.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    PUBLISHED = "published", _("公開")
    HIDDEN = "hidden", _("非公開")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class Publishable(models.Model):
    status = models.CharField(
        _("公開状態"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
        help_text=_("「非公開」にすると公開ページに表示されません。"),
    )
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED
