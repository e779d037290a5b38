"""Serving uploads in the embedded default (DJANGO_SERVE_MEDIA), safely.

whitenoise serves only collected static files, never uploads. This view serves files under
MEDIA_ROOT whose type we accept for upload (images, PDF), with the type taken from the name we
generated, nosniff, and PDFs as downloads. In production a front web server does the same job
(README.md, Production).
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

SERVED_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}


@require_safe
def serve_media(request, path):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception:  # SuspiciousFileOperation for ../ or absolute paths
        raise Http404 from None
    content_type = SERVED_TYPES.get(full_path.suffix.lower())
    if content_type is None or not full_path.is_file():
        raise Http404
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Names are generated per upload, so a URL's content never changes.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    if content_type == "application/pdf":
        response["Content-Disposition"] = f'attachment; filename="{full_path.name}"'
    else:
        response["Content-Disposition"] = "inline"
    return response
