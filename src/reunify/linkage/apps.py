from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "reunify.linkage"
    label = "linkage"
    verbose_name = "Record linkage"
