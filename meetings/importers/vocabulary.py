"""The words of a delegate list: the fields an import fills, the headers that
name them, and the words a cell may hold (roles, capacities, yes and no,
honorifics, placeholders for "nothing").

Headers and words are compared by `header_key`: case, spaces and punctuation
ignored, so "E-mail address", "EMAIL ADDRESS" and "e mail address" are one.
"""

import re
from dataclasses import dataclass

from meetings.models import Delegate, Delegation

# Names of the values an import reads that are not delegate fields.
CAPACITY = "capacity"  # the delegation's capacity
HEAD_COUNT = "head_count"  # the number of delegates of a delegation without names
GIVEN_NAME = "given_name"  # parts of the name, combined "Given Family" into the name
FAMILY_NAME = "family_name"
HEAD = "head"  # yes or no: the head of delegation (sets the role)
NAME_PARTS = (GIVEN_NAME, FAMILY_NAME)


_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def header_key(text: str) -> str:
    """'E-mail', 'EMAIL' and 'e mail' all become 'email'."""
    return _NOT_ALPHANUMERIC.sub("", str(text).casefold())


@dataclass(frozen=True)
class ImportField:
    name: str
    label: str
    # The headers that name the field, as people write them (the first is
    # the blank template's); compared by header_key().
    headers: tuple[str, ...]
    required: bool = False  # placeholders such as "N/A" are read as empty only when not

    @property
    def template_header(self) -> str:
        return self.headers[0]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(header_key(header) for header in self.headers)


IMPORT_FIELDS = (
    ImportField(
        "participant",
        "Participant (country or organisation)",
        (
            "Country or organisation",
            "Participant",
            "Country",
            "Countries",
            "Delegation",
            "Member",
            "Member state",
            "State",
            "Organisation",
            "Organization",
            "Country/Organisation",
            "Country/Organization",
            "Country or organization",
            "Country, territory or organisation",
            "Country, territory or organization",
            "Participating country",
        ),
        required=True,
    ),
    ImportField(
        "honorific",
        "Honorific",
        (
            "Honorific",
            "Salutation",
            "Prefix",
            "Courtesy title",
            "Mr/Ms",
            "Mr/Ms/Dr",
            "Honorific title",
        ),
    ),
    ImportField(
        "name",
        "Name",
        (
            "Name",
            "Full name",
            "Name in full",
            "Delegate",
            "Delegate name",
            "Delegate's name",
            "Name of delegate",
            "Participant name",
            "Participant's name",
        ),
        required=True,
    ),
    ImportField(
        GIVEN_NAME,
        "Given name(s) (joined before the family name)",
        ("Given name(s)", "Given name", "Given names", "First name", "First names", "Forename"),
        required=True,
    ),
    ImportField(
        FAMILY_NAME,
        "Family name (joined after the given names)",
        ("Family name", "Surname", "Last name", "Family names", "Surnames", "Last names"),
        required=True,
    ),
    ImportField(
        "position",
        "Position",
        (
            "Position",
            "Job title",
            "Designation",
            "Post",
            "Function",
            "Position title",
        ),
    ),
    ImportField(
        "agency",
        "Agency",
        (
            "Agency",
            "Ministry",
            "Department",
            "Ministry/Agency",
            "Ministry or agency",
            "Ministry or organisation",
            "Ministry or organization",
            "Institution",
        ),
    ),
    ImportField("role", "Role", ("Role", "Role in delegation", "Delegation role")),
    ImportField(
        HEAD,
        "Head of delegation (yes or no; sets the role)",
        (
            "Head of delegation",
            "Head of the delegation",
            "Head",
            "HoD",
            "Is head",
            "Is head of delegation",
            "Head of delegation (yes/no)",
            "Delegation head",
        ),
    ),
    ImportField("email", "Email", ("Email", "E-mail", "Email address", "Emails", "Mail")),
    ImportField(
        "phone",
        "Telephone",
        (
            "Telephone",
            "Phone",
            "Tel",
            "Phone number",
            "Phone no.",
            "Telephone number",
            "Telephone no.",
            "Tel. no.",
            "Mobile",
            "Mobile number",
            "Mobile phone",
            "Contact number",
        ),
    ),
    ImportField(CAPACITY, "Capacity", ("Capacity", "Attending as", "Participation")),
    ImportField(
        "may_be_listed",
        "Listed (may be shown to member officials)",
        (
            "Listed",
            "May be listed",
            "Name may be listed",
            "Name may be shown to member officials",
            "Publish name",
            "Consent to list",
        ),
    ),
    ImportField(
        HEAD_COUNT,
        "Number of delegates (a row without names)",
        ("Number of delegates", "Head count", "Delegate count", "Delegates"),
    ),
)
FIELDS_BY_NAME = {item.name: item for item in IMPORT_FIELDS}
# Headers that name either of two fields: the column's content decides (a
# "Title" of Mr, Ms, H.E. is the honorific; one of Director, Minister the position).
AMBIGUOUS_HEADERS = {"title": ("honorific", "position"), "titles": ("honorific", "position")}
# {header_key: field name} for every header that names one field.
FIELD_OF_HEADER = {key: item.name for item in IMPORT_FIELDS for key in item.keys}
# The blank template's columns: the fields a delegation fills in, in this order.
TEMPLATE_FIELDS = (
    "participant",
    "honorific",
    "name",
    "position",
    "agency",
    "role",
    "email",
    "phone",
    "may_be_listed",
)

