"""Write paths of the events section."""

import contextlib
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from modeltranslation.translator import translator
from modeltranslation.utils import get_translation_fields

from events import images
from events.models import Edition, ImageFields, Session
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


# --- Uploaded files nobody uses any more ------------------------------------------------------


def _media_in_use() -> set[str]:
    """Every stored name a row still points to: images with their renditions, and flyers."""
    names = set(Edition.objects.exclude(flyer="").values_list("flyer", flat=True))
    for model in apps.get_models():
        if not issubclass(model, ImageFields):
            continue
        for image, renditions in model.objects.exclude(image="").values_list("image", "renditions"):
            names.add(image)
            names.update(
                name
                for rendition in renditions
                for key, name in rendition.items()
                if key in {"webp", "jpg"}
            )
    return names


def _stored_files(folder: str):
    """The names of every file under a folder of the default storage."""
    try:
        directories, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in files:
        yield f"{folder}/{file}"
    for directory in directories:
        yield from _stored_files(f"{folder}/{directory}")


def media_remove_unused(*, older_than: timedelta, dry_run: bool = False) -> list[str]:
    """Delete the uploads under events/ that no row points to: replaced or removed images and
    flyers, and those of deleted editions, speakers and photos. A photo taken off the site must
    not stay reachable at its address. Files younger than `older_than` are kept: an upload is
    written before the row that points to it is saved. Returns the names (to be) deleted."""
    in_use = _media_in_use()
    cutoff = timezone.now() - older_than
    unused = [
        name
        for name in _stored_files(images.FOLDER)
        if name not in in_use and default_storage.get_modified_time(name) < cutoff
    ]
    if not dry_run:
        for name in unused:
            default_storage.delete(name)
        _remove_emptied_folders(unused)
    return unused


def _remove_emptied_folders(names: list[str]) -> None:
    """Each image has a folder of its own; on a file system, drop the ones left empty."""
    try:
        folders = {Path(default_storage.path(name)).parent for name in names}
    except NotImplementedError:  # object storage: no folders
        return
    for folder in folders:
        with contextlib.suppress(OSError):  # not empty: still in use
            folder.rmdir()
