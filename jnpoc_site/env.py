"""Typed readers for environment variables.

Settings are the only module that should import this: every variable the site reads is
listed in README.md ("Settings") and in .env.example.
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; an unset variable gives the default, an empty one gives []."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


_RATE = re.compile(r"^(\d+)\s*/\s*(\d*)\s*([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def env_rate_limit(name: str, default: str) -> tuple[int, int] | None:
    """A rate such as "5/10m" (5 per 10 minutes; units s, m, h, d) as (count, seconds).

    "off" disables the limit (None).
    """
    raw = os.environ.get(name, "").strip().lower() or default
    if raw == "off":
        return None
    match = _RATE.match(raw)
    if not match or int(match[1]) < 1 or match[2] == "0":
        raise ImproperlyConfigured(
            f"{name} must be a number of submissions per period such as 5/10m "
            f"(units s, m, h, d) or off, got {raw!r}."
        )
    return int(match[1]), int(match[2] or 1) * _UNIT_SECONDS[match[3]]
