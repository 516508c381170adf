from django.urls import path, re_path

from . import archive, views
from .archive import MONTH, YEAR

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("posts/<uslug:slug>/", views.post_detail, name="post"),
    path("sections/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("archive/", archive.ArchiveIndexView.as_view(), name="archive"),
    re_path(rf"^archive/{YEAR}/$", archive.ArchiveYearView.as_view(), name="archive_year"),
    re_path(
        rf"^archive/{YEAR}/{MONTH}/$", archive.ArchiveMonthView.as_view(), name="archive_month"
    ),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
]
