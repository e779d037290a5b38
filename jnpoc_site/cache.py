"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing pages.

A read or write that hits a Redis error is logged and answered as a miss (or a no-op); for a
few seconds afterwards Redis is not even tried, so a dead server does not add its connection
timeout to every request.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    _down_until = 0.0  # shared by the instances of a process: Redis is one server

    def _guarded(self, fallback, operation, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as error:
            logger.warning("Cache unavailable, serving without it: %s", type(error).__name__)
            ResilientRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().add, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded(None, super().incr, key, delta, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded(None, super().delete_many, keys, version)

    def clear(self):
        return self._guarded(None, super().clear)
