"""Production configuration never falls back to insecure defaults."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

IMPORT_SETTINGS = "import portal.settings"
PRINT_SETTINGS = "import portal.settings as s; print(repr({names}))"
# Everything production must name; each test gives what it means to.
DEPLOYMENT = {
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_COOKIES",
    "CLIENT_IP_HEADER",
    "ADMIN_MFA_REQUIRED",
    "CACHE_URL",
}
PRODUCTION = {
    "SECRET_KEY": "k7#Qz!p2@Lm9$Vw4&Rt6*Yx1^Bn8%Hc3+Jd5=Fg0~Sa-production-like-secret-value",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
    "ELASTICSEARCH_URL": "https://search.example.org:9200",
}


def run_settings(env, code=IMPORT_SETTINGS):
    clean = {k: v for k, v in os.environ.items() if k not in DEPLOYMENT}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def production_values(names, **env):
    code = PRINT_SETTINGS.format(names="{" + ", ".join(f"{n!r}: getattr(s, {n!r}, None)" for n in names) + "}")
    result = run_settings({**PRODUCTION, **env}, code)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # noqa: S307 - our own repr of plain values


def test_secret_key_is_required_when_debug_is_off():
    result = run_settings({**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_allowed_hosts_are_required_when_debug_is_off():
    result = run_settings({**PRODUCTION, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_load_with_environment():
    result = run_settings(PRODUCTION)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["DATABASE_URL", "ELASTICSEARCH_URL"])
def test_services_are_required_when_debug_is_off(name):
    result = run_settings({k: v for k, v in PRODUCTION.items() if k != name})
    assert result.returncode != 0
    assert f"{name} must be set when DEBUG is off" in result.stderr


def test_development_keeps_its_local_services():
    result = run_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_check_deploy_reports_no_issues_in_production():
    # SQLite: the deploy checks read no database; the rest is the documented production set.
    env = {**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/portal-check-deploy.sqlite3"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**{k: v for k, v in os.environ.items() if k not in DEPLOYMENT}, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_is_on_by_default_in_production():
    values = production_values(
        [
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "WAGTAIL_2FA_REQUIRED",
        ]
    )
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["WAGTAIL_2FA_REQUIRED"] is True


def test_https_settings_come_from_the_environment():
    values = production_values(
        ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"], SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="600"
    )
    assert values == {"SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 600}


def test_the_proxy_ssl_header_is_trusted_only_when_named():
    assert production_values(["SECURE_PROXY_SSL_HEADER"])["SECURE_PROXY_SSL_HEADER"] is None
    named = production_values(["SECURE_PROXY_SSL_HEADER"], SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    assert named["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_database_connections_are_health_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize(
    "password",
    ["short-pass1", "123456789012345", "password12345", "throttled-editor-1"],
    ids=["shorter than 12", "numeric", "common", "like the username"],
)
def test_weak_passwords_are_refused(password):
    user = User(username="throttled-editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_passphrase_is_accepted():
    validate_password("tidal granite orchard lantern", User(username="throttled-editor"))


def test_wagtail_update_check_is_off():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def test_the_default_cache_comes_from_cache_url():
    assert production_values(["CACHES"])["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    shared = production_values(["CACHES"], CACHE_URL="redis://cache.example.org:6379/1")["CACHES"]
    assert shared["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["default"]["LOCATION"] == "redis://cache.example.org:6379/1"
    assert shared["ratelimit"]["BACKEND"].endswith("DatabaseCache")  # the others stay
    result = run_settings({**PRODUCTION, "CACHE_URL": "redis://cache.example.org:6379/1"}, "import redis")
    assert result.returncode == 0, "redis:// needs Redis's client, pinned in requirements.txt"
