"""The project layer has no tables of its own.

This module exists because Django sends post_migrate only to apps that have
a models module, and the roles are synced on this app's post_migrate (see
apps.py), after every record app's permissions exist.
"""
