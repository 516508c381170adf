import taggit.models as taggit_models
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from blog.models import (
    Correction,
    Disclaimer,
    KeyPoint,
    Post,
    PostAuthor,
    PostRedirect,
    Section,
    StyleRule,
    Tag,
)
from editorial import workflow
from editorial.revisions import record_relations
from editorial.style import check_post
from library import editor as library_editor
from security import admin_options as house
from security.form_rescue import FormRescueMixin
from security.uploads import HeldUploadsMixin

from .autosave import AutosaveViews
from .calendar import CalendarViews
from .desk import LIST_COLUMNS, PostDesk
from .forms import CreditForm, CreditFormSet, PostAdminForm, tag_field
from .panels import panels_for
from .recovery import MissingPostRecovery
from .views import PostWorkflowViews


class PostAuthorInline(house.TabularInline):
    model = PostAuthor
    form = CreditForm
    formset = CreditFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not workflow.is_editor(request.user):
            formset.required_author = workflow.author_profile(request.user)
        return formset


class KeyPointInline(house.TabularInline):
    model = KeyPoint
    extra = 0
    fields = ["text", "position"]


class CorrectionInline(house.StackedInline):
    model = Correction
    extra = 0
    fields = ["corrected_at", "text"]


class PostRedirectInline(house.TabularInline):
    model = PostRedirect
    extra = 0
    fields = ["old_slug"]
    verbose_name_plural = _("old addresses that redirect here")


class StageFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return workflow.STAGES

    def queryset(self, request, queryset):
        if self.value() not in dict(workflow.STAGES):
            return queryset
        return workflow.posts_in_stage(queryset, self.value())


@admin.register(Post)
class PostAdmin(
    AutosaveViews,
    HeldUploadsMixin,
    FormRescueMixin,
    MissingPostRecovery,
    CalendarViews,
    PostWorkflowViews,
    PostDesk,
    house.ModelAdmin,
):
    form = PostAdminForm
    held_upload_fields = ["image"]
    list_display = LIST_COLUMNS
    list_display_links = ["title"]
    # By date through a filter, not date_hierarchy, whose list of years reads every post.
    list_filter = [StageFilter, "section", "authors", "tags", "language", "publish_at"]
    list_select_related = ["section"]
    search_fields = ["title", "lead", "body"]
    show_full_result_count = False  # one COUNT of the whole table per page is enough
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PostAuthorInline, KeyPointInline, CorrectionInline, PostRedirectInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "lead", "body", "tags"]}),
        (_("Image"), {"fields": ["image", "image_alt", "image_caption", "image_credit"]}),
        (_("Publishing"), {"fields": ["stage", "publish_at", "due_at", "language", "disclaimer"]}),
        (
            _("Translations and search engines"),
            {"fields": ["translation_of", "seo_title", "seo_description"]},
        ),
    ]
    autocomplete_fields = ["translation_of"]
    actions = ["submit_for_review", "publish_now", "unpublish"]

    class Media:
        js = [library_editor.SCRIPT]

    def get_queryset(self, request):
        posts = super().get_queryset(request).prefetch_related("credits__author")
        return posts if workflow.is_editor(request.user) else posts.owned_by(request.user)

    def get_view_on_site_url(self, obj=None):
        """A post readers cannot see yet opens in its preview."""
        if obj is not None and (obj.status != Post.Status.PUBLISHED or obj.is_scheduled):
            return reverse("admin:blog_post_preview", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    def get_readonly_fields(self, request, obj=None):
        if workflow.is_editor(request.user):
            return ["stage"]
        return ["stage", "publish_at"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            choices = self.get_field_queryset(kwargs.get("using"), db_field, request)
            return tag_field(db_field, self.admin_site, request, choices)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            field.widget.attrs |= library_editor.upload_attributes(request.user)
        return field

    def has_add_permission(self, request):
        return super().has_add_permission(request) and workflow.can_add(request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or workflow.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.is_editor(request.user))

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        profile = workflow.author_profile(request.user)
        if isinstance(inline, PostAuthorInline) and obj.pk is None and profile:
            kwargs["initial"] = [{"author": profile.pk, "position": 0}]
        return kwargs

    def save_model(self, request, obj, form, change):
        if change and not workflow.can_edit(request.user, obj):
            raise PermissionDenied
        obj._history_user = request.user
        obj._fields_unchanged = not obj.changed_fields()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        if change and post._fields_unchanged and form.changes_relations(formsets):
            post.save(update_fields=["updated_at"])  # an edit too: a version, a new date
        record_relations(post)
        self.warn_about_style(request, post)
        transition = workflow.TRANSITIONS.get(request.POST.get("_transition", ""))
        if transition:
            self.transition(request, post, transition, form.cleaned_data.get("comment", ""))

    def response_add(self, request, obj, post_url_continue=None):
        if "_transition" in request.POST:
            return redirect("admin:blog_post_change", obj.pk)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_transition" in request.POST:
            return redirect("admin:blog_post_change", obj.pk)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        post = obj or context["adminform"].form.instance
        user = request.user
        editable = self.has_change_permission(request, obj) if obj else add
        context |= {
            "transitions": workflow.allowed_transitions(user, post) if editable else [],
            "status_changes": (
                post.transitions.select_related("user__author_profile") if post.pk else []
            ),
            "share_links": (
                post.preview_links.active().select_related("created_by__author_profile")
                if post.pk
                else []
            ),
            "can_see_versions": workflow.is_editor(user),
            "panels": panels_for(request, post) if post.pk else [],
        }
        context |= self.desk_context(context, post)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def warn_about_style(self, request, post):
        findings = check_post(post)
        if findings:
            listed = "; ".join(
                gettext("“%(variant)s” ×%(count)d → “%(preferred)s”") % vars(finding)
                for finding in findings
            )
            messages.warning(request, gettext("House style: %(list)s.") % {"list": listed})

    def transition(self, request, post, transition, comment=""):
        """Apply `transition`, telling the user what happened or why it did not."""
        try:
            workflow.apply_transition(post, transition, request.user, comment)
        except workflow.TransitionRefused as refusal:
            for problem in refusal.problems:
                messages.error(
                    request,
                    gettext("“%(post)s” — %(action)s: not done. %(problem)s")
                    % {"post": post, "action": transition.label, "problem": problem},
                )
            return
        messages.success(
            request,
            gettext("“%(post)s” is now: %(stage)s.")
            % {"post": post, "stage": workflow.stage_label(post)},
        )

    def apply_to_selected(self, request, queryset, transition):
        for post in queryset:
            self.transition(request, post, transition)

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self.apply_to_selected(request, queryset, workflow.TRANSITIONS["submit"])

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self.apply_to_selected(request, queryset, workflow.TRANSITIONS["publish"])

    @admin.action(description=_("Unpublish"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self.apply_to_selected(request, queryset, workflow.TRANSITIONS["unpublish"])


@admin.register(Section)
class SectionAdmin(house.ModelAdmin):
    list_display = ["name", "slug", "order", "default_disclaimer"]
    list_editable = ["order"]
    list_select_related = ["default_disclaimer"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Disclaimer)
class DisclaimerAdmin(house.ModelAdmin):
    list_display = ["name", "placement"]
    list_filter = ["placement"]
    search_fields = ["name", "text"]


@admin.register(Tag)
class TagAdmin(house.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StyleRule)
class StyleRuleAdmin(house.ModelAdmin):
    list_display = ["preferred", "variants", "note"]
    search_fields = ["preferred", "variants", "note"]


admin.site.unregister(taggit_models.Tag)
