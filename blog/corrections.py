"""The public corrections log."""

from django.conf import settings
from django.views.generic import ListView

from .models import Correction


class CorrectionListView(ListView):
    template_name = "blog/correction_list.html"
    context_object_name = "corrections"
    paginate_by = settings.POSTS_PER_PAGE

    def get_queryset(self):
        return Correction.objects.public().select_related("post").newest_first()
