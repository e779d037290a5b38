"""Read paths for the stance lists."""

from pages.publishing import PublicationStatus
from principles.models import Stance, StanceList


def stance_lists_with_stances() -> list[StanceList]:
    """Published lists, each with `published_stances` in order, in a single query.

    The query starts from the stances, so a list with no published stance is left out.
    """
    stances = (
        Stance.objects.published()
        .filter(stance_list__status=PublicationStatus.PUBLISHED)
        .select_related("stance_list__booklet")
        .order_by("stance_list__position", "stance_list__pk", "number")
    )
    lists: dict[int, StanceList] = {}
    for stance in stances:
        stance_list = lists.setdefault(stance.stance_list_id, stance.stance_list)
        stance.stance_list = stance_list  # one shared instance per list
        stance_list.__dict__.setdefault("published_stances", []).append(stance)
    return list(lists.values())


def with_published_stances(stance_list: StanceList) -> StanceList:
    stance_list.published_stances = list(stance_list.stances.published().order_by("number"))
    return stance_list
