"""The list views every portal list uses (meetings, members, groups, workshops,
outcomes, documents, the facts a document supports): a strict FilterSet and
pagination that never fails."""

from django_filters.views import FilterView


def _page_count_phrase(count: int) -> str:
    return "one page" if count == 1 else f"{count} pages"


class ForgivingPaginationMixin:
    """Pagination that never fails, for a ListView.

    A page number that is not a number, or lies past the end, shows a message
    (`page_problem`) and the nearest real page instead of a 404; the context
    carries `page_range` for templates/includes/pagination.html.
    """

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
        )
        raw = self.request.GET.get(self.page_kwarg, "")
        number, self.page_problem = self._page_number(raw.strip(), paginator)
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    @staticmethod
    def _page_number(raw: str, paginator) -> tuple[int, str]:
        if raw == "":
            return 1, ""
        if raw == "last":
            return paginator.num_pages, ""
        shown = raw if len(raw) <= 20 else f"{raw[:20]}…"
        try:
            number = int(raw)
        except ValueError:
            return 1, f"“{shown}” is not a page number; here is the first page."
        pages = paginator.num_pages
        if number < 1:
            return 1, f"Pages are numbered from 1; “{shown}” is not one. Here is the first page."
        if number > pages:
            return pages, (
                f"There is no page {shown}; this list has {_page_count_phrase(pages)}. "
                f"Here is page {pages}."
            )
        return number, ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_problem"] = getattr(self, "page_problem", "")
        page = context.get("page_obj")
        context["page_range"] = (
            list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
            if page is not None
            else []
        )
        return context


class PortalListView(ForgivingPaginationMixin, FilterView):
    """A ListView with a strict FilterSet and pagination that never fails.

    - The FilterSet is always bound, so an empty query string is a valid,
      unfiltered request and the FilterSet's own `filter_queryset` always runs.
    - Strict: when a filter value is wrong, the list is empty and the page
      names what is wrong (`filter_problems`).
    - A bad page number: see ForgivingPaginationMixin.
    """

    paginate_by = 20
    strict = True

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["data"] = self.request.GET
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_problems"] = self.filterset.problems()
        return context
