"""The default standard system (标准体系) for the year-end assessment (年底考核).

Pure data taken from the article's practices: 组织联建, 活动共搞, 资源共享, 难题共解,
机制运行, 保障落实 and 群众满意. Each indicator has a maximum score, scoring guidance in the
clerks' own words and, where the app can count it, a ``metric`` code naming the figure shown
beside it while scoring. The maximum scores add up to exactly 100.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pbc_desktop.domain.enums import Grade

#: Figures the app can compute per community and year, by code: (Chinese, English) label.
METRICS: dict[str, tuple[str, str]] = {
    "activities": ("开展活动场次", "activities held"),
    "meetings": ("召开例会、联席会议次数", "meetings held"),
    "trainings": ("教育培训场次", "training sessions"),
    "trainee_times": ("培训党员人次", "trainee person-times"),
    "members_reported": ("报到领岗党员人数", "members reported"),
    "projects_claimed": ("认领服务项目个数", "projects claimed"),
    "projects_solved": ("解决问题个数", "problems solved"),
    "overdue_items": ("逾期未办结事项", "overdue items"),
    "venues_opened": ("开放阵地处数", "venues opened"),
    "funds_income": ("筹措经费（元）", "funds raised (yuan)"),
    "lists_signed": ("签订清单份数", "lists signed"),
    # 民主评议党员 of the member organizations' members (services/appraisals/results.py)
    "appraisal_rate": ("民主评议完成率（%）", "democratic appraisal done (%)"),
    "excellent_share": ("优秀党员比例（%）", "members graded excellent (%)"),
}

#: Metrics that are a share in per cent (shown with one decimal).
PERCENT_METRICS = frozenset({"appraisal_rate", "excellent_share"})


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator of the standard system (the set editor, a set's view and the scoring
    sheet show these fields of it)."""

    category: str
    name: str
    max_score: float
    guidance: str | None = None
    metric: str | None = None


@dataclass(frozen=True)
class GradeThresholds:
    """Lowest total for each grade; below ``pass_min`` is 不合格."""

    excellent_min: float = 90
    good_min: float = 80
    pass_min: float = 60


DEFAULT_GRADE_THRESHOLDS = GradeThresholds()

#: The categories, in the order they appear on the assessment form.
CATEGORIES: tuple[str, ...] = (
    "组织联建",
    "活动共搞",
    "资源共享",
    "难题共解",
    "机制运行",
    "保障落实",
    "群众满意",
)

_I = IndicatorSpec

