"""Where an import's translations of a snippet are stored: the one place that saves them.

Plain snippets (the glossary, the taxonomies) are saved as they are. The screening instrument's
snippets have drafts and review: xliff._write saves a revision of those and submits it instead,
so that a Reviewer approves the translation like any other change.
"""


def save_snippet_translation(snippet, user=None):
    """Store `snippet` with the translated fields an import set on it; `user` is recorded as
    the translator (translations.signals reads `_translation_user` for the status record)."""
    snippet._translation_user = user
    snippet.save()
