"""The five seed documents, as public documents of the record.

Each one is loaded with its full text and its .txt from `sources/` attached
as the file; the facts in the other modules cite them by slug.
"""

from baliprocess.record import keys
from baliprocess.record.facts import DocumentFact
from meetings.models import Document

DOCUMENTS = (
    DocumentFact(
        slug=keys.NEWS_RELEASE_2011,
        source="000_13e19d178235bbad.txt",
        kind=Document.Kind.MEDIA_RELEASE,
        # The release carries no headline of its own; this is how the seeds'
        # index describes it.
        title="ASEAN news release on the Fourth Bali Process Regional Ministerial Meeting",
        # "held this week in Bali": the release gives no day.
        date="2011-03",
        meeting=keys.FOURTH_MC,
        summary=(
            "ASEAN's news release on the Fourth Bali Process Regional Ministerial Meeting, "
            "held in Bali in March 2011: the offer of the Secretary-General of ASEAN, "
            "Dr Surin Pitsuwan, to share ASEAN's experience; the remarks of the Foreign "
            "Ministers of Indonesia and Australia; and the Co-Chairs' Statement, in which "
            "Ministers agreed that an inclusive but non-binding regional cooperation "
            "framework would provide a more effective way to reduce irregular movement "
            "through the region."
        ),
    ),
    DocumentFact(
        slug=keys.OUTCOMES_2013,
        source="001_7edbbcdcfcf1579c.txt",
        kind=Document.Kind.CO_CHAIRS_STATEMENT,
        # The text has no heading; this is how the seeds' index describes it.
        title="Co-Chairs' outcomes of the fifth Senior Officials Meeting",
        date="2013-04-01",
        meeting=keys.FIFTH_SOM,
        summary=(
            "The Co-Chairs' outcomes of the fifth Senior Officials Meeting, Bali, "
            "1 April 2013: the expansion of the Ad Hoc Group, the new members (the United "
            "States, the United Arab Emirates and UNODC), the Regional Support Office, "
            "three endorsed recommendations of the Ad Hoc Group, and the Regional Roundtable "
            "on Irregular Movements by Sea."
        ),
    ),
    DocumentFact(
        slug=keys.THIRD_MC_PAGE_2009,
        source="002_cda4207d84adaa30.txt",
        # "Other", not "Co-Chairs' statement": this is the portal's page about
        # the conference, which reports on the statement and on the Ad Hoc
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
            "a summary of the Co-Chairs' Statement, and the retasking of the Ad Hoc Group "
            "with its three terms of reference."
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
            "A paper prepared by New Zealand for the Bali Process side event at the UN.GIFT "
            "meeting in Vienna, 14 February 2008: the workshops held to date, their hosts "
            "and themes, legislation, information sharing and the Bali Process website."
        ),
    ),
    DocumentFact(
        slug=keys.REPORT_2004,
        source="004_24bbf3ac24f8018d.txt",
        kind=Document.Kind.REPORT,
        title="Report to Ministers",
        date="2004-06-08",
        meeting=keys.BRISBANE_SOM,
        summary=(
            "The Report to Ministers of the Senior Officials Meeting held in Brisbane on "
            "7–8 June 2004: progress since the second Ministerial Conference, the reports "
            "of the two Ad Hoc Experts Groups, future directions, coordination and funding, "
            "and the full list of participants and observers."
        ),
    ),
)
