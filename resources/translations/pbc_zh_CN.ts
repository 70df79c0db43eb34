<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>Search title, place, community or host</source>
        <translation>搜索标题、地点、共同体或主办单位</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All trainings</source>
        <translation>全部培训</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部共同体</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hosted by {0}</source>
        <translation>主办单位:{0}</translation>
    </message>
    <message>
        <source>From {0} to {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>列席嘉宾</translation>
    </message>
    <message>
        <source>Participating organizations</source>
        <translation>参加单位</translation>
    </message>
    <message>
        <source>Expected / present</source>
        <translation>应到/实到</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Trainees (person-times)</source>
        <translation>培训人次</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Agenda and resolutions</source>
        <translation>议题与决议</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>讨论情况</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>No agenda recorded.</source>
        <translation>未记录议题。</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No attendance recorded.</source>
        <translation>未记录出席情况。</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>Search community</source>
        <translation>搜索共同体</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Award (yuan)</source>
        <translation>奖补(元)</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Indicator system</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>Reasons for rectification</source>
        <translation>整顿原因</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>考核人</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>评分说明</translation>
    </message>
    <message>
        <source>No indicators in this year's system.</source>
        <translation>本年度指标体系中没有指标。</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈意见</translation>
    </message>
</context>
<context>
    <name>CommunitiesTab</name>
    <message>
        <source>Search name, theme or lead organization</source>
        <translation>搜索名称、主题或牵头党组织</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>New community (Ctrl+N)</source>
        <translation>新建党建共同体(Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected community (Enter or F2)</source>
        <translation>编辑选中的党建共同体(回车或 F2)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected community (Del)</source>
        <translation>删除选中的党建共同体(Del)</translation>
    </message>
    <message>
        <source>&amp;Procedure step...</source>
        <translation>组建程序(&amp;P)…</translation>
    </message>
    <message>
        <source>Record a step: review, approval, start, rectification or revocation</source>
        <translation>登记程序步骤:审核、批准、运行、整顿或撤销</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lead organization</source>
        <translation>牵头党组织</translation>
    </message>
    <message>
        <source>Co-building types</source>
        <translation>共建类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员单位数</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退出日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From organization</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Cross-appointment</source>
        <translation>交叉任职</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Convening organization</source>
        <translation>轮值召集单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>轮值期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>程序步骤</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Leadership team</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Convener rotation</source>
        <translation>轮值召集人</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>组建程序</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部共建类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1 communities</source>
        <translation>共 %1 个党建共同体</translation>
    </message>
    <message>
        <source>No community selected</source>
        <translation>未选择党建共同体</translation>
    </message>
    <message>
        <source>Select a community to see its members, team, rotation and procedure.</source>
        <translation>选择一个党建共同体,查看其成员单位、班子、轮值和组建程序。</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>主题:%1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No member organization can convene.</source>
        <translation>没有可轮值召集的成员单位。</translation>
    </message>
    <message>
        <source>Next in turn: %1, %2 (%3 to %4)</source>
        <translation>下一轮值:%1,%2(%3 至 %4)</translation>
    </message>
    <message>
        <source>Delete the community “%1” with its members, team, rotation and procedure record? This cannot be undone.</source>
        <translation>删除党建共同体“%1”及其成员单位、班子、轮值和组建程序记录?删除后无法恢复。</translation>
    </message>
    <message>
        <source>Delete community</source>
        <translation>删除党建共同体</translation>
    </message>
</context>
<context>
    <name>CommunityDialog</name>
    <message>
        <source>New Party-building community</source>
        <extracomment>An empty optional date is shown as the minimum of its date edit, displayed blank.</extracomment>
        <translation>新建党建共同体</translation>
    </message>
    <message>
        <source>Edit Party-building community</source>
        <translation>编辑党建共同体</translation>
    </message>
    <message>
        <source>More organizations: type to narrow the list</source>
        <translation>还有更多党组织:请输入文字缩小范围</translation>
    </message>
    <message>
        <source>Party-building community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. Chensha Avenue Party-building community</source>
        <translation>例如:陈沙大道改建工程党建共同体</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>Co-building types:</source>
        <translation>共建类型:</translation>
    </message>
    <message>
        <source>Cross-field</source>
        <translation>跨领域</translation>
    </message>
    <message>
        <source>Cross-level</source>
        <translation>跨层级</translation>
    </message>
    <message>
        <source>Cross-region</source>
        <translation>跨地域</translation>
    </message>
    <message>
        <source>Cross-industry</source>
        <translation>跨行业</translation>
    </message>
    <message>
        <source>&amp;Founded on:</source>
        <translation>成立日期(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>简介(&amp;D):</translation>
    </message>
    <message>
        <source>Member organizations</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Search organizations by name or town</source>
        <translation>按名称或镇街搜索党组织</translation>
    </message>
    <message>
        <source>Members (in rotation order):</source>
        <translation>成员单位(按轮值顺序):</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>加入(&amp;A) →</translation>
    </message>
    <message>
        <source>← &amp;Remove</source>
        <translation>← 移出(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Lead organization:</source>
        <translation>牵头党组织(&amp;L):</translation>
    </message>
    <message>
        <source>Leadership team</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>From organization</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Cross-appointment</source>
        <translation>交叉任职</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>添加人员(&amp;P)</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>移除人员</translation>
    </message>
    <message>
        <source>Convener rotation</source>
        <translation>轮值召集人</translation>
    </message>
    <message>
        <source>Convening organization</source>
        <translation>轮值召集单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>轮值期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Period length:</source>
        <translation>轮值周期:</translation>
    </message>
    <message>
        <source>&amp;Propose next turn</source>
        <translation>建议下一轮值(&amp;P)</translation>
    </message>
    <message>
        <source>Remove turn</source>
        <translation>移除轮值</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Sorry, something went wrong inside the program. Your saved records are safe.</source>
        <translation>抱歉,程序内部出现了错误。已保存的记录不会丢失。</translation>
    </message>
    <message>
        <source>The details were written to the log file:</source>
        <translation>详细情况已写入日志文件:</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DemoSetup</name>
    <message>
        <source>Building the demo district...</source>
        <translation>正在生成演示数据……</translation>
    </message>
</context>
<context>
    <name>LifecycleDialog</name>
    <message>
        <source>Choose a step.</source>
        <translation>请选择程序步骤。</translation>
    </message>
    <message>
        <source>Record a procedure step</source>
        <translation>登记组建程序步骤</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>党建共同体:</translation>
    </message>
    <message>
        <source>Current status:</source>
        <translation>当前状态:</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R):</translation>
    </message>
</context>
<context>
    <name>ListingTab</name>
    <message>
        <source>Show all</source>
        <extracomment>objectName prefix of the widgets, e.g. "members" → membersTable, membersSplitter.</extracomment>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Remove these filters</source>
        <translation>清除这些筛选条件</translation>
    </message>
    <message>
        <source>Total: {0}</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>选择一行查看详细信息。</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>Search item, list or community</source>
        <translation>搜索事项、清单或共同体</translation>
    </message>
    <message>
        <source>All lists</source>
        <translation>全部清单</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部共同体</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>督办次数</translation>
    </message>
    <message>
        <source>Claimed by {0}</source>
        <translation>认领单位:{0}</translation>
    </message>
    <message>
        <source>Claimed items only</source>
        <translation>仅已认领事项</translation>
    </message>
    <message>
        <source>Unclaimed items only</source>
        <translation>仅未认领事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Answers the demand</source>
        <translation>对应需求</translation>
    </message>
    <message>
        <source>Uses the resource</source>
        <translation>使用资源</translation>
    </message>
    <message>
        <source>Expected result</source>
        <translation>预期成效</translation>
    </message>
    <message>
        <source>Solved on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>群众满意度</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>认领情况</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>认领方式</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Claimed on</source>
        <translation>认领日期</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Not claimed yet.</source>
        <translation>尚未认领。</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>No follow-up recorded.</source>
        <translation>尚无督办记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>共同体</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>PBC Desktop</source>
        <translation>党建共同体工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database...</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database...</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库:%1</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Database (*.sqlite)</source>
        <translation>数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>A file with that name already exists. Choose another name.</source>
        <translation>已有同名文件,请换一个名称。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Database (*.sqlite *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About PBC Desktop</source>
        <translation>关于党建共同体工作台</translation>
    </message>
    <message>
        <source>PBC Desktop %1

An offline workbench for Party-building communities: member organizations, members reporting for posts, joint activities and meetings, lists, funds and the year-end assessment.

Bundled font: WenQuanYi Micro Hei (Apache License 2.0).</source>
        <translation>党建共同体工作台 %1

离线管理党建共同体:成员党组织、党员报到领岗、活动共搞与会议、需求/资源/项目清单、经费和年底考核。

内置字体:文泉驿微米黑(Apache License 2.0)。</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Search name, phone or last digits of the ID number</source>
        <translation>搜索姓名、电话或身份证号后几位</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Reported or not</source>
        <translation>是否报到</translation>
    </message>
    <message>
        <source>Reported to a post</source>
        <translation>已报到领岗</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报到</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报到</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Organization: {0}</source>
        <translation>党组织:{0}</translation>
    </message>
    <message>
        <source>Reported to communities in {0}</source>
        <translation>报到至{0}的共同体</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <source>Party post</source>
        <translation>党内职务</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位及职务</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Post reports</source>
        <translation>报到领岗</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长(小时)</translation>
    </message>
    <message>
        <source>Not reported to any co-building organization.</source>
        <translation>尚未到共建单位报到。</translation>
    </message>
    <message>
        <source>Service log ({0} hours)</source>
        <translation>服务记录(共 {0} 小时)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>No service recorded.</source>
        <translation>尚无服务记录。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>New party organization</source>
        <translation>新建党组织</translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation>编辑党组织</translation>
    </message>
    <message>
        <source>Choose a kind</source>
        <translation>请选择组织类别</translation>
    </message>
    <message>
        <source>Choose a field</source>
        <translation>请选择所属领域</translation>
    </message>
    <message>
        <source>Choose a level</source>
        <translation>请选择层级</translation>
    </message>
    <message>
        <source>None (type to search)</source>
        <translation>无(输入文字搜索)</translation>
    </message>
    <message>
        <source>No organization is named “{0}”; choose one from the list.</source>
        <translation>没有名为“{0}”的党组织,请从列表中选择。</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>简称(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>组织类别(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>所属领域(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Parent organization:</source>
        <translation>上级党组织(&amp;P):</translation>
    </message>
    <message>
        <source>Se&amp;cretary:</source>
        <translation>书记(&amp;C):</translation>
    </message>
    <message>
        <source>C&amp;ontact person:</source>
        <translation>联系人(&amp;O):</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A):</translation>
    </message>
    <message>
        <source>Founded on:</source>
        <translation>成立日期:</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>设立日期:</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>撤销日期:</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R):</translation>
    </message>
</context>
<context>
    <name>OrganizationsTab</name>
    <message>
        <source>Search name or secretary</source>
        <translation>搜索名称或书记</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New organization (Ctrl+N)</source>
        <translation>新建党组织(Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the selected organization (Enter, F2)</source>
        <translation>编辑选中的党组织(回车、F2)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected organization (Del)</source>
        <translation>删除选中的党组织(Del)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级党组织</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>{0} organizations</source>
        <translation>共 {0} 个党组织</translation>
    </message>
    <message>
        <source>All ({0})</source>
        <translation>全部({0})</translation>
    </message>
    <message>
        <source>Parent: {0}</source>
        <translation>上级党组织:{0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Secretary: {0}   Contact: {1}   Phone: {2}</source>
        <translation>书记:{0}   联系人:{1}   电话:{2}</translation>
    </message>
    <message>
        <source>Members: {0}   Sub-organizations: {1}</source>
        <translation>党员:{0} 名   下级党组织:{1} 个</translation>
    </message>
    <message>
        <source>Address: {0}</source>
        <translation>地址:{0}</translation>
    </message>
    <message>
        <source>Founded on: {0}</source>
        <translation>成立日期:{0}</translation>
    </message>
    <message>
        <source>Period: {0} to {1}</source>
        <translation>存续期间:{0} 至 {1}</translation>
    </message>
    <message>
        <source> (lead)</source>
        <translation>(牵头)</translation>
    </message>
    <message>
        <source>Communities: {0}</source>
        <translation>所在党建共同体:{0}</translation>
    </message>
    <message>
        <source>Delete the organization “{0}”? This cannot be undone.</source>
        <translation>删除党组织“{0}”?删除后无法恢复。</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除党组织</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Party-building communities</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>communities</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Member organizations</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Party-mass service centres opened</source>
        <translation>开放党群服务中心</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>处</translation>
    </message>
    <message>
        <source>Party members reported</source>
        <translation>党员报到领岗</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Activities held</source>
        <translation>开展活动</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Education and training sessions held</source>
        <translation>组织教育培训</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Party members trained</source>
        <translation>培训党员</translation>
    </message>
    <message>
        <source>person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>Lists signed</source>
        <translation>签订清单</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>份</translation>
    </message>
    <message>
        <source>Service projects claimed</source>
        <translation>认领服务项目</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Problems solved</source>
        <translation>解决问题</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>逾期事项</translation>
    </message>
    <message>
        <source>items</source>
        <translation>项</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>范围:</translation>
    </message>
    <message>
        <source>Communities by co-building type</source>
        <translation>党建共同体(按共建类型)</translation>
    </message>
    <message>
        <source>Communities by status</source>
        <translation>党建共同体(按状态)</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>截至 {0}</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
