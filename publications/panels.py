"""The editor's view of what was extracted from a publication's files: pages of text per file,
and a warning for each file without text (a scanned PDF needs OCR before it is searchable)."""

from wagtail.admin.panels import Panel


class ExtractionPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "publications/admin/extraction_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            files = self.instance.files.select_related("document__extracted_text") if self.instance.pk else []
            context["files"] = [(item, getattr(item.document, "extracted_text", None)) for item in files]
            return context
