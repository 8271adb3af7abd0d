from django.apps import AppConfig
from django.core.signals import request_finished


class CoreConfig(AppConfig):
    name = "docket.core"
    label = "core"

    def ready(self) -> None:
        from docket.core.metrics import record_pool_use

        # After django.db's own receiver (connected at import), which returns the connections
        # to the pool: the gauges then show what other requests still hold.
        request_finished.connect(record_pool_use, dispatch_uid="docket.metrics.pool_use")
