from django.http import Http404
from django.views.generic import DetailView

from pages.models import LANDING_SLUG, Page
from pages.selectors import published_page_with_chapters, section_blocks


class PageDetailView(DetailView):
    """A page of the section, its sections, and the blocks they show."""

    model = Page

    def get_object(self, queryset=None):
        slug = self.kwargs.get("slug", LANDING_SLUG)
        # The landing page is served at /<lang>/government/ only, never under its own slug.
        if "slug" in self.kwargs and slug == LANDING_SLUG:
            raise Http404
        try:
            page, self.chapters = published_page_with_chapters(slug)
        except Page.DoesNotExist:
            raise Http404 from None
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chapters"] = self.chapters
        context.update(section_blocks(self.chapters))
        return context


class LandingView(PageDetailView):
    """The section home: the page with the slug "government"."""
