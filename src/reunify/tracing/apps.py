from django.apps import AppConfig


class TracingConfig(AppConfig):
    name = "reunify.tracing"
    label = "tracing"
    verbose_name = "Tracing separated families"
