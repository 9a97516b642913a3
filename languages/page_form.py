"""The page editor's slug check, asked of the database.

wagtail-modeltranslation wraps every page model's admin form in `WagtailFixedAdminPageForm`,
whose clean() loads every sibling and reads its slug in each language in Python: saving a
practice in the editor loaded the 20 000 other practices eight times in the scale bench. This
form keeps what the wrapped form checks (a sibling answering to the same slug in a language)
and asks it with one `EXISTS` per language (languages.slugs), as the model's clean() does.
"""

from languages.slugs import sibling_slug_errors, slug_field

WRAPPER = "WagtailFixedAdminPageForm"  # wagtail_modeltranslation.patch_wagtailadmin_forms


def unwrapped(form_class):
    """`form_class` without wagtail-modeltranslation's wrappers (a subclass may carry two)."""
    while form_class.__name__ == WRAPPER and form_class.__module__.startswith("wagtail_modeltranslation"):
        form_class = form_class.__bases__[0]
    return form_class


def checking_slugs_in_sql(form_class):
    """`form_class` (wagtail-modeltranslation's wrapper or not) with the slug check in SQL."""
    base = unwrapped(form_class)

    def clean(self):
        cleaned_data = super(form, self).clean()
        siblings = self.parent_page.get_children()
        if self.instance.pk:
            siblings = siblings.not_page(self.instance)
        for field, error in sibling_slug_errors(
            siblings, lambda language: cleaned_data.get(slug_field(language))
        ).items():
            if field in self.fields:
                self.add_error(field, error)
        return cleaned_data

    form = type(base)(f"SiblingSlugs{base.__name__}", (base,), {"__module__": __name__, "clean": clean})
    return form


def install(models):
    """Give each page model the form; its edit handler captured the previous one."""
    for model in models:
        if unwrapped(model.base_form_class) is not model.base_form_class:
            model.base_form_class = checking_slugs_in_sql(model.base_form_class)
            model.get_edit_handler.cache_clear()
