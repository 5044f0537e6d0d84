"""Settings for benchmark servers: the project's own plus the baselines of _server_urls.py."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench._server_urls"
