"""Where an import's translations of a snippet are stored: the one place that saves them.

Snippets are saved as they are. Once the screening instrument's snippets (indicators, domains,
referral pathways) have drafts and review, this is where an import saves a revision instead,
so that a Reviewer approves the translation like any other change.
"""


def save_snippet_translation(snippet, user=None):
    """Store `snippet` with the translated fields an import set on it; `user` is recorded as
    the translator (translations.signals reads `_translation_user` for the status record)."""
    snippet._translation_user = user
    snippet.save()
