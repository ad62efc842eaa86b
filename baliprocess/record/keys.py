"""The slugs by which the record's modules refer to each other's facts.

Kept apart because the references run both ways (meetings name the groups
they were held under, groups the meetings that made them), so the data
modules never need to import each other in a circle. The loader refuses a
reference to a slug no module defines.
"""

# Participants
AFGHANISTAN = "afghanistan"
AUSTRALIA = "australia"
CHINA = "china"
FIJI = "fiji"
INDONESIA = "indonesia"
JAPAN = "japan"
MALAYSIA = "malaysia"
NEW_ZEALAND = "new-zealand"
PHILIPPINES = "philippines"
REPUBLIC_OF_KOREA = "republic-of-korea"
THAILAND = "thailand"
UNITED_ARAB_EMIRATES = "united-arab-emirates"
UNITED_STATES = "united-states"
VIETNAM = "vietnam"
ASEAN = "asean"
ICMPD = "icmpd"
IFRC = "ifrc"
ILO = "ilo"
INTERPOL = "interpol"
PAKISTAN = "pakistan"
BUDAPEST_PROCESS = "budapest-process"
IOM = "iom"
UNHCR = "unhcr"
UNODC = "unodc"

# Meetings
FIRST_MC = "first-ministerial-conference-2002"
SECOND_MC = "second-ministerial-conference-2003"
THIRD_MC = "third-ministerial-conference-2009"
FOURTH_MC = "fourth-ministerial-conference-2011"
# Retracted: no seed describes it. The key stays so the retraction can name the
# row an earlier record loaded.
FIFTH_MC = "fifth-ministerial-conference-2013"
BRISBANE_SOM = "senior-officials-meeting-brisbane-2004"
BALI_SOM_2011 = "senior-officials-meeting-bali-2011"
FIFTH_SOM = "fifth-senior-officials-meeting-2013"
UNGIFT_SIDE_EVENT = "bali-process-side-event-un-gift-vienna-2008"
ROUNDTABLE_2013 = "regional-roundtable-irregular-movements-by-sea-2013"
LEGISLATION_WORKSHOP_2002 = "workshop-legislation-malaysia-2002"
AWARENESS_WORKSHOP_2003 = "workshop-public-awareness-korea-2003"
LEGISLATION_WORKSHOP_2003 = "workshop-legislation-malaysia-2003"
IDENTITY_WORKSHOP_2004 = "workshop-identity-document-fraud-thailand-2004"
BORDER_PROTECTION_WORKSHOP_2004 = "workshop-border-control-refugee-protection-fiji-2004"
RETURNS_WORKSHOP_2004 = "workshop-returns-australia-2004"
TARGETING_WORKSHOP_2004 = "workshop-targeting-smugglers-traffickers-thailand-2004"
AWARENESS_WORKSHOP_2004 = "workshop-public-awareness-korea-2004"
VICTIM_SUPPORT_WORKSHOP_2004 = "workshop-victim-support-bali-2004"
VICTIM_SUPPORT_WORKSHOP_2006 = "workshop-victim-support-bali-2006"
ACTION_PLANS_WORKSHOP_2004 = "workshop-national-plans-of-action-japan-2004"
BALI_BUDAPEST_WORKSHOP_2005 = "workshop-bali-budapest-national-plans-of-action-vienna-2005"
PASSPORTS_WORKSHOP_2007 = "workshop-lost-stolen-passports-2007"

# Groups
STEERING_GROUP = "steering-group"
AHEG_I = "aheg-i"
AHEG_II = "aheg-ii"
AHG = "ahg"
TIP_WORKING_GROUP = "working-group-on-trafficking-in-persons"
RSO = "rso"

# Themes
PUBLIC_AWARENESS = "public-awareness"
VICTIM_SUPPORT = "victim-support"
LEGISLATION = "legislation"
IDENTITY_AND_DOCUMENT_FRAUD = "identity-and-document-fraud"
RETURNS = "returns"
LAW_ENFORCEMENT_AND_TARGETING = "law-enforcement-and-targeting"
NATIONAL_PLANS_OF_ACTION = "national-plans-of-action"
LOST_AND_STOLEN_PASSPORTS = "lost-and-stolen-passports"
CHILD_SEX_TOURISM = "child-sex-tourism"
IRREGULAR_MOVEMENT_BY_SEA = "irregular-movement-by-sea"
BORDER_CONTROL_AND_REFUGEE_PROTECTION = "border-control-and-refugee-protection"

# Documents
NEWS_RELEASE_2011 = "asean-news-release-fourth-ministerial-meeting-2011"
OUTCOMES_2013 = "co-chairs-outcomes-fifth-senior-officials-meeting-2013"
THIRD_MC_PAGE_2009 = "third-ministerial-conference-portal-page-2009"
NZ_PAPER_2008 = "bali-process-model-for-regional-cooperation-2008"
REPORT_2004 = "report-to-ministers-brisbane-2004"
