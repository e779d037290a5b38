"""Uploaded files served by the embedded default's media view."""

from http import HTTPStatus
from io import BytesIO

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploads(media_root):
    folder = media_root / "events" / "2026"
    folder.mkdir(parents=True)
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    (folder / "a1b2c3.png").write_bytes(buffer.getvalue())
    (folder / "flyer-d4e5.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (folder / "notes.txt").write_text("not a served type")
    (media_root.parent / "secret.png").write_bytes(buffer.getvalue())
    return folder


def test_an_uploaded_image_is_served_with_its_type_and_nosniff(client, uploads):
    response = client.get("/media/events/2026/a1b2c3.png")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "immutable" in response["Cache-Control"]


def test_a_pdf_is_served_as_a_download(client, uploads):
    response = client.get("/media/events/2026/flyer-d4e5.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="flyer-d4e5.pdf"'


@pytest.mark.parametrize(
    "path",
    [
        "/media/../secret.png",
        "/media/events/../../secret.png",
        "/media/%2e%2e/secret.png",
        "/media/events/2026/%2e%2e%2f%2e%2e%2fsecret.png",
        "/media//etc/passwd",
        "/media/events/2026/notes.txt",
        "/media/events/2026/missing.png",
        "/media/events/2026/",
    ],
)
def test_traversal_and_unknown_files_get_404(client, uploads, path):
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND


def test_media_view_only_answers_get_and_head(client, uploads):
    assert client.post("/media/events/2026/a1b2c3.png").status_code == HTTPStatus.METHOD_NOT_ALLOWED
