from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.presenting import beneficiary_content, front_page_content
from languages.pages import SourceLanguageMixin


class FigureBlock(blocks.StructBlock):
    """A headline result as editors state it: "182" "professionals trained in 2025"."""

    value = blocks.CharBlock(label=_("Figure"), max_length=20)
    label = blocks.CharBlock(label=_("What it counts"), max_length=200)

    class Meta:
        icon = "pick"
        template = "home/blocks/figure.html"


class HomePage(SourceLanguageMixin, Page):
    """The portal's root: the regional action, its Beneficiaries, its results and the way into each section."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    results = StreamField([("figure", FigureBlock())], blank=True, verbose_name=_("headline results"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("results")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        context.update(front_page_content(request.user))
        context["beneficiary_pages"] = (
            BeneficiaryPage.objects.live().select_related("beneficiary").order_by("beneficiary__code")
        )
        return context


class BeneficiaryIndexPage(SourceLanguageMixin, Page):
    """The six Beneficiaries of the regional action, each with its page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.BeneficiaryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Beneficiaries index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["beneficiary_pages"] = BeneficiaryPage.objects.child_of(self).live().select_related("beneficiary")
        return context


class BeneficiaryPage(SourceLanguageMixin, Page):
    """One Beneficiary: its practices and guides, its referral pathway from the screening tool,
    its news and events, and its focal point."""

    beneficiary = models.OneToOneField(
        "practices.Beneficiary", on_delete=models.PROTECT, related_name="page", verbose_name=_("beneficiary")
    )
    intro = models.TextField(_("introduction"), blank=True)
    focal_point_name = models.CharField(_("focal point"), max_length=200, blank=True)
    focal_point_email = models.EmailField(_("focal point e-mail"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("beneficiary"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("focal_point_name"), FieldPanel("focal_point_email")], heading=_("Focal point")),
    ]
    parent_page_types = ["home.BeneficiaryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Beneficiary page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(beneficiary_content(self.beneficiary, request.user))
        return context
