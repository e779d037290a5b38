from modeltranslation.translator import TranslationOptions, register

from pages.models import LecturerTheme, Page, Section, SiteSettings, SupportOffering


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = (
        "organisation_name",
        "section_name",
        "phone_label",
        "email_label",
        "email_note",
        "form_label",
        "contact_note",
    )
    required_languages = ("ja",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "meta_description")
    required_languages = ("ja",)


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body", "link_text", "items_heading", "items")


@register(SupportOffering)
class SupportOfferingTranslationOptions(TranslationOptions):
    fields = ("title", "body", "themes_note")
    required_languages = ("ja",)


@register(LecturerTheme)
class LecturerThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ja",)
