from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.services import inquiries_purge


class Command(BaseCommand):
    help = (
        "Delete the inquiries received more than INQUIRY_RETENTION_DAYS days ago (the period "
        "the privacy page announces). For cron, once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be deleted."
        )

    def handle(self, *args, **options):
        days = settings.INQUIRY_RETENTION_DAYS
        count = inquiries_purge(older_than_days=days, dry_run=options["dry_run"])
        if options["dry_run"]:
            self.stdout.write(f"{count} inquiries older than {days} days would be deleted.")
        else:
            self.stdout.write(f"{count} inquiries older than {days} days deleted.")
