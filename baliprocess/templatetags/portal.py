"""Template helpers shared by every portal page."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, href: str, label: str) -> str:
    """A primary navigation item, marked as the current section when it is one."""
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == href:
        marker = "page"
    elif path.startswith(href):
        marker = "true"  # a page inside this section
    else:
        return format_html('<li><a href="{}">{}</a></li>', href, label)
    return format_html('<li><a href="{}" aria-current="{}">{}</a></li>', href, marker, label)
