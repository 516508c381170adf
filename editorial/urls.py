from django.urls import path

from . import previews

urlpatterns = [
    path("preview/<str:token>/", previews.shared_preview, name="shared_preview"),
]
