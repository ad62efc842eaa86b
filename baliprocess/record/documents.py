"""The five seed documents, as public documents of the record.

Each one is loaded with its full text and its .txt from `sources/` attached
as the file; the facts in the other modules cite them by slug. A document's
own facts cite the document itself: its heading, or the passage that dates
it. None of the five is dated except by the meeting it reports or was
written for, so each takes that meeting's date, no more precisely.
"""

from baliprocess.record import keys
from baliprocess.record.facts import Cite, DocumentFact
from meetings.models import Document

DOCUMENTS = (
    DocumentFact(
        slug=keys.NEWS_RELEASE_2011,
        source="000_13e19d178235bbad.txt",
        kind=Document.Kind.MEDIA_RELEASE,
        # The release carries no headline of its own; this is how the seeds'
        # index describes it.
        title="ASEAN news release on the Fourth Bali Process Regional Ministerial Meeting",
        # "held this week in Bali": the release gives no day, and the month
        # is the one the 2013 outcomes give the conference.
        date="2011-03",
        meeting=keys.FOURTH_MC,
        summary=(
            "A news release on the Fourth Bali Process Regional Ministerial Meeting, held in "
            "Bali: the Secretary-General of ASEAN, Dr Surin Pitsuwan, said ASEAN was ready to "
            "share its experience in addressing irregular movement of people; the remarks of "
            "the Foreign Ministers of Indonesia and Australia; and the Co-Chairs' Statement, "
            "in which Ministers agreed that an inclusive but non-binding regional cooperation "
            "framework would provide a more effective way for interested parties to cooperate "
            "to reduce irregular movement through the region."
        ),
        cites=(
            Cite(
                keys.NEWS_RELEASE_2011,
                "ASEAN is ready to share its experience in addressing irregular movement of people",
                at="first paragraph",
            ),
            Cite(
                keys.NEWS_RELEASE_2011,
                "The Secretary-General of ASEAN, Dr Surin Pitsuwan, conveyed these points during "
                "the Fourth Bali Process Regional Ministerial Meeting on People Smuggling, "
                "Trafficking in Persons and Related Transnational Crime, held this week in "
                "Bali, Indonesia.",
                at="first paragraph",
            ),
            Cite(
                keys.OUTCOMES_2013,
                "the Fourth Ministerial Conference in March 2011",
                at="second paragraph",
            ),
            Cite(
                keys.NEWS_RELEASE_2011,
                "Indonesian Foreign Minister Marty Natalegawa, in his opening remarks",
                at="seventh paragraph",
            ),
            Cite(
                keys.NEWS_RELEASE_2011,
                "Australian Foreign Minister Kevin Rudd commended",
                at="eighth paragraph",
            ),
            Cite(
                keys.NEWS_RELEASE_2011,
                "agreed that an inclusive but non-binding regional cooperation framework would "
                "provide a more effective way for interested parties to cooperate to reduce "
                "irregular movement through the region",
                at="last paragraph",
            ),
        ),
    ),
    DocumentFact(
        slug=keys.OUTCOMES_2013,
        source="001_7edbbcdcfcf1579c.txt",
        kind=Document.Kind.CO_CHAIRS_STATEMENT,
        # The text has no heading; this is how the seeds' index describes it.
        title="Co-Chairs' outcomes of the fifth Senior Officials Meeting",
        # The one-day meeting's date: the text gives none of its own.
        date="2013-04-01",
        meeting=keys.FIFTH_SOM,
        summary=(
            "The outcomes of the fifth Senior Officials Meeting, Bali, 1 April 2013: the "
            "Co-Chairs' advice that the Ad Hoc Group had been expanded, the membership of "
            "the United States, the United Arab Emirates and UNODC, the Regional Support "
            "Office, three endorsed recommendations of the Ad Hoc Group, and the Regional "
            "Roundtable on Irregular Movements by Sea."
        ),
        cites=(
            Cite(
                keys.OUTCOMES_2013,
                "hosted the fifth Senior Officials Meeting in Bali on 1 April 2013",
                at="first paragraph",
            ),
            Cite(
                keys.OUTCOMES_2013,
                "The meeting welcomed advice from the Co-Chairs that",
                at="second paragraph",
            ),
            Cite(
                keys.OUTCOMES_2013,
                "Participants welcomed the membership of the United States of America, the "
                "United Arab Emirates and UNODC to the Bali Process",
                at="second paragraph",
            ),
            Cite(
                keys.OUTCOMES_2013,
                "the establishment of the Regional Support Office (RSO) in Bangkok",
                at="fifth paragraph",
            ),
            Cite(
                keys.OUTCOMES_2013, "The meeting endorsed the AHG recommendation", at="Way forwards"
            ),
            Cite(
                keys.OUTCOMES_2013,
                "the Regional Roundtable on Irregular Movements by Sea",
                at="Way forwards",
            ),
        ),
    ),
    DocumentFact(
        slug=keys.THIRD_MC_PAGE_2009,
        source="002_cda4207d84adaa30.txt",
        # "Other", not "Co-Chairs' statement": this is the portal's page about
        # the conference, which reports what Ministers agreed and the Ad Hoc
        # Group in its own words. Filing it as the statement would present a
        # summary as the text Ministers adopted.
        kind=Document.Kind.OTHER,
        title="Third Ministerial Conference",
        # The page gives the conference's dates, not its own: the month is
        # the most it supports.
        date="2009-04",
        meeting=keys.THIRD_MC,
        summary=(
            "The portal page of the Third Ministerial Conference, Bali, 14–15 April 2009: "
            "what Ministers expressed and agreed there, and the establishment of the Ad Hoc "
            "Group, retasked with three terms of reference."
        ),
        cites=(
            Cite(keys.THIRD_MC_PAGE_2009, "Third Ministerial Conference", at="heading"),
            Cite(
                keys.THIRD_MC_PAGE_2009,
                "Location: Bali, IndonesiaDate: 14 - 15 April 2009",
                at="heading",
            ),
            Cite(keys.THIRD_MC_PAGE_2009, "Establishment of Ad-hoc Group", at="heading"),
            Cite(
                keys.THIRD_MC_PAGE_2009,
                "The AHG would have the following terms of reference",
                at="Establishment of Ad-hoc Group",
            ),
        ),
    ),
    DocumentFact(
        slug=keys.NZ_PAPER_2008,
        source="003_2b9cc69194b331fd.txt",
        kind=Document.Kind.PAPER,
        title=(
            "The Bali Process: A Model for Regional Cooperation in the Fight against "
            "Human Trafficking"
        ),
        date="2008-02-14",
        meeting=keys.UNGIFT_SIDE_EVENT,
        summary=(
            "A paper prepared by New Zealand for the Bali Process side event at the UNGIFT "
            "meeting in Vienna, 14 February 2008: the workshops held to date, their hosts "
            "and themes, legislation, information sharing and the Bali Process website."
        ),
        cites=(
            Cite(
                keys.NZ_PAPER_2008,
                "The Bali Process: A Model for Regional Cooperation in the Fight against Human "
                "Trafficking",
                at="heading",
            ),
            Cite(
                keys.NZ_PAPER_2008,
                "Paper prepared by New Zealand for UNGIFT meeting, Vienna, Bali Process Side "
                "Event, 14 February 2008",
                at="heading",
            ),
            Cite(
                keys.NZ_PAPER_2008,
                "The following workshops have been held to date on trafficking",
                at="second paragraph",
            ),
            Cite(
                keys.NZ_PAPER_2008,
                "The Bali Process website (www.baliprocess.net)",
            ),
        ),
    ),
    DocumentFact(
        slug=keys.REPORT_2004,
        source="004_24bbf3ac24f8018d.txt",
        kind=Document.Kind.REPORT,
        title="Report to Ministers",
        # The heading gives the meeting's two days, not the Report's own
        # date: the month is the most it supports.
        date="2004-06",
        meeting=keys.BRISBANE_SOM,
        summary=(
            "The Report to Ministers of the Senior Officials Meeting held in Brisbane on "
            "7–8 June 2004: progress since the second Ministerial Conference, the reports "
            "of the two Ad Hoc Experts Groups, future directions, coordination, funding and "
            "administration, a recommendation to Ministers, and the full list of "
            "participants and observers."
        ),
        cites=(
            Cite(
                keys.REPORT_2004,
                "Senior Officials Meeting, Brisbane, 7 to 8 June 2004 Report to Ministers",
                at="heading",
            ),
            Cite(
                keys.REPORT_2004,
                "Part I: review of progress since the second Ministerial Conference",
                at="Part I",
            ),
            Cite(keys.REPORT_2004, "Reports of the Ad Hoc Experts Groups", at="Part I"),
            Cite(keys.REPORT_2004, "Part II: future directions", at="Part II"),
            Cite(
                keys.REPORT_2004,
                "Part III: coordination, funding and administration",
                at="Part III",
            ),
            Cite(keys.REPORT_2004, "Part IV: recommendation to Ministers", at="Part IV"),
            Cite(
                keys.REPORT_2004,
                "The full list of participating countries and organisations follows below.",
                at="para. 2",
            ),
        ),
    ),
)

# Nothing an earlier version of this module loaded has been withdrawn.
RETRACTIONS = ()
