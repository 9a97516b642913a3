"""The public site runs under a CSP without inline code; only the admin's policy is looser."""

import re

import pytest


def policy(response):
    return dict(
        (part.split()[0], part.split()[1:]) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/sr/search/?q=zatvor"])
def test_public_pages_forbid_inline_script_and_style(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_public_pages_hold_no_inline_script_or_style(client):
    html = client.get("/en/", follow=True).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("src=" in tag for tag in scripts)
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html)


@pytest.mark.django_db
def test_only_the_admin_allows_inline_code(client):
    directives = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
