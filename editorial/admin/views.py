"""The post admin's own pages: preview, share-preview links, versions (list, compare,
restore after a confirmation), house style's "change all". Mixed into PostAdmin; every
view finds the post through the admin's queryset, so a writer reaches only the posts that
credit them."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blog.models import StyleRule
from editorial import previews, revisions, style
from editorial.workflow import is_editor


class PostWorkflowViews:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("<path:object_id>/preview/", view(self.preview_view), name="blog_post_preview"),
            path(
                "<path:object_id>/share-links/",
                view(require_POST(self.create_share_link_view)),
                name="blog_post_share",
            ),
            path(
                "<path:object_id>/share-links/<int:link_id>/revoke/",
                view(require_POST(self.revoke_share_link_view)),
                name="blog_post_revoke_share",
            ),
            path("<path:object_id>/versions/", view(self.versions_view), name="blog_post_versions"),
            path(
                "<path:object_id>/versions/compare/",
                view(self.compare_view),
                name="blog_post_compare",
            ),
            path(
                "<path:object_id>/versions/<int:version_id>/restore/",
                view(require_http_methods(["GET", "POST"])(self.restore_view)),
                name="blog_post_restore",
            ),
            path(
                "<path:object_id>/style/<int:rule_id>/change-all/",
                view(require_POST(self.change_all_view)),
                name="blog_post_style_change_all",
            ),
        ]
        return urls + super().get_urls()

    def visible_post(self, request, object_id):
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_view_permission(request, post):
            raise Http404
        return post

    def edited_post(self, request, object_id):
        post = self.visible_post(request, object_id)
        if not is_editor(request.user):
            raise PermissionDenied
        return post

    def preview_view(self, request, object_id):
        return previews.render_preview(request, self.visible_post(request, object_id))

    def create_share_link_view(self, request, object_id):
        post = self.visible_post(request, object_id)
        previews.create_link(post, request.user)
        messages.success(request, _("Share-preview link created. It works for 7 days."))
        return redirect("admin:blog_post_change", post.pk)

    def revoke_share_link_view(self, request, object_id, link_id):
        post = self.visible_post(request, object_id)
        get_object_or_404(post.preview_links, pk=link_id).delete()
        messages.success(request, _("Share-preview link revoked: it no longer opens the post."))
        return redirect("admin:blog_post_change", post.pk)

    def versions_view(self, request, object_id):
        post = self.edited_post(request, object_id)
        versions = revisions.with_summaries(revisions.versions_of(post))
        context = {**self.page_context(request, post, _("Versions")), "versions": versions}
        return TemplateResponse(request, "admin/blog/post/versions.html", context)

    def compare_view(self, request, object_id):
        post = self.edited_post(request, object_id)
        old, new = (self.version_of(post, request.GET.get(name)) for name in ("old", "new"))
        if new.history_id < old.history_id:
            old, new = new, old
        context = {
            **self.page_context(request, post, _("Compare versions")),
            "old": old,
            "new": new,
            "diffs": revisions.compare(old, new),
        }
        return TemplateResponse(request, "admin/blog/post/compare_versions.html", context)

    def restore_view(self, request, object_id, version_id):
        """GET asks for a confirmation; POST restores."""
        post = self.edited_post(request, object_id)
        version = self.version_of(post, version_id)
        if request.method == "GET":
            context = {
                **self.page_context(request, post, _("Restore this version?")),
                "version": version,
                "summary": revisions.summarise(revisions.latest_version(post), version),
            }
            return TemplateResponse(request, "admin/blog/post/restore_version.html", context)
        revisions.restore(post, version, request.user)
        messages.success(request, _("The version is restored, as a new version."))
        return redirect("admin:blog_post_change", post.pk)

    def change_all_view(self, request, object_id, rule_id):
        """House style: change every occurrence of one variant to the preferred form."""
        post = self.visible_post(request, object_id)
        if not self.has_change_permission(request, post):
            raise PermissionDenied
        rule = get_object_or_404(StyleRule, pk=rule_id)
        variant = request.POST.get("variant", "")
        try:
            style.change_all(post, rule, variant, request.user)
        except ValueError:
            messages.error(request, _("That spelling is not a variant of this style rule."))
            return redirect("admin:blog_post_change", post.pk)
        messages.success(
            request,
            _("Changed every “%(variant)s” to “%(preferred)s”.")
            % {"variant": variant, "preferred": rule.preferred},
        )
        return redirect("admin:blog_post_change", post.pk)

    @staticmethod
    def version_of(post, version_id):
        if not str(version_id or "").isdigit():
            raise Http404
        return get_object_or_404(revisions.versions_of(post), pk=version_id)

    def page_context(self, request, post, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": post,
            "title": title,
        }
