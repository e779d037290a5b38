"""Read paths for pages: what a page shows, fetched in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from pages.models import LecturerTheme, Page, Section, SupportOffering
from pages.publishing import PublicationStatus


@dataclass
class Chapter:
    """A headed section and the headless sections that continue it: one <section> element."""

    sections: list[Section] = field(default_factory=list)

    @property
    def lead(self) -> Section:
        return self.sections[0]

    @property
    def heading(self) -> str:
        return self.lead.heading

    @property
    def anchor(self) -> str:
        return self.lead.anchor


def published_page_with_chapters(slug: str) -> tuple[Page, list[Chapter]]:
    """A published page and its published sections grouped into chapters.

    One query: the sections come with their page. Only a page without any published section
    costs a second one. Raises Page.DoesNotExist.
    """
    sections = list(
        Section.objects.published()
        .filter(page__slug=slug, page__status=PublicationStatus.PUBLISHED)
        .select_related("page")
        .order_by("position", "pk")
    )
    page = sections[0].page if sections else Page.objects.published().get(slug=slug)
    chapters: list[Chapter] = []
    for section in sections:
        section.page = page  # one shared instance
        if section.heading or not chapters:
            chapters.append(Chapter())
        chapters[-1].sections.append(section)
    return page, chapters


def support_offerings() -> list[SupportOffering]:
    """The published offerings with their themes, and the inquiry category that links each one
    to the form (inquiries.InquiryCategory.offering; joined, so no query per offering)."""
    themes = LecturerTheme.objects.published().order_by("position", "pk")
    return list(
        SupportOffering.objects.published()
        .select_related("inquiry_category")
        .order_by("position", "pk")
        .prefetch_related(Prefetch("themes", queryset=themes))
    )


def section_blocks(chapters: list[Chapter]) -> dict:
    """Load the data each section kind on the page needs, once per page, whatever its position."""
    # Imported here: principles and events build on pages, not the other way round.
    from events.selectors import series_with_next_edition
    from principles.selectors import stance_lists_with_stances

    kinds = {section.kind for chapter in chapters for section in chapter.sections}
    blocks = {}
    if Section.Kind.STANCE_LISTS in kinds:
        blocks["stance_lists"] = stance_lists_with_stances()
    if Section.Kind.EVENT_SERIES in kinds:
        blocks["series_list"] = series_with_next_edition()
    if Section.Kind.SUPPORT_OFFERINGS in kinds:
        blocks["offerings"] = support_offerings()
    return blocks
