"""All models, imported here so that ``Base.metadata`` is complete."""

from pbc_desktop.db.models.activities import (
    Activity,
    ActivityOrganization,
    AgendaItem,
    Attachment,
    AttachmentContent,
    Attendance,
)
from pbc_desktop.db.models.appraisals import Appraisal, AppraisalResult
from pbc_desktop.db.models.assessments import Assessment, Indicator, IndicatorSet, Score
from pbc_desktop.db.models.branch_life import Committee, CommitteeMember, MeetingRule
from pbc_desktop.db.models.communities import (
    Community,
    CommunityMember,
    CommunityRole,
    CommunityType,
    CommunityVenue,
    ConvenerTurn,
    LifecycleEvent,
)
from pbc_desktop.db.models.development import DevelopmentRecord, DevelopmentStepEntry
from pbc_desktop.db.models.exchange import (
    ExchangeLogEntry,
    Office,
    SyncBase,
    SyncConflict,
    Tombstone,
)
from pbc_desktop.db.models.fees import FeeBasis, FeePayment, FeeRate
from pbc_desktop.db.models.funds import FundEntry
from pbc_desktop.db.models.lists import (
    Claim,
    ClaimOrganization,
    ListItem,
    ServiceList,
    Supervision,
)
from pbc_desktop.db.models.member_changes import MemberChange, MemberTransfer, MobileMember
from pbc_desktop.db.models.members import (
    PartyMember,
    Post,
    PostEvaluation,
    PostReport,
    ServiceLog,
)
from pbc_desktop.db.models.organizations import Organization, Venue
from pbc_desktop.db.models.system import AuditEntry, AuditHead, ReminderRule, User

__all__ = [
    "Activity",
    "ActivityOrganization",
    "AgendaItem",
    "Appraisal",
    "AppraisalResult",
    "Assessment",
    "Attachment",
    "AttachmentContent",
    "Attendance",
    "AuditEntry",
    "AuditHead",
    "Claim",
    "ClaimOrganization",
    "Committee",
    "CommitteeMember",
    "Community",
    "CommunityMember",
    "CommunityRole",
    "CommunityType",
    "CommunityVenue",
    "ConvenerTurn",
    "DevelopmentRecord",
    "DevelopmentStepEntry",
    "ExchangeLogEntry",
    "FeeBasis",
    "FeePayment",
    "FeeRate",
    "FundEntry",
    "Indicator",
    "IndicatorSet",
    "LifecycleEvent",
    "ListItem",
    "MeetingRule",
    "MemberChange",
    "MemberTransfer",
    "MobileMember",
    "Office",
    "Organization",
    "PartyMember",
    "Post",
    "PostEvaluation",
    "PostReport",
    "ReminderRule",
    "Score",
    "ServiceList",
    "ServiceLog",
    "Supervision",
    "SyncBase",
    "SyncConflict",
    "Tombstone",
    "User",
    "Venue",
]
