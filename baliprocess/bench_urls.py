"""The site's URLs plus the benchmark's bare-view ceiling (baliprocess/settings/bench.py).

`__bench__/ceiling/` answers "ok" through the same server and middleware stack
as every page, without templates or queries: the fastest any page could be,
which `make bench-scale` compares each page's requests per second with. Only
the bench settings route to it; production's URLconf has no such address.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from baliprocess.urls import (  # noqa: F401 (the error handlers belong to the root URLconf)
    handler400,
    handler403,
    handler404,
    handler500,
)
from baliprocess.urls import urlpatterns as site_urlpatterns


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("__bench__/ceiling/", ceiling, name="bench_ceiling"),
    *site_urlpatterns,
]