DEFAULT_INDICATORS: tuple[IndicatorSpec, ...] = (
    # 组织联建 15
    _I(
        "组织联建",
        "组建程序规范",
        5,
        "按申请、审核、报批程序组建，组建方案、审批材料齐全的得5分；程序缺项或材料不全的每项扣1分。",
    ),
    _I(
        "组织联建",
        "班子选配与交叉任职",
        5,
        "召集人、副召集人、联络员配备到位，有交叉任职或社会选聘党务工作者的得5分；"
        "班子不健全的扣2至5分。",
    ),
    _I(
        "组织联建",
        "组织覆盖与轮值召集",
        5,
        "成员党组织跨领域、跨层级、跨地域或跨行业联建，设置轮值召集人并按期轮换的得5分；"
        "未轮值的扣2分。",
    ),
    # 活动共搞 20
    _I(
        "活动共搞",
        "主题党日等共建活动",
        8,
        "成员党组织轮流主导，全年开展主题党日、联学联建、志愿服务等活动不少于12场次的得8分；"
        "每少1场次扣1分，扣完为止。",
        "activities",
    ),
    _I(
        "活动共搞",
        "教育培训场次",
        6,
        "共同组织主题党课、党性教育、教育培训全年不少于4场次的得6分；每少1场次扣1.5分。",
        "trainings",
    ),
    _I(
        "活动共搞",
        "培训党员人次",
        6,
        "全年培训党员不少于100人次的得6分；不足的按比例计分。",
        "trainee_times",
    ),
    # 资源共享 15
    _I(
        "资源共享",
        "场所阵地开放",
        6,
        "成员党组织的党群服务中心、党员活动室等阵地向共同体开放，有开放登记的得6分；"
        "每少开放1处扣2分。",
        "venues_opened",
    ),
    _I(
        "资源共享",
        "党员报到领岗（双报到）",
        9,
        "机关企事业单位党员到共建党组织报到领岗，有登记、有服务记录、有年度评价的得9分；"
        "报到人数少或无服务记录的酌情扣分。",
        "members_reported",
    ),
    # 难题共解 20
    _I(
        "难题共解",
        "三张清单签订",
        5,
        "年内签订需求清单、资源清单、项目清单的得5分；每缺1份扣2分。",
        "lists_signed",
    ),
    _I(
        "难题共解",
        "服务项目认领",
        7,
        "成员党组织单个认领或组团认领项目清单中的服务项目，认领率达到90%以上的得7分；"
        "不足的按比例计分。",
        "projects_claimed",
    ),
    _I(
        "难题共解",
        "解决问题成效",
        8,
        "认领项目按期解决、群众反映的问题得到解决的得8分；未解决的每项扣1分。",
        "projects_solved",
    ),
    # 机制运行 12
    _I(
        "机制运行",
        "日常例会与联席会议",
        6,
        "日常例会每月1次、联席会议每季度1次，有会议记录、有决议的得6分；每少开1次扣1分。",
        "meetings",
    ),
    _I(
        "机制运行",
        "情况通报",
        3,
        "每半年至少通报1次共同体建设情况的得3分；未通报的不得分。",
    ),
    _I(
        "机制运行",
        "统筹协调与督办落实",
        3,
        "对认领项目有督办记录、按期办结的得3分；每有1项逾期未办结扣1分。",
        "overdue_items",
    ),
    # 保障落实 8
    _I(
        "保障落实",
        "经费保障",
        5,
        "通过上级拨、各方筹、党费补等方式筹措经费，收支有台账、使用规范的得5分；无经费台账的不得分。",
        "funds_income",
    ),
    _I(
        "保障落实",
        "党务工作者配备",
        3,
        "采取交叉任职、社会选聘等方式配强党务工作者，有专人负责日常工作的得3分。",
    ),
    # 群众满意 10
    _I(
        "群众满意",
        "群众满意度",
        10,
        "对已解决项目开展群众满意度评价，满意率90%以上的得10分，80%以上的得8分，"
        "70%以上的得6分，其余酌情计分。",
    ),
)


#: Scores and maximum scores are typed to the tenth (the scoring and set editors' spin boxes
#: show one decimal): a finer figure from elsewhere would be rounded unseen on its next save
#: in a window, so the services refuse it.
SCORE_DECIMALS = 1


def is_score_precision(value: float) -> bool:
    """Whether ``value`` has no more than :data:`SCORE_DECIMALS` decimals (to within float
    noise: 7.3 typed is 7.29999…)."""
    scaled = value * 10.0**SCORE_DECIMALS
    return abs(scaled - round(scaled)) < 1e-6


def total_max_score(indicators: Iterable[IndicatorSpec] = DEFAULT_INDICATORS) -> float:
    """The full marks of a set: its indicators' maximum scores added up (rounded to the
    hundredth, so that a float sum reads as the figures typed)."""
    return round(sum(i.max_score for i in indicators), 2)


def grade_for(total: float, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS) -> Grade:
    """The grade of an assessment total: 优秀 / 良好 / 合格 / 不合格."""
    if total >= thresholds.excellent_min:
        return Grade.EXCELLENT
    if total >= thresholds.good_min:
        return Grade.GOOD
    if total >= thresholds.pass_min:
        return Grade.PASS
    return Grade.FAIL


def ranks(totals: Iterable[float]) -> list[int]:
    """The rank (名次) of each of ``totals``, given highest first: equal totals share the
    rank of the first of them and the next one counts them all (1, 2, 2, 4)."""
    out: list[int] = []
    previous: float | None = None
    for place, total in enumerate(totals, start=1):
        out.append(place if total != previous or not out else out[-1])
        previous = total
    return out
