from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jnpoc_site.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a consistent copy of the database and the media folder to var/backups/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.VAR_DIR / "backups"),
            help="Folder for the backup file (default: var/backups/).",
        )

    def handle(self, *args, **options):
        try:
            path = create_backup(Path(options["output_dir"]))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
