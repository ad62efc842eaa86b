"""The participant list in the secretariat's admin: downloads with contact
details, and delegate lists imported from spreadsheets.

ParticipantListAdminMixin is added to MeetingAdminBase (meetings/admin.py),
so every meeting admin — all meetings, each kind, workshops — gets, on a
meeting's change page:

- the list's circulation version (what member officials receive) and, for
  staff who hold meetings.see_delegate_contacts, its restricted version
  (everyone, with email and telephone, marked) as CSV, Excel, PDF and Word;
- "Import delegates" for staff who hold meetings.add_delegate: the import
  wizard of meetings.admin_imports (DelegateImportAdminMixin): upload,
  preview, then confirm or cancel.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse

from meetings.admin_imports import DelegateImportAdminMixin
from meetings.exporters import PARTICIPANT_LIST_FORMATS
from meetings.selectors import LIST_VERSIONS, participant_list, participant_list_versions
from meetings.views import participant_list_download


class ParticipantListAdminMixin(DelegateImportAdminMixin):
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
                "<path:object_id>/participants/<slug:version>.<str:format>",
                wrap(self.participant_list_download_view),
                name="{}_{}_participant_list_version_export".format(*info),
            ),
            *super().get_urls(),
        ]

    # --- The change page's buttons ---

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            context["participant_list_tools"] = self.participant_list_tools(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def participant_list_tools(self, request, meeting) -> dict:
        """The change page's buttons: each version of the list the user may
        have beyond the public one (which the portal gives anyone) in each
        format — the circulation version staff hand out, and the restricted
        one for those who may see contact details — and the import."""
        downloads = [
            {
                "label": f"Participants: {version.label.lower()} ({list_format.label})",
                "url": self._url(
                    request,
                    "participant_list_version_export",
                    meeting,
                    version=version.key,
                    format=key,
                ),
            }
            for version in participant_list_versions(request.user)
            if version.shows_names
            for key, list_format in PARTICIPANT_LIST_FORMATS.items()
        ]
        # Badges and table tents come from the portal, which decides who may
        # have them (meetings.views_printing); staff get a badge for everyone.
        downloads += [
            {"label": "Name badges (PDF)", "url": reverse("meetings:badges", args=[meeting.slug])},
            {
                "label": "Table tents (PDF)",
                "url": reverse("meetings:table_tents", args=[meeting.slug]),
            },
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

    def participant_list_download_view(self, request, object_id, format, version=None):
        """A version of the list in one format: 403 for a version the user may
        not have (participant_list_versions). Without a version (the older
        address), the widest they may have: the restricted one, with contact
        details, for those allowed them."""
        list_format = PARTICIPANT_LIST_FORMATS.get(format)
        if list_format is None:
            raise Http404("The participant list comes as CSV, XLSX, PDF or DOCX.")
        if version is not None and version not in LIST_VERSIONS:
            raise Http404("A participant list is public, circulation or restricted.")
        meeting = self._meeting(request, object_id)
        list_ = participant_list(
            meeting=meeting, user=request.user, version=version, with_contacts=True
        )
        return participant_list_download(list_, list_format)
