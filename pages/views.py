from django.http import Http404
from django.views.generic import DetailView

from pages.models import LANDING_SLUG, Page
from pages.selectors import page_chapters, section_blocks


class PageDetailView(DetailView):
    """A page of the section, its sections, and the blocks they show."""

    model = Page

    def get_queryset(self):
        # The landing page is served at /<lang>/government/ only, never under its own slug.
        return Page.objects.published().exclude(slug=LANDING_SLUG)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chapters = page_chapters(self.object)
        context["chapters"] = chapters
        context.update(section_blocks(chapters))
        return context


class LandingView(PageDetailView):
    def get_object(self, queryset=None):
        try:
            return Page.objects.published().get(slug=LANDING_SLUG)
        except Page.DoesNotExist:
            raise Http404 from None
