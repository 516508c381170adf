from django.urls import path

from . import views

urlpatterns = [path(".well-known/mirrors.json", views.mirrors_json, name="mirrors_json")]
