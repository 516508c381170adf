from django.urls import path

from blog.feeds.urls import author_feed_patterns

from . import views

app_name = "authors"
urlpatterns = [
    path("", views.AuthorListView.as_view(), name="list"),
    path("<uslug:slug>/", views.AuthorView.as_view(), name="detail"),
]
urlpatterns += author_feed_patterns
