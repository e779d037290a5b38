"""Consistent backups of the database and the uploaded files, and their restoration.

A backup is one file, var/backups/jnpoc-<timestamp>.tar.gz, holding manifest.json, the database
(an SQLite copy made with SQLite's online backup API, so WAL contents are included, or a
pg_dump custom-format archive) and the media folder.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT_VERSION = 1
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    pass


def create_backup(output_dir: Path, *, now: datetime | None = None) -> Path:
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"jnpoc-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(dir=output_dir) as work:
        dump = Path(work) / DUMP_NAMES[vendor]
        if vendor == "sqlite":
            _dump_sqlite(dump)
        else:
            _dump_postgresql(dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.localtime(now or timezone.now()).isoformat(),
            "database": vendor,
            "media": "media",
        }
        partial = Path(work) / target.name
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname=dump.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                archive.add(media_root, arcname="media")
        os.replace(partial, target)  # never leave a half-written backup under its final name
    target.chmod(0o600)  # it holds every inquiry
    return target


def restore_backup(archive_path: Path) -> dict:
    vendor = connection.vendor
    with tempfile.TemporaryDirectory() as work:
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                archive.extractall(work, filter="data")  # refuses absolute paths, ../, links out
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{archive_path} cannot be read as a backup: {error}") from None
        work = Path(work)
        try:
            manifest = json.loads((work / "manifest.json").read_text())
        except (OSError, ValueError):
            raise BackupError(f"{archive_path} is not a backup made by this site.") from None
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        if manifest.get("database") != vendor:
            raise BackupError(
                f"The backup holds a {manifest.get('database')} database; this site runs on "
                f"{vendor}. Restore it into the same kind of database."
            )
        dump = work / DUMP_NAMES[vendor]
        if vendor == "sqlite":
            _restore_sqlite(dump)
        else:
            _restore_postgresql(dump)
        _replace_media(work / "media")
    return manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, BytesIO(data))


def _dump_sqlite(target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)  # consistent even while others write
    finally:
        destination.close()


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    origin = sqlite3.connect(source)
    try:
        origin.backup(connection.connection)  # replaces every page, WAL-safe
    finally:
        origin.close()
    connection.close()


def _pg_command(program: str, *args: str) -> None:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    command = [program, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian package postgresql-client).")
    command[0] = executable
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def _dump_postgresql(target: Path) -> None:
    name = settings.DATABASES["default"]["NAME"]
    _pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={target}", name)


def _restore_postgresql(source: Path) -> None:
    connection.close()
    name = settings.DATABASES["default"]["NAME"]
    _pg_command(
        "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
        f"--dbname={name}", str(source),
    )  # fmt: skip


def _replace_media(restored: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    if restored.is_dir():
        shutil.copytree(restored, incoming)
    else:
        incoming.mkdir()
    previous = media_root.with_name(media_root.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if media_root.exists():
        media_root.rename(previous)
    incoming.rename(media_root)
    shutil.rmtree(previous, ignore_errors=True)
