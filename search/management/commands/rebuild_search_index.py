from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.client import UNAVAILABLE
from search.indexing import searchable_pages
from search.rebuild import RebuildRunning, rebuild


class Command(BaseCommand):
    help = "Build a new search index, fill it, swap the alias atomically and delete the old one."

    def handle(self, *args, **options):
        try:
            with tqdm(
                total=searchable_pages().count(), desc="indexing", unit="page", disable=options["verbosity"] == 0
            ) as bar:
                index, count = rebuild(progress=bar)
        except UNAVAILABLE as exc:
            raise CommandError(f"Elasticsearch is not reachable: {exc}") from exc
        except RebuildRunning as exc:
            raise CommandError(f"Not started: {exc}.") from None
        self.stdout.write(f"Indexed {count} page(s) into {index}.")
