"""Whole-page cache for anonymous visitors, with exact invalidation.

A public page changes a few times a month; serving it should cost about as much as serving a
file. The first anonymous GET of a page renders it and stores the finished response (headers,
body, a gzip copy) in the shared cache; later requests replay it before any other middleware.

Freshness: every entry records the *generation* it was rendered in, a random token kept in the
same cache and read together with the entry (one round trip to Redis). Any change to published
content (a save or delete of a content model, by the admin, the content command or anything
else) starts a new generation after its transaction commits, so the next request of every page
on every worker finds its entry outdated and renders fresh. The generation also expires on its
own when content changes with time (an edition's registration opening or closing, an event
starting or ending), see `content_changes_by_itself_at`.

Never cached: anything but GET/HEAD, pages outside the public section, query strings other than
pagination, requests from anyone with a session (logged-in staff, visitors mid-form), and
responses that set a cookie, vary on cookies (CSRF forms) or are marked private.
"""

import gzip
import hashlib
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Part of every page key: bump it when CachedPage changes shape, so that entries written by the
# previous release are simply never read.
ENTRY_FORMAT = 2
PAGINATION_PARAMETERS = {"page"}
# Headers a replayed response must not carry over from the stored one.
PER_RESPONSE_HEADERS = {"content-length", "date", "set-cookie", "x-page-cache"}


def cached_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/government/" for code, _name in settings.LANGUAGES)


# --- Generations ------------------------------------------------------------------------------


def current_generation(known: str | None = None) -> str:
    """The generation in force; `known` is a value just read from the cache, if any."""
    generation = known or cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, timeout=_generation_lifetime()):
            generation = cache.get(GENERATION_KEY) or generation  # another worker won the race
    return generation


def invalidate_pages() -> None:
    """Start a new generation: every cached page is stale from the next request on."""
    cache.delete(GENERATION_KEY)


def invalidate_pages_after_commit(**kwargs) -> None:
    # After the commit, or a worker could render the old rows into the new generation.
    transaction.on_commit(invalidate_pages, robust=True)


def content_changes_by_itself_at():
    """The next moment a page changes without anyone saving anything, or None."""
    from events.selectors import next_status_change  # events build on the site, not vice versa

    return next_status_change()


def _generation_lifetime() -> int:
    lifetime = settings.PAGE_CACHE_SECONDS
    moment = content_changes_by_itself_at()
    if moment is not None:
        lifetime = min(lifetime, max(1, int((moment - timezone.now()).total_seconds()) + 1))
    return lifetime


# --- The middleware --------------------------------------------------------------------------


@dataclass
class Variant:
    """One encoding of a cached page: its bytes and its finished response headers."""

    body: bytes
    headers: dict  # ResponseHeaders' own storage: {lower-case name: (name, value)}
    etag: str


@dataclass
class CachedPage:
    generation: str
    status: int
    last_modified: str
    identity: Variant
    gzipped: Variant | None


class PageCacheMiddleware:
    """Outermost middleware: replays cached pages, stores cacheable ones (see module docs)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = cached_prefixes()

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not self._is_cacheable_request(request):
            response = self.get_response(request)
            if request.path.startswith(self.prefixes) and "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-cache"
            return response
        # get_host() validates the Host header too: a disallowed host still gets its 400.
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        # A short, fixed-length key: cache backends check keys character by character.
        key = f"page:{ENTRY_FORMAT}:{hashlib.blake2b(url.encode(), digest_size=16).hexdigest()}"
        try:
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:  # an unreadable entry is a miss, never a failed page
            logger.warning("Page cache entry unreadable; rendering instead", exc_info=True)
            found = {}
        # Read before rendering: if content changes meanwhile, this page is stored under the
        # old generation and the next request renders it again.
        generation = current_generation(found.get(GENERATION_KEY))
        entry = found.get(key)
        if isinstance(entry, CachedPage) and entry.generation == generation:
            return self._replay(request, entry, hit=True)
        response = self.get_response(request)
        if self._is_cacheable_response(response):
            entry = self._store(key, generation, response)
            return self._replay(request, entry, hit=False)
        return response

    def _is_cacheable_request(self, request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and (not request.META.get("QUERY_STRING") or set(request.GET) <= PAGINATION_PARAMETERS)
        )

    @staticmethod
    def _is_cacheable_response(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "cookie" not in response.get("Vary", "").lower()
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def _store(key, generation, response) -> CachedPage:
        kept = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS | {"etag", "last-modified", "vary"}
        ]
        vary = response.get("Vary")
        last_modified = http_date()
        body = response.content
        compress = len(body) > 1024

        def variant(content: bytes, encoding: str | None) -> Variant:
            digest = hashlib.blake2b(body, digest_size=16).hexdigest()
            etag = f'"{digest}-gz"' if encoding else f'"{digest}"'
            prepared = HttpResponse(content, status=response.status_code)
            for name, value in kept:
                prepared[name] = value
            if vary:
                prepared["Vary"] = vary
            if compress:
                patch_vary_headers(prepared, ["Accept-Encoding"])
            if encoding:
                prepared["Content-Encoding"] = encoding
            prepared["Content-Length"] = str(len(content))
            prepared["ETag"] = etag
            prepared["Last-Modified"] = last_modified
            # Browsers and proxies may keep a copy but must ask first: an edit shows at once.
            prepared["Cache-Control"] = "public, no-cache"
            return Variant(content, dict(prepared.headers._store), etag)

        entry = CachedPage(
            generation=generation,
            status=response.status_code,
            last_modified=last_modified,
            identity=variant(body, None),
            gzipped=variant(gzip.compress(body, 6, mtime=0), "gzip") if compress else None,
        )
        cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return entry

    @staticmethod
    def _replay(request, entry: CachedPage, *, hit: bool):
        chosen = entry.identity
        if entry.gzipped is not None and "gzip" in request.headers.get("Accept-Encoding", ""):
            chosen = entry.gzipped
        if _not_modified(request, chosen.etag, entry.last_modified):
            response = HttpResponseNotModified()
            for name in ("etag", "last-modified", "cache-control", "vary"):
                if name in chosen.headers:
                    response[chosen.headers[name][0]] = chosen.headers[name][1]
        else:
            response = HttpResponse(chosen.body, status=entry.status)
            # The headers were validated when the page was stored; copying Django's own header
            # storage skips validating the same strings again on every hit (Django 5.2).
            response.headers._store.update(chosen.headers)
        response["X-Page-Cache"] = "hit" if hit else "miss"
        return response


def _not_modified(request, etag: str, last_modified: str) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in candidates or "*" in candidates
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since is None:
        return False
    since = parse_http_date_safe(if_modified_since)
    modified = parse_http_date_safe(last_modified)
    return since is not None and modified is not None and modified <= since
