"""The staff groups and exactly the permissions each one gets.

content_editors edit every word of the public site (the inquiry categories included);
inquiry_handlers work through inquiries. Editors never see an inquiry. The groups are brought up
to date after every `migrate` (see PagesConfig.ready) and by `python manage.py sync_staff_groups`.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

ALL_ACTIONS = ("add", "change", "delete", "view")

# Group name -> {"app_label.model": actions}
STAFF_GROUPS = {
    "content_editors": {
        "pages.page": ALL_ACTIONS,
        "pages.section": ALL_ACTIONS,
        "pages.supportoffering": ALL_ACTIONS,
        "pages.lecturertheme": ALL_ACTIONS,
        "pages.sitesettings": ("change", "view"),
        "principles.booklet": ALL_ACTIONS,
        "principles.stancelist": ALL_ACTIONS,
        "principles.stance": ALL_ACTIONS,
        "events.series": ALL_ACTIONS,
        "events.edition": ALL_ACTIONS,
        "events.session": ALL_ACTIONS,
        "events.speaker": ALL_ACTIONS,
        "events.editionphoto": ALL_ACTIONS,
        # The categories' labels are words on the public form: content.
        "inquiries.inquirycategory": ALL_ACTIONS,
    },
    "inquiry_handlers": {
        # They work through inquiries; deleting is left to purge_inquiries and superusers.
        "inquiries.inquiry": ("change", "view"),
        "inquiries.inquirycategory": ("view",),
    },
}


def sync_staff_groups() -> dict[str, int]:
    """Create the groups and set their permissions to exactly the table above."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)  # permissions of apps migrated after pages
    counts = {}
    for group_name, grants in STAFF_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        condition = Q(pk__in=[])
        for label, actions in grants.items():
            app_label, model = label.split(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type is None:
                continue
            codenames = [f"{action}_{model}" for action in actions]
            condition |= Q(content_type=content_type, codename__in=codenames)
        permissions = list(Permission.objects.filter(condition))
        group.permissions.set(permissions)
        counts[group_name] = len(permissions)
    return counts


def sync_staff_groups_after_migrate(sender, **kwargs):
    sync_staff_groups()
