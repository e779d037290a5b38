"""Pages render with the production static storage (hashed, compressed names)."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.mark.django_db
def test_collectstatic_with_manifest_storage_serves_every_page(client, content, tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path / "static", STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        assert list((tmp_path / "static" / "css").glob("site.*.css.br"))
        assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))
        for url in ["/ja/government/", "/en/government/stances/npo/", "/ja/government/nope/"]:
            response = client.get(url)
            assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND)
            assert "/static/css/site." in response.text
            assert "/static/css/site.css" not in response.text  # the hashed name is used
