from django.apps import AppConfig


class RemovalsConfig(AppConfig):
    name = "reunify.removals"
    label = "removals"
    verbose_name = "Removals and the removal gate"
