"""Fonts for ReportLab PDFs in every script delegates' names are written in.

A PDF draws each character with a font that has it, and ReportLab draws what
it is given, in the order given: it has no font fallback and, without
HarfBuzz and a bidi library of its own, no shaping. So, here:

- the document's own font (DejaVu Sans: Latin with every diacritic, Greek,
  Cyrillic) draws what it can; a run of any other script is drawn with a font
  for that script (`FAMILIES`), from the Debian packages scripts/install-fonts
  installs (`FONT_PACKAGES`);
- Han characters take the Japanese font in a text with kana, the Korean one in
  a text with Hangul, the Chinese one otherwise;
- Arabic is shaped (arabic-reshaper: each letter's joining form) and Arabic
  and Hebrew are put in drawing order (python-bidi, the Unicode bidirectional
  algorithm), one line at a time, after wrapping in reading order.

Only TrueType outlines can be embedded by ReportLab: Debian's Noto CJK fonts
are OpenType with CFF outlines, so Chinese, Japanese and Korean come from
WenQuanYi Micro Hei, IPAGothic and NanumGothic. Thai vowel and tone marks are
drawn where the font puts them by default (no mark positioning); scripts
beyond those named here are drawn with the Noto Sans font of the same name,
letter by letter, where one is installed. A character no installed font has
is drawn as a box: `ScriptFonts.missing` says which scripts, and a warning is
logged.
"""

import bisect
import functools
import html
import logging
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# The Debian packages that scripts/install-fonts installs.
FONT_PACKAGES = (
    "fonts-dejavu-core",
    "fonts-noto-core",
    "fonts-wqy-microhei",
    "fonts-ipafont-gothic",
    "fonts-nanum",
)
INSTALL_HINT = "Run scripts/install-fonts (as root, or with sudo) to install them."

_NOTO = "/usr/share/fonts/truetype/noto"


@dataclass(frozen=True)
class FontFile:
    """A TrueType file; `subfont` is the font's index in a collection (.ttc)."""

    path: str
    subfont: int = 0


@dataclass(frozen=True)
class FontFamily:
    label: str
    package: str
    regular: FontFile
    #: The regular face again when the family has no bold.
    bold: FontFile


def _noto(name: str) -> FontFamily:
    return FontFamily(
        name.replace("Sans", " Sans ").replace("Noto", "Noto ").replace("  ", " ").strip(),
        "fonts-noto-core",
        FontFile(f"{_NOTO}/{name}-Regular.ttf"),
        FontFile(f"{_NOTO}/{name}-Bold.ttf"),
    )


