from modeltranslation.translator import TranslationOptions, register

from events.models import Edition, EditionPhoto, Series, Session, Speaker


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description", "page_link_text", "note")
    required_languages = ("ja",)


@register(Edition)
class EditionTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "theme",
        "summary",
        "note",
        "venue_name",
        "venue_address",
        "venue_access",
        "audience",
        "capacity_note",
        "fee_note",
        "co_organisers",
        "cooperation",
        "support",
        "report_text",
        "participants_note",
    )


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("label", "title", "description")


@register(Speaker)
class SpeakerTranslationOptions(TranslationOptions):
    fields = ("name", "affiliation", "role", "alt")
    required_languages = ("ja",)


@register(EditionPhoto)
class EditionPhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "alt")
