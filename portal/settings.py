"""The portal's one settings module, driven by environment variables.

Development defaults (SQLite under var/, a local Elasticsearch) apply only when DEBUG is on;
with DEBUG off the secret key, allowed hosts, database and Elasticsearch must come from the
environment, and HTTPS (redirect, HSTS, secure cookies) and MFA for the admin are on.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_cache_url
from django.core.exceptions import ImproperlyConfigured

from languages.codes import DEFAULT_LANGUAGE, PORTAL_LANGUAGES, register_montenegrin
from languages.fallbacks import modeltranslation_fallbacks

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name, development_default):
    """A service's address: a default for development only; production names it explicitly."""
    value = os.environ.get(name, "")
    if value:
        return value
    if not DEBUG:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG is off.")
    return development_default


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A post without a valid token gets a page in the visitor's language that says what happened.
CSRF_FAILURE_VIEW = "portal.csrf.csrf_failure"

# HTTPS ---------------------------------------------------------------------------------
# On by default when DEBUG is off; each can be turned off (e.g. a test server on loopback).
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The header only allows a later submission to the browsers' preload list; it submits nothing.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Only a proxy that sets this header (and strips it from clients) may tell Django a request
# came over HTTPS: trusted when the deployment names it, e.g. HTTP_X_FORWARDED_PROTO.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
# Where the client's address is, for rate limits and login throttling (ratelimits/clients.py):
# the socket's address unless a proxy in front sets this header, e.g. HTTP_X_FORWARDED_FOR.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    # Before wagtail.admin: security's templates (the lockout page) and wagtail_2fa's views.
    "security",
    "caching",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    # Before allauth: the portal's own sign-up, login and e-mail templates.
    "accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "languages",
    "home",
    "practices",
    "instrument",
    "search",
    "curation",
    "printing",
    "translations",
    "news",
    "exchange",
    "feedback",
    "results",
    "publications",
    "demo",
    "backups",
    "ratelimits",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost but one: it sees the cookies every other layer set (caching/headers.py).
    "caching.headers.CacheControlMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: a 429 speaks the visitor's language.
    "security.ratelimit.RateLimitMiddleware",
    "security.csp.ScopedCSPMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff reach the admin only with a verified TOTP device (or on their way to set one up).
    "wagtail_2fa.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "languages.context_processors.html_language",
                "search.context_processors.search_limits",
                "caching.context_processors.fragments",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_required("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A persistent connection the database dropped is replaced, not handed to a request.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logins --------------------------------------------------------------------------------
# django-axes counts failed logins on every login form that calls authenticate() with the
# request (the Wagtail admin's, Django's, allauth's): after LOGIN_FAILURE_LIMIT failures from
# one address for one username, that login is refused for LOGIN_LOCKOUT_MINUTES, even with the
# right password; each attempt during the lockout starts it again.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The public login (accounts/) signs in by e-mail address.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "ratelimits.clients.client_ip"
# The admin's form posts a username, the public login (allauth) an e-mail address as `login`.
AXES_USERNAME_CALLABLE = "security.clients.login_name"
AXES_LOCKOUT_CALLABLE = "security.lockout.locked_out"
# MFA (wagtail-2fa, on django-otp): everyone who can use the admin logs in with a TOTP code,
# and is taken to set up a device first if they have none. Off only on request (development).
WAGTAIL_2FA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", not DEBUG)
WAGTAIL_2FA_OTP_TOTP_NAME = os.environ.get("ADMIN_MFA_ISSUER", "WB Practice Portal")

# Professionals' accounts (django-allauth, accounts/) --------------------------------------
# /<lang>/accounts/signup/ is the access request: e-mail and password, plus the fields of
# accounts.forms.AccessRequestForm. The address is confirmed by a link before the first login;
# a focal point then verifies the request (docs/accounts.md).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts_profile"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.AccessRequestForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# A duplicate address gets a clear error on the sign-up form (the issue asks for it), which also
# tells whether an address has an account: allauth's enumeration prevention is off.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Failed logins are counted by django-axes (shared in the database, per address and login, with a
# page in the visitor's language), not a second time by allauth in a per-process cache.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
# TOTP for everyone who wants it, on the public login (/<lang>/accounts/2fa/). The admin keeps
# wagtail-2fa (above), required for staff.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = WAGTAIL_2FA_OTP_TOTP_NAME

# Internationalisation ---------------------------------------------------------------
register_montenegrin()
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Belgrade"
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = [(code, name) for code, name in PORTAL_LANGUAGES]
# locale-allauth: django-allauth's strings in Albanian, Bosnian and Macedonian, for which allauth
# ships no catalogue (its e-mail, password and MFA pages; docs/accounts.md). locale-system:
# Django's and Wagtail's strings for Montenegrin, built by setup (languages/system_catalogues.py).
# Both come after `locale`, so the portal's own strings win where a msgid is shared.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-allauth", BASE_DIR / "locale-system"]
FORMAT_MODULE_PATH = ["languages.formats"]  # date and number formats for cnr

MODELTRANSLATION_DEFAULT_LANGUAGE = DEFAULT_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in PORTAL_LANGUAGES)
# Per-language chains ending in English, from languages/fallbacks.py (docs/translation.md).
# Slugs and URL paths keep falling back to English only (LanguagesConfig.ready), which is
# what keeps every generated URL resolvable.
MODELTRANSLATION_FALLBACK_LANGUAGES = modeltranslation_fallbacks()
# Practices may exist only in their original language, so English is never required.
MODELTRANSLATION_ENABLE_REGISTRATIONS = True

# Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
# The base templates' stylesheet; every app's own static files are found in the app.
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Caches -------------------------------------------------------------------------------
# Generated PDFs (printing/cache.py) are kept as files, shared by every worker process and
# kept across restarts; their keys name the page revision, so publishing needs no purge.
# The default cache (fragments, search visibility) from CACHE_URL: each process's memory by
# default; with several web processes a shared one, e.g. redis://cache:6379/1 (Django's
# RedisCache) or pymemcache://cache:11211, so that a publish renews every process's menu.
CACHES = {
    "default": django_cache_url.parse(os.environ.get("CACHE_URL") or "locmem://"),
    # Rate-limit counters (security/ratelimit.py), shared by every worker and server through
    # the database: no service beyond PostgreSQL. Its table: `manage.py createcachetable`.
    # Every write counts the table's rows (Django's culling), so it is kept small: a counter
    # lives one window, and expired ones go first when it is full.
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "printing": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PRINTING_CACHE_DIR", str(VAR_DIR / "cache" / "pdf")),
        "TIMEOUT": 60 * 60 * 24 * 30,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Seconds browsers and shared caches may keep an anonymous page (caching/headers.py), and
# the cached menu and footer at most (every publish renews them: caching/fragments.py).
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "300"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))

# Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Western Balkans Prison and Probation Practice Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False  # one page tree; languages are fields (modeltranslation)
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents pass through Django, so privacy applies
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# E-mail: workflow notifications (links use WAGTAILADMIN_BASE_URL), account confirmations and
# decisions. Printed on the console in development (`make run`), sent over SMTP otherwise.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# Search (our Elasticsearch index, see search/) --------------------------------------
ELASTICSEARCH_URL = env_required("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
# Index and alias names start with this, so environments sharing a cluster never collide.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal-dev")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "5"))
# Circuit breaker (search/client.py): after this many requests in a row without an answer,
# Elasticsearch is skipped for this many seconds, so a slow node costs one timeout, not one
# per request.
SEARCH_BREAKER_FAILURES = int(os.environ.get("SEARCH_BREAKER_FAILURES", "2"))
SEARCH_BREAKER_SECONDS = float(os.environ.get("SEARCH_BREAKER_SECONDS", "10"))
# How long the visibility of pages (search/visibility.py) is cached at most; every change
# through Wagtail invalidates it at once.
SEARCH_VISIBILITY_TTL = int(os.environ.get("SEARCH_VISIBILITY_TTL", "300"))
# Days of search analytics kept (curation: purge_search_analytics deletes older ones).
SEARCH_ANALYTICS_RETENTION_DAYS = int(os.environ.get("SEARCH_ANALYTICS_RETENTION_DAYS", "180"))

# Rate limits per client (security/ratelimit.py): "requests/period", period s, m or h.
RATE_LIMIT_CACHE = "ratelimit"
RATE_LIMITS = {
    "/api/v1/search/": os.environ.get("RATE_LIMIT_SEARCH", "60/m"),
    "/api/v1/autocomplete/": os.environ.get("RATE_LIMIT_AUTOCOMPLETE", "120/m"),
}
# Opened search results counted per client (curation: /<lang>/search/open/); over it the
# visitor is still redirected, but the open is not counted.
RATE_LIMIT_SEARCH_OPEN = os.environ.get("RATE_LIMIT_SEARCH_OPEN", "30/m")

# Seconds the results page's charts are kept at most (results/freshness.py): every record,
# publish or import renews them at once; only the download counts lag by up to this much.
RESULTS_CACHE_SECONDS = int(os.environ.get("RESULTS_CACHE_SECONDS", "300"))

# "Was this helpful?" (feedback/) ---------------------------------------------------------
# Answers per client address and period (s, m, h, d), counted in RATE_LIMIT_CACHE.
RATE_LIMIT_FEEDBACK = os.environ.get("RATE_LIMIT_FEEDBACK", "10/h")
# An answer sent sooner than this after the form was rendered is a program's; later than this, stale.
FEEDBACK_MIN_SECONDS = int(os.environ.get("FEEDBACK_MIN_SECONDS", "2"))
FEEDBACK_MAX_FORM_AGE = 2 * 24 * 3600
FEEDBACK_PAGE_TYPES = {
    "practices.practicepage",
    "practices.guidepage",
    "practices.screeningtoolpage",
    "news.newspage",
    "news.eventpage",
}

# Content-Security-Policy (django-csp; security/csp.py) ----------------------------------
# The public site runs only its own script files: no inline script, no inline style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *env_list("CSP_FRAME_SRC")],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (/admin/) still writes inline scripts and style attributes (its page
# editor, choosers, the rich-text editor), so it gets its own, looser policy: inline allowed
# there only, for logged-in staff behind MFA. Everything else stays as above.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    # The page editor's preview panel frames the admin's own preview view.
    "frame-ancestors": ["'self'"],
}
ADMIN_PATH_PREFIX = "/admin/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
