"""Names in every script in the participant-list PDF, read back with pypdf.

What is asserted: each name's text is in the PDF's extracted text (pypdf
reads it back through the ToUnicode maps ReportLab writes), and the font of
each script is embedded. Arabic is drawn shaped (joining forms) and right to
left. pypdf (6.21) gives each Arabic word back with its letters in reading
order (it reverses right-to-left letters) and the words in the order they
are drawn: so the name drawn right to left reads back as its shaped words,
last word first; drawn left to right, the letters of each word would read
back reversed. `test_drawing_order_*` checks the drawing order itself.
"""

import io
import logging
import unicodedata

import pytest
from pypdf import PdfReader

from baliprocess.lib import pdf_fonts
from baliprocess.lib.pdf_fonts import ScriptFonts, drawing_order, script_of, shaped
from meetings.exporters import pdf_font, pdf_font_candidates, render_participant_list_pdf
from meetings.models import Delegate
from meetings.selectors import participant_list
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
    MeetingFactory,
    MembershipPeriodFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

needs_fonts = pytest.mark.skipif(
    not all(pdf_fonts.installed_scripts().values()),
    reason="The fonts scripts/install-fonts installs are missing (make test installs them)",
)

# (country, delegation's short name, a delegate's name, position) per script.
DELEGATES = {
    "latin": ("VN", "Vietnam", "Nguyễn Thị Ánh", "Vụ trưởng"),
    "greek": ("GR", "Greece", "Ελένη Παπαδοπούλου", "Διευθύντρια"),
    "cyrillic": ("RU", "Russian Federation", "Иван Петров", "Советник"),
    "chinese": ("CN", "China", "王小明", "外交部领事司司长"),
    "japanese": ("JP", "Japan", "佐藤 さくら", "法務省 出入国在留管理庁"),
    "korean": ("KR", "Republic of Korea", "김민준", "외교부 국장"),
    "thai": ("TH", "Thailand", "สมชาย ใจดี", "ผู้อำนวยการ"),
    "arabic": ("JO", "Jordan", "محمد عبد الله", "مدير"),
}


def _text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def _font_names(content: bytes) -> set[str]:
    """The BaseFont of every font the pages use, without the subset prefix."""
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])
    return names


@pytest.fixture
def meeting():
    meeting = MeetingFactory(custom_title="Workshop on Consular Cooperation")
    for country, short_name, name, position in DELEGATES.values():
        participant = ParticipantFactory(short_name=short_name, country=country)
        MembershipPeriodFactory(participant=participant)
        delegation = DelegationFactory(meeting=meeting, participant=participant)
        DelegateFactory(
            delegation=delegation,
            honorific="",
            name=name,
            position=position,
            role=Delegate.Role.HEAD,
        )
    return meeting


@needs_fonts
def test_pdf_prints_names_in_every_script(meeting, member_user):
    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    text = _text(content)
    left_to_right = [value for key, value in DELEGATES.items() if key != "arabic"]
    expected = [text for _, _, name, position in left_to_right for text in (name, position)]
    assert [part for part in expected if part in text] == expected


@needs_fonts
def test_pdf_prints_arabic_shaped_right_to_left(meeting, member_user):
    name = DELEGATES["arabic"][2]

    text = _text(render_participant_list_pdf(participant_list(meeting=meeting, user=member_user)))

    # "ﷲ ﻋﺒﺪ ﻣﺤﻤﺪ": joined letters (presentation forms), the last word leftmost.
    assert " ".join(reversed(shaped(name).split())) in text
    assert name not in text  # never the unjoined letters


def test_drawing_order_shapes_arabic_and_reverses_it_in_a_left_to_right_line():
    name = "محمد عبد الله"

    drawn = drawing_order(f"{name} (Head)")

    assert drawn.endswith(" (Head)")
    arabic = drawn.removesuffix(" (Head)")
    assert all(script_of(character) == "arabic" for character in arabic.replace(" ", ""))
    # Read right to left, and the joining forms undone: the name as typed.
    assert unicodedata.normalize("NFKC", arabic[::-1]) == name


def test_drawing_order_keeps_vowel_marks():
    name = "مُحَمَّد"

    assert unicodedata.normalize("NFKC", drawing_order(name)[::-1]) == name


@needs_fonts
def test_pdf_embeds_a_font_for_every_script(meeting, member_user):
    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    names = _font_names(content)

    expected = {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansThai-Regular",
        "WenQuanYiMicroHei",
        "IPAGothic",
        "NanumGothic",
    }
    # A font from a collection (.ttc) is named with its index: WenQuanYiMicroHei-0.
    assert {font for font in expected if not any(name.startswith(font) for name in names)} == set()


