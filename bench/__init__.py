"""Benchmarks: `python -m bench` runs every module here; each compares against a baseline
measured in the same run, because shared 2-core machines wander by up to 2x between runs.

A benchmark module defines `main()`; it may use `django_setup()` and `temporary_database()`.
"""

import contextlib
import os
import time
from collections.abc import Callable, Iterator


def django_setup() -> None:
    """Configure Django for a benchmark: production-like (DEBUG off) but runnable locally."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()


@contextlib.contextmanager
def temporary_database() -> Iterator[None]:
    """A fresh, migrated test database (the test settings' name), destroyed afterwards."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def best_of(function: Callable[[], object], *, repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds: the run least disturbed by neighbours."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)
