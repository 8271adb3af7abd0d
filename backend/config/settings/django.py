"""Django itself: the keys, hosts, apps, middleware, URLconf, templates, the staff admin,
language and time, static files."""

from .env import BASE_DIR, env

# From the environment. Without it, local development uses a key generated for the machine
# (settings/local.py), tests one per run, and production refuses to start.
SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    # migrate_with_timeouts (setup_databases) and the safer migration operations.
    "django_pg_migration_tools",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "docket.core",
    "docket.accounts",
    "docket.workspaces",
    "docket.projects",
    "docket.issues",
    "docket.realtime",
    "docket.notifications",
    "docket.integrations",
    "docket.analytics",
    "docket.demo",
]

MIDDLEWARE = [
    "docket.http.middleware.RequestIdMiddleware",
    "docket.http.middleware.AccessLogMiddleware",
    "docket.http.middleware.ProblemFallbackMiddleware",
    "docket.http.compression.CompressionMiddleware",
    "docket.http.middleware.PrivateCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "docket.http.middleware.PrimaryDatabasePinMiddleware",
    "docket.http.middleware.RateLimitHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "docket.http.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Admin: staff only, at a path from the environment ---------------------------------------
# Off unless enabled: `make run` turns it on for the local staff account.
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=False)
ADMIN_URL = env.str("ADMIN_URL", default="admin/")

# --- I18N / time -----------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise serves the admin and the API docs' assets (Swagger UI, Redoc) from this process,
# so the docs work without a CDN or a separate web server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=False)
