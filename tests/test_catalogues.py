"""Every interface string is translated in every language, and the catalogues match the code."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import allauth
import polib
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
    # The checkout as `make messages` reads it: every app, the project (settings, base templates),
    # the modules that are no app (roles), the catalogues; not the virtualenv, var/ or build output.
    ignore = shutil.ignore_patterns(
        ".git",
        ".venv",
        "var",
        "static_collected",
        "locale-system",
        ".*_cache",
        "__pycache__",
        "*.mo",
        "analysis-plugin",
    )
    copy = tmp_path / "checkout"
    shutil.copytree(base, copy, ignore=ignore)
    env = {**os.environ, "DEBUG": "1", "PORTAL_VAR_DIR": str(tmp_path / "var")}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sq", "--no-obsolete", "-v", "0"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = copy / "locale" / "sq" / "LC_MESSAGES" / "django.po"
    assert msgids(fresh) == msgids(catalogue("sq")), "run `make messages` and translate the new strings"


# locale-allauth: django-allauth's strings in the languages it ships no catalogue for ----------------
ALLAUTH_LOCALES = ("sq", "bs", "mk")
# The allauth files behind the pages the portal mounts and does not override (e-mail addresses,
# password change and set, reauthentication, TOTP, recovery codes, the inactive account), their
# messages and form errors, as paths in the references of allauth's own catalogues.
ALLAUTH_USED = (
    r"^account/(forms|adapter|fields)\.py$",
    r"^mfa/(adapter|models)\.py$",
    r"^mfa/.*forms\.py$",
    r"^templates/account/(email|password_change|password_set|reauthenticate|base_reauthenticate)\.html$",
    r"^templates/account/snippets/warn_no_email\.html$",
    r"^templates/account/(account_inactive|verified_email_required|signup_closed)\.html$",
    r"^templates/account/messages/",
    r"^templates/mfa/messages/",
    r"^templates/mfa/(index|authenticate|reauthenticate)\.html$",
    r"^templates/mfa/(totp|recovery_codes)/",
)


def allauth_catalogue(locale):
    return Path(settings.BASE_DIR) / "locale-allauth" / locale / "LC_MESSAGES" / "django.po"


def allauth_used_entries():
    """(msgctxt, msgid) of every entry of allauth's Croatian catalogue that those files use."""
    reference = Path(allauth.__file__).parent / "locale" / "hr" / "LC_MESSAGES" / "django.po"
    used = {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(reference))
        if not entry.obsolete
        and any(re.search(pattern, path) for path, _line in entry.occurrences for pattern in ALLAUTH_USED)
    }
    assert len(used) > 100, "allauth's catalogue no longer names these files: update ALLAUTH_USED"
    return used


@pytest.mark.parametrize("locale", ALLAUTH_LOCALES)
def test_allauth_catalogue_compiles_and_translates_every_string_of_the_pages(locale):
    path = allauth_catalogue(locale)
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    translated = {
        (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if entry.translated() and not entry.obsolete
    }
    missing = allauth_used_entries() - translated
    assert not missing, f"{locale}: allauth strings of the portal's pages untranslated: {sorted(missing, key=str)}"
