"""Test set-up shared by every app: demo content loaded once, real services required in CI, the browser."""

import os
from contextlib import contextmanager

import pytest
from django.conf import settings

REQUIRE_SERVICES = bool(os.environ.get("PORTAL_REQUIRE_SERVICES") or os.environ.get("CI"))

# Debian's Chromium, as root, in a container, without a GPU or anything that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    # Browser tests run against a live server in transactional mode, which empties the
    # database afterwards: run them last, after every test that reads the demo content.
    # Tests that stop and restart the Elasticsearch node go just before them.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.get_closest_marker("es_restart") is not None,
        )
    )


def pytest_sessionstart(session):
    if REQUIRE_SERVICES and "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.exit("CI runs the suite against PostgreSQL: set DATABASE_URL (make test does)", returncode=3)


@pytest.fixture(scope="session", autouse=True)
def plain_http():
    """The test client and the live server speak plain HTTP on loopback, so the production redirect
    to HTTPS is off here; tests/test_settings.py and the smoke test (tests/test_production.py) check it.
    Session-wide, before the live server starts: SecurityMiddleware reads the setting once."""
    settings.SECURE_SSL_REDIRECT = False


def totp_code(device):
    """The code an authenticator app shows now for a django-otp TOTP device (its key is hex)."""
    import base64

    import pyotp

    return pyotp.TOTP(base64.b32encode(device.bin_key).decode()).now()


@pytest.fixture
def totp():
    return totp_code


@pytest.fixture
def client():
    """pytest-django's client, whose force_login also passes the admin's MFA (a confirmed TOTP device
    for the user, verified in the session), as every staff member does after logging in.
    security/tests/test_admin_mfa.py tests the MFA itself with a plain Client."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    class VerifiedClient(Client):
        def force_login(self, user, backend=None):
            super().force_login(user, backend)
            device, _created = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    return VerifiedClient()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The demo content, loaded once; then kept as a template database that `demo_content` clones
    after a browser test (transactional) has emptied the database: a copy takes about a second,
    loading the demo again half a minute. With `--reuse-db` (a developer's repeated runs) a database
    that holds the demo already is kept as it is, and left with the demo for the next run."""
    from demo.loader import DemoLoader
    from practices.models import GuidePage

    reuse = request.config.getoption("reuse_db") and not request.config.getoption("create_db")
    with django_db_blocker.unblock():
        if not (reuse and GuidePage.objects.exists()):
            with pytest.MonkeyPatch.context() as patch:
                # No index is built yet: each publish's send after the commit would build the
                # page's documents only for the node to refuse them all (index_not_found), a
                # fifth of the load. The changes stay queued, as after that refusal; tests that
                # search build the index from the database (`search_index`).
                patch.setattr("search.outbox.send", lambda row_ids: None)
                DemoLoader().load()
        copy_database(demo_template_name(), source=test_database_name())
    yield
    with django_db_blocker.unblock():
        if reuse:
            copy_database(test_database_name(), source=demo_template_name())
        drop_database(demo_template_name())


def test_database_name():
    from django.db import connection

    return connection.settings_dict["NAME"]


def demo_template_name():
    return f"{test_database_name()}_demo"


def copy_database(name, source):
    """CREATE DATABASE … TEMPLATE: PostgreSQL copies the files; neither may have a session open."""
    from django.db import connection, connections

    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')


def drop_database(name):
    from django.db import connection, connections

    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def es_client():
    """The real Elasticsearch node. Unreachable is a failure, never a skip."""
    from search.client import get_client, healthy

    if not healthy():
        pytest.fail(f"Elasticsearch is not answering at {settings.ELASTICSEARCH_URL}; run the suite with `make test`")
    return get_client()


