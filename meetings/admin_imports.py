"""The delegate import in the secretariat's admin: a wizard on a meeting's page.

DelegateImportAdminMixin (part of every meeting admin, through
meetings.admin_participants.ParticipantListAdminMixin) gives staff who hold
meetings.add_delegate:

1. upload: a CSV or XLSX file, read at once and refused with the reason
   when it cannot be imported; a blank template to fill in sits beside the
   form (CSV and Excel);
2. preview: the sheet and header row found (staff may choose others), which
   field each column fills (staff may change any), every conflict to
   resolve, every note (rows skipped, placeholders, names matched ignoring
   accents), and what will be created, updated or left;
3. confirm (written completely or not at all) or cancel.

Nothing is written before confirming. Between preview and confirm the file
waits in private storage (meetings.importers.ImportFileStore); the session
holds its token, which only this session and this meeting may use, and the
file is deleted on confirm or cancel. The pipeline itself is meetings.importers.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from meetings.importers import (
    IMPORT_FIELDS,
    DelegateImportError,
    ImportFileStore,
    ImportProblem,
    Layout,
    delegate_import_preview,
    delegate_list_template,
    delegation_import,
    import_summary,
    read_sheet,
)
from meetings.importers.forms import DelegateImportMappingForm, DelegateImportUploadForm
from meetings.importers.template import TEMPLATE_FILENAME
from meetings.importers.vocabulary import AMBIGUOUS_HEADERS

SESSION_KEY = "delegate_imports"
# An upload older than this (seconds) is stale: upload the file again. The
# store deletes it then, and `manage.py prune_pending_imports` (hourly) deletes
# those nobody came back to.
IMPORT_MAX_AGE = ImportFileStore.MAX_AGE
# How many unfinished imports one session keeps.
MAX_PENDING_IMPORTS = 10
TEMPLATE_FORMATS = {"csv": "CSV", "xlsx": "Excel"}


class DelegateImportAdminMixin:
    """The delegate import wizard, for a meeting admin."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "import-delegates/template.<str:format>",
                wrap(self.delegate_import_template_view),
                name="{}_{}_delegate_import_template".format(*info),
            ),
            path(
                "<path:object_id>/import-delegates/",
                wrap(self.delegate_import_view),
                name="{}_{}_delegate_import".format(*info),
            ),
            path(
                "<path:object_id>/import-delegates/<str:token>/",
                wrap(self.delegate_import_preview_view),
                name="{}_{}_delegate_import_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def may_import_delegates(self, request) -> bool:
        return request.user.has_perm("meetings.add_delegate")

    def delegate_import_store(self) -> ImportFileStore:
        return ImportFileStore(max_age=IMPORT_MAX_AGE)

    def _import_url(self, name: str, meeting=None, **kwargs) -> str:
        info = self.opts.app_label, self.opts.model_name
        if meeting is not None:
            kwargs["object_id"] = meeting.pk
        return reverse(f"{self.admin_site.name}:{info[0]}_{info[1]}_{name}", kwargs=kwargs)

    def _import_meeting(self, request, object_id):
        """The meeting, if the user may see it and import delegates into it."""
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            raise Http404("No such meeting.")
        if not self.has_view_or_change_permission(request, meeting):
            raise PermissionDenied
        if not self.may_import_delegates(request):
            raise PermissionDenied
        return meeting

    def _import_context(self, request, meeting, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "meeting": meeting,
            "title": title,
            "subtitle": str(meeting),
            "change_url": self._import_url("change", meeting),
            "upload_url": self._import_url("delegate_import", meeting),
            "max_bytes": settings.DELEGATE_IMPORT_MAX_BYTES,
            "max_rows": settings.DELEGATE_IMPORT_MAX_ROWS,
            **extra,
        }

    # --- The blank template ---

    def delegate_import_template_view(self, request, format):
        """The blank delegate list, with the recognised headers, as CSV or XLSX."""
        if not self.may_import_delegates(request):
            raise PermissionDenied
        if format not in TEMPLATE_FORMATS:
            raise Http404("The template comes as CSV or XLSX.")
        content, table_format = delegate_list_template(format)
        response = HttpResponse(content, content_type=table_format.content_type)
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}.{format}"'
        return response

    # --- Step one: the file ---

    def delegate_import_view(self, request, object_id):
        """Upload the file; it is read at once and kept only if it can be."""
        meeting = self._import_meeting(request, object_id)
        # Each visit clears out what others left behind past the hour.
        self.delegate_import_store().prune()
        form = DelegateImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            token = self._keep(request, meeting, form)
            return HttpResponseRedirect(
                self._import_url("delegate_import_preview", meeting, token=token)
            )
        context = self._import_context(
            request,
            meeting,
            "Import delegates",
            form=form,
            templates=[
                {"label": label, "url": self._import_url("delegate_import_template", format=key)}
                for key, label in TEMPLATE_FORMATS.items()
            ],
            fields=IMPORT_FIELDS,
            ambiguous_headers=sorted(AMBIGUOUS_HEADERS),
        )
        return TemplateResponse(request, "admin/meetings/delegate_import_upload.html", context)

    def _keep(self, request, meeting, form) -> str:
        """Store the upload and remember it in the session; return its token."""
        store = self.delegate_import_store()
        token = store.save(form.content, form.cleaned_data["file"].name)
        pending = dict(request.session.get(SESSION_KEY, {}))
        # Forget the oldest unfinished imports of this session, and their files.
        for old in sorted(pending, key=lambda key: pending[key]["created"])[
            : max(0, len(pending) - MAX_PENDING_IMPORTS + 1)
        ]:
            store.delete(old)
            pending.pop(old)
        pending[token] = {
            "meeting": meeting.pk,
            "filename": form.cleaned_data["file"].name,
            "mapping": None,
            "layout": None,
            "created": time.time(),
        }
        request.session[SESSION_KEY] = pending
        return token

    # --- Step two: the preview, then confirm or cancel ---

    def _refuse_token(self, request, meeting, message: str):
        self.message_user(request, message, messages.ERROR)
        return HttpResponseRedirect(self._import_url("delegate_import", meeting))

    def _forget(self, request, token: str) -> None:
        self.delegate_import_store().delete(token)
        pending = dict(request.session.get(SESSION_KEY, {}))
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending

    def _remember(self, request, token: str, entry: dict, **changes) -> None:
        request.session[SESSION_KEY] = {
            **request.session.get(SESSION_KEY, {}),
            token: {**entry, **changes},
        }

    def delegate_import_preview_view(self, request, object_id, token):
        """The layout, the columns and the preview; then confirm (write) or cancel."""
        meeting = self._import_meeting(request, object_id)
        entry = request.session.get(SESSION_KEY, {}).get(token)
        if entry is None or entry.get("meeting") != meeting.pk:
            # Another session's, another meeting's, or made up: never touch its file.
            return self._refuse_token(
                request,
                meeting,
                "That import is not one you started for this meeting, or it has already "
                "been finished or cancelled. Upload the file again.",
            )
        content = self.delegate_import_store().load(token)
        if content is None:
            self._forget(request, token)
            return self._refuse_token(
                request,
                meeting,
                "That upload has expired (files wait at most "
                f"{IMPORT_MAX_AGE // 3600} hours for confirmation). Upload the file again.",
            )
        try:
            sheet = read_sheet(content, entry["filename"], Layout.from_dict(entry.get("layout")))
        except DelegateImportError as error:
            return self._unreadable(request, meeting, token, entry, error)
        saved = entry.get("mapping")
        mapping = {int(index): name for index, name in saved.items()} if saved else None
        if request.method == "POST":
            return self._answer(request, meeting, token, entry, (content, sheet), mapping)
        preview = delegate_import_preview(meeting=meeting, sheet=sheet, mapping=mapping)
        form = DelegateImportMappingForm(sheet=sheet, mapping=preview.mapping)
        return self._render_preview(request, meeting, token, preview, form)

    def _unreadable(self, request, meeting, token, entry, error: DelegateImportError):
        """A file that cannot be read as staff laid it out is read as found;
        one that cannot be read at all is forgotten."""
        if entry.get("layout"):
            self._remember(request, token, entry, layout=None, mapping=None)
            self.message_user(
                request,
                f"{error} The sheet and header row were found afresh: check them below.",
                messages.ERROR,
            )
            return HttpResponseRedirect(
                self._import_url("delegate_import_preview", meeting, token=token)
            )
        self._forget(request, token)
        return self._refuse_token(request, meeting, str(error))

    def _answer(self, request, meeting, token, entry, read, mapping):
        """A posted preview: cancel, use other columns (or layout), or confirm."""
        content, sheet = read
        action = request.POST.get("action", "")
        if action == "cancel":
            self._forget(request, token)
            self.message_user(
                request, f"Import of “{entry['filename']}” cancelled: nothing was changed."
            )
            return HttpResponseRedirect(self._import_url("change", meeting))
        if action not in ("remap", "confirm"):
            raise Http404("Unknown action.")
        current = delegate_import_preview(meeting=meeting, sheet=sheet, mapping=mapping)
        form = DelegateImportMappingForm(request.POST, sheet=sheet, mapping=current.mapping)
        if form.is_valid() and form.layout_changed:
            # A layout that cannot be read is refused on the form, not stored.
            try:
                read_sheet(content, entry["filename"], form.layout())
            except DelegateImportError as error:
                form.add_error(
                    "sheet" if "sheet" in form.changed_data else "header_row", error.messages
                )
        if not form.is_valid():
            return self._render_preview(request, meeting, token, current, form)
        if form.layout_changed:
            self._remember(request, token, entry, layout=form.layout().as_dict(), mapping=None)
        elif action == "remap" or form.mapping() != current.mapping:
            mapping = {str(index): name for index, name in form.mapping().items()}
            self._remember(request, token, entry, mapping=mapping)
        else:
            return self._confirm(request, meeting, token, entry["filename"], current, form)
        if action == "confirm":
            self.message_user(
                request,
                "The sheet, header row or columns changed, so nothing was imported yet: check "
                "the preview with them, then confirm.",
                messages.WARNING,
            )
        return HttpResponseRedirect(
            self._import_url("delegate_import_preview", meeting, token=token)
        )

    def _confirm(self, request, meeting, token, filename, preview, form):
        if preview.problems or not preview.can_import:
            return self._render_preview(request, meeting, token, preview, form)
        if preview.plan.updates_existing and not (
            request.user.has_perm("meetings.change_delegate")
            and request.user.has_perm("meetings.change_delegation")
        ):
            preview.problems.append(
                ImportProblem(
                    "This import changes delegates or delegations already recorded, and you "
                    "may add delegates but not change them. Ask a colleague who may."
                )
            )
            return self._render_preview(request, meeting, token, preview, form)
        try:
            plan = delegation_import(
                meeting=meeting,
                rows=preview.rows,
                changed_by=request.user,
                reason=f"Imported from {filename}",
            )
        except DelegateImportError as error:
            preview.problems.extend(error.problems)
            return self._render_preview(request, meeting, token, preview, form)
        self._forget(request, token)
        self.message_user(request, import_summary(plan, filename), messages.SUCCESS)
        return HttpResponseRedirect(self._import_url("change", meeting))

    def _render_preview(self, request, meeting, token, preview, form):
        context = self._import_context(
            request,
            meeting,
            "Import delegates: check and confirm",
            preview=preview,
            form=form,
            token=token,
            preview_url=self._import_url("delegate_import_preview", meeting, token=token),
        )
        return TemplateResponse(request, "admin/meetings/delegate_import_preview.html", context)
