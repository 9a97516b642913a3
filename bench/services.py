"""PostgreSQL and Elasticsearch for the bench: the ones given, or throwaway ones it stops again.

The bench never touches other data: it works in its own database (`portal_bench`, dropped and
created afresh on whatever server) and under its own index prefix (`portal-bench`).
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "portal_bench"


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def script(name, *args):
    done = subprocess.run(["bash", str(REPO / "scripts" / name), *args], stdout=subprocess.PIPE, text=True, check=True)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


class Services:
    """Context manager: yields (database URL, Elasticsearch URL); stops only what it started."""

    def __init__(self, database=BENCH_DATABASE):
        self.database = database
        self.stop_postgres = False
        self.stop_elasticsearch = False

    def __enter__(self):
        database_url = os.environ.get("DATABASE_URL") or self.start_postgres()
        elasticsearch_url = os.environ.get("ELASTICSEARCH_URL") or self.start_elasticsearch()
        return bench_database(database_url, self.database), elasticsearch_url

    def start_postgres(self):
        # scripts/postgres.sh keeps one cluster's state per checkout: never start a second one over it.
        if (REPO / "var" / "postgres" / "data_dir").exists():
            sys.exit("bench: a PostgreSQL from scripts/postgres.sh is already running here; pass its DATABASE_URL")
        log("starting a throwaway PostgreSQL (scripts/postgres.sh start)")
        url = script("postgres.sh", "start")
        self.stop_postgres = True
        return url

    def start_elasticsearch(self):
        running = subprocess.run(
            ["bash", str(REPO / "scripts" / "elasticsearch.sh"), "url"], capture_output=True, text=True
        )
        if running.returncode == 0 and running.stdout.strip():
            log(f"using the running Elasticsearch node {running.stdout.strip()}")
            return running.stdout.strip()
        log("starting a throwaway Elasticsearch node (scripts/elasticsearch.sh start --test)")
        url = script("elasticsearch.sh", "start", "--test")
        self.stop_elasticsearch = True
        return url

    def __exit__(self, *exc):
        if self.stop_elasticsearch:
            script("elasticsearch.sh", "stop")
        if self.stop_postgres:
            script("postgres.sh", "stop")
        return False


def bench_database(url, name=BENCH_DATABASE):
    """The bench's own database `name` on the server of `url`, created empty."""
    import psycopg

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))
