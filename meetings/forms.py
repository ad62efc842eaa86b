"""Forms of the meetings app: the admin's, and the delegate import's."""

# --- Admin forms ---


# --- Delegate import ---
