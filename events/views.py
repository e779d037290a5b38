from django.views.generic import DetailView, TemplateView

from events.models import Series
from events.selectors import series_for_listing


class EditionListView(TemplateView):
    template_name = "events/edition_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series_list"] = series_for_listing()
        return context


class SeriesDetailView(DetailView):
    def get_queryset(self):
        return Series.objects.published()
