"""Write paths of the events section."""

from django.db import transaction
from modeltranslation.translator import translator
from modeltranslation.utils import get_translation_fields

from events.models import Edition, Session
from pages.publishing import PublicationStatus

# What a draft for next year keeps: the texts and the programme's structure. Dates,
# registration, the report, the flyer and photos belong to the edition that took place.
COPIED_EDITION_FIELDS = (
    "series_id",
    "online",
    "online_url",
    "capacity",
    "is_free",
    "fee_general",
    "fee_member",
    "application_url",
)
# Every translated text of an edition is copied except its report, which belongs to the year
# it was held (the list is read from the translation options when a copy is made).
REPORT_TEXTS = ("report_text", "participants_note")
COPIED_SESSION_FIELDS = ("position", "day", "start_time", "end_time", "kind", "status")
COPIED_SESSION_TEXTS = ("label", "title", "description")


def _translations(obj, names):
    return {field: getattr(obj, field) for name in names for field in get_translation_fields(name)}


def _draft_slug(edition: Edition) -> str:
    year = edition.start_date.year + 1 if edition.start_date else None
    base = f"{year}-draft" if year else f"{edition.slug}-draft"
    taken = set(
        Edition.objects.filter(series_id=edition.series_id, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def edition_copy_as_draft(*, edition: Edition) -> Edition:
    """A hidden copy of `edition` for next year: texts and programme kept, dates cleared.

    Speakers are not copied: who speaks changes every year, and a copied name could be
    published by mistake. Staff add them to the copied sessions.
    """
    draft = Edition(
        status=PublicationStatus.HIDDEN,
        slug=_draft_slug(edition),
        edition_number=edition.edition_number + 1 if edition.edition_number else None,
        **{name: getattr(edition, name) for name in COPIED_EDITION_FIELDS},
        **_translations(edition, _copied_edition_texts()),
    )
    draft.full_clean()
    draft.save()
    Session.objects.bulk_create(
        Session(
            edition=draft,
            **{name: getattr(session, name) for name in COPIED_SESSION_FIELDS},
            **_translations(session, COPIED_SESSION_TEXTS),
        )
        for session in edition.sessions.all()
    )
    return draft


def _copied_edition_texts() -> tuple[str, ...]:
    fields = translator.get_options_for_model(Edition).fields
    return tuple(name for name in fields if name not in REPORT_TEXTS)
