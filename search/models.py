"""The queue of index changes (an outbox): a row per page whose document may have changed.

Rows are written in the same transaction as the change, so a rolled-back change queues
nothing, and a committed one stays queued until Elasticsearch has accepted it.
"""

from django.db import models


class IndexChange(models.Model):
    # No foreign key: the page may be deleted in the same transaction (its document must go).
    page_id = models.IntegerField(db_index=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    # Set once the node has accepted the change; kept a while so that a rebuild can replay
    # the changes made during its fill.
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["done_at", "next_attempt_at"], name="index_change_pending")]

    def __str__(self):
        return f"page {self.page_id} queued {self.queued_at:%Y-%m-%d %H:%M:%S}"
