"""Production configuration never falls back to insecure defaults."""

import os
import subprocess
import sys

from django.conf import settings

IMPORT_SETTINGS = "import portal.settings"


def run_settings(env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "-c", IMPORT_SETTINGS],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_secret_key_is_required_when_debug_is_off():
    result = run_settings({"ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_allowed_hosts_are_required_when_debug_is_off():
    result = run_settings({"SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_load_with_environment():
    result = run_settings({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode == 0, result.stderr


def test_wagtail_update_check_is_off():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
