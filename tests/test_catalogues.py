"""Every interface string is translated in every language, and the catalogues match the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LOCALES = ("sq", "bs", "hr", "cnr", "sr", "sr_Latn", "mk")


def catalogue(locale):
    return Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_is_complete_and_valid(locale):
    path = catalogue(locale)
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    for flag in ("--untranslated", "--only-fuzzy"):
        out = subprocess.run(["msgattrib", flag, "--no-obsolete", str(path)], capture_output=True, text=True).stdout
        assert out.strip() == "", f"{locale}: entries {flag}:\n{out[:2000]}"


def msgids(path):
    out = subprocess.run(
        ["msgcat", "--no-location", "--no-wrap", "--sort-output", str(path)], capture_output=True, text=True
    )
    return {line for line in out.stdout.splitlines() if line.startswith(("msgid ", "msgid_plural "))}


def test_catalogues_are_not_stale_against_the_code(tmp_path):
    """Extract the strings from a copy of the code; the catalogue must hold exactly them."""
    base = Path(settings.BASE_DIR)
    ignore = shutil.ignore_patterns("__pycache__", "*.mo", "analysis-plugin")
    # The project's own apps (whatever INSTALLED_APPS lists from this checkout), the project
    # package (settings, base templates: it is no app), top-level modules and the catalogues.
    own_apps = {app.split(".")[0] for app in settings.INSTALLED_APPS if (base / app.split(".")[0]).is_dir()}
    project = settings.SETTINGS_MODULE.split(".")[0]
    for name in (*sorted(own_apps | {project}), "locale"):
        shutil.copytree(base / name, tmp_path / name, ignore=ignore)
    for module in base.glob("*.py"):
        shutil.copy(module, tmp_path / module.name)
    env = {**os.environ, "DEBUG": "1", "PORTAL_VAR_DIR": str(tmp_path / "var")}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sq", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = tmp_path / "locale" / "sq" / "LC_MESSAGES" / "django.po"
    assert msgids(fresh) == msgids(catalogue("sq")), "run `make messages` and translate the new strings"
