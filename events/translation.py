from modeltranslation.translator import TranslationOptions, register

from events.models import Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description", "page_link_text", "note")
    required_languages = ("ja",)
