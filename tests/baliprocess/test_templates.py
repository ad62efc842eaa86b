"""Template hygiene that rendering tests would not notice."""

from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "templates").rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=[str(p.name) for p in TEMPLATES])
def test_comments_close_on_the_line_they_open(path):
    # Django's {# #} comments are single-line: a multi-line one is printed as text.
    unclosed = [
        number
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]

    assert unclosed == []
