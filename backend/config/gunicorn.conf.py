"""Production serving: gunicorn supervising uvicorn workers (`gunicorn -c config/gunicorn.conf.py`).

- Workers: one per core (WEB_CONCURRENCY overrides). Each worker is an asyncio process whose
  sync views run one at a time on its thread (Django's thread-sensitive sync_to_async), so a
  worker per core keeps both cores busy without the memory of more processes; bench/README.md
  has the figures for 1, 2 and 4 workers on the 2-core host.
- The application is imported once in the master (`preload_app`) and `gc.freeze()` moves every
  object made by the imports into the permanent generation before the fork: the collector of
  a worker never walks (and so never writes to) those pages, and they stay shared between the
  workers instead of being copied on write.
- Database connections: each worker has a psycopg pool per alias of at most DB_POOL_MAX_SIZE
  connections (settings); workers x aliases x that size must stay under PostgreSQL's
  max_connections. Nothing connects in the master: Django opens its pools lazily.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# uvicorn with the websocket frame limit (config/uvicorn_worker.py).
worker_class = "config.uvicorn_worker.DocketUvicornWorker"
preload_app = True
wsgi_app = "config.asgi:application"
# Requests can hold a worker up to the statement timeout; the default 30 s would kill it first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
accesslog = None  # one JSON line per request comes from the application's own middleware
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# The load balancer in front terminates TLS and sets X-Forwarded-*; gunicorn trusts none of it
# unless FORWARDED_ALLOW_IPS names that balancer (the application reads only what it allows).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")


def pre_fork(server, worker) -> None:  # gunicorn's hook signature
    # The app is loaded: freeze what the imports made, so forked workers share those pages.
    gc.freeze()


def child_exit(server, worker) -> None:  # gunicorn's hook signature
    # A dead worker's live gauges (pool connections) must stop counting in /metrics.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
