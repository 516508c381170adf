"""The editorial calendar in the post admin: week and month views of the posts this user
may see (editors every post, writers their own), and rescheduling a scheduled post by
moving it (editorial.workflow.reschedule decides who may)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from authors.models import Author
from blog.models import Section
from editorial import calendar, workflow
from editorial.times import local_time, zone_name

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class CalendarFilter(forms.Form):
    view = forms.ChoiceField(
        label=gettext_lazy("view"),
        choices=[(calendar.WEEK, gettext_lazy("Week")), (calendar.MONTH, gettext_lazy("Month"))],
        required=False,
    )
    day = forms.DateField(
        label=gettext_lazy("date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    section = forms.ModelChoiceField(
        Section.objects.all(), label=gettext_lazy("section"), required=False
    )
    author = forms.ModelChoiceField(
        Author.objects.all(), label=gettext_lazy("author"), required=False
    )

    def choice(self, name, default):
        """The field's value, or `default` when it is empty or invalid (the page shows why)."""
        self.is_valid()  # cleans once; only the valid fields reach cleaned_data
        return self.cleaned_data.get(name) or default


class RescheduleForm(forms.Form):
    post = forms.ModelChoiceField(None, widget=forms.HiddenInput)
    publish_at = forms.DateTimeField(
        label=gettext_lazy("new time"),
        input_formats=[LOCAL_INPUT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT),
    )
    back = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, posts, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts


class CalendarViews:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("calendar/", view(self.calendar_view), name="blog_post_calendar"),
            path(
                "calendar/reschedule/",
                view(require_POST(self.reschedule_view)),
                name="blog_post_reschedule",
            ),
        ]
        return urls + super().get_urls()

    def calendar_view(self, request):
        if not self.has_view_permission(request):
            return redirect("admin:index")
        chosen = CalendarFilter(request.GET)
        view = chosen.choice("view", calendar.WEEK)
        day = chosen.choice("day", timezone.localdate())
        posts = self.get_queryset(request)
        if section := chosen.choice("section", None):
            posts = posts.filter(section=section)
        if author := chosen.choice("author", None):
            posts = posts.filter(credits__author=author)
        weeks = calendar.weeks(
            posts, view, day, lambda post: workflow.may_reschedule(request.user, post)
        )
        before, after = calendar.neighbours(view, day)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Editorial calendar"),
            "filter": chosen,
            "view": view,
            "weeks": weeks,
            "zone": zone_name(),
            "earlier": self.calendar_query(request, view=view, day=before),
            "later": self.calendar_query(request, view=view, day=after),
            "back": request.get_full_path(),
        }
        return TemplateResponse(request, "admin/blog/post/calendar.html", context)

    @staticmethod
    def calendar_query(request, **changes):
        query = {key: value for key, value in request.GET.items() if value}
        return "?" + urlencode({**query, **{key: str(value) for key, value in changes.items()}})

    def reschedule_view(self, request):
        form = RescheduleForm(self.get_queryset(request), request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        else:
            post, when = form.cleaned_data["post"], form.cleaned_data["publish_at"]
            try:
                workflow.reschedule(post, when, request.user)
            except workflow.TransitionRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(
                    request,
                    _("“%(title)s” is now scheduled for %(when)s.")
                    % {"title": post.title, "when": local_time(post.publish_at)},
                )
        back = form.data.get("back", "")
        calendar_url = reverse("admin:blog_post_calendar")
        return redirect(back if back.startswith(calendar_url) else calendar_url)
