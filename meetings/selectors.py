"""Reads about meetings, delegations and documents that pages and exports share.

Two sections: the portal's reads, and the participant list's. Visibility is
never decided here: it comes from the querysets' `visible_to` /
`listable_to` methods in models.py.
"""

# --- Portal ---------------------------------------------------------------


# --- Participant lists ----------------------------------------------------
