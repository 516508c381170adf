from django.urls import path

from . import views

urlpatterns = [
    path("", views.AuthorListView.as_view(), name="list"),
    path("<uslug:slug>/", views.AuthorView.as_view(), name="detail"),
]
