from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.content import KINDS as EVENT_KINDS
from inquiries.content import KINDS as INQUIRY_KINDS
from pages.content import KINDS as PAGE_KINDS
from pages.content_loader import ContentError, load
from principles.content import KINDS as PRINCIPLE_KINDS

# Order matters: later files may refer to records of earlier ones.
CONTENT_FILES = [
    ("pages.yaml", PAGE_KINDS),
    ("principles.yaml", PRINCIPLE_KINDS),
    ("events.yaml", EVENT_KINDS),
    ("inquiries.yaml", INQUIRY_KINDS),
]


class Command(BaseCommand):
    help = (
        "Load the initial content from content/*.yaml. Safe to run again: creates nothing twice, "
        "never overwrites what staff edited, never brings back what staff deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=str(settings.BASE_DIR / "content"),
            help="Folder holding the content files (default: content/).",
        )

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        files = [(folder / name, kinds) for name, kinds in CONTENT_FILES]
        try:
            report = load(files)
        except ContentError as error:
            raise CommandError(f"Content not loaded, nothing changed. {error}") from None
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Content loaded ({report.summary()})."))
        if report.kept_staff_edits and options["verbosity"] > 1:
            self.stdout.write("Kept staff edits over newer data for:")
            for field in report.kept_staff_edits:
                self.stdout.write(f"  {field}")