NOTO_SANS = _noto("NotoSans")
NOTO_SANS_ARABIC = _noto("NotoSansArabic")
NOTO_NASKH_ARABIC = _noto("NotoNaskhArabic")
NOTO_SANS_HEBREW = _noto("NotoSansHebrew")
NOTO_SANS_THAI = _noto("NotoSansThai")
_MICROHEI = FontFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WQY_MICROHEI = FontFamily("WenQuanYi Micro Hei", "fonts-wqy-microhei", _MICROHEI, _MICROHEI)
_IPAG = FontFile("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")
IPA_GOTHIC = FontFamily("IPAGothic", "fonts-ipafont-gothic", _IPAG, _IPAG)
NANUM_GOTHIC = FontFamily(
    "NanumGothic",
    "fonts-nanum",
    FontFile("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    FontFile("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
)

#: The fonts for each script, best first. "latin" is for the letters the
#: document's own font lacks.
FAMILIES: dict[str, tuple[FontFamily, ...]] = {
    "latin": (NOTO_SANS,),
    "arabic": (NOTO_SANS_ARABIC, NOTO_NASKH_ARABIC),
    "hebrew": (NOTO_SANS_HEBREW,),
    "thai": (NOTO_SANS_THAI,),
    "chinese": (WQY_MICROHEI,),
    "japanese": (IPA_GOTHIC, WQY_MICROHEI),
    "korean": (NANUM_GOTHIC, WQY_MICROHEI),
}
SCRIPT_LABELS = {
    "latin": "Latin, Greek or Cyrillic",
    "arabic": "Arabic",
    "hebrew": "Hebrew",
    "thai": "Thai",
    "chinese": "Chinese",
    "japanese": "Japanese",
    "korean": "Korean",
}

# Code point ranges of the scripts above ("han" takes its font from the text
# around it); anything else is drawn with the document's font where it can.
_RANGES = sorted(
    [
        (0x0590, 0x05FF, "hebrew"),
        (0x0600, 0x06FF, "arabic"),
        (0x0750, 0x077F, "arabic"),
        (0x0870, 0x08FF, "arabic"),
        (0x0E00, 0x0E7F, "thai"),
        (0x1100, 0x11FF, "korean"),
        (0x2E80, 0x2FDF, "han"),
        (0x3000, 0x303F, "han"),  # CJK punctuation
        (0x3040, 0x30FF, "japanese"),  # hiragana, katakana
        (0x3130, 0x318F, "korean"),
        (0x31F0, 0x31FF, "japanese"),
        (0x3400, 0x4DBF, "han"),
        (0x4E00, 0x9FFF, "han"),
        (0xA960, 0xA97F, "korean"),
        (0xAC00, 0xD7FF, "korean"),
        (0xF900, 0xFAFF, "han"),
        (0xFB1D, 0xFB4F, "hebrew"),
        (0xFB50, 0xFDFF, "arabic"),  # presentation forms: shaped Arabic
        (0xFE70, 0xFEFF, "arabic"),
        (0xFF00, 0xFF65, "han"),  # full-width forms
        (0xFF66, 0xFF9F, "japanese"),  # half-width katakana
        (0xFFA0, 0xFFDC, "korean"),
        (0x20000, 0x3FFFF, "han"),
    ]
)
_STARTS = [start for start, _end, _script in _RANGES]
_RTL = ("arabic", "hebrew")


def script_of(character: str) -> str | None:
    """The script of `character` among those with their own fonts, else None."""
    code = ord(character)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index >= 0 and code <= _RANGES[index][1]:
        return _RANGES[index][2]
    return None


def _han_script(text: str) -> str:
    scripts = {script_of(character) for character in text}
    if "japanese" in scripts:
        return "japanese"
    if "korean" in scripts:
        return "korean"
    return "chinese"


@functools.cache
def registered_font(file: FontFile) -> str | None:
    """`file` registered with ReportLab, by the name it is registered under;
    None when it is missing or not a TrueType font ReportLab can embed.
    Reading a font takes up to a tenth of a second: once per process."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not os.path.isfile(file.path):
        return None
    stem = os.path.splitext(os.path.basename(file.path))[0]
    name = f"Script-{stem}" + (f"-{file.subfont}" if file.subfont else "")
    try:
        pdfmetrics.registerFont(TTFont(name, file.path, subfontIndex=file.subfont))
    except (OSError, TTFError) as error:
        logger.warning("The font %s cannot be used in PDFs: %s", file.path, error)
        return None
    return name


def _has(font_name: str, code: int) -> bool:
    glyphs = _glyphs(font_name)
    if glyphs is None:
        return code < 0x100  # a standard font (Helvetica): Latin-1
    return code in glyphs


@functools.cache
def _glyphs(font_name: str) -> dict | None:
    """The character → glyph map of a registered font (None for a standard one)."""
    from reportlab.pdfbase import pdfmetrics

    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    return getattr(face, "charToGlyph", None)


def _other_noto(character: str) -> tuple[str, list[FontFamily]] | None:
    # Debian's fonts-noto-core names its files after the scripts' Unicode
    # names: DEVANAGARI LETTER KA is in NotoSansDevanagari (or NotoSerif…).
    word = unicodedata.name(character, "").split(" ")[0]
    if not word.isalpha():
        return None
    label = word.title()
    return label, [_noto(f"NotoSans{label}"), _noto(f"NotoSerif{label}")]


@functools.cache
def _resolve(base: str, bold: bool, character: str, han: str) -> tuple[str, str | None]:
    """The font to draw `character` with, and the name of its script when no
    installed font has it (it is then drawn as a box with the base font)."""
    code = ord(character)
    script = script_of(character)
    if script == "han":
        script = han
    if script is None:
        if _has(base, code):
            return base, None
        families = list(FAMILIES["latin"])
        label = "symbols"
        if unicodedata.category(character).startswith("L"):
            label = SCRIPT_LABELS["latin"]
            other = _other_noto(character)
            if other is not None:
                label = other[0]
                families += other[1]
    else:
        families, label = list(FAMILIES[script]), SCRIPT_LABELS[script]
    for family in families:
        # A family without a bold face (Noto Sans Mongolian) draws bold text regular.
        for file in (family.bold, family.regular) if bold else (family.regular,):
            name = registered_font(file)
            if name is not None and _has(name, code):
                return name, None
    if _has(base, code):
        return base, None
    return base, label


@dataclass(frozen=True)
class Run:
    """Text drawn with one font."""

    font: str
    text: str


class ScriptFonts:
    """Draws text in any script from a document's regular and bold font.

    One per document: `missing` collects the scripts it met that no installed
    font has (each is logged once, as a warning).
    """

    def __init__(self, regular: str, bold: str):
        self.regular = regular
        self.bold = bold
        self.missing: set[str] = set()
        self._plain: dict[str, bool] = {}
        # Names of delegations and meetings repeat on every badge: wrapped once.
        self._lines: dict[tuple, list[list[Run]]] = {}

    def base(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def is_plain(self, text: str) -> bool:
        """Whether the document's font alone draws `text` as it stands: no
        other script, no shaping, no reordering."""
        if text.isascii():
            return True
        plain = self._plain.get(text)
        if plain is None:
            plain = self._plain[text] = all(
                script_of(character) is None and _has(self.regular, ord(character))
                for character in text
            ) and all(_has(self.bold, ord(character)) for character in text)
        return plain

    def runs(self, text: str, *, bold: bool = False, han: str | None = None) -> list[Run]:
        """`text`, already in drawing order, cut into runs of one font each.
        A combining mark stays with the letter before it; spaces, digits and
        punctuation are drawn with the document's font where it has them.
        Han characters take the font of `han` ("chinese", "japanese",
        "korean"), by default the one the text's kana or Hangul suggest."""
        base = self.base(bold)
        if self.is_plain(text):
            return [Run(base, text)] if text else []
        han = han or _han_script(text)
        runs: list[Run] = []
        font = ""
        for character in text:
            code, category = ord(character), unicodedata.category(character)
            if font and category.startswith("M") and _has(font, code):
                runs[-1] = Run(font, runs[-1].text + character)
                continue
            missing = None
            if category.startswith("L") or script_of(character) is not None:
                found, missing = _resolve(base, bold, character, han)
            elif _has(base, code):
                found = base
            elif font and _has(font, code):
                found = font
            else:
                found, missing = _resolve(base, bold, character, han)
            if missing is not None and missing not in self.missing:
                self.missing.add(missing)
                logger.warning(
                    "A PDF has text in %s and no installed font has it: it prints as boxes. %s",
                    missing,
                    INSTALL_HINT,
                )
            if runs and found == font:
                runs[-1] = Run(font, runs[-1].text + character)
            else:
                runs.append(Run(found, character))
                font = found
        return runs

    def width(self, text: str, size: float, *, bold: bool = False, han: str | None = None) -> float:
        """The width of `text` (in reading order) drawn at `size` points."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(
            stringWidth(run.text, run.font, size)
            for run in self.runs(shaped(text), bold=bold, han=han)
        )

    def lines(
        self, text: str, width: float, size: float, *, bold: bool = False, han: str | None = None
    ) -> list[list[Run]]:
        """`text` wrapped to `width` points at `size`: lines of runs in drawing
        order. Broken at spaces in reading order; a word wider than the line
        (a name in Chinese, which has no spaces) between its characters."""
        key = (text, width, size, bold, han)
        if key not in self._lines:
            self._lines[key] = self._wrap(text, width, size, bold, han or _han_script(text))
        return self._lines[key]

    def _wrap(self, text: str, width: float, size: float, bold: bool, han: str) -> list[list[Run]]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, size, bold=bold, han=han) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            for piece in _clusters(word):
                if current and self.width(current + piece, size, bold=bold, han=han) > width:
                    lines.append(current)
                    current = piece
                else:
                    current += piece
        if current:
            lines.append(current)
        return [self.runs(drawing_order(line), bold=bold, han=han) for line in lines]

    def markup(self, text: str, *, bold: bool = False, han: str | None = None) -> str:
        """`text` as ReportLab Paragraph markup: escaped, in drawing order,
        with a <font> tag around every run the paragraph's font cannot draw."""
        if self.is_plain(text):
            return html.escape(text, quote=False)
        base = self.base(bold)
        return "".join(
            html.escape(run.text, quote=False)
            if run.font == base
            else f'<font name="{run.font}">{html.escape(run.text, quote=False)}</font>'
            for run in self.runs(drawing_order(text), bold=bold, han=han or _han_script(text))
        )

    def draw(
        self, canvas, x: float, y: float, runs: Iterable[Run], size: float, align: str = "left"
    ) -> None:
        """One line of runs on `canvas`, its baseline at `y`, starting at `x`
        ("left"), centred on it ("centre") or ending at it ("right")."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        runs = list(runs)
        if align != "left":
            width = sum(stringWidth(run.text, run.font, size) for run in runs)
            x -= width / 2 if align == "centre" else width
        # One text object: text extraction reads the line as one.
        text = canvas.beginText(x, y)
        for run in runs:
            text.setFont(run.font, size)
            text.textOut(run.text)
        canvas.drawText(text)

    def missing_note(self) -> str:
        """A sentence for the document when some text could not be drawn."""
        if not self.missing:
            return ""
        scripts = ", ".join(sorted(self.missing))
        return (
            f"Some text is in scripts or symbols this server has no font for ({scripts}): "
            "it prints as boxes. Once the fonts are installed, this document can be "
            "produced again."
        )


def text_lines(fonts: ScriptFonts, lines: list[list[Run]], *, size: float, leading: float):
    """A ReportLab flowable of lines already wrapped (ScriptFonts.lines): a
    table cell in several fonts, as tall as its lines times `leading`, each
    baseline where a plain string cell would put it. It draws in the colour
    the table sets."""
    return _text_lines_class()(fonts, lines, size, leading)


@functools.cache
def _text_lines_class():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class TextLines(Flowable):
        def __init__(self, fonts, lines, size, leading):
            super().__init__()
            self.fonts, self.lines, self.size, self.leading = fonts, lines, size, leading
            self.width = max(
                (sum(stringWidth(run.text, run.font, size) for run in line) for line in lines),
                default=0,
            )
            self.height = len(lines) * leading

        def wrap(self, available_width, available_height):
            return self.width, self.height

        def draw(self):
            baseline = self.height - self.size
            for line in self.lines:
                self.fonts.draw(self.canv, 0, baseline, line, self.size)
                baseline -= self.leading

    return TextLines


def _clusters(word: str) -> list[str]:
    """A word's characters, each with the combining marks that follow it."""
    clusters: list[str] = []
    for character in word:
        if clusters and unicodedata.category(character).startswith("M"):
            clusters[-1] += character
        else:
            clusters.append(character)
    return clusters


def _has_rtl(text: str) -> bool:
    return any(script_of(character) in _RTL for character in text)


def shaped(text: str) -> str:
    """Arabic letters in their joining forms (and lām-alif ligatures), still
    in reading order; vowel marks kept. Other text unchanged."""
    if not any(script_of(character) == "arabic" for character in text):
        return text
    return _reshaper().reshape(text)


@functools.cache
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    # The default drops the vowel marks (harakat): a name is printed as written.
    return ArabicReshaper(configuration={"delete_harakat": False})


def drawing_order(text: str) -> str:
    """One line in the order it is drawn, left to right: Arabic shaped, and
    right-to-left runs reversed by the Unicode bidirectional algorithm, in a
    left-to-right line (our documents are in English: "محمد (Head of
    delegation)" keeps the role after the name). Text without Arabic or
    Hebrew is returned as it is."""
    if not _has_rtl(text):
        return text
    from bidi import get_display

    return get_display(shaped(text), base_dir="L")


def installed_scripts() -> dict[str, bool]:
    """Whether a font file is installed for each script of `FAMILIES`
    (without reading it: system checks run before every command)."""
    return {
        script: any(os.path.isfile(family.regular.path) for family in families)
        for script, families in FAMILIES.items()
    }


def fonts_check(app_configs=None, **kwargs):
    """A system check: a warning naming the scripts no installed font draws."""
    from django.core import checks

    absent = [SCRIPT_LABELS[script] for script, ok in installed_scripts().items() if not ok]
    if not absent:
        return []
    return [
        checks.Warning(
            f"No font is installed for {', '.join(absent)}: names in these scripts print "
            "as boxes in PDF participant lists, badges and table tents.",
            hint=f"{INSTALL_HINT} Debian packages: {' '.join(FONT_PACKAGES)}.",
            id="baliprocess.W002",
        )
    ]
