"""The two cache backends: Redis (REDIS_URL) and, without it, files under var/cache.

The Redis backend degrades to "no cache" when Redis is down instead of failing pages: a read or
write that hits a Redis error is logged and answered as a miss (or a no-op), and for a few
seconds afterwards Redis is not even tried, so a dead server does not add its connection
timeout to every request. The file backend is shared by every worker on the machine.
"""

import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
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


class UncompressedFileCache(FileBasedCache):
    """Django's file cache without its zlib step.

    The cache holds finished pages (with their own gzip copy); compressing them again on every
    write and inflating them on every hit cost more than the rest of a cache hit together. The
    files live on local disk, so their size does not matter.
    """

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(f.read())  # noqa: S301 (our own files, never uploaded)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, _MISSING, version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version)
        return True


_MISSING = object()