@needs_fonts
def test_pdf_draws_a_delegation_name_in_its_script_in_bold(member_user):
    meeting = MeetingFactory()
    participant = ParticipantFactory(short_name="Thailand", country="TH")
    MembershipPeriodFactory(participant=participant)
    delegation = DelegationFactory(
        meeting=meeting, participant=participant, recorded_name="ประเทศไทย"
    )
    DelegateFactory(delegation=delegation, name="Somchai Jaidee", honorific="")

    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    assert "ประเทศไทย" in _text(content)
    assert "NotoSansThai-Bold" in _font_names(content)


@needs_fonts
def test_pdf_prints_a_title_in_chinese_with_markup_characters_as_text(member_user):
    meeting = MeetingFactory(custom_title="巴厘进程 <研讨会> & 会议")

    content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    assert "巴厘进程 <研讨会> & 会议" in _text(content)


def test_pdf_notes_text_no_installed_font_has(member_user, caplog):
    meeting = MeetingFactory()
    delegation = DelegationFactory(meeting=meeting)
    # No font the project installs has emoji.
    DelegateFactory(delegation=delegation, name="Ana Lima \U0001f9ff", honorific="")

    with caplog.at_level(logging.WARNING, logger="baliprocess.lib.pdf_fonts"):
        content = render_participant_list_pdf(participant_list(meeting=meeting, user=member_user))

    text = _text(content)
    assert "Some text is in scripts or symbols this server has no font for (symbols)" in text
    assert "Ana Lima" in text
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "scripts/install-fonts" in caplog.records[0].getMessage()


def test_pdf_has_no_note_when_every_name_prints(member_user):
    meeting = MeetingFactory()
    DelegateFactory(delegation=DelegationFactory(meeting=meeting), name="Zoë Ångström")

    text = _text(render_participant_list_pdf(participant_list(meeting=meeting, user=member_user)))

    assert "no font for" not in text


# --- The font helper --------------------------------------------------------


def _fonts() -> ScriptFonts:
    font = pdf_font(pdf_font_candidates())
    return ScriptFonts(font.regular, font.bold)


@needs_fonts
def test_runs_keep_latin_in_the_document_font_and_other_scripts_in_theirs():
    fonts = _fonts()

    runs = fonts.runs("Ms 王小明 (China)")

    assert [(run.font, run.text) for run in runs] == [
        (fonts.regular, "Ms "),
        ("Script-wqy-microhei", "王小明"),
        (fonts.regular, " (China)"),
    ]


@needs_fonts
@pytest.mark.parametrize(
    ("text", "han", "font"),
    [
        ("王小明", None, "Script-wqy-microhei"),
        ("佐藤 さくら", None, "Script-ipag"),  # kana: the text is Japanese
        ("金 大中 김대중", None, "Script-NanumGothic"),  # Hangul: Korean
        ("山田 太郎", "japanese", "Script-ipag"),  # told by the caller
    ],
)
def test_han_characters_take_the_font_of_the_language_around_them(text, han, font):
    runs = _fonts().runs(text, han=han)

    assert runs[0].font == font


@needs_fonts
def test_lines_break_a_name_without_spaces_between_characters():
    fonts = _fonts()
    text = "外交部领事司司长兼出入境管理局局长"

    lines = fonts.lines(text, 60, 10)

    assert len(lines) > 1
    assert "".join(run.text for line in lines for run in line) == text
    assert all(fonts.width("".join(run.text for run in line), 10) <= 60 for line in lines)


@needs_fonts
def test_lines_wrap_arabic_in_reading_order_then_draw_each_line_right_to_left():
    fonts = _fonts()
    text = "وزارة الخارجية وشؤون المغتربين الأردنية"

    lines = fonts.lines(text, 90, 10)

    drawn = ["".join(run.text for run in line) for line in lines]
    assert len(drawn) > 1
    # The first line holds the first words; each is drawn right to left.
    read_back = [unicodedata.normalize("NFKC", line[::-1]) for line in drawn]
    assert " ".join(read_back) == text


@needs_fonts
def test_markup_escapes_every_run_and_names_each_font():
    markup = _fonts().markup("A&B <王> สมชาย")

    assert markup == (
        'A&amp;B &lt;<font name="Script-wqy-microhei">王</font>&gt; '
        '<font name="Script-NotoSansThai-Regular">สมชาย</font>'
    )


@needs_fonts
def test_fonts_check_is_silent_when_every_script_has_a_font():
    assert pdf_fonts.fonts_check() == []
