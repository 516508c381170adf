from django.urls import path

from . import views

app_name = "fediverse"

urlpatterns = [
    path(".well-known/webfinger", views.webfinger, name="webfinger"),
    path(".well-known/nodeinfo", views.nodeinfo_links, name="nodeinfo_links"),
    path("nodeinfo/2.1", views.nodeinfo, name="nodeinfo"),
    path("fediverse/inbox", views.InboxView.as_view(), name="shared_inbox"),
    path("fediverse/actors/<uslug:username>", views.actor, name="actor"),
    path("fediverse/actors/<uslug:username>/inbox", views.InboxView.as_view(), name="inbox"),
    path("fediverse/actors/<uslug:username>/outbox", views.outbox, name="outbox"),
    path("fediverse/actors/<uslug:username>/followers", views.followers, name="followers"),
]
