from modeltranslation.translator import TranslationOptions, register

from inquiries.models import InquiryCategory


@register(InquiryCategory)
class InquiryCategoryTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("ja",)
