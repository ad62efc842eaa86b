"""`make bench-scale`: the production settings plus one trivial page.

The benchmark serves the portal with exactly production's settings, so that it
measures the middleware, cache and database access production has; the only
difference is the URLconf, which adds `__bench__/ceiling/` (see
baliprocess/bench_urls.py), the "bare-view ceiling" the pages are compared to.
Never used to serve the site.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "baliprocess.bench_urls"
