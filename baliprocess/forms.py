"""Forms of the project layer: the site-wide search."""

from django import forms

from baliprocess.search import MAX_QUERY_LENGTH, RESULT_TYPES


class SearchForm(forms.Form):
    """What a visitor asks the search for. Every field is optional so an empty
    form shows the search page, and each bad value gets its own message."""

    q = forms.CharField(
        label="Search for",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        help_text="Words to find in meetings, participants, groups, outcomes and documents. "
        "The start of a word finds the whole word (traffick: trafficking). Put a phrase "
        "in quotes, a minus before a word to leave it out, or between alternatives.",
        widget=forms.SearchInput(attrs={"spellcheck": "false"}),
        error_messages={
            "max_length": "Search for at most %(limit_value)d characters; "
            "this search has %(show_value)d.",
        },
    )
    type = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "All types"), *((kind.key, kind.plural) for kind in RESULT_TYPES)],
        error_messages={
            "invalid_choice": "There is no result type “%(value)s”: choose meetings, "
            "participants, groups, outcomes or documents. Showing every type.",
        },
    )
