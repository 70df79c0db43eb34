"""Name tables and fixed content of the demo district (汕头市潮南区), as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from pbc_desktop.domain.enums import CoBuildType, OrgField
from pbc_desktop.services.post_reports.catalogue import DEFAULT_POSTS

DISTRICT_COMMITTEE = "中共汕头市潮南区委员会"
#: the demo database's own office (packages: ``services/exchange``)
DISTRICT_OFFICE = "中共汕头市潮南区委组织部"
DISTRICT_CODE = "440514"
AGENCY_WORKING_COMMITTEE = "中共汕头市潮南区直属机关工作委员会"
TWO_NEW_COMMITTEE = "中共汕头市潮南区非公有制经济组织和社会组织委员会"
ORG_DEPARTMENT = "区委组织部"

# Region codes of resident ID numbers (Shantou, old and new), most people from 潮南 (440514).
REGION_CODES: tuple[tuple[str, int], ...] = (
    ("440514", 70),
    ("440513", 10),
    ("440582", 10),
    ("440524", 4),
    ("440511", 3),
    ("440507", 2),
    ("440515", 1),
)

# Surnames weighted roughly as in 潮汕 villages.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 30),
    ("林", 18),
    ("黄", 10),
    ("郑", 9),
    ("李", 7),
    ("吴", 6),
    ("张", 6),
    ("蔡", 6),
    ("许", 5),
    ("刘", 4),
    ("杨", 4),
    ("王", 4),
    ("洪", 4),
    ("周", 3),
    ("谢", 3),
    ("方", 3),
    ("马", 3),
    ("翁", 3),
    ("姚", 3),
    ("庄", 3),
    ("詹", 2),
    ("朱", 2),
    ("郭", 2),
    ("罗", 2),
    ("肖", 2),
    ("余", 2),
    ("彭", 2),
    ("曾", 2),
    ("柯", 2),
    ("魏", 2),
    ("赖", 1),
    ("沈", 1),
    ("卢", 1),
    ("邱", 1),
    ("辜", 1),
    ("纪", 1),
    ("钟", 1),
    ("温", 1),
    ("苏", 2),
    ("胡", 1),
)

MALE_CHARS = "伟强军建国华明德志文俊杰斌涛鹏辉海波锦泽宏宇鑫彬晓坤铭锐森荣盛松佳浩瀚升武雄烈"
FEMALE_CHARS = "丽娜敏静燕霞艳芳婷玲秀兰慧雅琳洁雪梅娟红琼璇惠淑蓉纯妙銮珠月佩"
SHARED_CHARS = "少伟晓立小嘉振永春秋英楚亮锦佳思子奕"

EDUCATION: tuple[tuple[str, int], ...] = (
    ("初中", 14),
    ("高中", 18),
    ("中专", 10),
    ("大专", 22),
    ("本科", 30),
    ("研究生", 6),
)

MOBILE_PREFIXES = (
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "158",
    "159",
    "182",
    "186",
    "188",
    "189",
    "133",
    "180",
    "199",
)


@dataclass(frozen=True)
class Town:
    name: str
    kind: str  # 镇 or 街道
    villages: tuple[tuple[str, str], ...]  # (short name, suffix: 村党总支/村党支部/社区党委)


# The named villages and communities of each town; more are generated at district scale.
TOWNS: tuple[Town, ...] = (
    Town(
        "峡山街道",
        "街道",
        (
            ("东里社区", "党委"),
            ("桃溪社区", "党委"),
            ("洋汾陈社区", "党委"),
            ("西门社区", "党委"),
            ("南里社区", "党委"),
            ("泗黄村", "党总支"),
        ),
    ),
    Town(
        "司马浦镇",
        "镇",
        (
            ("上底村", "党总支"),
            ("司上村", "党总支"),
            ("司下村", "党总支"),
            ("大布上村", "党支部"),
            ("溪美朱村", "党支部"),
            ("仙港村", "党总支"),
        ),
    ),
    Town(
        "成田镇",
        "镇",
        (
            ("简朴村", "党总支"),
            ("田中央社区", "党委"),
            ("华西村", "党总支"),
            ("上盐村", "党总支"),
            ("大寮村", "党支部"),
            ("家美村", "党总支"),
        ),
    ),
    Town(
        "陇田镇",
        "镇",
        (
            ("华瑶社区", "党委"),
            ("东仙社区", "党委"),
            ("田心村", "党总支"),
            ("浩溪村", "党支部"),
            ("东华村", "党支部"),
        ),
    ),
    Town(
        "红场镇",
        "镇",
        (
            ("大溪坝村", "党总支"),
            ("大陂村", "党支部"),
            ("虎白坟村", "党支部"),
            ("审者村", "党支部"),
            ("林招村", "党支部"),
        ),
    ),
    Town(
        "两英镇",
        "镇",
        (
            ("西新村", "党总支"),
            ("东新村", "党总支"),
            ("禾皋村", "党总支"),
            ("古溪村", "党支部"),
            ("鹅地村", "党支部"),
        ),
    ),
    Town(
        "仙城镇",
        "镇",
        (
            ("仙门城村", "党总支"),
            ("深洋村", "党总支"),
            ("波美村", "党支部"),
            ("宅美村", "党支部"),
        ),
    ),
    Town(
        "陈店镇",
        "镇",
        (
            ("陈店村", "党总支"),
            ("溪口社区", "党委"),
            ("新溪村", "党总支"),
            ("湖东村", "党支部"),
            ("文光村", "党支部"),
        ),
    ),
    Town(
        "胪岗镇",
        "镇",
        (
            ("胪岗村", "党总支"),
            ("新庆村", "党总支"),
            ("泗和村", "党支部"),
            ("上社村", "党支部"),
        ),
    ),
    Town(
        "雷岭镇",
        "镇",
        (
            ("雷岭村", "党总支"),
            ("南阳村", "党支部"),
            ("茶园村", "党支部"),
            ("新圩村", "党支部"),
        ),
    ),
    Town(
        "井都镇",
        "镇",
        (
            ("神山村", "党总支"),
            ("古埕村", "党总支"),
            ("大湖村", "党支部"),
            ("赤产村", "党支部"),
        ),
    ),
)

# Syllables for generated village names (district scale): first + second + 村/社区.
VILLAGE_FIRST = "东西南北上下新老大小仙溪田沙港林华美和平凤龙英长洋井塘山湖石埔金玉宝乌青竹桥"
VILLAGE_SECOND = "头尾寮厝园坑围埔美洋湖山溪港沟埕墩岭坪陇厝兴和安丰盛光阳"

# District agencies: (name of the agency, field, how many branches at district scale).
AGENCIES: tuple[tuple[str, OrgField, int], ...] = (
    ("区交通运输局", OrgField.AGENCY, 3),
    ("区教育局", OrgField.AGENCY, 1),
    ("区卫生健康局", OrgField.AGENCY, 1),
    ("区农业农村局", OrgField.AGENCY, 2),
    ("区住房和城乡建设局", OrgField.AGENCY, 2),
    ("区自然资源局", OrgField.AGENCY, 2),
    ("区民政局", OrgField.AGENCY, 1),
    ("区人力资源和社会保障局", OrgField.AGENCY, 2),
    ("区财政局", OrgField.AGENCY, 2),
    ("区发展和改革局", OrgField.AGENCY, 1),
    ("区工业信息化和科技局", OrgField.AGENCY, 1),
    ("区市场监督管理局", OrgField.AGENCY, 3),
    ("区应急管理局", OrgField.AGENCY, 1),
    ("区文化广电旅游体育局", OrgField.AGENCY, 1),
    ("区司法局", OrgField.AGENCY, 2),
    ("区退役军人事务局", OrgField.AGENCY, 1),
    ("区水务局", OrgField.AGENCY, 1),
    ("区统计局", OrgField.AGENCY, 1),
    ("区审计局", OrgField.AGENCY, 1),
    ("区信访局", OrgField.AGENCY, 1),
    ("区医疗保障局", OrgField.AGENCY, 1),
    ("区城市管理和综合执法局", OrgField.AGENCY, 2),
    ("区政务服务数据管理局", OrgField.AGENCY, 1),
    ("区委办公室", OrgField.AGENCY, 1),
    ("区委组织部", OrgField.AGENCY, 1),
    ("区委宣传部", OrgField.AGENCY, 1),
    ("区委统战部", OrgField.AGENCY, 1),
    ("区委政法委", OrgField.AGENCY, 1),
    ("区政府办公室", OrgField.AGENCY, 1),
    ("区人大常委会办公室", OrgField.AGENCY, 1),
    ("区政协办公室", OrgField.AGENCY, 1),
    ("区纪委监委机关", OrgField.AGENCY, 2),
    ("团区委", OrgField.AGENCY, 1),
    ("区妇联", OrgField.AGENCY, 1),
    ("区总工会", OrgField.AGENCY, 1),
    ("区人民法院", OrgField.AGENCY, 2),
    ("区人民检察院", OrgField.AGENCY, 2),
    ("区供销合作联社", OrgField.PUBLIC_INSTITUTION, 1),
    ("区融媒体中心", OrgField.PUBLIC_INSTITUTION, 1),
    ("区人民医院", OrgField.HOSPITAL, 3),
    ("区中医院", OrgField.HOSPITAL, 2),
    ("区妇幼保健院", OrgField.HOSPITAL, 1),
    ("区疾病预防控制中心", OrgField.PUBLIC_INSTITUTION, 1),
    ("区公路事务中心", OrgField.PUBLIC_INSTITUTION, 1),
    ("区城乡规划设计院", OrgField.PUBLIC_INSTITUTION, 1),
    ("潮南供电局", OrgField.STATE_ENTERPRISE, 2),
    ("潮南区自来水公司", OrgField.STATE_ENTERPRISE, 1),
    ("潮南区城市投资发展有限公司", OrgField.STATE_ENTERPRISE, 1),
)

# How many agencies the small demo keeps (the article's three come first in the table).
DEMO_AGENCIES = 14

BRANCH_ORDINALS = "一二三四五六七八九十"

ENTERPRISE_PREFIXES = (
    "汕头市金丰",
    "汕头市宏达",
    "广东雅丽",
    "汕头市华美",
    "汕头市潮南区新兴",
    "广东锦鸿",
    "汕头市恒信",
    "汕头市伟业",
    "广东正大",
    "汕头市顺发",
    "汕头市永泰",
    "汕头市佳和",
    "广东胜达",
    "汕头市海联",
    "汕头市德辉",
    "汕头市潮南区荣盛",
    "汕头市利丰",
    "广东美华",
    "汕头市鸿福",
    "汕头市安盛",
    "汕头市富源",
    "汕头市信达",
    "广东粤港",
    "汕头市中联",
    "汕头市创新",
    "汕头市天润",
    "汕头市南山",
    "汕头市新峰",
    "广东泰丰",
    "汕头市源兴",
)
# Chaonan's industries: 袜业, 内衣, 纺织, 印刷包装, 电子 …
ENTERPRISE_TRADES = (
    "袜业有限公司",
    "内衣实业有限公司",
    "纺织有限公司",
    "织造有限公司",
    "印刷包装有限公司",
    "电子科技有限公司",
    "服饰有限公司",
    "针织有限公司",
    "塑料制品有限公司",
    "食品有限公司",
    "五金制品有限公司",
    "物流有限公司",
)

SOCIAL_ORG_KINDS = (
    "商会",
    "社会组织联合会",
    "个体劳动者私营企业协会",
    "慈善会",
    "志愿者协会",
    "内衣行业协会",
    "青年商会",
    "老年人协会",
)

SCHOOL_KINDS = (
    "中心小学",
    "中学",
    "第一小学",
    "第二小学",
    "实验学校",
    "中心幼儿园",
    "职业技术学校",
    "初级中学",
    "第三小学",
    "高级中学",
    "明德小学",
    "育英学校",
)

# Temporary branches for epidemic control: traffic checkpoints and observation points.
CHECKPOINTS = (
    "深汕高速峡山出口",
    "潮汕环线两英出口",
    "国道324线陈店路段",
    "省道237线胪岗路段",
    "汕湛高速司马浦出口",
    "峡山收费站",
    "仙城检查站",
    "井都沿海公路",
    "红场镇大南山路口",
    "雷岭镇省道路口",
)
OBSERVATION_POINTS = (
    "区人民医院",
    "峡山街道",
    "两英镇",
    "陈店镇",
    "司马浦镇",
    "成田镇",
    "胪岗镇",
    "仙城镇",
    "陇田镇",
    "井都镇",
    "红场镇",
)

PARTY_POSTS = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员")

# The post catalogue (岗位) for 报到领岗: the one a new database starts with.
POSTS = DEFAULT_POSTS

SERVICE_CONTENT: dict[str, tuple[str, ...]] = {
    "政策宣传": ("入户宣讲医保缴费政策", "在党群服务中心宣讲乡村振兴政策", "发放惠农政策宣传单"),
    "志愿服务": ("参加周末志愿服务活动", "协助开展核酸检测秩序维护", "参加爱心义诊志愿服务"),
    "矛盾调解": ("调解邻里宅基地纠纷", "协助化解一宗劳资纠纷", "走访信访户，听取诉求"),
    "环境整治": ("参加河道清理", "清理村道卫生死角", "参与垃圾分类宣传督导"),
    "关爱帮扶": ("走访慰问困难党员", "看望留守老人", "辅导留守儿童功课"),
    "文明实践": ("组织移风易俗宣传", "参与文明实践站读书会", "开展好家风故事分享"),
    "助企服务": ("走访袜业企业了解用工需求", "协助企业申报技改补贴", "帮助企业对接金融服务"),
    "安全生产": ("开展出租屋消防安全检查", "检查小作坊用电安全", "开展防汛防风安全宣传"),
}


@dataclass(frozen=True)
class ArticleCommunity:
    """One of the five communities the article names."""

    name: str
    theme: str
    types: tuple[CoBuildType, ...]
    members: tuple[str, ...]  # organization names; the first leads
    description: str


# The enterprises and social organizations the article's communities need by name.
CHENSHA_PROJECT = "广东中人集团建设有限公司陈沙大道改建工程项目部党支部"
CHENGTIAN_ALLIANCE = (
    "成田镇社会组织联合会党总支部",
    "成田镇商会党支部",
    "成田镇袜业协会党支部",
)
CHENGTIAN_ENTERPRISES = (
    "汕头市潮南区成田金丰袜业有限公司党支部",
    "汕头市潮南区成田宏达袜业有限公司党支部",
    "广东成田锦鸿针织有限公司党支部",
)

ARTICLE_COMMUNITIES: tuple[ArticleCommunity, ...] = (
    ArticleCommunity(
        "交通先锋党建共同体",
        "思想教育联建、廉洁建设联倡、党组织生活联建、学习阵地联建、工作生活困难联助",
        (CoBuildType.CROSS_FIELD,),
        ("区交通运输局机关第一党支部", CHENSHA_PROJECT),
        "机关党支部与陈沙大道改建工程项目部党支部联建，促进全区交通重点项目高效推进。",
    ),
    ArticleCommunity(
        "上底村教育振兴党建共同体",
        "统筹各级教育资源，帮助上底村小学提档升级",
        (CoBuildType.CROSS_LEVEL,),
        ("司马浦镇党委", "区教育局机关党支部", "上底村党总支", "司马浦镇教育系统党总支"),
        "区、镇、村三级党组织纵向联通，资源下沉、服务下沉。",
    ),
    ArticleCommunity(
        "成田陇田新农村连片示范党建共同体",
        "以新农村连片示范村建设为契机，共同发展新农村",
        (CoBuildType.CROSS_REGION,),
        ("简朴村党总支", "田中央社区党委", "华西村党总支", "华瑶社区党委", "东仙社区党委"),
        "成田镇、陇田镇五个村（社区）党组织跨镇域联建共建，辐射联动。",
    ),
    ArticleCommunity(
        "大溪坝红色美丽乡村党建共同体",
        "以组织振兴试点为契机，共同推动红色美丽乡村建设",
        (CoBuildType.CROSS_REGION,),
        ("大溪坝村党总支", "大陂村党支部", "虎白坟村党支部", "审者村党支部"),
        "大溪坝村被中组部定为组织振兴试点单位，与周边村党组织联建共建。",
    ),
    ArticleCommunity(
        "成田镇民营经济党建联盟",
        "支部建在链上，以党建链带动产业链，助推民营经济发展",
        (CoBuildType.CROSS_INDUSTRY,),
        (*CHENGTIAN_ALLIANCE, *CHENGTIAN_ENTERPRISES),
        "以成田镇社会组织联合会党总支部为平台，整合商会、袜业协会和企业党支部组建党建联盟。",
    ),
)

# Themes for generated communities by pattern.
THEMES: dict[CoBuildType, tuple[str, ...]] = {
    CoBuildType.CROSS_FIELD: (
        "机关联村",
        "政企同心",
        "平安共建",
        "助企惠民",
        "文明共创",
        "医疗惠民",
    ),
    CoBuildType.CROSS_LEVEL: ("资源下沉", "乡村振兴", "教育提升", "基层治理", "服务下沉"),
    CoBuildType.CROSS_REGION: ("连片发展", "生态宜居", "红色乡村", "河长共治", "田园共富"),
    CoBuildType.CROSS_INDUSTRY: ("产业链", "纺织服装", "袜业集群", "电商物流", "链上共建"),
}

# Agenda topics for meetings: (title, discussion, resolution).
AGENDA_TOPICS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "regular_meeting": (
        (
            "通报上月活动开展情况",
            "各成员党组织汇报上月主题党日和志愿服务开展情况，联络员汇总活动台账。",
            "活动台账按月归档，下月由轮值单位牵头组织主题党日活动。",
        ),
        (
            "研究本月主题党日活动安排",
            "大家讨论了活动主题、地点和参加人员，建议结合党史学习教育开展。",
            "本月主题党日活动确定在党群服务中心举行，各成员党组织组织党员参加。",
        ),
        (
            "研究项目清单推进情况",
            "对已认领项目逐项过了一遍进度，个别项目因资金未到位推进较慢。",
            "对进度滞后项目由召集人督办，下次例会前报告进展。",
        ),
        (
            "研究党员报到领岗安排",
            "机关党员报到后岗位分布不均，政策宣传岗人数较多。",
            "调剂部分党员到关爱帮扶和环境整治岗位。",
        ),
    ),
    "joint_meeting": (
        (
            "审议本季度工作计划",
            "各成员党组织书记围绕资源共享、难题共解提出意见建议。",
            "通过本季度工作计划，由各成员党组织分工落实。",
        ),
        (
            "研究签订需求、资源、项目清单",
            "梳理群众急难愁盼问题和各单位可提供的资源，形成三张清单初稿。",
            "三张清单经会议审议通过，由各成员党组织签字确认。",
        ),
        (
            "协调组团认领服务项目",
            "对涉及资金较大的项目，讨论由多个成员党组织组团认领。",
            "确定牵头单位和配合单位，明确责任人和完成时限。",
        ),
        (
            "确定下一轮值召集单位",
            "按照成员党组织顺序轮换召集人，讨论下一期工作重点。",
            "按顺序由下一成员党组织担任轮值召集单位。",
        ),
    ),
    "briefing": (
        (
            "通报党建共同体建设情况",
            "联络员通报半年来活动开展、项目认领和问题解决情况。",
            "通报情况印发各成员党组织，存在问题限期整改。",
        ),
        (
            "通报经费收支情况",
            "通报上级拨款、各方筹集和党费补助经费的收支情况。",
            "经费使用情况在党务公开栏公示。",
        ),
    ),
    "other": (
        (
            "学习传达上级会议精神",
            "全体党员集中学习，结合工作实际交流体会。",
            "各党员结合岗位抓好贯彻落实。",
        ),
        (
            "讨论发展党员工作",
            "支委会对入党积极分子培养情况进行讨论。",
            "同意列为发展对象，按程序报上级党组织预审。",
        ),
        (
            "研究党费收缴情况",
            "组织委员通报党费收缴情况。",
            "按时足额交纳党费，下月初公示。",
        ),
    ),
}

ACTIVITY_TITLES: dict[str, tuple[str, ...]] = {
    "theme_party_day": (
        "“学党史、悟思想”主题党日活动",
        "“我为群众办实事”主题党日活动",
        "重温入党誓词主题党日活动",
        "红色教育基地参观主题党日活动",
        "“党旗飘扬·共建家园”主题党日活动",
    ),
    "theme_lesson": ("书记讲主题党课", "“践行初心使命”主题党课", "联合主题党课"),
    "joint_study": ("理论学习中心组联学", "党史学习教育联学联建", "“三会一课”联学联建"),
    "party_spirit": ("大南山革命根据地党性教育", "廉政警示教育", "红色家书诵读党性教育"),
    "training": ("党务工作者业务培训", "村（社区）“两委”干部培训", "党员电商技能培训"),
    "volunteer": ("人居环境整治志愿服务", "爱心义诊志愿服务", "关爱留守儿童志愿服务"),
    "branch_assembly": ("支部党员大会",),
    "branch_committee": ("支委会",),
    "group_meeting": ("党小组会",),
    "party_lesson": ("专题党课",),
}

# Demand / resource / project item texts: (title, category).
DEMANDS: tuple[tuple[str, str], ...] = (
    ("村道路面破损需修复", "基础设施"),
    ("留守儿童课后托管", "民生服务"),
    ("老年人活动场所不足", "民生服务"),
    ("村小学多媒体教室建设", "教育"),
    ("袜业企业招工难", "产业发展"),
    ("河道垃圾清理", "环境整治"),
    ("路灯损坏照明不足", "基础设施"),
    ("困难群众就医难", "民生服务"),
    ("农产品销路不畅", "产业发展"),
    ("村级党群服务中心提档升级", "阵地建设"),
    ("出租屋消防隐患整治", "安全生产"),
    ("农田灌溉水渠淤塞", "基础设施"),
)
RESOURCES: tuple[tuple[str, str], ...] = (
    ("机关党员志愿服务队", "人才"),
    ("区人民医院义诊医生团队", "人才"),
    ("企业公益资金", "资金"),
    ("党群服务中心会议室", "场地"),
    ("交通运输局工程技术人员", "人才"),
    ("商会就业岗位信息", "信息"),
    ("教育局师资培训资源", "人才"),
    ("电商直播培训场地", "场地"),
)
PROJECTS: tuple[tuple[str, str, str], ...] = (
    ("修复村道破损路面", "基础设施", "完成路面修复，群众出行安全便利"),
    ("开设“四点半课堂”", "民生服务", "每周开课不少于3次，服务留守儿童"),
    ("建设长者饭堂", "民生服务", "为60岁以上老人提供助餐服务"),
    ("捐建多媒体教室", "教育", "建成多媒体教室并投入使用"),
    ("举办袜业专场招聘会", "产业发展", "帮助企业招聘工人不少于50名"),
    ("开展河道清理行动", "环境整治", "河道垃圾清理干净，建立长效保洁"),
    ("更换村道路灯", "基础设施", "更换路灯不少于30盏"),
    ("开展送医下乡义诊", "民生服务", "每季度义诊1次"),
    ("直播带货助农", "产业发展", "帮助销售农产品"),
    ("党群服务中心提档升级", "阵地建设", "完成服务中心功能室改造"),
    ("出租屋消防安全整治", "安全生产", "排查整改消防隐患"),
    ("清淤疏通灌溉水渠", "基础设施", "恢复农田灌溉"),
    ("设立“爱心驿站”", "民生服务", "为环卫工人、快递员提供歇脚服务"),
    ("建设“爱心超市”", "民生服务", "积分兑换，激励群众参与村务"),
    ("设立“扶贫车间”", "产业发展", "吸纳困难群众就近就业"),
)
SUPERVISION_PROGRESS = (
    "已完成现场勘察，制定实施方案",
    "资金已落实，正在组织施工",
    "完成约一半工作量",
    "主体工作已完成，正在收尾",
    "因天气原因暂缓，已调整计划",
    "协调相关部门解决用地问题",
)
SUPERVISION_NEXT = (
    "下周前完成材料采购",
    "督促施工单位加快进度",
    "月底前完成验收",
    "召开协调会研究解决",
    "下次例会报告进展",
)

FUND_SPENDING = (
    "购买学习资料",
    "主题党日活动场地布置",
    "志愿服务物资",
    "教育培训讲课费",
    "党性教育基地交通费",
    "慰问困难党员",
)

VENUE_HOURS = (
    "周一至周五 8:30-12:00,14:30-17:30",
    "周一至周六 8:00-12:00,14:00-18:00",
    "每天 8:00-21:00",
)

EDUCATION_BASES: tuple[tuple[str, str], ...] = (
    ("大南山革命根据地党性教育基地", "红场镇"),
    ("红场镇大溪坝村红色教育基地", "红场镇"),
    ("雷岭镇革命历史陈列馆", "雷岭镇"),
    ("潮南区廉政教育基地", "峡山街道"),
)

ASSESSMENT_FEEDBACK = {
    "excellent": "组织健全、活动经常、成效明显，建议评为示范点并推广经验。",
    "good": "运行规范，活动开展较好，项目推进有力，个别项目办结不够及时。",
    "pass": "基本完成年度任务，但活动形式单一，清单项目推进偏慢，需加强统筹。",
    "fail": "作用发挥不明显，例会不经常，项目长期未推进，需进行规范整顿。",
}
RECTIFY_REASONS = "全年日常例会不足6次；项目清单事项半数以上逾期未办结；成员党组织参与度不高。"
