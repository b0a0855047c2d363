"""Reunify's one settings module. Everything that varies by deployment comes from the
environment (see docs/operations.md for the list); a bad value stops start-up."""

import secrets
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from reunify.config.database import database_settings
from reunify.config.environment import env_bool, env_int, env_list, env_path, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = env_path("REUNIFY_DATA_DIR", PROJECT_DIR / "data")

DEPLOYMENT = env_str("REUNIFY_DEPLOYMENT", "development")
if DEPLOYMENT not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"REUNIFY_DEPLOYMENT must be 'development' or 'production', got {DEPLOYMENT!r}"
    )
IN_PRODUCTION = DEPLOYMENT == "production"


def _secret_key() -> str:
    configured = env_str("SECRET_KEY", "")
    if configured:
        if len(configured) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long")
        return configured
    if IN_PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when REUNIFY_DEPLOYMENT=production")
    # A development machine keeps one generated key, so sessions survive a restart
    # without anyone committing a key to the repository.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if IN_PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "reunify.accounts",
    "reunify.audit",
    "reunify.families",
    "reunify.elections",
    "reunify.removals",
    "reunify.imports",
    "reunify.linkage",
    "reunify.tracing",
    "reunify.oversight",
    "reunify.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "reunify.web.headers.StrictHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "reunify.accounts.session_limits.SessionLimitsMiddleware",
    "reunify.accounts.second_factor_middleware.SecondFactorMiddleware",
    "reunify.accounts.password_change_middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reunify.config.urls"
WSGI_APPLICATION = "reunify.config.wsgi.application"

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
                "reunify.web.capabilities.may",
            ],
        },
    },
]

DATABASES = {
    "default": database_settings(
        env_str("DATABASE_URL", ""), sqlite_path=DATA_DIR / "reunify.sqlite3"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
# Supervisors, auditors and administrators also give an authenticator-app code (TOTP).
# Not read from the environment, so no deployment can switch it off; only the test suite
# does, for tests that are not about sign-in (tests/conftest.py).
REUNIFY_SECOND_FACTOR_REQUIRED = True

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT failures for one user name from
# one address, that pair waits AXES_COOLOFF_TIME. Keyed by the pair so that nobody can
# lock a colleague out from elsewhere; the user name is counted whether or not it
# exists, so a locked-out answer says nothing about which accounts exist.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False  # the attempts are rows in the database, not lines in the logs
# The client's address: REMOTE_ADDR, unless REUNIFY_PROXY_COUNT trusted proxies stand in
# front and X-Forwarded-For can be believed (otherwise anyone could forge it).
REUNIFY_PROXY_COUNT = env_int("REUNIFY_PROXY_COUNT", 0, minimum=0)
AXES_IPWARE_PROXY_COUNT = REUNIFY_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if REUNIFY_PROXY_COUNT else ("REMOTE_ADDR",)
)
LOGIN_REDIRECT_URL = "families:search"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("pt", "Português")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("REUNIFY_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# collectstatic fills STATIC_ROOT in production; elsewhere WhiteNoise reads the apps directly.
STATIC_ROOT = env_path("STATIC_ROOT", DATA_DIR / "static") if IN_PRODUCTION else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IN_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without collectstatic (development, tests) WhiteNoise serves straight from the apps.
WHITENOISE_USE_FINDERS = not IN_PRODUCTION
MEDIA_ROOT = DATA_DIR / "media"

# Sessions: short and tied to the browser, ended after SESSION_IDLE_SECONDS without a
# request and SESSION_ABSOLUTE_SECONDS after sign-in (accounts.session_limits).
# (SESSION_COOKIE_AGE, the earlier name of the absolute limit, is still read.)
SESSION_ABSOLUTE_SECONDS = env_int(
    "SESSION_ABSOLUTE_SECONDS", env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=60), minimum=60
)
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
if IN_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Pages list this many rows; the API lets a client ask for up to API_MAX_PAGE_SIZE.
PAGE_SIZE = env_int("REUNIFY_PAGE_SIZE", 25, minimum=1)
API_MAX_PAGE_SIZE = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Request logs carry URLs only; Reunify never puts personal data in a URL.
    # WeasyPrint narrates every step of every PDF at INFO.
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # every sign-in at INFO is noise; lockouts warn
        "fontTools": {"level": "WARNING"},
    },
}
