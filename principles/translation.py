from modeltranslation.translator import TranslationOptions, register

from principles.models import Booklet, Stance, StanceList


@register(Booklet)
class BookletTranslationOptions(TranslationOptions):
    fields = ("title", "description", "price", "ordering_info")


@register(StanceList)
class StanceListTranslationOptions(TranslationOptions):
    fields = ("title", "compiler_credit", "intro", "background_heading", "background")
    required_languages = ("ja",)


@register(Stance)
class StanceTranslationOptions(TranslationOptions):
    fields = ("text", "explanation")
    required_languages = ("ja",)
