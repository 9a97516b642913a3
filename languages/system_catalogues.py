"""Montenegrin strings for Django and Wagtail themselves (admin, forms, validation, dates).

Neither ships a `cnr` catalogue. We build one, `locale-system/cnr/LC_MESSAGES/*.mo`, from the
catalogues they ship for the languages of Montenegrin's fallback chain: Serbian Latin
first, then Serbian Cyrillic transliterated to Latin, then Bosnian and Croatian (Wagtail 7
ships no `sr_Latn` and an almost empty `sr`; its admin is fully translated only in `hr_HR`).
`locale-system` comes after `locale` in LOCALE_PATHS, so the portal's own `cnr` strings
win; no other language's translation object is touched.

.mo files are build output (git-ignored): `scripts/setup.sh` runs
`manage.py build_system_catalogues` after `compilemessages`.
"""

import struct
from array import array
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

from languages.transliteration import cyrillic_to_latin

TARGET = "cnr"
# Montenegrin's chain (languages.fallbacks: cnr -> sr-latn -> bs -> hr) as gettext locale names.
SOURCE_LOCALES = ("sr_Latn", "sr", "bs", "hr", "hr_HR")
DOMAINS = ("django", "djangojs")
MO_MAGIC = 0x950412DE


def output_dir():
    return Path(settings.BASE_DIR) / "locale-system"


def system_locale_dirs():
    """Third-party apps' locale directories in Django's priority order, then Django's own."""
    dirs = [Path(config.path) / "locale" for config in apps.get_app_configs() if not is_ours(config)]
    return [d for d in dirs if d.is_dir()] + [Path(django.__file__).parent / "conf" / "locale"]


def is_ours(config):
    """The portal's own apps (their strings are in LOCALE_PATHS), not installed packages."""
    path = Path(config.path).resolve()
    return Path(settings.BASE_DIR).resolve() in path.parents and "site-packages" not in path.parts


def read_mo(path):
    """{raw msgid: raw translation} of a .mo file, plural and context keys kept whole."""
    data = path.read_bytes()
    order = "<" if struct.unpack("<I", data[:4])[0] == MO_MAGIC else ">"
    count, originals, translations = struct.unpack(order + "3I", data[8:20])
    entries = {}
    for index in range(count):
        length, offset = struct.unpack(order + "2I", data[originals + 8 * index : originals + 8 * index + 8])
        t_length, t_offset = struct.unpack(order + "2I", data[translations + 8 * index : translations + 8 * index + 8])
        entries[data[offset : offset + length]] = data[t_offset : t_offset + t_length]
    return entries


def write_mo(path, entries):
    """A .mo file (GNU format, as Python's msgfmt writes it) of `entries`, keys sorted."""
    keys = sorted(entries)
    ids, strs, offsets = b"", b"", []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(entries[key])))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets, value_offsets = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_offsets += [id_length, id_offset + key_start]
        value_offsets += [str_length, str_offset + value_start]
    header = struct.pack("Iiiiiii", MO_MAGIC, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + array("i", key_offsets + value_offsets).tobytes() + ids + strs)


def merged_catalogue(domain):
    """Every system message of `domain`: the closest language wins, then the app Django prefers."""
    entries = {}
    localedirs = system_locale_dirs()
    for locale in SOURCE_LOCALES:
        for localedir in localedirs:
            path = localedir / locale / "LC_MESSAGES" / f"{domain}.mo"
            if not path.exists():
                continue
            for key, value in read_mo(path).items():
                if key and key not in entries and value:
                    entries[key] = cyrillic_to_latin(value.decode("utf-8")).encode("utf-8")
    return entries


def catalogue_header():
    plural = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    return f"Content-Type: text/plain; charset=UTF-8\nLanguage: {TARGET}\nPlural-Forms: {plural}\n".encode()


def build():
    """Writes the cnr catalogues; returns {path: number of messages}."""
    written = {}
    for domain in DOMAINS:
        entries = merged_catalogue(domain)
        entries[b""] = catalogue_header()
        path = output_dir() / TARGET / "LC_MESSAGES" / f"{domain}.mo"
        write_mo(path, entries)
        written[path] = len(entries) - 1
    return written