ROLE_WORDS = {
    "head": Delegate.Role.HEAD,
    "headofdelegation": Delegate.Role.HEAD,
    "headofthedelegation": Delegate.Role.HEAD,
    "hod": Delegate.Role.HEAD,
    "alternate": Delegate.Role.ALTERNATE,
    "alternatehead": Delegate.Role.ALTERNATE,
    "alternateheadofdelegation": Delegate.Role.ALTERNATE,
    "deputyhead": Delegate.Role.ALTERNATE,
    "deputyheadofdelegation": Delegate.Role.ALTERNATE,
    "delegate": Delegate.Role.DELEGATE,
    "member": Delegate.Role.DELEGATE,
    "adviser": Delegate.Role.ADVISER,
    "advisor": Delegate.Role.ADVISER,
}
CAPACITY_WORDS = {
    "member": Delegation.Capacity.MEMBER,
    "members": Delegation.Capacity.MEMBER,
    "observer": Delegation.Capacity.OBSERVER,
    "observers": Delegation.Capacity.OBSERVER,
    "guest": Delegation.Capacity.GUEST,
    "guests": Delegation.Capacity.GUEST,
    "secretariat": Delegation.Capacity.SECRETARIAT,
}
# A spreadsheet lists the people a delegation sends: "not recorded" is for the
# historical record, not a choice an import offers.
YES_WORDS = {"yes", "y", "true", "1", "x", "✓", "✔"}
NO_WORDS = {"no", "n", "false", "0"}
# What a cell holds to say "nothing here": read as empty in optional fields
# (as `placeholder_key` writes them).
PLACEHOLDERS = {
    "-",
    "--",
    "---",
    "—",
    "–",
    "n/a",
    "na",
    "n.a.",
    "n.a",
    "#n/a",
    "none",
    "nil",
    "null",
    "tbc",
    "tba",
    "not applicable",
    "not available",
}

# Honorifics that may open a full name ("H.E. Mr John Smith") or fill a column
# of their own. Abbreviations that are also given names or words ("Pol",
# "Major") count only with their full stop or before another honorific.
_HONORIFIC_WORDS = (
    r"h\.\s?e\.?",
    r"his\s+excellency",
    r"her\s+excellency",
    r"excellency",
    r"mr\.?",
    r"mrs\.?",
    r"ms\.?",
    r"miss",
    r"mx\.?",
    r"dr\.?",
    r"prof\.?",
    r"professor",
    r"the\s+hon(?:ourable|orable|\.)?",
    r"hon\.",
    r"honourable",
    r"honorable",
    r"sir",
    r"dame",
    r"amb\.",
    r"ambassador",
    r"rev\.",
    r"reverend",
    r"datuk(?:\s+seri)?",
    r"dato'?(?:\s+seri|\s+sri)?",
    r"datin",
    r"tan\s+sri",
    r"puan\s+sri",
    r"pehin",
    r"police",
    r"pol\.",
    r"(?:lieutenant|lt\.?|major|maj\.|brigadier|brig\.)\s+general",
    r"(?:lieutenant|lt\.?)\s+colonel",
    r"(?:rear|vice)\s+admiral",
    r"air\s+(?:vice\s+)?marshal",
    r"general",
    r"gen\.",
    r"colonel",
    r"col\.",
    r"captain",
    r"capt\.",
    r"commander",
    r"cdr\.",
    r"admiral",
)
_HONORIFIC = r"(?:" + "|".join(_HONORIFIC_WORDS) + r")"
# An honorific ends at a space, at its full stop ("H.E.Mr") or at the end.
_HONORIFIC_TOKEN = rf"{_HONORIFIC}(?:\s+|(?<=\.)|$)"
# One or more honorifics, then the name: "H.E. Mr" and "John Smith".
HONORIFICS_BEFORE_NAME = re.compile(rf"^((?:{_HONORIFIC_TOKEN})+)(\S.*)$", re.IGNORECASE)
# A cell of honorifics only: "Mr", "H.E. Ms", "Police Major General".
HONORIFICS_ONLY = re.compile(rf"^(?:{_HONORIFIC_TOKEN})+$", re.IGNORECASE)


def placeholder_key(text: str) -> str:
    return " ".join(str(text).casefold().split())


def is_placeholder(text: str) -> bool:
    """Whether a cell says "nothing": '-', 'N/A', 'none', '—'…"""
    return placeholder_key(text) in PLACEHOLDERS


def choices_text(words: dict, choices) -> str:
    """'Head of delegation, Alternate head of delegation, …': the labels a column accepts."""
    return ", ".join(label for value, label in choices if value in words.values())
