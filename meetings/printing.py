"""Name badges and table tents for a meeting: print-ready A4 PDFs.

Both read meetings.selectors.participant_list, as every participant-list
format does: the badges show the delegates whose names the viewer may see
(DelegateQuerySet.listable_to), in list order; the tents show the
delegations, which anyone who may see the meeting may see. Text in any
script is drawn with baliprocess.lib.pdf_fonts.

- Badges: 90 × 55 mm, the size of the usual badge holder insert, two across
  and four down an A4 sheet, with cut marks in the margins. Each has the
  meeting's title on a coloured band, the name with its honorific, the
  delegation's name as the list prints it, and the role unless it is
  "Delegate" or not recorded.
- Tents: one A4 sheet per delegation, landscape, folded across the middle:
  the name large on each half, the top half upside down, so that it reads
  from both sides of the table.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

from baliprocess.lib.pdf_fonts import Run, ScriptFonts
from meetings.exporters import DOCUMENT_AUTHOR, pdf_font, pdf_font_candidates
from meetings.models import Delegate
from meetings.selectors import ListedDelegation, ParticipantList

MM = 72 / 25.4  # points in a millimetre
A4_WIDTH, A4_HEIGHT = 210 * MM, 297 * MM

BADGE_WIDTH, BADGE_HEIGHT = 90 * MM, 55 * MM
BADGE_COLUMNS, BADGE_ROWS = 2, 4
BADGES_PER_SHEET = BADGE_COLUMNS * BADGE_ROWS
_BADGE_BAND = 10 * MM  # the coloured band at the top, with the meeting's title
_BADGE_PADDING = 5 * MM
# Cut marks: lines in the margin along each cut, clear of the badges.
_CUT_MARK_GAP, _CUT_MARK_LENGTH = 2 * MM, 6 * MM

_TENT_SIDE_MARGIN = 20 * MM

# Text sizes (see _fit): (largest, smallest, lines), tried in turn. Three
# lines of a tent's name at 60 points still leave 15 mm above and below on
# its 105 mm face.
_BADGE_TITLE = ((8, 6, 1),)
_BADGE_NAME = ((18, 12, 2), (13, 9, 3))
_BADGE_DELEGATION = ((12, 8, 2),)
_BADGE_ROLE = ((9, 7, 1),)
_TENT_NAME = ((72, 30, 2), (60, 20, 3))

_INK = "#0b3954"
_GREY = "#555555"
_FOLD_GREY = "#9aa5b1"

# Roles a badge does not print: most delegates are "Delegate".
_UNPRINTED_ROLES = (Delegate.Role.DELEGATE, Delegate.Role.NOT_RECORDED)

# Han characters differ in shape between Chinese, Japanese and Korean: a
# delegation's country says which font its names take.
_HAN_BY_COUNTRY = {
    "CN": "chinese",
    "HK": "chinese",
    "MO": "chinese",
    "SG": "chinese",
    "TW": "chinese",
    "JP": "japanese",
    "KP": "korean",
    "KR": "korean",
}


@dataclass(frozen=True)
class Badge:
    name: str
    delegation: str
    role: str
    #: The font Han characters take ("japanese"…), from the delegation's country.
    han: str | None = None


def _han(entry: ListedDelegation) -> str | None:
    country = entry.participant.country
    return _HAN_BY_COUNTRY.get(country.code if country else "")


def badges(participant_list: ParticipantList) -> Iterator[Badge]:
    """A badge per delegate the list names, in list order."""
    role_labels = dict(Delegate.Role.choices)
    for entry in participant_list.delegations:
        han = _han(entry)
        for delegate in entry.delegates:
            role = ""
            if delegate.role not in _UNPRINTED_ROLES:
                role = role_labels.get(delegate.role, delegate.role)
            yield Badge(delegate.display_name, entry.listed_name, role, han)


def badges_filename(participant_list: ParticipantList) -> str:
    return f"{participant_list.meeting.slug}-badges.pdf"


def table_tents_filename(participant_list: ParticipantList) -> str:
    return f"{participant_list.meeting.slug}-table-tents.pdf"


# --- Text in a box ------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """Lines of text set at one size."""

    size: float
    lines: list[list[Run]]

    @property
    def leading(self) -> float:
        return self.size * 1.18

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def _fit(
    fonts: ScriptFonts,
    text: str,
    *,
    width: float,
    tries: tuple[tuple[float, float, int], ...],
    bold: bool = False,
    han: str | None = None,
) -> _Block:
    """`text` in lines of `width`, as large as it fits: each try, in turn, is
    (largest, smallest, lines), the sizes from the largest down to the
    smallest, a point at a time, at which it may take that many lines. At the
    last try's smallest size, shortened with "…" if it still does not fit."""
    text = " ".join(text.split())
    for largest, smallest, max_lines in tries:
        size = largest
        while True:
            lines = fonts.lines(text, width, size, bold=bold, han=han)
            if len(lines) <= max_lines:
                return _Block(size, lines)
            if size <= smallest:
                break
            size = max(smallest, size - 1)
    # Cut between words where that fits, else between characters (Chinese).
    spaces = [index for index, character in enumerate(text) if character == " "]
    for cut in [*reversed(spaces), *range(len(text) - 1, 0, -1)]:
        lines = fonts.lines(f"{text[:cut].rstrip()}…", width, size, bold=bold, han=han)
        if len(lines) <= max_lines:
            break
    return _Block(size, lines)


