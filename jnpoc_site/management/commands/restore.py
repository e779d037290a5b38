from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jnpoc_site.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the media folder with the contents of a backup made by "
        "`manage.py backup`. Everything written since that backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="A backup file, e.g. var/backups/jnpoc-20261126-093000.tar.gz"
        )
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )  # fmt: skip

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such backup file: {path}")
        if options["interactive"]:
            answer = input(
                f"This replaces the current database and media with {path.name}. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup made {manifest['created']} from {path}.")
        )
