from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "reunify.oversight"
    label = "oversight"
    verbose_name = "Oversight reports"
