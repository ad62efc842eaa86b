"""The participant-list issue's "done when", against the loaded Bali Process record.

1. The Brisbane SOM's list shows 47 countries and nine organisations with the
   observers apart, in all five formats.
2. A staff member imports a 300-row spreadsheet with a few bad rows, fixes them
   from the preview's messages, and gets exactly the list the spreadsheet held.
"""

import csv
import io

import openpyxl
import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from baliprocess.record import keys
from meetings.models import Delegate, Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_record")]

SUMMARY = (
    "139 delegates representing 47 countries and nine international and regional organisations"
)
OBSERVER_SENTENCE = "The following countries and organisations also participated as observers"


def brisbane() -> Meeting:
    return Meeting.objects.get(slug=keys.BRISBANE_SOM)


def download(client, meeting, extension):
    response = client.get(f"/meetings/{meeting.slug}/participants.{extension}")
    assert response.status_code == 200, extension
    return response.content


def capacities_by_participant(rows: list[dict]) -> dict[str, str]:
    return {row["Participant"]: row["Capacity"] for row in rows}


def assert_47_countries_and_9_organisations_with_observers_apart(by_participant):
    capacities = sorted(by_participant.values())
    assert len(by_participant) == 56
    assert capacities.count("Member") == 38
    assert capacities.count("Observer") == 18
    # Each delegation under the name the Report prints, not the house's.
    assert by_participant["United States of America"] == "Observer"
    assert by_participant["United Nations Office on Drugs and Crime (UNODC)"] == "Observer"
    assert by_participant["International Labor Organization (ILO)"] == "Observer"
    assert by_participant["United Nations High Commissioner for Refugees"] == "Member"
    assert by_participant["People's Republic of China"] == "Member"
    assert by_participant["France (New Caledonia)"] == "Member"


def test_brisbane_list_page_shows_the_summary_and_the_observers_apart(client):
    response = client.get(f"/meetings/{keys.BRISBANE_SOM}/participants/")

    text = response.text
    assert response.status_code == 200
    assert SUMMARY in text
    assert OBSERVER_SENTENCE in text
    assert text.index("Afghanistan") < text.index(OBSERVER_SENTENCE) < text.index("Austria")


def test_brisbane_list_csv_has_the_56_delegations_members_and_observers_apart(client):
    rows = list(
        csv.DictReader(io.StringIO(download(client, brisbane(), "csv").decode("utf-8-sig")))
    )

    assert_47_countries_and_9_organisations_with_observers_apart(capacities_by_participant(rows))
    # The Report's own order, which is not the house's alphabetical one.
    names = [row["Participant"] for row in rows]
    assert names[5:7] == ["People's Republic of China", "Fiji"]
    assert names[-3:] == [
        "United Nations Office on Drugs and Crime (UNODC)",
        "International Labor Organization (ILO)",
        "International Federation of Red Cross and Red Crescent Societies",
    ]
    # The Report names three people and gives no delegation's size.
    assert {row["Number of delegates"] for row in rows} == {""}
    assert [row["Capacity"] for row in rows] == sorted(
        (row["Capacity"] for row in rows), key=["Member", "Observer"].index
    )


def test_brisbane_list_xlsx_has_the_56_delegations_members_and_observers_apart(client):
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, brisbane(), "xlsx"))).active
    header, *values = list(sheet.iter_rows(values_only=True))
    rows = [dict(zip(header, row, strict=True)) for row in values]

    assert_47_countries_and_9_organisations_with_observers_apart(capacities_by_participant(rows))
    assert sheet.freeze_panes == "A2"


def test_brisbane_list_pdf_and_docx_carry_the_summary_and_the_observers_apart(client):
    pdf_text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(download(client, brisbane(), "pdf"))).pages
    )
    word = WordDocument(io.BytesIO(download(client, brisbane(), "docx")))
    word_text = " ".join(paragraph.text for paragraph in word.paragraphs)
    word_cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}

    for text in (" ".join(pdf_text.split()), word_text):
        assert SUMMARY in text
        assert OBSERVER_SENTENCE in text
    assert {
        "Afghanistan",
        "Vietnam",
        "Austria",
        "United States of America",
        "United Nations Office on Drugs and Crime (UNODC)",
    } <= word_cells


