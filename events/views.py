from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from events import selectors
from events.calendars import calendar_bytes, calendar_filename
from events.models import Edition, Series
from events.templatetags.event_tags import site_origin
from pages.models import SiteSettings

ARCHIVE_PAGE_SIZE = 30


class EditionListView(ListView):
    """Upcoming editions first, then the archive by year, paginated with ?page=."""

    template_name = "events/edition_list.html"
    paginate_by = ARCHIVE_PAGE_SIZE
    context_object_name = "past_editions"

    def get_queryset(self):
        return selectors.past_editions()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series_list"] = selectors.series_for_listing()
        first_page = context["page_obj"].number == 1
        context["upcoming"] = selectors.upcoming_editions() if first_page else []
        context["archive_years"] = selectors.group_by_year(context["past_editions"])
        return context


class SeriesDetailView(SingleObjectMixin, ListView):
    """A series: its description, its next editions, and its past editions, paginated like
    the archive so that the page stays the same size however long the series runs."""

    template_name = "events/series_detail.html"
    paginate_by = ARCHIVE_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Series.objects.published())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.past_editions(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(series=self.object, **kwargs)
        first_page = context["page_obj"].number == 1
        context["upcoming"] = selectors.upcoming_editions_of(self.object) if first_page else []
        context["past_editions"] = context["page_obj"].object_list
        return context


class EditionDetailView(DetailView):
    template_name = "events/edition_detail.html"
    context_object_name = "edition"

    def get_object(self, queryset=None):
        return selectors.edition_for_page(
            series_slug=self.kwargs["series"], slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme_days"] = selectors.programme_days(self.object)
        context["registration_status"] = self.object.registration_status()
        return context


def _calendar_response(content: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


class EditionCalendarView(View):
    """One edition as an .ics file to import into a calendar."""

    def get(self, request, series, slug):
        edition = get_object_or_404(
            Edition.objects.published().select_related("series"), series__slug=series, slug=slug
        )
        content = calendar_bytes([edition], base_url=site_origin(request))
        return _calendar_response(content, calendar_filename(edition), attachment=True)


class UpcomingCalendarView(View):
    """Every upcoming edition: a calendar to subscribe to."""

    def get(self, request):
        content = calendar_bytes(
            selectors.upcoming_editions(),
            base_url=site_origin(request),
            name=f"{SiteSettings.current().organisation_name} {_('フォーラム・講座')}".strip(),
        )
        return _calendar_response(content, f"events.{get_language()}.ics", attachment=False)


class EditionFeed(Feed):
    """Atom feed of announced editions, newest announcements first."""

    feed_type = Atom1Feed
    title = _("フォーラム・講座のお知らせ")
    subtitle = _("行政職員向けのフォーラムと講座の開催案内です。")
    description_template = "events/feed_description.html"
    limit = 20

    def link(self):
        return reverse("events:edition_list")

    def items(self):
        return selectors.announced_editions(self.limit)

    def item_title(self, item):
        return item.heading

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.updated_at
