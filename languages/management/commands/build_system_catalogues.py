from django.core.management.base import BaseCommand

from languages import system_catalogues


class Command(BaseCommand):
    help = (
        "Build Montenegrin (cnr) catalogues of Django's and Wagtail's own strings "
        "from Serbian Latin and its neighbours."
    )

    def handle(self, *args, **options):
        for path, count in system_catalogues.build().items():
            self.stdout.write(f"{path}: {count} messages")
