"""The cache: Redis when configured, a file cache shared by local workers otherwise; never fatal."""

import time
import uuid

import pytest
import redis

from jnpoc_site.cache import ResilientRedisCache, UncompressedFileCache

LIVE_REDIS = "redis://127.0.0.1:6379/13"
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def redis_is_up():
    try:
        return redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def make_cache(location):
    ResilientRedisCache._down_until = 0.0
    return ResilientRedisCache(
        location,
        {
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    )


def test_default_cache_without_redis_is_a_file_cache_under_var(settings):
    assert settings.CACHES["default"]["BACKEND"] == "jnpoc_site.cache.UncompressedFileCache"
    assert settings.CACHES["default"]["LOCATION"] == str(settings.VAR_DIR / "cache")


def test_file_cache_is_shared_between_two_instances_like_two_workers(tmp_path):
    worker_a = UncompressedFileCache(str(tmp_path), {})
    worker_b = UncompressedFileCache(str(tmp_path), {})
    worker_a.set("page", b"v1" * 1000)
    assert worker_b.get("page") == b"v1" * 1000
    assert worker_b.touch("page", 60) is True
    assert worker_a.get("page") == b"v1" * 1000
    worker_b.delete("page")
    assert worker_a.get("page") is None
    assert worker_a.touch("page") is False


def test_file_cache_entries_expire(tmp_path):
    cache = UncompressedFileCache(str(tmp_path), {})
    cache.set("page", "v1", timeout=-1)
    assert cache.get("page", "expired") == "expired"
    assert cache.add("page", "v2") is True
    assert cache.get("page") == "v2"


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_redis_cache_stores_and_reads(settings):
    cache = make_cache(LIVE_REDIS)
    cache.set("k", {"a": 1}, 30)
    assert cache.get("k") == {"a": 1}
    assert cache.get_many(["k", "missing"]) == {"k": {"a": 1}}
    cache.delete("k")
    assert cache.get("k", "gone") == "gone"


def test_redis_outage_degrades_to_misses_and_stops_retrying_for_a_while(caplog):
    cache = make_cache(DEAD_REDIS)
    assert cache.get("k", "default") == "default"
    assert cache.set("k", "v") is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", "v") is False
    assert "Cache unavailable" in caplog.text
    started = time.monotonic()
    for _ in range(50):
        cache.get("k")
    assert time.monotonic() - started < 0.5, "no connection attempts while marked down"
