"""Enumerations of the domain.

Each member's value is a stable English code stored in the database; ``zh`` is the
article's own word (used on paper and in the Chinese UI) and ``en`` the English label.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabeledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str, en: str) -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh = zh
        obj.en = en
        return obj

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def from_label(cls, text: str) -> Self:
        """Find a member by its code, Chinese or English label (stripped, case-insensitive)."""
        key = text.strip()
        for member in cls:
            if key in (member.value, member.zh) or key.lower() == member.en.lower():
                return member
        raise ValueError(text)


class OrgKind(LabeledEnum):
    COMMITTEE = "committee", "党委", "Party committee"
    GENERAL_BRANCH = "general_branch", "党总支", "General Party branch"
    BRANCH = "branch", "党支部", "Party branch"
    TEMPORARY_BRANCH = "temporary_branch", "临时党支部", "Temporary Party branch"
    WORKING_COMMITTEE = "working_committee", "党工委", "Party working committee"
    GROUP = "group", "党组", "Leading Party group"


class OrgField(LabeledEnum):
    RURAL = "rural", "农村", "Rural"
    URBAN_COMMUNITY = "urban_community", "社区", "Urban community"
    AGENCY = "agency", "机关", "Government agency"
    PUBLIC_INSTITUTION = "public_institution", "事业单位", "Public institution"
    STATE_ENTERPRISE = "state_enterprise", "国有企业", "State-owned enterprise"
    PRIVATE_ENTERPRISE = "private_enterprise", "非公企业", "Private enterprise"
    SOCIAL_ORGANIZATION = "social_organization", "社会组织", "Social organization"
    SCHOOL = "school", "学校", "School"
    HOSPITAL = "hospital", "医院", "Hospital"
    OTHER = "other", "其他", "Other"


class OrgLevel(LabeledEnum):
    DISTRICT = "district", "区", "District"
    TOWN = "town", "镇街", "Town / subdistrict"
    VILLAGE = "village", "村社区", "Village / community"


class CoBuildType(LabeledEnum):
    CROSS_FIELD = "cross_field", "跨领域", "Cross-field"
    CROSS_LEVEL = "cross_level", "跨层级", "Cross-level"
    CROSS_REGION = "cross_region", "跨地域", "Cross-region"
    CROSS_INDUSTRY = "cross_industry", "跨行业", "Cross-industry"


class CommunityStatus(LabeledEnum):
    APPLIED = "applied", "已申请", "Applied"
    REVIEWED = "reviewed", "已审核", "Reviewed"
    RETURNED = "returned", "已退回", "Returned"
    APPROVED = "approved", "已批准", "Approved"
    RUNNING = "running", "运行中", "Running"
    RECTIFYING = "rectifying", "整顿中", "Under rectification"
    REVOKED = "revoked", "已撤销", "Revoked"


class LifecycleAction(LabeledEnum):
    APPLY = "apply", "提交申请", "Submit application"
    REVIEW_PASS = "review_pass", "审核通过", "Pass review"
    REVIEW_RETURN = "review_return", "审核退回", "Return for revision"
    APPROVE = "approve", "批准", "Approve"
    START = "start", "开始运行", "Start running"
    RECTIFY = "rectify", "整顿", "Order rectification"
    FINISH_RECTIFY = "finish_rectify", "整顿完成", "Finish rectification"
    REVOKE = "revoke", "撤销", "Revoke"


class MemberRole(LabeledEnum):
    LEAD = "lead", "牵头", "Lead"
    MEMBER = "member", "成员", "Member"


class LeadershipRole(LabeledEnum):
    CONVENER = "convener", "召集人", "Convener"
    DEPUTY_CONVENER = "deputy_convener", "副召集人", "Deputy convener"
    LIAISON = "liaison", "联络员", "Liaison"
    COMMITTEE_MEMBER = "committee_member", "委员", "Committee member"


class Gender(LabeledEnum):
    MALE = "male", "男", "Male"
    FEMALE = "female", "女", "Female"


class MemberCategory(LabeledEnum):
    FULL = "full", "正式党员", "Full member"
    PROBATIONARY = "probationary", "预备党员", "Probationary member"


class MembershipStatus(LabeledEnum):
    NORMAL = "normal", "正常", "Normal"
    LOST_CONTACT = "lost_contact", "失联", "Lost contact"
    TRANSFERRED_OUT = "transferred_out", "已转出", "Transferred out"
    DECEASED = "deceased", "已故", "Deceased"
    SUSPENDED = "suspended", "停止党籍", "Membership suspended"
    LEFT_PARTY = "left_party", "已出党", "Left the Party"


class PostReportStatus(LabeledEnum):
    ACTIVE = "active", "在岗", "On post"
    ENDED = "ended", "已离岗", "Ended"


class EvaluationResult(LabeledEnum):
    EXCELLENT = "excellent", "优秀", "Excellent"
    QUALIFIED = "qualified", "合格", "Qualified"
    UNQUALIFIED = "unqualified", "不合格", "Unqualified"


class ActivityKind(LabeledEnum):
    THEME_PARTY_DAY = "theme_party_day", "主题党日", "Theme Party day"
    THEME_LESSON = "theme_lesson", "主题党课", "Theme Party lesson"
    JOINT_STUDY = "joint_study", "联学联建", "Joint study and building"
    PARTY_SPIRIT = "party_spirit", "党性教育", "Party-spirit education"
    TRAINING = "training", "教育培训", "Education and training"
    VOLUNTEER = "volunteer", "志愿服务", "Volunteer service"
    REGULAR_MEETING = "regular_meeting", "日常例会", "Regular meeting"
    JOINT_MEETING = "joint_meeting", "联席会议", "Joint meeting"
    BRIEFING = "briefing", "情况通报", "Briefing"
    BRANCH_ASSEMBLY = "branch_assembly", "支部党员大会", "Branch general assembly"
    BRANCH_COMMITTEE = "branch_committee", "支委会", "Branch committee meeting"
    GROUP_MEETING = "group_meeting", "党小组会", "Party group meeting"
    PARTY_LESSON = "party_lesson", "党课", "Party lesson"

    @property
    def is_meeting(self) -> bool:
        return self in MEETING_KINDS

    @property
    def is_training(self) -> bool:
        return self in TRAINING_KINDS


MEETING_KINDS = frozenset(
    {
        ActivityKind.REGULAR_MEETING,
        ActivityKind.JOINT_MEETING,
        ActivityKind.BRIEFING,
        ActivityKind.BRANCH_ASSEMBLY,
        ActivityKind.BRANCH_COMMITTEE,
        ActivityKind.GROUP_MEETING,
    }
)
TRAINING_KINDS = frozenset(
    {
        ActivityKind.TRAINING,
        ActivityKind.THEME_LESSON,
        ActivityKind.PARTY_SPIRIT,
        ActivityKind.PARTY_LESSON,
    }
)


class ActivityStatus(LabeledEnum):
    PLANNED = "planned", "计划中", "Planned"
    HELD = "held", "已举行", "Held"
    CANCELLED = "cancelled", "已取消", "Cancelled"


class AttendanceStatus(LabeledEnum):
    PRESENT = "present", "出席", "Present"
    ABSENT = "absent", "缺席", "Absent"
    NON_VOTING = "non_voting", "列席", "Attending without vote"


class AbsenceReason(LabeledEnum):
    SICK = "sick", "病假", "Sick leave"
    PERSONAL = "personal", "事假", "Personal leave"
    BUSINESS = "business", "公出", "On official business"
    OTHER = "other", "其他", "Other"


class VenueKind(LabeledEnum):
    SERVICE_CENTRE = "service_centre", "党群服务中心", "Party-mass service centre"
    ACTIVITY_ROOM = "activity_room", "党员活动室", "Party members' activity room"
    EDUCATION_BASE = "education_base", "党性教育基地", "Party-spirit education base"
    OTHER = "other", "其他场所", "Other site"


class ListKind(LabeledEnum):
    DEMAND = "demand", "需求清单", "Demand list"
    RESOURCE = "resource", "资源清单", "Resource list"
    PROJECT = "project", "项目清单", "Project list"


class ItemStatus(LabeledEnum):
    OPEN = "open", "待认领", "Awaiting claim"
    CLAIMED = "claimed", "已认领", "Claimed"
    IN_PROGRESS = "in_progress", "推进中", "In progress"
    SOLVED = "solved", "已解决", "Solved"


OVERDUE_LABEL = ("逾期", "Overdue")


class ClaimMode(LabeledEnum):
    SINGLE = "single", "单个认领", "Single claim"
    GROUP = "group", "组团认领", "Group claim"


class Satisfaction(LabeledEnum):
    SATISFIED = "satisfied", "满意", "Satisfied"
    FAIRLY = "fairly", "基本满意", "Fairly satisfied"
    UNSATISFIED = "unsatisfied", "不满意", "Unsatisfied"


class FundDirection(LabeledEnum):
    INCOME = "income", "收入", "Income"
    EXPENSE = "expense", "支出", "Expense"


class FundSource(LabeledEnum):
    HIGHER_LEVEL = "higher_level", "上级拨款", "Higher-level allocation"
    RAISED = "raised", "各方筹集", "Raised by members"
    PARTY_DUES = "party_dues", "党费补助", "Party dues subsidy"


class AssessmentStatus(LabeledEnum):
    DRAFT = "draft", "评分中", "Scoring"
    FINISHED = "finished", "已完成", "Finished"


class Grade(LabeledEnum):
    EXCELLENT = "excellent", "优秀", "Excellent"
    GOOD = "good", "良好", "Good"
    PASS = "pass", "合格", "Pass"
    FAIL = "fail", "不合格", "Fail"


class AssessmentOutcome(LabeledEnum):
    NONE = "none", "无", "None"
    DEMONSTRATION = "demonstration", "示范点", "Demonstration site"
    RECTIFY = "rectify", "规范整顿", "Rectification"


class UserRole(LabeledEnum):
    """An account's role (its permissions: ``domain/accounts.py``)."""

    DISTRICT = "district", "区委组织部管理员", "District organization department (administrator)"
    TOWN = "town", "镇（街道）党（工）委", "Town (subdistrict) Party committee"
    VILLAGE = "village", "村（社区）党组织", "Village (community) Party organization"
    VIEWER = "viewer", "查看（督查）", "Viewer (inspection)"


class AuditAction(LabeledEnum):
    CREATE = "create", "新增", "Create"
    UPDATE = "update", "修改", "Update"
    DELETE = "delete", "删除", "Delete"
    EXPORT = "export", "导出", "Export"
    IMPORT = "import", "导入", "Import"
    SIGN_IN = "sign_in", "登录", "Sign-in"
    LOCKOUT = "lockout", "账号锁定", "Account locked"


class AccountStatus(LabeledEnum):
    """How an account stands, as the accounts manager shows it (``accounts.account_status``)."""

    ACTIVE = "active", "正常", "Active"
    DISABLED = "disabled", "已停用", "Disabled"
    LOCKED = "locked", "已锁定", "Locked"
    MUST_CHANGE_PASSWORD = "must_change_password", "需改密码", "Must change password"
