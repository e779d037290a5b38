from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from principles.models import Booklet, Stance, StanceList
from principles.selectors import stance_lists_with_stances, with_published_stances


class StanceListListView(ListView):
    """Both lists of eight stances, with the booklet that publishes them."""

    template_name = "principles/stancelist_list.html"

    def get_queryset(self):
        return stance_lists_with_stances()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["booklet"] = Booklet.objects.published().first()
        return context


class StanceListDetailView(DetailView):
    def get_queryset(self):
        return StanceList.objects.published().select_related("booklet")

    def get_object(self, queryset=None):
        return with_published_stances(super().get_object(queryset))


class StanceDetailView(DetailView):
    """A stance's own page, which exists only while it has an explanation."""

    def get_object(self, queryset=None):
        stance = get_object_or_404(
            Stance.objects.published().select_related("stance_list"),
            stance_list__slug=self.kwargs["slug"],
            stance_list__status="published",
            number=self.kwargs["number"],
        )
        if not stance.has_page:
            raise Http404
        return stance
