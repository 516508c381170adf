from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from blog.language import switch_language
from blog.seo import views as seo_views

handler400 = "security.views.bad_request"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("authors/", include("authors.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo_views.RobotsView.as_view(), name="robots"),
    path("", include("blog.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
