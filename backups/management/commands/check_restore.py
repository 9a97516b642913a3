import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.restore import RestoreError, compare, latest_dump, restore, same_database


class Command(BaseCommand):
    help = (
        "Restore a database dump (pg_dump custom format: the latest in --backup-dir, or --dump) into a scratch "
        "database, then compare it with the live database: row counts of every table and a sample of pages' "
        "latest revisions. Exit code 0 when identical, 1 otherwise. The scratch database is dropped and recreated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database-url", required=True, help="the scratch database (never the live one)")
        parser.add_argument("--dump", help="a dump file (default: the newest *.dump in --backup-dir)")
        parser.add_argument(
            "--backup-dir",
            default=os.environ.get("BACKUP_DIR", str(settings.VAR_DIR / "backups")),
            help="where scripts/backup.sh writes (default: $BACKUP_DIR or var/backups)",
        )
        parser.add_argument("--sample", type=int, default=20, help="pages whose latest revision is compared")

    def handle(self, *args, database_url, dump, backup_dir, sample, **options):
        if same_database(database_url, settings.DATABASES["default"]):
            raise CommandError("--database-url names the live database: give a scratch database")
        try:
            dump = dump or latest_dump(backup_dir)
            self.stdout.write(f"Restoring {dump} ...")
            restore(dump, database_url)
        except RestoreError as error:
            raise CommandError(str(error)) from error
        result = compare(database_url, sample=sample)
        for table, (live, restored) in result.count_differences.items():
            self.stdout.write(f"table {table}: {live} rows live, {restored} restored")
        for page_id in result.page_differences:
            self.stdout.write(f"page {page_id} differs (its row or its latest revision)")
        summary = f"{result.tables} tables and {result.pages} pages compared"
        if not result.identical:
            raise CommandError(
                f"The restore differs: {len(result.count_differences)} table(s), "
                f"{len(result.page_differences)} page(s); {summary}."
            )
        self.stdout.write(f"Restore identical: {summary}.")
