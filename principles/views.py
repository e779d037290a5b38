from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from principles.models import Booklet, Stance, StanceList


class StanceListListView(ListView):
    """Both lists of eight stances, with the booklet that publishes them."""

    def get_queryset(self):
        return StanceList.objects.with_published_stances().select_related("booklet")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["booklet"] = Booklet.objects.published().first()
        return context


class StanceListDetailView(DetailView):
    def get_queryset(self):
        return StanceList.objects.with_published_stances().select_related("booklet")


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
