"""Who is the client? The one place that reads the client address (admin lockout, rate limits).

REMOTE_ADDR is the peer of the connection. Behind a reverse proxy listed in FORWARDED_ALLOW_IPS
that peer is the proxy, and the client is the right-most address of X-Forwarded-For that is
not itself a trusted proxy (every proxy appends; only trusted ones are believed).
"""

import ipaddress

from django.conf import settings


def _is_trusted(address: str) -> bool:
    trusted = settings.TRUSTED_PROXIES
    if "*" in trusted:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in trusted:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _is_trusted(hop):
            return hop
    return address
