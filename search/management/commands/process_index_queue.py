import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from search import outbox

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "The index worker: send the queued index changes that the node has not accepted yet, "
        "retrying with a growing delay, until stopped. --once: one pass, then exit."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="send what is due now, then exit")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between passes (default 2)")

    def handle(self, *args, once=False, interval=2.0, **options):
        while True:
            done = outbox.drain()
            if done and options["verbosity"] > 0:
                self.stdout.write(f"{done} change(s) accepted by the node")
            if done:
                continue  # more may be due
            if once:
                return
            time.sleep(interval)
            close_old_connections()  # a long-running process: never hold a broken connection
