from django.core.management.base import BaseCommand

from inquiries.services import MAX_ATTEMPTS, inquiries_send_pending_mail


class Command(BaseCommand):
    help = (
        "Send the inquiry e-mails (staff notification, auto-reply) not sent yet or that failed "
        f"(up to {MAX_ATTEMPTS} attempts each). For cron: safe to run often and in parallel."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="Inquiries to handle in this run (100)."
        )

    def handle(self, *args, **options):
        results = inquiries_send_pending_mail(limit=options["limit"])
        if options["verbosity"] > 0 or results["failed"]:
            self.stdout.write(f"E-mails sent: {results['sent']}, failed: {results['failed']}.")
