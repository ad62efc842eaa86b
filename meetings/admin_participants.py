"""The participant list in the secretariat's admin: downloads with contact
details, and delegate lists imported from spreadsheets.

ParticipantListAdminMixin is added to MeetingAdminBase (meetings/admin.py),
so every meeting admin — all meetings, each kind, workshops — gets, on a
meeting's change page:

- the list as CSV, Excel, PDF and Word, with email and telephone for staff
  who hold meetings.see_delegate_contacts;
- "Import delegates" for staff who hold meetings.add_delegate: upload a CSV
  or XLSX file, check which field each column fills, read the preview
  (created, updated, unchanged, and every problem with its row and column),
  then confirm or cancel. Nothing is written before confirming; confirming
  writes everything or nothing.

Between preview and confirm the file waits in a private folder
(ImportFileStore); the session holds its token, which only this session and
this meeting may use, and the file is deleted on confirm or cancel.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from meetings.exporters import PARTICIPANT_LIST_FORMATS
from meetings.forms import DelegateImportMappingForm, DelegateImportUploadForm
from meetings.importers import (
    ImportFileError,
    ImportFileStore,
    ImportProblem,
    delegate_import_preview,
    import_summary,
    read_sheet,
)
from meetings.selectors import participant_list
from meetings.services import delegation_import
from meetings.views import participant_list_download

SESSION_KEY = "delegate_imports"
# An upload older than this (seconds) is stale: upload the file again.
IMPORT_MAX_AGE = 6 * 3600
# How many unfinished imports one session keeps.
MAX_PENDING_IMPORTS = 10


class ParticipantListAdminMixin:
    """Participant-list downloads and the delegate import, for a meeting admin."""

    change_form_template = "admin/meetings/meeting_change_form.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/participants.<str:format>",
                wrap(self.participant_list_download_view),
                name="{}_{}_participant_list_export".format(*info),
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

    # --- The change page's buttons ---

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            context["participant_list_tools"] = self.participant_list_tools(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def participant_list_tools(self, request, meeting) -> dict:
        downloads = [
            {
                "label": f"Participants ({list_format.label})",
                "url": self._url(request, "participant_list_export", meeting, format=key),
            }
            for key, list_format in PARTICIPANT_LIST_FORMATS.items()
        ]
        import_url = (
            self._url(request, "delegate_import", meeting)
            if self.may_import_delegates(request)
            else ""
        )
        return {"downloads": downloads, "import_url": import_url}

    def _url(self, request, name: str, meeting, **kwargs) -> str:
        info = self.opts.app_label, self.opts.model_name
        return reverse(
            f"{self.admin_site.name}:{info[0]}_{info[1]}_{name}",
            kwargs={"object_id": meeting.pk, **kwargs},
        )

    def _meeting(self, request, object_id):
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            raise Http404("No such meeting.")
        if not self.has_view_or_change_permission(request, meeting):
            raise PermissionDenied
        return meeting

    # --- Downloads ---

    def participant_list_download_view(self, request, object_id, format):
        """The list in one format, with contact details for those allowed them."""
        list_format = PARTICIPANT_LIST_FORMATS.get(format)
        if list_format is None:
            raise Http404("The participant list comes as CSV, XLSX, PDF or DOCX.")
        meeting = self._meeting(request, object_id)
        list_ = participant_list(meeting=meeting, user=request.user, with_contacts=True)
        return participant_list_download(list_, list_format)

    # --- Importing ---

    def may_import_delegates(self, request) -> bool:
        return request.user.has_perm("meetings.add_delegate")

    def delegate_import_store(self) -> ImportFileStore:
        return ImportFileStore(max_age=IMPORT_MAX_AGE)

    def _import_context(self, request, meeting, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "meeting": meeting,
            "title": title,
            "subtitle": str(meeting),
            "change_url": self._url(request, "change", meeting),
            "upload_url": self._url(request, "delegate_import", meeting),
            "max_bytes": settings.DELEGATE_IMPORT_MAX_BYTES,
            "max_rows": settings.DELEGATE_IMPORT_MAX_ROWS,
            **extra,
        }

    def delegate_import_view(self, request, object_id):
        """Step one: upload the file; it is read at once and kept only if it can be."""
        meeting = self._meeting(request, object_id)
        if not self.may_import_delegates(request):
            raise PermissionDenied
        form = DelegateImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
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
                "created": time.time(),
            }
            request.session[SESSION_KEY] = pending
            return HttpResponseRedirect(
                self._url(request, "delegate_import_preview", meeting, token=token)
            )
        context = self._import_context(request, meeting, "Import delegates", form=form)
        return TemplateResponse(request, "admin/meetings/delegate_import_upload.html", context)

    def _refuse_token(self, request, meeting, message: str):
        self.message_user(request, message, messages.ERROR)
        return HttpResponseRedirect(self._url(request, "delegate_import", meeting))

    def _forget(self, request, token: str) -> None:
        self.delegate_import_store().delete(token)
        pending = dict(request.session.get(SESSION_KEY, {}))
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending

    def delegate_import_preview_view(self, request, object_id, token):
        """Step two: the columns and the preview; then confirm (write) or cancel."""
        meeting = self._meeting(request, object_id)
        if not self.may_import_delegates(request):
            raise PermissionDenied
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
        filename = entry["filename"]
        try:
            sheet = read_sheet(content, filename)
        except ImportFileError as error:
            self._forget(request, token)
            return self._refuse_token(request, meeting, str(error))
        saved = entry.get("mapping")
        mapping = {int(index): name for index, name in saved.items()} if saved else None

        if request.method == "POST":
            action = request.POST.get("action", "")
            if action == "cancel":
                self._forget(request, token)
                self.message_user(
                    request, f"Import of “{filename}” cancelled: nothing was changed."
                )
                return HttpResponseRedirect(self._url(request, "change", meeting))
            if action not in ("remap", "confirm"):
                raise Http404("Unknown action.")
            current = delegate_import_preview(meeting=meeting, sheet=sheet, mapping=mapping)
            form = DelegateImportMappingForm(
                request.POST, headers=sheet.headers, mapping=current.mapping
            )
            if not form.is_valid():
                return self._render_preview(request, meeting, token, current, form)
            posted = form.mapping()
            if action == "remap" or posted != current.mapping:
                entry = {**entry, "mapping": {str(index): name for index, name in posted.items()}}
                request.session[SESSION_KEY] = {
                    **request.session.get(SESSION_KEY, {}),
                    token: entry,
                }
                if action == "confirm":
                    self.message_user(
                        request,
                        "The columns changed, so nothing was imported yet: check the preview "
                        "with the new columns, then confirm.",
                        messages.WARNING,
                    )
                return HttpResponseRedirect(
                    self._url(request, "delegate_import_preview", meeting, token=token)
                )
            return self._confirm(request, meeting, token, filename, current, form)

        preview = delegate_import_preview(meeting=meeting, sheet=sheet, mapping=mapping)
        form = DelegateImportMappingForm(headers=sheet.headers, mapping=preview.mapping)
        return self._render_preview(request, meeting, token, preview, form)

    def _confirm(self, request, meeting, token, filename, preview, form):
        if preview.problems or not preview.can_import:
            return self._render_preview(request, meeting, token, preview, form)
        plan = preview.plan
        if plan.updates_existing and not (
            request.user.has_perm("meetings.change_delegate")
            and request.user.has_perm("meetings.change_delegation")
        ):
            preview.problems.append(
                ImportProblem(
                    None,
                    None,
                    "This import changes delegates or delegations already recorded, and you "
                    "may add delegates but not change them. Ask a colleague who may.",
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
        except ValidationError as error:
            preview.problems.extend(ImportProblem(None, None, text) for text in error.messages)
            return self._render_preview(request, meeting, token, preview, form)
        self._forget(request, token)
        self.message_user(request, import_summary(plan, filename), messages.SUCCESS)
        return HttpResponseRedirect(self._url(request, "change", meeting))

    def _render_preview(self, request, meeting, token, preview, form):
        context = self._import_context(
            request,
            meeting,
            "Import delegates: check and confirm",
            preview=preview,
            form=form,
            token=token,
            preview_url=self._url(request, "delegate_import_preview", meeting, token=token),
        )
        return TemplateResponse(request, "admin/meetings/delegate_import_preview.html", context)
