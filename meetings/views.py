"""Portal views of the meetings app: meetings, documents, participant lists."""

# --- Portal ---


# --- Participant lists ---
