from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News and events"

    def ready(self):
        from languages.sections import sections_needed
        from news.setup import ensure_news_index

        sections_needed.connect(ensure_news_index, dispatch_uid="news-section")
