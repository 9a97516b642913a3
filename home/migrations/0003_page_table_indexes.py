"""Indexes on Wagtail's page table for reads that otherwise grow with the number of practices
(issue 19's scale bench, docs/performance.md, "Scale bench"):

- (depth, path): a page's children. Treebeard asks for a range of paths, which holds every
  descendant, then filters on the depth: the home page's 8 sections read the 20 000 practices.
- latest_revision_created_at, newest first: the explorer's default order, so a page of 50
  children is read from the index instead of sorting all of them.
- id as varchar(50): Wagtail's search index entries name their page by a string, and the admin
  search joins them to pages on the page's id cast to it, which no other index serves.

PostgreSQL only: the expression and NULLS LAST are its syntax, and the scale is production's
(SQLite is the development database, with the demo's few pages).
"""

from django.db import migrations

TABLE = "wagtailcore_page"
INDEXES = {
    "wagtailcore_page_depth_path_idx": '("depth", "path")',
    "wagtailcore_page_newest_revision_idx": '("latest_revision_created_at" DESC NULLS LAST)',
    "wagtailcore_page_id_varchar_idx": '(("id"::varchar(50)))',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" {columns}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_beneficiaryindexpage_homepage_results_and_more"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
