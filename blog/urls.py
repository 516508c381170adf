from django.urls import path

from . import views

app_name = "blog"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("posts/<uslug:slug>/", views.post_detail, name="post"),
    path("sections/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<uslug:slug>/", views.TagView.as_view(), name="tag"),
]