def _draw_block(canvas, fonts: ScriptFonts, block: _Block, x_centre: float, top: float) -> None:
    # The first baseline a little less than a size below the top: the
    # height of capitals and ascenders.
    baseline = top - block.size * 0.9 - (block.leading - block.size) / 2
    for line in block.lines:
        fonts.draw(canvas, x_centre, baseline, line, block.size, align="centre")
        baseline -= block.leading


def _canvas(buffer, *, title: str, meeting, pagesize):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(buffer, pagesize=pagesize, lang="en-GB")
    canvas.setTitle(title)
    canvas.setAuthor(DOCUMENT_AUTHOR)
    canvas.setSubject(meeting.title)
    canvas.setCreator(settings.SITE_LONG_NAME)
    return canvas


def _script_fonts() -> ScriptFonts:
    font = pdf_font(pdf_font_candidates())
    # Its own: `missing` says what this document could not draw.
    return ScriptFonts(font.regular, font.bold)


def _note(canvas, fonts: ScriptFonts, text: str, *, x_centre: float, top: float, width: float):
    """A small grey line (or up to three) centred on `x_centre` under `top`."""
    from reportlab.lib.colors import HexColor

    canvas.setFillColor(HexColor(_GREY))
    block = _fit(fonts, text, width=width, tries=((7, 6, 3),))
    _draw_block(canvas, fonts, block, x_centre, top)


# --- Badges -------------------------------------------------------------------


@dataclass(frozen=True)
class _BadgeLayout:
    title: _Block
    name: _Block
    delegation: _Block
    role: _Block | None


def render_badges_pdf(participant_list: ParticipantList) -> bytes:
    """Name badges, eight to an A4 sheet, with cut marks; one page saying so
    when the list names nobody."""
    from reportlab.lib.colors import HexColor

    meeting = participant_list.meeting
    fonts = _script_fonts()
    text_width = BADGE_WIDTH - 2 * _BADGE_PADDING
    title = _fit(fonts, meeting.title, width=text_width, tries=_BADGE_TITLE, bold=True)
    # Laid out first: a script without a font is then known for the first sheet's note.
    layouts = [
        _BadgeLayout(
            title,
            _fit(fonts, badge.name, width=text_width, tries=_BADGE_NAME, bold=True, han=badge.han),
            _fit(fonts, badge.delegation, width=text_width, tries=_BADGE_DELEGATION, han=badge.han),
            _fit(fonts, badge.role, width=text_width, tries=_BADGE_ROLE) if badge.role else None,
        )
        for badge in badges(participant_list)
    ]
    buffer = io.BytesIO()
    canvas = _canvas(
        buffer,
        title=f"Name badges: {meeting.title}",
        meeting=meeting,
        pagesize=(A4_WIDTH, A4_HEIGHT),
    )
    left = (A4_WIDTH - BADGE_COLUMNS * BADGE_WIDTH) / 2
    bottom = (A4_HEIGHT - BADGE_ROWS * BADGE_HEIGHT) / 2
    top = bottom + BADGE_ROWS * BADGE_HEIGHT
    sheets = [
        layouts[start : start + BADGES_PER_SHEET]
        for start in range(0, len(layouts), BADGES_PER_SHEET)
    ]
    missing = fonts.missing_note()
    if not sheets:
        _note(
            canvas,
            fonts,
            "No delegates' names are recorded for this meeting.",
            x_centre=A4_WIDTH / 2,
            top=A4_HEIGHT / 2,
            width=A4_WIDTH - 40 * MM,
        )
        canvas.showPage()
    for number, sheet in enumerate(sheets, start=1):
        if number == 1 and missing:
            _note(
                canvas,
                fonts,
                missing,
                x_centre=A4_WIDTH / 2,
                top=A4_HEIGHT - 12 * MM,
                width=A4_WIDTH - 30 * MM,
            )
        _note(
            canvas,
            fonts,
            f"Name badges: {meeting.title} — sheet {number} of {len(sheets)}",
            x_centre=A4_WIDTH / 2,
            top=bottom - _CUT_MARK_GAP - _CUT_MARK_LENGTH - 4 * MM,
            width=A4_WIDTH - 30 * MM,
        )
        for index, layout in enumerate(sheet):
            row, column = divmod(index, BADGE_COLUMNS)
            x = left + column * BADGE_WIDTH
            y = top - (row + 1) * BADGE_HEIGHT
            _draw_badge(canvas, fonts, layout, x, y, ink=HexColor(_INK), grey=HexColor(_GREY))
        _draw_cut_marks(canvas, left, bottom)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_badge(canvas, fonts: ScriptFonts, layout: _BadgeLayout, x, y, *, ink, grey) -> None:
    from reportlab.lib.colors import white

    centre = x + BADGE_WIDTH / 2
    band_bottom = y + BADGE_HEIGHT - _BADGE_BAND
    canvas.setFillColor(ink)
    canvas.rect(x, band_bottom, BADGE_WIDTH, _BADGE_BAND, stroke=0, fill=1)
    canvas.setFillColor(white)
    _draw_block(
        canvas, fonts, layout.title, centre, band_bottom + (_BADGE_BAND + layout.title.height) / 2
    )

    # The name, the delegation and the role, centred in the room under the band.
    gap = 2.5 * MM
    blocks = [layout.name, layout.delegation] + ([layout.role] if layout.role else [])
    height = sum(block.height for block in blocks) + gap * (len(blocks) - 1)
    room_top, room_bottom = band_bottom - 1 * MM, y + _BADGE_PADDING
    top = room_top - max(0, (room_top - room_bottom - height) / 2)
    for block, colour in zip(blocks, ("#000000", ink, grey), strict=False):
        canvas.setFillColor(colour)
        _draw_block(canvas, fonts, block, centre, top)
        top -= block.height + gap


