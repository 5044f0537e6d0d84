"""Settings for benchmark servers: the project's own, plus the baseline views of bench/urls.py."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
