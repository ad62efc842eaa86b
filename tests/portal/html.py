"""Read portal pages the way a reader does: headings, table rows, messages, words."""

import re
from html import unescape
from html.parser import HTMLParser

_HEADINGS = ("h1", "h2", "h3", "h4")
# Elements inside a line of text: no space is added at their edges.
_INLINE = frozenset(
    {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "time"}
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text)).strip()


class _Main(HTMLParser):
    """Collects the text inside <main>: headings, table rows (cell by cell) and
    messages (div.message), each as the reader sees it."""

    CELL = "\x00"

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = False
        self.open: list[tuple[str, list[str]]] = []  # elements being collected
        self.headings: list[tuple[str, str]] = []
        self.rows: list[list[str]] = []
        self.messages: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        if tag not in _INLINE:
            self.words.append(" ")
        classes = (dict(attrs).get("class") or "").split()
        if tag in (*_HEADINGS, "tr") or (tag == "div" and "message" in classes):
            self.open.append((tag, []))
        if tag in ("td", "th") and self.open and self.open[-1][0] == "tr":
            self.open[-1][1].append(self.CELL)

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if self.in_main and tag not in _INLINE:
            self.words.append(" ")
        if not self.in_main or not self.open or self.open[-1][0] != tag:
            return
        _, parts = self.open.pop()
        text = "".join(parts)
        if tag == "tr":
            self.rows.append([_squash(cell) for cell in text.split(self.CELL)[1:]])
        elif tag == "div":
            self.messages.append(_squash(text))
        else:
            self.headings.append((tag, _squash(text)))
        if self.open:
            self.open[-1][1].append(text)

    def handle_data(self, data):
        if self.in_main:
            self.words.append(data)
            if self.open:
                self.open[-1][1].append(data)


def _parse(response) -> _Main:
    parser = _Main()
    parser.feed(response.content.decode())
    return parser


def headings(response) -> list[tuple[str, str]]:
    """Every heading inside <main> as (level, text), in order."""
    return _parse(response).headings


def item_titles(response) -> list[str]:
    """The h3 headings inside <main>: the titles of a list's records, in order."""
    return [text for level, text in headings(response) if level == "h3"]


def table_rows(response) -> list[list[str]]:
    """Every table row inside <main> as the texts of its cells, header rows included."""
    return _parse(response).rows


def messages(response) -> list[str]:
    """The messages above a list: what was wrong with its filters or page number."""
    return _parse(response).messages


def main_text(response) -> str:
    """All the words inside <main>, with whitespace squashed."""
    return _squash("".join(_parse(response).words))
