"""Logs and metrics (docket.core.logging, docket.core.metrics; docs/observability.md)."""

from docket.core.logging import logging_config

from .env import env

# The API's /metrics answers only this bearer token (no token: no endpoint). The worker serves
# its own on this port (0: none), never published beyond the host or the cluster network.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
WORKER_METRICS_PORT = env.int("WORKER_METRICS_PORT", default=0)
WORKER_METRICS_ADDRESS = env.str("WORKER_METRICS_ADDRESS", default="127.0.0.1")

LOG_FORMAT = env.str("LOG_FORMAT", default="console")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL)
