"""Portal addresses of the meetings app (included at the site root; see baliprocess/urls.py)."""

from django.urls import path  # noqa: F401 - used as pages are added

app_name = "meetings"

urlpatterns = [
    # --- Portal ---
    # --- Participant lists ---
]