@pytest.fixture
def search_index(es_client, db):
    """A freshly built index over the pages in the test database; removed afterwards."""
    from search.rebuild import rebuild

    rebuild()
    yield es_client
    es_client.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def node_requests(monkeypatch):
    """The paths of the requests the app sends to the node from then on. Counted on the app's
    own client (search.client.get_client), not `es_client`: a test that sets its own
    SEARCH_TIMEOUT gets another cached client than the session's fixture holds."""
    from search.client import get_client

    transport = get_client().transport
    sent, perform = [], transport.perform_request
    monkeypatch.setattr(transport, "perform_request", lambda *a, **k: sent.append(a[1]) or perform(*a, **k))
    return sent


def only_test_atomics(connection):
    return all(block._from_testcase for block in connection.atomic_blocks)


@pytest.fixture(autouse=True)
def fresh_default_cache():
    """The cached menu and footer (caching/fragments.py) of a test's rolled-back pages must not
    show in the next test's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def commits_run_on_commit_hooks(monkeypatch):
    """Each test runs inside a transaction that is rolled back, so `transaction.on_commit`
    hooks would never run: the index would never hear of a publish. Here a transaction the
    code opens runs its hooks when it ends well (as its commit would), and a hook registered
    outside any such transaction runs at once (as in autocommit); a rolled-back block's
    hooks are discarded, as Django does."""
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.transaction import Atomic, get_connection

    on_commit, atomic_exit = BaseDatabaseWrapper.on_commit, Atomic.__exit__

    def immediate_on_commit(self, func, robust=False):
        if self.in_atomic_block and only_test_atomics(self):
            func()
        else:
            on_commit(self, func, robust)

    def exit_as_commit(self, exc_type, exc_value, traceback):
        result = atomic_exit(self, exc_type, exc_value, traceback)
        connection = get_connection(self.using)
        if exc_type is None and connection.in_atomic_block and only_test_atomics(connection):
            hooks, connection.run_on_commit = connection.run_on_commit, []
            for _savepoints, func, _robust in hooks:
                func()
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", immediate_on_commit)
    monkeypatch.setattr(Atomic, "__exit__", exit_as_commit)


@pytest.fixture(autouse=True)
def fresh_glossary_cache():
    """A glossary term a test creates is rolled back with it: so is the expansion cache."""
    yield
    from search.glossary import clear_cache

    clear_cache()


@pytest.fixture
def chromium():
    """Opens Debian's Chromium (CHROMIUM_PATH) through Playwright: `with chromium() as browser:`.

    A context manager rather than a browser open for the whole test: while Playwright runs, its
    event loop makes Django's ORM refuse synchronous calls, so a test does its database work
    before the `with` block and checks the database after it."""
    from playwright.sync_api import sync_playwright

    @contextmanager
    def launch():
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()

    return launch


@pytest.fixture
def demo_content():
    """Browser tests run last and each one empties the database, including the root page and
    root collection that Wagtail's migrations created: put the demo database back as it was
    after the session's load (the template `django_db_setup` kept)."""
    from django.contrib.contenttypes.models import ContentType

    from practices.models import GuidePage

    if GuidePage.objects.exists():
        return
    copy_database(test_database_name(), source=demo_template_name())
    # Content type ids are the template's again: forget any the emptied database gave out.
    ContentType.objects.clear_cache()


@pytest.fixture
def live_static(live_server, settings):
    """The live server, serving the static files under their un-hashed names.

    Tests run the production configuration, whose manifest storage links hashed names; the live
    server serves static files from the apps through the finders, which know no hashed names.
    Pages rendered earlier in the session may have cached hashed names (the admin's media), so
    the finders look in STATIC_ROOT (collected by the test command) too."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, settings.STATIC_ROOT]
    return live_server


class ReceivedMail:
    """An aiosmtpd handler keeping what arrived, as email.message.EmailMessage objects."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        # Who the server was asked to deliver to (Bcc never shows in the headers).
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback for one test, with Django's SMTP backend sending to it.

    `smtp_server.messages` is the list of email.message.EmailMessage that arrived, in order;
    each also has `.envelope_recipients`. The live server's thread sends here too."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port: aiosmtpd's readiness check needs a real one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = ReceivedMail()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()
