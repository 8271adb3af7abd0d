"""Settings shared by every environment, one module per concern. Everything that differs comes
from the environment; local.py, test.py and production.py start from these.

The order matters only where a module adds to another's setting (the beat schedule in celery.py)
or reads one (jwt.py the secret key, ratelimits.py the Redis URL).
"""

from docket.core.logging import logging_config  # noqa: F401 - production.py renders LOGGING again

from .env import BASE_DIR, REPO_DIR, env  # noqa: F401

# In this order, so that the beat schedule lists its tasks as it always did.
# isort: off
from .django import *  # noqa: F403
from .database import *  # noqa: F403
from .cache import *  # noqa: F403
from .celery import *  # noqa: F403
from .relay import *  # noqa: F403
from .idempotency import *  # noqa: F403
from .purge import *  # noqa: F403
from .webhooks import *  # noqa: F403
from .channels import *  # noqa: F403
from .realtime import *  # noqa: F403
from .email import *  # noqa: F403
from .auth import *  # noqa: F403
from .jwt import *  # noqa: F403
from .oauth import *  # noqa: F403
from .api import *  # noqa: F403
from .ratelimits import *  # noqa: F403
from .openapi import *  # noqa: F403
from .cors import *  # noqa: F403
from .observability import *  # noqa: F403
# isort: on