# --- Importing a 300-row spreadsheet ---------------------------------------------

# Names as delegations write them in spreadsheets: official, short, alternative
# names, ISO codes and acronyms all identify a participant of the record.
COUNTRIES = [
    "Australia", "Indonesia", "Viet Nam", "Brunei", "Lao PDR", "ROK", "PRC", "New Zealand",
    "Thailand", "Malaysia", "Philippines", "Japan", "TL", "PNG", "Fiji", "Sri Lanka",
    "Bangladesh", "Pakistan", "Afghanistan", "Iran", "UNHCR", "IOM", "United States", "UAE",
    "Turkey", "Singapore", "Myanmar", "Cambodia", "Nepal", "Mongolia",
]  # fmt: skip
HEADER = ["Country", "Full name", "Title", "Ministry", "Role", "E-mail"]
MAPPING_FIELDS = [f"column_{index}" for index in range(len(HEADER))]
IMPORTED_AS = ["participant", "name", "position", "agency", "role", "email"]


def spreadsheet_rows() -> list[list[str]]:
    """300 delegates: ten for each of 30 participants, the first of each its head."""
    rows = []
    for number in range(300):
        country = COUNTRIES[number // 10]
        rows.append(
            [
                country,
                f"Delegate {number:03d} of {country}",
                "Director" if number % 10 else "Deputy Secretary",
                f"Ministry {number % 7}",
                "Head of delegation" if number % 10 == 0 else "Delegate",
                f"delegate{number:03d}@example.org",
            ]
        )
    return rows


def xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client, meeting, content):
    file = io.BytesIO(content)
    file.name = "fifth-som-delegates.xlsx"
    response = client.post(
        f"/admin/meetings/meeting/{meeting.pk}/import-delegates/", {"file": file}
    )
    assert response.status_code == 302, response.text
    return response["Location"]


def test_staff_import_300_rows_fix_the_bad_ones_from_the_preview_and_get_that_list(
    editor_client,
):
    meeting = Meeting.objects.get(slug=keys.FIFTH_SOM)
    good = spreadsheet_rows()
    bad = [list(row) for row in good]
    bad[4][0] = "Atlantis"  # spreadsheet row 6: no such participant
    bad[57][2] = '=HYPERLINK("http://example.org")'  # row 59: a formula
    bad[120][5] = "not an address"  # row 122: a broken email
    bad[201][4] = "Head of delegation"  # row 203: a second head for that delegation

    preview = editor_client.get(upload(editor_client, meeting, xlsx(bad)))

    assert "4 problems block this import" in preview.text
    for message in ("“Atlantis”", "formula", "not an address", "head of delegation"):
        assert message in preview.text
    for spreadsheet_row in ("6", "59", "122", "203"):
        assert f"<td>{spreadsheet_row}</td>" in preview.text
    assert Delegate.objects.filter(delegation__meeting=meeting).count() == 0

    preview_url = upload(editor_client, meeting, xlsx(good))
    page = editor_client.get(preview_url)
    # The preview recognised every header; confirming posts its column choices back.
    mapping = dict(zip(MAPPING_FIELDS, IMPORTED_AS, strict=True))
    for field, value in mapping.items():
        assert f'name="{field}"' in page.text
        assert f'<option value="{value}" selected>' in page.text
    # It found the header on the first row; confirming posts that choice back too.
    assert '<option value="1" selected>' in page.text
    done = editor_client.post(
        preview_url, {"action": "confirm", "header_row": "1", **mapping}, follow=True
    )

    assert done.status_code == 200
    assert Delegate.objects.filter(delegation__meeting=meeting).count() == 300
    exported = list(
        csv.DictReader(
            io.StringIO(
                editor_client.get(
                    f"/admin/meetings/meeting/{meeting.pk}/participants.csv"
                ).content.decode("utf-8-sig")
            )
        )
    )
    assert sorted(row["Email"] for row in exported) == sorted(row[5] for row in good)
    assert sorted(row["Name"] for row in exported) == sorted(row[1] for row in good)
    heads = [row for row in exported if row["Role"] == "Head of delegation"]
    assert len(heads) == 30
