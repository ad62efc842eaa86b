"""Walk every fact of the record with the passages it cites, and check them.

`facts_and_cites()` yields each fact the loader writes (nested ones too: a
meeting's roles, a group's terms of reference, an outcome's statuses) with a
label saying where it is; `citation_problems()` lists each fact that cites
nothing and each quote its source does not contain. The test suite asserts
the list is empty, so a fact cannot enter the record without a passage a
reader can find.
"""

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from urllib.parse import urlparse

from baliprocess.record import documents, groups, meetings, outcomes, participants, workshops
from baliprocess.record.facts import Cite, MembershipFact

SOURCES_DIR = Path(__file__).resolve().parent / "sources"

_SPACE = re.compile(r"\s+")


def squeezed(text: str) -> str:
    """The text with every run of whitespace made one space: a quote that
    crosses a line or page break in its source still matches."""
    return _SPACE.sub(" ", text).strip()


def _label(fact) -> str:
    for name in ("slug", "key", "participant", "label", "name", "status"):
        value = getattr(fact, name, None)
        if value:
            return f"{type(fact).__name__}({value!r})"
    return type(fact).__name__


def _nested(fact, label: str) -> Iterator[tuple[str, object]]:
    yield label, fact
    for field in fields(fact):
        value = getattr(fact, field.name)
        if isinstance(value, tuple):
            for item in value:
                if is_dataclass(item) and not isinstance(item, Cite):
                    yield from _nested(item, f"{label} › {_label(item)}")


def facts_and_cites() -> Iterator[tuple[str, object]]:
    """(label, fact) for every fact the loader writes, nested facts included."""
    top_level = (
        participants.PARTICIPANTS
        + participants.MEMBERSHIP
        + documents.DOCUMENTS
        + meetings.MEETINGS
        + workshops.WORKSHOPS
        + meetings.DELEGATIONS
        + groups.GROUPS
        + outcomes.OUTCOMES
        + outcomes.OUTCOME_LINKS
    )
    for fact in top_level:
        yield from _nested(fact, _label(fact))


def source_texts(sources_dir: Path = SOURCES_DIR) -> dict[str, str]:
    """Each seed document's text, squeezed, by the document's slug."""
    return {
        fact.slug: squeezed((sources_dir / fact.source).read_text(encoding="utf-8"))
        for fact in documents.DOCUMENTS
    }


def cite_problem(cite: Cite, texts: dict[str, str]) -> str:
    """What is wrong with one citation, or '' when a reader can check it."""
    if cite.document is None:
        address = urlparse(cite.url)
        if not cite.title or address.scheme != "https" or not address.netloc:
            return "cites another source without both a title and an https address"
        return ""
    if cite.document not in texts:
        return f"cites {cite.document!r}, which is not a seed document"
    passage = squeezed(cite.passage)
    if not passage:
        return f"cites {cite.document!r} without quoting a passage"
    if passage not in texts[cite.document]:
        return f"quotes a passage that {cite.document!r} does not contain: {passage[:80]!r}"
    return ""


# Facts that only hold others and write no row of their own: a participant's
# statuses each cite their passage.
CONTAINERS = (MembershipFact,)


def citation_problems(sources_dir: Path = SOURCES_DIR) -> list[str]:
    texts = source_texts(sources_dir)
    problems = []
    for label, fact in facts_and_cites():
        if isinstance(fact, CONTAINERS):
            continue
        cites = getattr(fact, "cites", ())
        if not cites:
            problems.append(f"{label}: cites no passage")
        for cite in cites:
            problem = cite_problem(cite, texts)
            if problem:
                problems.append(f"{label}: {problem}")
    return problems
