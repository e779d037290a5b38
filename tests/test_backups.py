"""make backup / make restore: a backup restored into a fresh database has the same data."""

import io
import tarfile

import pytest

from tests.servers import fresh_database_url, manage, shell, site_environment

pytestmark = pytest.mark.django_db

COUNT_CONTENT = (
    "from principles.models import Stance; from pages.models import Page; "
    "print(Stance.objects.count(), Page.objects.count(), "
    "Stance.objects.get(stance_list__slug='npo', number=3).text_en)"
)


def test_backup_restores_into_a_fresh_database_with_the_same_content_and_media(tmp_path):
    with (
        fresh_database_url(tmp_path, "original") as original_url,
        fresh_database_url(tmp_path, "fresh") as fresh_url,
    ):
        original = site_environment(tmp_path / "original", DATABASE_URL=original_url)
        manage(original, "migrate", "--noinput")
        manage(original, "load_content")
        shell(
            original,
            "from principles.models import Stance; "
            "Stance.objects.filter(stance_list__slug='npo', number=3)"
            ".update(text_en='Edited by staff')",
        )  # fmt: skip
        photo = tmp_path / "original" / "media" / "events" / "photo-1a2b.jpg"
        photo.parent.mkdir(parents=True)
        photo.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg for the archive")
        before = shell(original, COUNT_CONTENT)

        output = manage(original, "backup")
        backups = list((tmp_path / "original" / "backups").glob("jnpoc-*.tar.gz"))
        assert len(backups) == 1 and str(backups[0]) in output
        assert oct(backups[0].stat().st_mode & 0o777) == "0o600"

        fresh = site_environment(tmp_path / "fresh", DATABASE_URL=fresh_url)
        manage(fresh, "restore", str(backups[0]), "--noinput")
        assert shell(fresh, COUNT_CONTENT) == before
        assert "Edited by staff" in before
        restored = tmp_path / "fresh" / "media" / "events" / "photo-1a2b.jpg"
        assert restored.read_bytes() == photo.read_bytes()


def archive_with(tmp_path, members: dict[str, bytes]):
    path = tmp_path / "bad.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../escape.txt": b"x"}, "cannot be read as a backup"),
        ({"readme.txt": b"x"}, "is not a backup made by this site"),
        ({"manifest.json": b'{"format": 1, "database": "oracle"}'}, "holds a oracle database"),
    ],
)
def test_restore_refuses_what_is_not_a_backup_of_this_kind(tmp_path, members, message):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive_with(tmp_path, members)), "--noinput")


def test_restore_asks_before_replacing_anything(tmp_path, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled; nothing changed"):
        call_command("restore", str(archive_with(tmp_path, {"manifest.json": b"{}"})))
