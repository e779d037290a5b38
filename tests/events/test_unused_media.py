"""Uploads that no row uses any more are deleted by `remove_unused_media`, and only those."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from events import images
from events.models import EditionPhoto
from events.services import media_remove_unused
from tests.events.factories import (
    MINIMAL_PDF,
    image_bytes,
    make_edition,
    make_session,
    make_speaker,
)

NOW = timedelta(0)

pytestmark = pytest.mark.django_db


def attach_image(instance) -> list[str]:
    images.image_attach(instance=instance, checked=images.image_check_bytes(image_bytes()))
    instance.save()
    return stored_names(instance)


def stored_names(instance) -> list[str]:
    return [instance.image.name] + [r[key] for r in instance.renditions for key in ("webp", "jpg")]


def attach_flyer(edition) -> str:
    checked = images.flyer_check(SimpleUploadedFile("flyer.pdf", MINIMAL_PDF))
    images.flyer_attach(edition=edition, checked=checked)
    edition.save()
    return edition.flyer.name


def test_replaced_and_removed_uploads_go_and_the_ones_in_use_stay(media_root):
    edition = make_edition()
    speaker = make_speaker(make_session(edition))
    replaced = attach_image(speaker)
    current = attach_image(speaker)
    old_flyer = attach_flyer(edition)
    flyer = attach_flyer(edition)
    photo = EditionPhoto(edition=edition, alt_ja="会場", alt_en="Venue")
    deleted_photo = attach_image(photo)
    photo.delete()

    removed = media_remove_unused(older_than=NOW)

    assert sorted(removed) == sorted([*replaced, old_flyer, *deleted_photo])
    assert not any(default_storage.exists(name) for name in removed)
    assert all(default_storage.exists(name) for name in [*current, flyer])
    # Each image has a folder of its own: the emptied ones are gone too.
    assert not (Path(media_root) / replaced[0]).parent.exists()
    assert (Path(media_root) / current[0]).parent.exists()


def test_a_dry_run_deletes_nothing(media_root):
    speaker = make_speaker(make_session(make_edition()))
    replaced = attach_image(speaker)
    attach_image(speaker)
    assert sorted(media_remove_unused(older_than=NOW, dry_run=True)) == sorted(replaced)
    assert all(default_storage.exists(name) for name in replaced)


def test_files_younger_than_the_minimum_age_are_kept(media_root):
    """An upload is written before its row is saved: a run in between must not take it."""
    speaker = make_speaker(make_session(make_edition()))
    replaced = attach_image(speaker)
    attach_image(speaker)
    assert media_remove_unused(older_than=timedelta(hours=1)) == []
    assert all(default_storage.exists(name) for name in replaced)


def test_the_command_lists_and_counts_what_it_deletes(media_root):
    speaker = make_speaker(make_session(make_edition()))
    replaced = attach_image(speaker)
    images.image_detach(instance=speaker)
    speaker.save()
    out = StringIO()
    call_command("remove_unused_media", "--min-age-hours", "0", stdout=out)
    lines = out.getvalue().splitlines()
    assert sorted(lines[:-1]) == sorted(replaced)
    assert lines[-1] == f"{len(replaced)} unused media files deleted."
    assert not any(default_storage.exists(name) for name in replaced)


def test_nothing_to_do_without_uploads(media_root):
    out = StringIO()
    call_command("remove_unused_media", "--dry-run", stdout=out)
    assert out.getvalue() == "0 unused media files would be deleted.\n"
