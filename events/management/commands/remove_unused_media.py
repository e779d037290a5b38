from datetime import timedelta

from django.core.management.base import BaseCommand

from events.services import media_remove_unused


class Command(BaseCommand):
    help = (
        "Delete uploaded images, renditions and flyers that no edition, speaker or photo uses "
        "any more (replaced, removed or deleted in the admin). For cron, once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would be deleted."
        )
        parser.add_argument(
            "--min-age-hours",
            type=int,
            default=24,
            help="Keep files younger than this, so that an upload being saved is never taken "
            "(default: 24).",
        )

    def handle(self, *args, **options):
        removed = media_remove_unused(
            older_than=timedelta(hours=options["min_age_hours"]), dry_run=options["dry_run"]
        )
        for name in removed:
            self.stdout.write(name, style_func=None)
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{len(removed)} unused media files {verb}.")
