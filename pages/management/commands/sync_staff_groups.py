from django.core.management.base import BaseCommand

from pages.staff_groups import sync_staff_groups


class Command(BaseCommand):
    help = "Create the staff groups with exactly their permissions (pages/staff_groups.py)."

    def handle(self, *args, **options):
        for group, count in sync_staff_groups().items():
            self.stdout.write(f"{group}: {count} permissions")
