from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling: `manage.py seed_synthetic` and the Django side of `make bench`.
    No models, no URLs; nothing in the product apps imports it."""

    name = "bench"
