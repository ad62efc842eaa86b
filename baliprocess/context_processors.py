from django.conf import settings


def site(request):
    """Names every page's layout needs, so templates never hard-code them."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_LONG_NAME": settings.SITE_LONG_NAME,
    }
