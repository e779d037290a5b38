"""The English catalogue is complete and compiled, and English pages carry no stray Japanese."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")


def test_every_ui_string_has_an_english_translation():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_compiled_catalogue_matches_the_po_file():
    """The committed .mo is what the .po compiles to: no stale translations at run time."""
    with (LOCALE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for entry in polib.pofile(str(LOCALE / "django.po")).translated_entries():
        # gettext keys an entry with a context as "context\x04msgid".
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(msgid, int(index))] = text
        else:
            expected[msgid] = entry.msgstr
    compiled.pop("", None)
    assert compiled == expected


@pytest.mark.skipif(
    shutil.which("xgettext") is None and not settings.CI,
    reason="GNU gettext is not installed (CI installs it and runs this check)",
)
def test_po_file_lists_every_string_in_the_code(tmp_path):
    """makemessages over a copy of the code adds no msgid the committed .po lacks."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "var", "staticfiles", ".git", "node_modules", "*.pyc")
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignore)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "en",
            "--no-location",
            "--verbosity",
            "0",
        ],
        cwd=copy,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "jnpoc_site.test_settings", "PATH": "/usr/bin:/bin"},
    )
    committed = {e.msgid for e in polib.pofile(str(LOCALE / "django.po")) if not e.obsolete}
    extracted = {
        e.msgid
        for e in polib.pofile(str(copy / "locale/en/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    assert extracted - committed == set(), "run `make messages` and translate the new strings"
    assert committed - extracted == set(), "run `make messages` to drop strings no longer used"


def test_a_known_ui_string_is_translated():
    with translation.override("en"):
        assert translation.gettext("本文へスキップ") == "Skip to main content"


ENGLISH_PAGES = [
    "/en/government/",
    "/en/government/membership/",
    "/en/government/contact/",
    "/en/government/accessibility/",
    "/en/government/accessibility-results/",
    "/en/government/privacy/",
    "/en/government/stances/",
    "/en/government/stances/staff/",
    "/en/government/stances/npo/",
    "/en/government/events/",
    "/en/government/events/forum/",
    "/en/government/events/course/",
    "/en/government/events/forum/2008-02/",
    "/en/government/events/forum/2014-02/",
    "/en/government/events/forum/2014-07/",
    "/en/government/events/forum/2015-07/",
    "/en/government/events/forum/2017-07/",
    "/en/government/events/forum/2018-07/",
    "/en/government/events/course/2011-07/",
    "/en/government/events/course/2013-07/",
    "/en/government/events/course/2015-07/",
    "/en/government/events/course/2016-07/",
    "/en/government/no-such-page/",
    "/en/inquiry/",
    "/en/inquiry/complete/",
]


def strip_japanese_marked_parts(html: str) -> str:
    """Remove elements declared Japanese (lang="ja"): those may, and should, be Japanese."""
    html = re.sub(r"<head\b.*?</head>", "", html, flags=re.S)
    return re.sub(r'<(\w+)[^>]*\blang="ja"[^>]*>.*?</\1>', "", html, flags=re.S)


def japanese_outside_lang_ja(html: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", strip_japanese_marked_parts(html))
    return [line.strip() for line in text.splitlines() if JAPANESE.search(line)]


def erase_english_content() -> None:
    """Empty every English content field, as if staff had added everything in Japanese only."""
    for model in translator.get_registered_models():
        for field in translator.get_options_for_model(model).fields:
            english = model._meta.get_field(build_localized_fieldname(field, "en"))
            model.objects.update(**{english.name: None if english.null else ""})


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_english_pages_have_no_japanese_outside_lang_ja(client, content, url):
    assert japanese_outside_lang_ja(client.get(url).text) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_untranslated_content_on_english_pages_is_marked_japanese(client, content, url):
    """Japanese shown where an English field is empty carries lang="ja" (for screen readers)."""
    erase_english_content()
    assert japanese_outside_lang_ja(client.get(url).text) == []
