"""Developer scripts run as modules (`python -m scripts.bench`); not part of the application."""
