""" "My notifications": each member of the desk chooses which notices they get by mail
(editorial/notifications.py). Reached from the user tools; shows and changes only the
signed-in user's own choices."""

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from editorial.models import NotificationPreference
from editorial.notifications import preference_of


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["review_requests", "own_posts"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    def get_urls(self):
        mine = self.admin_site.admin_view(self.mine_view)
        return [
            path("mine/", mine, name="editorial_notificationpreference_mine"),
            *super().get_urls(),
        ]

    def has_module_permission(self, request):
        return False  # each has their own page; only superusers may open the others'.

    def mine_view(self, request):
        preference = preference_of(request.user)
        sent = request.method == "POST"
        form = PreferenceForm(request.POST if sent else None, instance=preference)
        if sent and form.is_valid():
            form.save()
            messages.success(request, _("Your notification choices are saved."))
            return redirect("admin:editorial_notificationpreference_mine")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("My notifications"),
            "form": form,
            "has_address": bool(request.user.email),
        }
        return TemplateResponse(request, "admin/editorial/my_notifications.html", context)
