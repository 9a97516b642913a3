"""Smoke test: the portal as deployed (gunicorn, DEBUG off, PostgreSQL, Elasticsearch) answers a
few pages and searches with the security headers and cookies production needs.

gunicorn serves the test database (the demo content, committed before the tests) on a loopback
port, behind a pretend TLS proxy: requests carry X-Forwarded-Proto, which the server trusts
because SECURE_PROXY_SSL_HEADER names it, as a deployment behind a proxy does."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection

from practices.models import PracticePage

STAFF = ("smoke-editor", "smoke test passphrase 42")
ONE_YEAR = 60 * 60 * 24 * 365


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict  # the test database pytest-django created
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Portal:
    def __init__(self, port):
        self.port = port

    def request(self, path, method="GET", body=None, headers=None, https=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"X-Forwarded-Proto": "https"} if https else {}
        conn.request(method, path, body=body, headers={**sent, **(headers or {})})
        response = conn.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        conn.close()
        return response


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker, es_client):
    with django_db_blocker.unblock():
        from search.rebuild import rebuild

        User.objects.filter(username=STAFF[0]).delete()
        User.objects.create_user(STAFF[0], password=STAFF[1], is_superuser=True)
        rebuild()
        practice_url = PracticePage.objects.live().public().order_by("pk").first().url
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "smoke-test-secret-key-with-enough-length-and-variety-0123456789",
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    }
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_COOKIES", "ADMIN_MFA_REQUIRED"):
        env.pop(name, None)  # production defaults
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    portal = Portal(port)
    portal.practice_url = practice_url
    try:
        deadline = time.time() + 30
        while True:
            try:
                portal.request("/en/")
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    pytest.fail("gunicorn did not start: " + server.stderr.read().decode()[-2000:])
                time.sleep(0.3)
        yield portal
    finally:
        server.terminate()
        server.wait(timeout=30)
        with django_db_blocker.unblock():
            User.objects.filter(username=STAFF[0]).delete()
        prefix = settings.SEARCH_INDEX_PREFIX
        es_client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


def assert_secure_headers(response):
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "same-origin"
    hsts = response.getheader("Strict-Transport-Security")
    assert hsts and int(hsts.split("max-age=")[1].split(";")[0]) >= ONE_YEAR
    assert "includeSubDomains" in hsts
    assert response.getheader("Content-Security-Policy")


def public_pages(portal):
    return {
        "home": "/en/",
        "practice": portal.practice_url,
        "search page": "/en/search/?q=prison",
        "search API": "/api/v1/search/?q=prison",
        "autocomplete": "/api/v1/autocomplete/?q=pris",
    }


def test_public_pages_answer_with_the_security_headers(portal):
    for name, path in public_pages(portal).items():
        response = portal.request(path)
        assert response.status == 200, (name, response.status, response.text[:500])
        assert_secure_headers(response)
        csp = response.getheader("Content-Security-Policy")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, name


def test_searches_are_served_by_elasticsearch(portal):
    found = json.loads(portal.request("/api/v1/search/?q=prison").text)
    assert found["degraded"] is False and found["count"] > 0
    assert json.loads(portal.request("/api/v1/autocomplete/?q=pris").text)["degraded"] is False


def test_plain_http_is_redirected_to_https(portal):
    response = portal.request("/en/", https=False)
    assert response.status == 301
    assert response.getheader("Location").startswith("https://")


def test_admin_login_sets_secure_cookies_and_leads_to_mfa(portal):
    form = portal.request("/admin/login/")
    assert form.status == 200
    assert_secure_headers(form)
    csrf = SimpleCookie(form.getheader("Set-Cookie"))["csrftoken"]
    assert csrf["secure"]
    body = urlencode({"username": STAFF[0], "password": STAFF[1], "csrfmiddlewaretoken": csrf.value})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf.value}",
        "Referer": f"https://127.0.0.1:{portal.port}/admin/login/",
    }
    logged_in = portal.request("/admin/login/", method="POST", body=body, headers=headers)
    assert logged_in.status == 302, logged_in.text[:1000]
    cookies = SimpleCookie()
    for header in logged_in.headers.get_all("Set-Cookie"):
        cookies.load(header)
    session = cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    # The admin itself waits for a TOTP device.
    admin = portal.request("/admin/", headers={"Cookie": f"sessionid={session.value}"})
    assert admin.status == 302
    assert admin.getheader("Location").startswith("/admin/2fa/devices/new")