def _draw_cut_marks(canvas, left: float, bottom: float) -> None:
    """Short lines in the margins along every cut: between the badges, and
    around the sheet of them."""
    right = left + BADGE_COLUMNS * BADGE_WIDTH
    top = bottom + BADGE_ROWS * BADGE_HEIGHT
    near, far = _CUT_MARK_GAP, _CUT_MARK_GAP + _CUT_MARK_LENGTH
    canvas.setLineWidth(0.3)
    canvas.setStrokeColorRGB(0, 0, 0)
    for column in range(BADGE_COLUMNS + 1):
        x = left + column * BADGE_WIDTH
        canvas.line(x, top + near, x, top + far)
        canvas.line(x, bottom - near, x, bottom - far)
    for row in range(BADGE_ROWS + 1):
        y = bottom + row * BADGE_HEIGHT
        canvas.line(left - near, y, left - far, y)
        canvas.line(right + near, y, right + far, y)


# --- Table tents --------------------------------------------------------------


def render_table_tents_pdf(participant_list: ParticipantList) -> bytes:
    """A table tent per delegation, in list order: an A4 sheet, landscape,
    folded along the dashed line; one page saying so when no delegation is
    recorded."""
    from reportlab.lib.colors import HexColor

    meeting = participant_list.meeting
    fonts = _script_fonts()
    width, height = A4_HEIGHT, A4_WIDTH  # landscape
    face = height / 2
    text_width = width - 2 * _TENT_SIDE_MARGIN
    names = [
        _fit(
            fonts, entry.listed_name, width=text_width, tries=_TENT_NAME, bold=True, han=_han(entry)
        )
        for entry in participant_list.delegations
    ]
    buffer = io.BytesIO()
    canvas = _canvas(
        buffer, title=f"Table tents: {meeting.title}", meeting=meeting, pagesize=(width, height)
    )
    missing = fonts.missing_note()
    if not names:
        _note(
            canvas,
            fonts,
            "No delegations are recorded for this meeting.",
            x_centre=width / 2,
            top=height / 2,
            width=text_width,
        )
        canvas.showPage()
    for number, block in enumerate(names, start=1):
        if number == 1 and missing:
            # Small, by the fold: for the staff who print it.
            _note(canvas, fonts, missing, x_centre=width / 2, top=face - 3 * MM, width=text_width)
        canvas.setStrokeColor(HexColor(_FOLD_GREY))
        canvas.setLineWidth(0.5)
        canvas.setDash(4, 3)
        canvas.line(10 * MM, face, width - 10 * MM, face)
        canvas.setDash()
        canvas.setFillColor(HexColor(_INK))
        _draw_tent_face(canvas, fonts, block, width, face)
        canvas.saveState()
        # The top half, upside down: turned about the centre of the sheet.
        canvas.translate(width, height)
        canvas.rotate(180)
        _draw_tent_face(canvas, fonts, block, width, face)
        canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_tent_face(canvas, fonts: ScriptFonts, block: _Block, width: float, face: float) -> None:
    """The name centred on the lower half of the sheet (the fold at its top)."""
    _draw_block(canvas, fonts, block, width / 2, (face + block.height) / 2)
