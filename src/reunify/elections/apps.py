from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    name = "reunify.elections"
    label = "elections"
    verbose_name = "Notices and elections"
