from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "reunify.families"
    label = "families"
    verbose_name = "Families and custody"
