<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>&amp;New account...</source>
        <translation>新建账号(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Reset password...</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit / post</source>
        <translation>单位/职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organization / town</source>
        <translation>所属党组织/镇街</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>{0} accounts</source>
        <translation>共 {0} 个账号</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Disable the account {0} ({1})? It can no longer sign in; its records and log entries stay. It can be enabled again.</source>
        <translation>停用账号 {0}（{1}）？停用后不能再登录，它的记录和操作日志都保留，以后可以重新启用。</translation>
    </message>
</context>
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
        <translation>主办单位：{0}</translation>
    </message>
    <message>
        <source>&amp;New activity...</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Venues (阵地)...</source>
        <translation>阵地管理(&amp;V)…</translation>
    </message>
    <message>
        <source>Minutes / record</source>
        <translation>会议纪要/记录</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Which document to print</source>
        <translation>选择要打印的文书</translation>
    </message>
    <message>
        <source>Print previe&amp;w...</source>
        <translation>打印预览(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save &amp;as PDF...</source>
        <translation>另存为PDF(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Month view</source>
        <translation>月视图(&amp;M)</translation>
    </message>
    <message>
        <source>On {0}</source>
        <translation>{0} 当天</translation>
    </message>
    <message>
        <source>Delete the activity “{0}” of {1} with its attendance, agenda, photos and files? This cannot be undone.</source>
        <translation>删除 {1} 的活动“{0}”及其出席情况、议题、照片和文件？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Preparing the document...</source>
        <translation>正在生成文书……</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Exp.</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Pres.</source>
        <translation>实到</translation>
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
        <source>From office</source>
        <translation>来源单位</translation>
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
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <extracomment>Kinds with a lecturer (主讲人): lessons, trainings and Party-spirit education.</extracomment>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>(none: a branch&apos;s own activity)</source>
        <translation>（无：本支部自身活动）</translation>
    </message>
    <message>
        <source>A venue, or type another place</source>
        <translation>选择阵地，或输入其他地点</translation>
    </message>
    <message>
        <source>More members: type more of the name</source>
        <translation>还有更多党员：请输入更多姓名文字</translation>
    </message>
    <message>
        <source>Expected {0}, present {1}, absent {2}, attending without vote {3}</source>
        <translation>应到 {0} 人，实到 {1} 人，缺席 {2} 人，列席 {3} 人</translation>
    </message>
    <message>
        <source>Add photos or files</source>
        <translation>添加照片或文件</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>The content of this file was not found when the database was upgraded.</source>
        <translation>升级数据库时没有找到这个文件的内容。</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>This kind of file (*%1);;All files (*)</source>
        <translation>同类文件 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>党建共同体(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Ends at:</source>
        <translation>结束时间(&amp;E)：</translation>
    </message>
    <message>
        <source>Record the end</source>
        <translation>填写结束时间</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>Choose a venue (阵地) or type another place</source>
        <translation>选择阵地，或输入其他地点</translation>
    </message>
    <message>
        <source>&amp;Host organization:</source>
        <translation>主办单位(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Recorder:</source>
        <translation>记录人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Lecturer:</source>
        <translation>主讲人(&amp;L)：</translation>
    </message>
    <message>
        <source>Participa&amp;nts</source>
        <translation>参加人员(&amp;N)</translation>
    </message>
    <message>
        <source>Add a &amp;person not on the roll</source>
        <translation>添加名册外人员(&amp;P)</translation>
    </message>
    <message>
        <source>Agen&amp;da and resolutions</source>
        <translation>议题与决议(&amp;D)</translation>
    </message>
    <message>
        <source>Add ite&amp;m</source>
        <translation>添加议题(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove item</source>
        <translation>移除议题(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Photos and &amp;files</source>
        <translation>照片和文件(&amp;F)</translation>
    </message>
    <message>
        <source>Add &amp;photos or files...</source>
        <translation>添加照片或文件(&amp;P)…</translation>
    </message>
    <message>
        <source>Pr&amp;opose from rotation</source>
        <translation>按轮值建议(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Basics</source>
        <translation>基本情况(&amp;B)</translation>
    </message>
    <message>
        <source>Ch&amp;air:</source>
        <translation>主持人(&amp;A)：</translation>
    </message>
    <message>
        <source>Tra&amp;inee person-times:</source>
        <translation>培训人次(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Guests:</source>
        <translation>列席嘉宾(&amp;G)：</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>概要(&amp;M)：</translation>
    </message>
    <message>
        <source>Participating organizations</source>
        <translation>参加单位</translation>
    </message>
    <message>
        <source>Call their &amp;members</source>
        <translation>通知其党员参加(&amp;M)</translation>
    </message>
    <message>
        <source>Find party members</source>
        <translation>查找党员</translation>
    </message>
    <message>
        <source>Type a name to find a party member</source>
        <translation>输入姓名查找党员</translation>
    </message>
    <message>
        <source>&amp;Add to attendance</source>
        <translation>加入出席名单(&amp;A)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Remo&amp;ve person</source>
        <translation>移除人员(&amp;V)</translation>
    </message>
    <message>
        <source>Agenda item (议题)</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>议题(&amp;I)：</translation>
    </message>
    <message>
        <source>Dis&amp;cussion:</source>
        <translation>讨论情况(&amp;C)：</translation>
    </message>
    <message>
        <source>Res&amp;olution:</source>
        <translation>决议(&amp;O)：</translation>
    </message>
    <message>
        <source>Put to a &amp;vote</source>
        <translation>付诸表决(&amp;V)</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>表决：</translation>
    </message>
    <message>
        <source>For</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>AdminActions</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Accounts...</source>
        <translation>账号管理(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;log...</source>
        <translation>操作日志(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>ApplicantDialog</name>
    <message>
        <source>New applicant</source>
        <translation>新增入党申请人</translation>
    </message>
    <message>
        <source>As in the ID number</source>
        <translation>按身份证号</translation>
    </message>
    <message>
        <source>The applicant must be 18 or older on the day the application was handed in. Birth date and sex are read from the ID number.</source>
        <translation>递交入党申请书时须年满18周岁。出生日期和性别从身份证号读出。</translation>
    </message>
    <message>
        <source>Edit applicant</source>
        <translation>修改入党申请人信息</translation>
    </message>
    <message>
        <source>Admitted as a probationary member: the personal data is now edited on the member (Party members tab).</source>
        <translation>已接收为预备党员：个人信息请在“党员”页的党员记录中修改。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>所在党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>Not as in the ID number</source>
        <translation>与身份证号不同</translation>
    </message>
    <message>
        <source>E&amp;thnicity:</source>
        <translation>民族(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Applied on:</source>
        <translation>递交申请书日期(&amp;A)：</translation>
    </message>
    <message>
        <source>E&amp;ducation:</source>
        <translation>学历(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Work unit and post:</source>
        <translation>工作单位及职务(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>AppraisalDialog</name>
    <message>
        <source>Democratic appraisal of members</source>
        <translation>民主评议党员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <source>Party post</source>
        <translation>党内职务</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>评议等次</translation>
    </message>
    <message>
        <source>Type 1 excellent, 2 qualified, 3 basically qualified, 4 unqualified (0 clears); Enter or Tab moves to the next member.</source>
        <translation>输入 1 优秀、2 合格、3 基本合格、4 不合格（0 清除）；按回车键或 Tab 键到下一名党员。</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>Meeting on:</source>
        <translation>评议日期：</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>评议年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print result sheet...</source>
        <translation>打印评议结果表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Grades</source>
        <translation>评议录入(&amp;G)</translation>
    </message>
    <message>
        <source>Year &amp;overview</source>
        <translation>年度一览(&amp;O)</translation>
    </message>
    <message>
        <source>Show another appraisal without saving them?</source>
        <translation>不保存就显示另一次评议吗？</translation>
    </message>
    <message>
        <source>The grades typed are not saved.</source>
        <translation>录入的评议等次尚未保存。</translation>
    </message>
    <message>
        <source>Close without saving them?</source>
        <translation>不保存就关闭吗？</translation>
    </message>
    <message>
        <source>(not graded)</source>
        <translation>（未评定）</translation>
    </message>
    <message>
        <source>{0} members, {1} graded: {2}</source>
        <translation>参加评议党员 {0} 名，已评定 {1} 名：{2}</translation>
    </message>
    <message>
        <source>The grades typed are not saved, and the sheet shows what is saved. Save them first?</source>
        <translation>录入的评议等次尚未保存，结果表只显示已保存的内容。先保存吗？</translation>
    </message>
    <message>
        <source>Save the result sheet</source>
        <translation>保存评议结果表</translation>
    </message>
    <message>
        <source>Result sheet</source>
        <translation>评议结果表</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>AppraisalMenu</name>
    <message>
        <source>Democratic appraisal of members...</source>
        <translation>民主评议党员…</translation>
    </message>
    <message>
        <source>Party statistics...</source>
        <translation>党内统计…</translation>
    </message>
    <message>
        <source>Appraisal {0}</source>
        <translation>{0}年度民主评议</translation>
    </message>
</context>
<context>
    <name>AppraisalOverview</name>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>评议情况</translation>
    </message>
    <message>
        <source>Meeting on</source>
        <translation>评议日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>Double-click to enter the organization&apos;s grades</source>
        <translation>双击录入该党组织的评议结果</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已评议</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>未评议</translation>
    </message>
    <message>
        <source>{0} organizations, {1} held, {2} not held</source>
        <translation>共 {0} 个党组织，已评议 {1} 个，未评议 {2} 个</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>&amp;New indicator system...</source>
        <translation>新建指标体系(&amp;N)…</translation>
    </message>
    <message>
        <source>Set up a year&apos;s indicators</source>
        <translation>设置本年度考核指标</translation>
    </message>
    <message>
        <source>Indicator syste&amp;m...</source>
        <translation>指标体系(&amp;M)…</translation>
    </message>
    <message>
        <source>Categories, indicators, maximum scores and grade thresholds of the year</source>
        <translation>本年度的类别、指标、满分和等次分数线</translation>
    </message>
    <message>
        <source>Communities not yet assessed this year</source>
        <translation>本年度尚未考核的党建共同体</translation>
    </message>
    <message>
        <source>Start scorin&amp;g</source>
        <translation>开始评分(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Score...</source>
        <translation>评分(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Demonstration site...</source>
        <translation>示范点(&amp;D)…</translation>
    </message>
    <message>
        <source>Designate with an award</source>
        <translation>评为示范点并给予奖补</translation>
    </message>
    <message>
        <source>Rectif&amp;y...</source>
        <translation>规范整顿(&amp;Y)…</translation>
    </message>
    <message>
        <source>Order rectification, with reasons</source>
        <translation>列为规范整顿对象并说明原因</translation>
    </message>
    <message>
        <source>F&amp;inish</source>
        <translation>完成(&amp;I)</translation>
    </message>
    <message>
        <source>Lock the assessment against edits</source>
        <translation>锁定考核结果，不再修改</translation>
    </message>
    <message>
        <source>&amp;Reopen...</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <source>Unlock it again; the reason is recorded</source>
        <translation>解除锁定；原因会被记录</translation>
    </message>
    <message>
        <source>Assessment re&amp;port...</source>
        <translation>考核报告(&amp;P)…</translation>
    </message>
    <message>
        <source>PDF of the year&apos;s ranking and every community&apos;s scores</source>
        <translation>本年度排名和各党建共同体得分的PDF报告</translation>
    </message>
    <message>
        <source>(no community left to assess)</source>
        <translation>（没有待考核的党建共同体）</translation>
    </message>
    <message>
        <source>(first set up an indicator system)</source>
        <translation>（请先新建指标体系）</translation>
    </message>
    <message>
        <source>E&amp;xcel...</source>
        <translation>导出Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Excel workbook of the year&apos;s results and every indicator&apos;s score and remarks</source>
        <translation>本年度考核结果及各项指标得分、评分备注的Excel工作簿</translation>
    </message>
    <message>
        <source>&amp;View scores...</source>
        <translation>查看得分(&amp;V)…</translation>
    </message>
    <message>
        <source>Finish the assessment</source>
        <translation>完成考核</translation>
    </message>
    <message>
        <source>Finish and lock the assessment of &apos;{0}&apos;? It can only be changed after reopening it, which is recorded.</source>
        <translation>完成并锁定“{0}”的考核？之后只有重新打开才能修改，重新打开会被记录。</translation>
    </message>
    <message>
        <source>Reopen the assessment</source>
        <translation>重新打开考核</translation>
    </message>
    <message>
        <source>Why must the finished assessment of &apos;{0}&apos; be changed?</source>
        <translation>为什么要修改“{0}”已完成的考核？</translation>
    </message>
    <message>
        <source>Save the assessment report</source>
        <translation>保存考核报告</translation>
    </message>
    <message>
        <source>Writing the assessment report</source>
        <translation>正在生成考核报告</translation>
    </message>
    <message>
        <source>Assessment report</source>
        <translation>考核报告</translation>
    </message>
    <message>
        <source>The report was saved as {0}. Open its folder?</source>
        <translation>报告已保存为 {0}。打开所在文件夹？</translation>
    </message>
    <message>
        <source>Save the assessment as Excel</source>
        <translation>导出考核结果到Excel</translation>
    </message>
    <message>
        <source>The assessment was saved as {0}.</source>
        <translation>考核结果已保存为 {0}。</translation>
    </message>
    <message>
        <source>Search community</source>
        <translation>搜索共同体</translation>
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
        <translation>奖补（元）</translation>
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
        <source>Remarks</source>
        <translation>评分备注</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>评分说明</translation>
    </message>
    <message>
        <source>No indicators in this year&apos;s system.</source>
        <translation>本年度指标体系中没有指标。</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈意见</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Checking the audit log</source>
        <translation>正在检查操作日志</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Search the summaries</source>
        <translation>搜索操作摘要</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>&amp;Check integrity...</source>
        <translation>检查完整性(&amp;C)…</translation>
    </message>
    <message>
        <source>Check that no entry of the log was altered or removed</source>
        <translation>检查操作日志中有没有记录被改动或删除</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All record types</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The program itself</source>
        <translation>程序自身</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <source>Entry No. {0}</source>
        <translation>第 {0} 条记录</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录标识</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>No facts recorded.</source>
        <translation>未记录具体内容。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>备份时间：%1</translation>
    </message>
    <message>
        <source>Last change recorded: %1</source>
        <translation>最后一次修改：%1</translation>
    </message>
    <message>
        <source>Size: %1 MB</source>
        <translation>大小：%1 MB</translation>
    </message>
    <message>
        <source>Made by an earlier version: it will be upgraded when restored.</source>
        <translation>由较早版本创建：恢复时会自动升级。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up to…</source>
        <translation>备份到(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Database backup (*.sqlite)</source>
        <translation>数据库备份 (*.sqlite)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The database was copied to
%1

Keep the copy away from this computer, for example on a USB stick in a locked drawer.</source>
        <translation>数据库已复制到
%1

请把备份存放在这台电脑以外的地方，例如放在上锁抽屉里的U盘中。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Database backup (*.sqlite *.db);;All files (*)</source>
        <translation>数据库备份 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Replace the database now open by this backup?</source>
        <translation>用这个备份替换当前打开的数据库吗？</translation>
    </message>
    <message>
        <source>The database as it is now is first copied to the backups folder.</source>
        <translation>替换前，当前数据库会先复制一份到备份文件夹。</translation>
    </message>
    <message>
        <source>The backup was restored, but the database could not then be opened:</source>
        <translation>备份已恢复，但随后无法打开数据库：</translation>
    </message>
    <message>
        <source>Putting back the database as it was…</source>
        <translation>正在放回原来的数据库…</translation>
    </message>
    <message>
        <source>The database as it was before the restore was put back: nothing changed.</source>
        <translation>已放回恢复之前的数据库，没有任何改动。</translation>
    </message>
    <message>
        <source>Putting back the database as it was failed too:</source>
        <translation>放回原来的数据库也失败了：</translation>
    </message>
    <message>
        <source>Close the program and start it again.</source>
        <translation>请关闭程序后重新启动。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>The database as it was before is kept as
%1</source>
        <translation>恢复前的数据库已保存为
%1</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复完成</translation>
    </message>
</context>
<context>
    <name>BadRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>不能导入的原因</translation>
    </message>
</context>
<context>
    <name>BranchLifeWindow</name>
    <message>
        <source>Branch meetings and committee terms</source>
        <extracomment>A cell of the list longer than this (in characters) is also its tooltip.</extracomment>
        <translation>三会一课与换届</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>&amp;Behind only</source>
        <translation>仅看落后(&amp;B)</translation>
    </message>
    <message>
        <source>Notice (&amp;PDF)...</source>
        <translation>打印通报(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Schedule...</source>
        <translation>三会一课要求(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期待开</translation>
    </message>
    <message>
        <source>Held / due in the year; select a branch for its year</source>
        <translation>本年已开/应开次数；选中党支部查看其全年情况</translation>
    </message>
    <message>
        <source>Due within </source>
        <translation>届满期限：</translation>
    </message>
    <message>
        <source> months</source>
        <translation>个月内</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Elected on</source>
        <translation>选举日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>届满日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>任期（年）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>&amp;New election record...</source>
        <translation>新建换届记录(&amp;N)…</translation>
    </message>
    <message>
        <source>Record the newly elected committee of the selected organization, or of an organization chosen from a list (one without a committee recorded yet)</source>
        <translation>登记所选党组织新一届班子；未选时从列表中选择党组织（尚未登记过班子的也可以）</translation>
    </message>
    <message>
        <source>Reading the branches&apos; meetings...</source>
        <translation>正在读取各支部的三会一课情况……</translation>
    </message>
    <message>
        <source>New election record</source>
        <translation>新建换届记录</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>党组织：</translation>
    </message>
    <message>
        <source>The filters were widened to show the committee just saved.</source>
        <translation>已放宽筛选条件，以显示刚保存的班子。</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the latest committee of the selected organization</source>
        <translation>更正所选党组织最近一届班子</translation>
    </message>
    <message>
        <source>Committees of the selected organization:</source>
        <translation>所选党组织的历届班子：</translation>
    </message>
    <message>
        <source>Branch &amp;meetings</source>
        <translation>三会一课(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Committee terms</source>
        <translation>换届(&amp;C)</translation>
    </message>
    <message>
        <source>{0} branches, {1} behind this year, {2} with meetings still to hold now</source>
        <translation>共{0}个党支部，本年度{1}个未按要求落实，{2}个本期尚有会议未召开</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Select a branch to see its year</source>
        <translation>选中党支部以查看其全年情况</translation>
    </message>
    <message>
        <source>{0}: {1} at a glance</source>
        <translation>{0}：{1}年三会一课一览</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>保存通报为PDF</translation>
    </message>
    <message>
        <source>The notice was saved as {0}.</source>
        <translation>通报已保存为{0}。</translation>
    </message>
    <message>
        <source>No. {0}</source>
        <translation>第{0}届</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>An administrator set your password. Choose your own now (at least 8 characters); without it the program cannot be used.</source>
        <translation>管理员为您设置了密码。请现在设置自己的密码（至少 8 个字符），否则无法使用本程序。</translation>
    </message>
    <message>
        <source>At least 8 characters; not your user name.</source>
        <translation>至少 8 个字符，不能与用户名相同。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>再次输入新密码(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Tick the other member organizations that take part and name their responsible persons. The lead organization takes part anyway.</source>
        <translation>勾选参与认领的其他成员单位并填写责任人。牵头单位默认参与。</translation>
    </message>
    <message>
        <source>Claim a project</source>
        <translation>认领项目</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>认领方式：</translation>
    </message>
    <message>
        <source>&amp;Single claim</source>
        <translation>单个认领(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Group claim</source>
        <translation>组团认领(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Lead organization:</source>
        <translation>牵头党组织(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Partners:</source>
        <translation>参与单位(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Responsible person:</source>
        <translation>责任人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Claimed on:</source>
        <translation>认领日期(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>完成时限(&amp;D)：</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>设定时限</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <source>{0} years</source>
        <extracomment>the members the corrected committee names who are not listed (they have since left the roll): their seats keep the link, they were on the committee then</extracomment>
        <translation>{0}年</translation>
    </message>
    <message>
        <source>Correct committee no. {0}</source>
        <translation>更正第{0}届班子</translation>
    </message>
    <message>
        <source>only the latest committee can be corrected</source>
        <translation>只能更正最近一届班子</translation>
    </message>
    <message>
        <source>New committee (election)</source>
        <translation>新建换届记录（换届选举）</translation>
    </message>
    <message>
        <source>last: no. {0}, elected on {1}</source>
        <translation>上一届：第{0}届，{1}选举</translation>
    </message>
    <message>
        <source>Usually 5 years for a Party committee and for every organization of a village or community, 3 years for a general branch or branch</source>
        <translation>党的基层委员会一般每届5年，总支部、支部委员会一般每届3年；村和社区的各级党组织每届5年</translation>
    </message>
    <message>
        <source>Choose one of the organization&apos;s members, or type a name</source>
        <translation>从本组织党员中选择，或直接输入姓名</translation>
    </message>
    <message>
        <source>{0} (as recorded)</source>
        <translation>{0}（原记录）</translation>
    </message>
    <message>
        <source>term runs out on {0}</source>
        <translation>任期至{0}届满</translation>
    </message>
    <message>
        <source>The last committee recorded is no. {0}, and this one is no. {1}: the terms between them can never be added later. Record it as no. {1}?</source>
        <translation>已登记的上一届是第{0}届，本次填写的是第{1}届：中间的届次以后将无法补登。确定登记为第{1}届吗？</translation>
    </message>
    <message>
        <source>New committee</source>
        <translation>新建换届记录</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>党组织：</translation>
    </message>
    <message>
        <source>&amp;Term number:</source>
        <translation>届次(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Elected on:</source>
        <translation>选举日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Term &amp;length:</source>
        <translation>任期(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Committee &amp;members (a secretary is required):</source>
        <translation>班子成员(&amp;M)（须有书记）：</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>添加成员(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve member</source>
        <translation>删除成员(&amp;V)</translation>
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
        <translation>新建党建共同体（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected community (Enter or F2)</source>
        <translation>编辑选中的党建共同体（回车或 F2）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected community (Del)</source>
        <translation>删除选中的党建共同体（Del）</translation>
    </message>
    <message>
        <source>&amp;Procedure step...</source>
        <translation>组建程序(&amp;P)…</translation>
    </message>
    <message>
        <source>Record a step: review, approval, start, rectification or revocation</source>
        <translation>登记程序步骤：审核、批准、运行、整顿或撤销</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lead org.</source>
        <translation>牵头党组织</translation>
    </message>
    <message>
        <source>Lead organization</source>
        <translation>牵头党组织</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>共建类型</translation>
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
        <source>From org.</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>交叉任职</translation>
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
        <source>Organizations</source>
        <translation>成员单位</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>组建程序</translation>
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
        <source>Convener</source>
        <translation>轮值召集单位</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮值召集人</translation>
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
        <translation>选择一个党建共同体，查看其成员单位、班子、轮值和组建程序。</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>主题：%1</translation>
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
        <translation>下一轮值：%1,%2（%3 至 %4）</translation>
    </message>
    <message>
        <source>Delete the community “%1” with its members, team, rotation and procedure record? This cannot be undone.</source>
        <translation>删除党建共同体“%1”及其成员单位、班子、轮值和组建程序记录？删除后无法恢复。</translation>
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
        <translation>新建党建共同体</translation>
    </message>
    <message>
        <source>Edit Party-building community</source>
        <translation>编辑党建共同体</translation>
    </message>
    <message>
        <source>No Party organization is stored yet, so there is no lead or member organization to choose. Import them first (File → Import Party organizations from Excel...) or add them one by one on the Organizations tab.</source>
        <translation>系统中还没有任何党组织，无法选择牵头单位和成员单位。请先导入党组织（文件 → 从 Excel 导入党组织），或在“党组织”页逐个新增。</translation>
    </message>
    <message>
        <source>Import &amp;organizations...</source>
        <translation>导入党组织(&amp;O)…</translation>
    </message>
    <message>
        <source>More organizations: type to narrow the list</source>
        <translation>还有更多党组织：请输入文字缩小范围</translation>
    </message>
    <message>
        <source>Party-building community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>&amp;Basic information</source>
        <translation>基本信息(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. Chensha Avenue Party-building community</source>
        <translation>例如：陈沙大道改建工程党建共同体</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Co-building types:</source>
        <translation>共建类型：</translation>
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
        <translation>成立日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>简介(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Member organizations</source>
        <translation>成员单位(&amp;M)</translation>
    </message>
    <message>
        <source>Leader&amp;ship team</source>
        <translation>班子成员(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Convener rotation</source>
        <translation>轮值召集人(&amp;C)</translation>
    </message>
    <message>
        <source>Remove &amp;turn</source>
        <translation>移除轮值(&amp;T)</translation>
    </message>
    <message>
        <source>Search organizations by name or town</source>
        <translation>按名称或镇街搜索党组织</translation>
    </message>
    <message>
        <source>Members (in rotation order):</source>
        <translation>成员单位（按轮值顺序）：</translation>
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
        <translation>牵头党组织(&amp;L)：</translation>
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
        <source>Remo&amp;ve person</source>
        <translation>移除人员(&amp;V)</translation>
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
        <translation>轮值周期：</translation>
    </message>
    <message>
        <source>&amp;Propose next turn</source>
        <translation>建议下一轮值(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Exchange conflicts</source>
        <translation>数据交换冲突清单</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>当前采用</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>This office&apos;s version</source>
        <translation>本单位版本</translation>
    </message>
    <message>
        <source>Other office&apos;s version</source>
        <translation>对方单位版本</translation>
    </message>
    <message>
        <source>&amp;Keep as it is</source>
        <translation>保留当前版本(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the other version</source>
        <translation>采用另一版本(&amp;T)</translation>
    </message>
    <message>
        <source>the other office&apos;s</source>
        <translation>对方单位</translation>
    </message>
    <message>
        <source>this office&apos;s</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>No conflicts wait for a decision.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Arrived {at}. The record now holds {whose} version.</source>
        <translation>{at} 收到。该记录当前采用{whose}的版本。</translation>
    </message>
    <message>
        <source>The other office holds this name as another record: agree with it which one stays, then change the other.</source>
        <translation>对方单位以另一条记录登记了同一名称：请与对方核对保留哪一条，再修改另一条。</translation>
    </message>
    <message>
        <source>Whichever version is taken, the status stays “{status}” because of claims or follow-ups on this computer.</source>
        <translation>无论采用哪个版本，状态都仍为“{status}”，因本机已有认领或督办记录。</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>This computer has no password store: the password is asked at each connection.</source>
        <translation>这台电脑没有可用的密码保管库：每次连接都要输入密码。</translation>
    </message>
    <message>
        <source>(a new connection)</source>
        <translation>（新的连接）</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>请填写服务器的名称或地址。</translation>
    </message>
    <message>
        <source>Enter the database&apos;s name.</source>
        <translation>请填写数据库名。</translation>
    </message>
    <message>
        <source>Enter the office&apos;s account.</source>
        <translation>请填写本单位的账号。</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>The shared database of the town or the district on its server. The account and password are the office&apos;s, given by the server&apos;s administrator; then you sign in with your own account.</source>
        <translation>镇街或区放在服务器上的共用数据库。账号和密码是本单位的，由服务器管理员提供；连接后再用您自己的账号登录。</translation>
    </message>
    <message>
        <source>R&amp;ecent:</source>
        <translation>最近使用(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>10.38.1.5</source>
        <translation>10.38.1.5</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账号(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;member the password</source>
        <translation>记住密码(&amp;M)</translation>
    </message>
</context>
<context>
    <name>CorrectStepDialog</name>
    <message>
        <source>Correct the latest step: {0}</source>
        <translation>更正最近一步：{0}</translation>
    </message>
    <message>
        <source>&amp;Remove this step</source>
        <translation>撤销最近一步(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the step entered by mistake: the person is back where they were</source>
        <translation>撤销误录的步骤：人员回到该步骤之前的状态</translation>
    </message>
    <message>
        <source>Remove the step “{0}” of {1} recorded as entered by mistake?</source>
        <translation>确定撤销误录的“{0}”（{1}）吗？</translation>
    </message>
    <message>
        <source>Remove the latest step</source>
        <translation>撤销最近一步</translation>
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
        <translation>抱歉，程序内部出现了错误。已保存的记录不会丢失。</translation>
    </message>
    <message>
        <source>The details were written to the log file:</source>
        <translation>详细情况已写入日志文件：</translation>
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
    <name>DevelopmentStepDialog</name>
    <message>
        <source>Record a step</source>
        <translation>记录步骤</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>有关人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Extended by (&amp;months):</source>
        <translation>延长月数(&amp;M)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>DevelopmentTab</name>
    <message>
        <source>&amp;New applicant...</source>
        <translation>新增申请人(&amp;N)…</translation>
    </message>
    <message>
        <source>Enter an applicant from the application (Ctrl+N)</source>
        <translation>按入党申请书登记申请人（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Correct the selected person&apos;s data (double-click)</source>
        <translation>修改所选人员的信息（双击）</translation>
    </message>
    <message>
        <source>Record a &amp;step...</source>
        <translation>记录步骤(&amp;S)…</translation>
    </message>
    <message>
        <source>Record a dated step of the selected person (Enter)</source>
        <translation>记录所选人员的一个步骤（回车）</translation>
    </message>
    <message>
        <source>&amp;Correct the latest step...</source>
        <translation>更正最近一步(&amp;C)…</translation>
    </message>
    <message>
        <source>Correct or remove the step recorded last, when it was entered by mistake</source>
        <translation>更正或撤销最近记录的一步（录入有误时）</translation>
    </message>
    <message>
        <source>&amp;Public notice</source>
        <translation>公示(&amp;P)</translation>
    </message>
    <message>
        <source>Print a 公示 as PDF</source>
        <translation>生成公示PDF</translation>
    </message>
    <message>
        <source>Filing f&amp;orm (PDF)...</source>
        <translation>备案表(&amp;O)…</translation>
    </message>
    <message>
        <source>The 发展党员工作备案表 of the selected person, as PDF</source>
        <translation>所选人员的发展党员工作备案表（PDF）</translation>
    </message>
    <message>
        <source>Search name or last digits of the ID number</source>
        <translation>搜索姓名或身份证号后几位</translation>
    </message>
    <message>
        <source>Every stage in progress</source>
        <translation>全部在培养阶段</translation>
    </message>
    <message>
        <source>Due or not</source>
        <translation>全部（不论是否到期）</translation>
    </message>
    <message>
        <source>Due within a month or late</source>
        <translation>一个月内到期或已逾期</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>全部党组织</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步骤</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
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
        <source>Applied on</source>
        <translation>递交申请书日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>{0}起</translation>
    </message>
    <message>
        <source>{0} days late</source>
        <translation>逾期{0}天</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Probation ends</source>
        <translation>预备期满</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Due next</source>
        <translation>下一步要做</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>没有到期的步骤。</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>已完成的步骤</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People</source>
        <translation>有关人员</translation>
    </message>
    <message>
        <source>No steps yet.</source>
        <translation>还没有步骤。</translation>
    </message>
    <message>
        <source>Admitted as a probationary member: the personal data is edited on the member (Party members tab).</source>
        <translation>已接收为预备党员：个人信息请在“党员”页的党员记录中修改。</translation>
    </message>
    <message>
        <source>Choose an organization in the filter, or select a person.</source>
        <translation>请在上方选择党组织，或选中一个人。</translation>
    </message>
    <message>
        <source>The notice starts on:</source>
        <translation>公示开始日期：</translation>
    </message>
    <message>
        <source>Filing form</source>
        <translation>备案表</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选中一个人。</translation>
    </message>
</context>
<context>
    <name>DualReportOverviewDialog</name>
    <message>
        <source>Members: its own members now; Reported: of them, members on a post now; Received: members of other organizations on a post here.</source>
        <translation>党员数：本组织现有党员；已报到：其中目前在岗的党员；接收：在本组织报到在岗的其他组织党员。</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报到</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>报到率</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收报到</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation>报到去向</translation>
    </message>
    <message>
        <source>{0} organizations</source>
        <translation>共 {0} 个党组织</translation>
    </message>
    <message>
        <source>Select an organization to see where its members reported.</source>
        <translation>选择一个党组织，查看其党员的报到去向。</translation>
    </message>
    <message>
        <source>Hours in {0}</source>
        <translation>{0}年时长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
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
        <source>Since</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{0} members, {1} on a post now ({2}); {3} members of other organizations on a post here.</source>
        <translation>党员 {0} 名，目前在岗 {1} 名（{2}）；在本组织报到在岗的其他组织党员 {3} 名。</translation>
    </message>
    <message>
        <source>None of its members has reported to a post.</source>
        <translation>本组织党员尚未报到领岗。</translation>
    </message>
    <message>
        <source>Dual reporting overview</source>
        <translation>双报到统计</translation>
    </message>
    <message>
        <source>Search organization name</source>
        <translation>搜索党组织名称</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>Hours in &amp;year:</source>
        <translation>时长年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Only organizations &amp;involved</source>
        <translation>只看有报到的组织(&amp;I)</translation>
    </message>
    <message>
        <source>Only organizations whose members reported, or that received reports</source>
        <translation>只显示有党员报到或接收了报到的党组织</translation>
    </message>
</context>
<context>
    <name>EndReportDialog</name>
    <message>
        <source>Leave the post: {0}</source>
        <translation>离岗：{0}</translation>
    </message>
    <message>
        <source>The service log and the evaluations stay with the report. Write the reason in the remark, e.g. a transfer.</source>
        <translation>服务记录和年度评价仍保留在报到记录中。请在备注中写明离岗原因，如工作调动。</translation>
    </message>
    <message>
        <source>Leave the post</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报到记录：</translation>
    </message>
    <message>
        <source>&amp;Left the post on:</source>
        <translation>离岗日期(&amp;L)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Yearly evaluation: {0}</source>
        <translation>年度评价：{0}</translation>
    </message>
    <message>
        <source>{0} was evaluated {1}; saving replaces it.</source>
        <translation>{0}年已评为{1}；保存将替换原评价。</translation>
    </message>
    <message>
        <source>Yearly evaluation</source>
        <translation>年度评价</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报到记录：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>评价结果：</translation>
    </message>
    <message>
        <source>E&amp;xcellent</source>
        <translation>优秀(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Qualified</source>
        <translation>合格(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Unqualified</source>
        <translation>不合格(&amp;U)</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument spreadsheets (*.ods);;CSV files (*.csv);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls);;OpenDocument 表格 (*.ods);;CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>没有可导入的新内容</translation>
    </message>
    <message>
        <source>Import the {0} new rows</source>
        <translation>导入新增的 {0} 行</translation>
    </message>
    <message>
        <source>Import the {0} valid rows</source>
        <translation>导入 {0} 行有效数据</translation>
    </message>
    <message>
        <source>Import all {0} rows</source>
        <translation>导入全部 {0} 行</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，数据没有任何改动。</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Choose a file to see what it holds.</source>
        <translation>请选择文件，查看其中的内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Save an empty &amp;template...</source>
        <translation>保存空白模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Choose file...</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Roster s&amp;heet:</source>
        <translation>名册所在工作表(&amp;H)：</translation>
    </message>
    <message>
        <source>Rows with errors (they are not imported; correct them in Excel and choose the file again):</source>
        <translation>有错误的行（不会导入；请在 Excel 中改正后重新选择文件）：</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>&amp;Skip them and keep what is stored</source>
        <translation>跳过，保留已有信息(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Update them from the file (empty cells keep what is stored)</source>
        <translation>按文件更新（空白单元格保留已有信息）(&amp;U)</translation>
    </message>
    <message>
        <source>Entered by mistake (c&amp;orrect it): no transfer recorded</source>
        <translation>录入错误（更正），不记转出、转入(&amp;O)</translation>
    </message>
    <message>
        <source>The members mo&amp;ved (transfer): transferred out and in today</source>
        <translation>党员调动（组织关系转接），按今天的日期记为原党组织转出、新党组织转入(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;reate the Party organizations that the file names but that do not exist yet</source>
        <translation>新建文件中提到但尚不存在的党组织(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Map organizations...</source>
        <translation>对应党组织(&amp;M)…</translation>
    </message>
    <message>
        <source>Also import &amp;applicants, activists and candidates (development records)</source>
        <translation>同时导入入党申请人、积极分子和发展对象（发展党员）(&amp;A)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Data exchange</source>
        <translation>数据交换(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Send a package...</source>
        <translation>发送数据包(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Receive a package...</source>
        <translation>接收数据包(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts...</source>
        <translation>冲突清单(&amp;C)…</translation>
    </message>
    <message>
        <source>Exchange &amp;log...</source>
        <translation>交换记录(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Offices...</source>
        <translation>本单位与登记单位(&amp;O)…</translation>
    </message>
    <message>
        <source>Send a package</source>
        <translation>发送数据包</translation>
    </message>
    <message>
        <source>No office is registered yet: register the other office&apos;s card first (Data exchange → Offices).</source>
        <translation>尚未登记任何单位：请先登记对方单位的名片（数据交换 → 本单位与登记单位）。</translation>
    </message>
    <message>
        <source>Package for {to} saved as {path}: {n} records.
Package fingerprint: {fp}</source>
        <translation>发往{to}的数据包已保存为 {path}，共 {n} 条记录。
数据包指纹：{fp}</translation>
    </message>
    <message>
        <source>Receive a package</source>
        <translation>接收数据包</translation>
    </message>
    <message>
        <source>The package from {sender} was received.</source>
        <translation>已接收{sender}的数据包。</translation>
    </message>
    <message>
        <source>{n} conflicts wait for a decision (Data exchange → Conflicts).</source>
        <translation>有 {n} 条冲突待确认（数据交换 → 冲突清单）。</translation>
    </message>
    <message>
        <source>Save the handover sheet to print and file now?</source>
        <translation>现在保存数据移交单以便打印存档吗？</translation>
    </message>
    <message>
        <source>Save the handover sheet</source>
        <translation>保存数据移交单</translation>
    </message>
    <message>
        <source>handover-{n}.pdf</source>
        <translation>数据移交单-{n}.pdf</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>ExchangeLogDialog</name>
    <message>
        <source>Exchange log</source>
        <translation>数据交换记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Sent / received</source>
        <translation>发送/接收</translation>
    </message>
    <message>
        <source>From</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Package fingerprint</source>
        <translation>数据包指纹</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Save the &amp;handover sheet...</source>
        <translation>保存数据移交单(&amp;H)…</translation>
    </message>
    <message>
        <source>No package sent or received yet. To send one: File → Data exchange → Send a package…; to read one: File → Data exchange → Receive a package…</source>
        <translation>尚未收发过数据包。发送：文件 → 数据交换 → 发送数据包…；接收：文件 → 数据交换 → 接收数据包…</translation>
    </message>
    <message>
        <source>Save the handover sheet</source>
        <translation>保存数据移交单</translation>
    </message>
    <message>
        <source>handover-{n}.pdf</source>
        <translation>数据移交单-{n}.pdf</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>FeeActions</name>
    <message>
        <source>Party d&amp;ues</source>
        <translation>党费(&amp;U)</translation>
    </message>
    <message>
        <source>Monthly &amp;collection...</source>
        <translation>党费收缴(&amp;C)…</translation>
    </message>
    <message>
        <source>Fee &amp;rates...</source>
        <translation>党费比例(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>FeeBasisDialog</name>
    <message>
        <source>(not yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>{0} yuan a month</source>
        <translation>每月 {0} 元</translation>
    </message>
    <message>
        <source>Party fee basis</source>
        <translation>党费缴纳基数</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>&amp;From month:</source>
        <translation>起始月份(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>缴费类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Monthly &amp;income (after tax, yuan):</source>
        <translation>月收入（税后，元）(&amp;I)：</translation>
    </message>
    <message>
        <source>Fi&amp;xed standard (yuan, optional):</source>
        <translation>核定标准（元，可不填）(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Standard now:</source>
        <translation>月缴纳标准：</translation>
    </message>
</context>
<context>
    <name>FeeCollectionWindow</name>
    <message>
        <source>Party fee collection</source>
        <translation>党费收缴</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Paid on (&amp;D):</source>
        <translation>缴纳日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Fill in the standards</source>
        <translation>按标准填写未缴(&amp;F)</translation>
    </message>
    <message>
        <source>Fee &amp;basis...</source>
        <translation>缴纳基数(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Collection s&amp;heet PDF...</source>
        <translation>收缴表 PDF(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Notice PDF...</source>
        <translation>公示 PDF(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Year summary PDF...</source>
        <translation>年度汇总 PDF(&amp;Y)…</translation>
    </message>
    <message>
        <source>The amounts typed are not saved. Show another sheet without saving them?</source>
        <translation>已输入的金额尚未保存。不保存就切换到其他收缴表吗？</translation>
    </message>
    <message>
        <source>No organization with members in your scope.</source>
        <translation>当前账号范围内没有有党员的党组织。</translation>
    </message>
    <message>
        <source>{members} members, {due} yuan due, {paid} yuan paid</source>
        <translation>党员 {members} 名，应缴 {due} 元，实缴 {paid} 元</translation>
    </message>
    <message>
        <source> (not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>The amounts typed are not saved. Close without saving them?</source>
        <translation>已输入的金额尚未保存。不保存就关闭吗？</translation>
    </message>
    <message>
        <source> — saved</source>
        <translation>，已保存</translation>
    </message>
    <message>
        <source> — nothing changed</source>
        <translation>，没有改动</translation>
    </message>
    <message>
        <source>The amounts typed are not saved, and the PDF shows what is saved. Save them first?</source>
        <translation>录入的金额尚未保存，PDF只显示已保存的内容。先保存吗？</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>党费收缴公示</translation>
    </message>
    <message>
        <source>Collection sheet</source>
        <translation>党费收缴表</translation>
    </message>
    <message>
        <source>Year summary</source>
        <translation>党费收缴年度汇总</translation>
    </message>
</context>
<context>
    <name>FeeRatesWindow</name>
    <message>
        <source>Party fee rates</source>
        <translation>党费比例</translation>
    </message>
    <message>
        <source>Income up to (yuan)</source>
        <translation>月收入上限（元）</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <source>The last bracket&apos;s limit stays empty: it has no upper limit.</source>
        <translation>最后一档的上限留空，表示不设上限。</translation>
    </message>
    <message>
        <source>Fixed monthly amounts (yuan)</source>
        <translation>每月固定标准（元）</translation>
    </message>
    <message>
        <source>&amp;Save from this month</source>
        <translation>自该月起执行并保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Entered schedules:</source>
        <translation>已设比例(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;From month:</source>
        <translation>起始月份(&amp;F)：</translation>
    </message>
    <message>
        <source>{0}, row {1}: enter the limit in yuan and the rate in %.</source>
        <translation>{0}第 {1} 行：请填写以元为单位的上限和百分比比例。</translation>
    </message>
    <message>
        <source>{0}: enter an amount in yuan.</source>
        <translation>{0}：请填写以元为单位的金额。</translation>
    </message>
</context>
<context>
    <name>FeeSheetModel</name>
    <message>
        <source>“{0}” is not an amount</source>
        <translation>“{0}”不是金额</translation>
    </message>
    <message>
        <source>the amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>缴费类别</translation>
    </message>
    <message>
        <source>Monthly standard</source>
        <translation>月缴纳标准（元）</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实缴（元）</translation>
    </message>
    <message>
        <source>Back months</source>
        <translation>补缴月数</translation>
    </message>
    <message>
        <source>Months ahead</source>
        <translation>预缴月数</translation>
    </message>
    <message>
        <source>Owed months</source>
        <translation>欠缴月数</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未核定</translation>
    </message>
    <message>
        <source>a whole number of months from 0 to {0}</source>
        <translation>应为 0 到 {0} 的整数</translation>
    </message>
    <message>
        <source>{0}, {1}: {2}.</source>
        <translation>{0}的{1}：{2}。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>The office this database belongs to: packages of data exchanged with other offices are signed with its keys, made now.</source>
        <extracomment>the office&apos;s fields among the account&apos;s (``office_name`` beside ``name``)</extracomment>
        <translation>本数据库所属的单位：与其他单位交换的数据包以本单位的密钥签名，密钥此时生成。</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create the first one, your own: it may do everything in this database (as the district organization department&apos;s administrator), and makes the accounts of your colleagues, towns and villages afterwards under Tools → Accounts.</source>
        <translation>这个数据库还没有管理员。请先为自己建立第一个管理员账号：它可以使用本库的全部功能（与区委组织部管理员相同），之后可在“工具 → 账号管理”中为同事和各镇街、村（社区）建立账号。</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>The administrator was created, but this office was not set up: {reason} It is asked again at the next sign-in.</source>
        <translation>管理员账号已创建，但本单位未能设置：{reason}下次登录时会再次询问。</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Unit / post:</source>
        <translation>单位/职务(&amp;U)：</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>用户名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Organization (a village office):</source>
        <translation>所属党组织（村社区单位）(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Town (a town office):</source>
        <translation>所在镇街（镇街单位）(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;ffice name:</source>
        <translation>单位名称(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Take these steps in order; each is ticked once done. Once the database holds communities and activities, this page shows the overview&apos;s figures.</source>
        <translation>请按顺序完成下面几步，每完成一步会打上勾；本库有了党建共同体和活动后，这里将显示概览数据。</translation>
    </message>
    <message>
        <source>The office&apos;s name and level, for packages exchanged with the town or the district (File → Data exchange → Offices).</source>
        <translation>本单位的名称和层级，用于与镇街、区之间交换数据包（文件 → 数据交换 → 本单位与登记单位）。</translation>
    </message>
    <message>
        <source>This office...</source>
        <translation>本单位信息…</translation>
    </message>
    <message>
        <source>The organizations and their parents from an Excel list; the dialog saves an empty template to fill in.</source>
        <translation>从 Excel 名单导入党组织及其上级党组织；在导入窗口中可以保存一份空白模板来填写。</translation>
    </message>
    <message>
        <source>Import organizations...</source>
        <translation>导入党组织…</translation>
    </message>
    <message>
        <source>The members&apos; roster from Excel, each with the organization they belong to.</source>
        <translation>从 Excel 导入党员名册，每名党员注明所在党组织。</translation>
    </message>
    <message>
        <source>Import members...</source>
        <translation>导入党员…</translation>
    </message>
    <message>
        <source>Its lead and member organizations, co-building types and team.</source>
        <translation>填写牵头单位、成员单位、共建类型和班子成员。</translation>
    </message>
    <message>
        <source>New community...</source>
        <translation>新建共同体…</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>本单位信息</translation>
    </message>
    <message>
        <source>Import the Party organizations</source>
        <translation>导入党组织</translation>
    </message>
    <message>
        <source>Import the Party members</source>
        <translation>导入党员</translation>
    </message>
    <message>
        <source>Set up a Party-building community</source>
        <translation>建立党建共同体</translation>
    </message>
    <message>
        <source>Record an activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>A themed Party day, a lecture, volunteer service or a meeting.</source>
        <translation>主题党日、党课、志愿服务或一次会议。</translation>
    </message>
    <message>
        <source>New activity...</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>FundEntryDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Record income</source>
        <translation>登记收入</translation>
    </message>
    <message>
        <source>Record expense</source>
        <translation>登记支出</translation>
    </message>
    <message>
        <source>Edit fund entry</source>
        <translation>编辑经费收支</translation>
    </message>
    <message>
        <source>The branch whose Party-dues collection this income came from</source>
        <translation>这笔收入来自哪个党支部收缴的党费</translation>
    </message>
    <message>
        <source>Dues of &amp;branch:</source>
        <translation>党费来自支部(&amp;B)：</translation>
    </message>
    <message>
        <source>Dues of &amp;month:</source>
        <translation>党费所属月份(&amp;M)：</translation>
    </message>
    <message>
        <source>collected {0} yuan that month</source>
        <translation>该月收缴 {0} 元</translation>
    </message>
    <message>
        <source>The balance would be negative</source>
        <translation>结余将为负数</translation>
    </message>
    <message>
        <source>Over the balance</source>
        <translation>超出余额</translation>
    </message>
    <message>
        <source>Fund entry</source>
        <translation>经费收支</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>党建共同体：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation>金额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>1,234.50</source>
        <translation>1,234.50</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>A&amp;ctivity:</source>
        <translation>关联活动(&amp;C)：</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>关联项目(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Handled by:</source>
        <translation>经手人(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>FundsPanel</name>
    <message>
        <source>&amp;Income...</source>
        <translation>收入(&amp;I)…</translation>
    </message>
    <message>
        <source>Record money received (higher-level, raised, dues)</source>
        <translation>登记收到的经费（上级拨款、各方筹集、党费补助）</translation>
    </message>
    <message>
        <source>E&amp;xpense...</source>
        <translation>支出(&amp;X)…</translation>
    </message>
    <message>
        <source>Record money spent and what it was for</source>
        <translation>登记经费支出及用途</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>党建共同体(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>In/Out</source>
        <translation>收/支</translation>
    </message>
    <message>
        <source>Source / purpose</source>
        <translation>来源/用途</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(choose a community)</source>
        <translation>（请选择党建共同体）</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source> (over balance)</source>
        <translation>（超支）</translation>
    </message>
    <message>
        <source>Choose a community to see its ledger.</source>
        <translation>选择一个党建共同体查看其经费台账。</translation>
    </message>
    <message>
        <source>Balance: {0} yuan</source>
        <translation>余额：{0} 元</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>上年结转</translation>
    </message>
    <message>
        <source>Total income</source>
        <translation>收入合计</translation>
    </message>
    <message>
        <source>Total spending</source>
        <translation>支出合计</translation>
    </message>
    <message>
        <source>Balance at year end</source>
        <translation>年末余额</translation>
    </message>
    <message>
        <source>Delete the {0} of {1} yuan ({2}, {3})?</source>
        <translation>删除这笔 {1} 元的{0}（{2},{3}）？</translation>
    </message>
    <message>
        <source>Delete fund entry</source>
        <translation>删除经费收支</translation>
    </message>
    <message>
        <source>The balance would be negative</source>
        <translation>结余将为负数</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <source>Manual - {0}</source>
        <translation>使用手册 - {0}</translation>
    </message>
</context>
<context>
    <name>IndicatorSetDialog</name>
    <message>
        <source>New indicator system</source>
        <translation>新建指标体系</translation>
    </message>
    <message>
        <source>The standard system (default)</source>
        <translation>标准体系（默认）</translation>
    </message>
    <message>
        <source>Copy of last year&apos;s</source>
        <translation>复制上年度</translation>
    </message>
    <message>
        <source>Indicator system of {0}</source>
        <translation>{0} 年度指标体系</translation>
    </message>
    <message>
        <source>{0} assessments of this year are finished, so the system is locked; reopen them before changing it.</source>
        <translation>本年度已有 {0} 个考核完成，指标体系已锁定；请先重新打开这些考核再修改。</translation>
    </message>
    <message>
        <source>There is no earlier indicator system; the default is shown.</source>
        <translation>没有更早年度的指标体系，显示默认体系。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类别）</translation>
    </message>
    <message>
        <source>Total {0} points: {1}</source>
        <translation>总分 {0} 分：{1}</translation>
    </message>
    <message>
        <source>Check the total</source>
        <translation>请核对总分</translation>
    </message>
    <message>
        <source>Indicator system</source>
        <translation>指标体系</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Start from:</source>
        <translation>起始内容(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Grade thresholds:</source>
        <translation>等次分数线：</translation>
    </message>
    <message>
        <source>&amp;Excellent from</source>
        <translation>优秀(&amp;E)不低于</translation>
    </message>
    <message>
        <source>&amp;Good from</source>
        <translation>良好(&amp;G)不低于</translation>
    </message>
    <message>
        <source>&amp;Pass from</source>
        <translation>合格(&amp;P)不低于</translation>
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
        <source>Max score</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Figure shown</source>
        <translation>参考数据</translation>
    </message>
    <message>
        <source>Scoring guidance</source>
        <translation>评分说明</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New list item</source>
        <translation>新增清单事项</translation>
    </message>
    <message>
        <source>Edit list item</source>
        <translation>编辑清单事项</translation>
    </message>
    <message>
        <source>List item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>清单：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>简介(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Answers the demand:</source>
        <translation>对应需求(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Uses the resource:</source>
        <translation>使用资源(&amp;U)：</translation>
    </message>
    <message>
        <source>E&amp;xpected result:</source>
        <translation>预期成效(&amp;X)：</translation>
    </message>
    <message>
        <source>Dead&amp;line:</source>
        <translation>完成时限(&amp;L)：</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>设定时限</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Member leaves: {0}</source>
        <translation>党员减少：{0}</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>The member is not deleted: they leave the current roll and stay in the history and the year&apos;s counts. A transfer to another organization goes through a letter of transfer.</source>
        <translation>党员记录不会删除：减少后不再列入在册党员，但保留在历史记录和年度增减统计中。转到其他党组织请开具组织关系介绍信。</translation>
    </message>
    <message>
        <source>Member leaves</source>
        <translation>党员减少</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>减少方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Kind of leaving:</source>
        <translation>出党方式(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;To unit:</source>
        <translation>转往单位(&amp;T)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
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
        <translation>党建共同体：</translation>
    </message>
    <message>
        <source>Current status:</source>
        <translation>当前状态：</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>New service list</source>
        <translation>新建清单</translation>
    </message>
    <message>
        <source>Edit service list</source>
        <translation>编辑清单</translation>
    </message>
    <message>
        <source>Service list</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Community:</source>
        <translation>党建共同体：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>签订日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签订</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ListingTab</name>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Remove these filters</source>
        <translation>清除这些筛选条件</translation>
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
        <source>The filters were cleared to show the record just saved.</source>
        <translation>已清除筛选条件，以显示刚保存的记录。</translation>
    </message>
    <message>
        <source>Total: {0}</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <extracomment>the keys of every listing tab (:meth:`ListingTab.add_record_shortcuts`), also listed by 帮助 → 快捷键: Ctrl+N on the tab, the others on its table The tab&apos;s key (as in the main window) and the objectName prefix of its widgets, e.g. &quot;members&quot; → membersTable, membersSplitter (see docs/CONTRIBUTING.md). Milliseconds of typing pause before the search runs; 0 searches at every keystroke. Select the first row whenever the selected one is gone (after a reload or a sort).</extracomment>
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
        <source>Community</source>
        <translation>党建共同体</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Lists</source>
        <extracomment>Lists with more items than this are exported off the UI thread, with progress shown.</extracomment>
        <translation>清单</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>经费</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Solved / items</source>
        <translation>已解决/事项数</translation>
    </message>
    <message>
        <source>New &amp;list...</source>
        <translation>新建清单(&amp;L)…</translation>
    </message>
    <message>
        <source>New demand, resource or project list of the chosen community</source>
        <translation>为所选党建共同体新建需求、资源或项目清单</translation>
    </message>
    <message>
        <source>Edit the chosen list</source>
        <translation>编辑所选清单</translation>
    </message>
    <message>
        <source>Delete the chosen list (only while none of its items is being handled)</source>
        <translation>删除所选清单（仅当其事项均未在办理中）</translation>
    </message>
    <message>
        <source>&amp;Sign...</source>
        <translation>签订(&amp;S)…</translation>
    </message>
    <message>
        <source>Record the day the community signed the list</source>
        <translation>登记党建共同体签订清单的日期</translation>
    </message>
    <message>
        <source>Print the list with a signature line for every member organization</source>
        <translation>打印清单，每个成员单位都有签字盖章栏</translation>
    </message>
    <message>
        <source>E&amp;xcel...</source>
        <translation>Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the list&apos;s items to an Excel workbook</source>
        <translation>将清单事项导出为Excel工作簿</translation>
    </message>
    <message>
        <source>&amp;New item...</source>
        <translation>新增事项(&amp;N)…</translation>
    </message>
    <message>
        <source>Add an item to the chosen list (Ctrl+N)</source>
        <translation>向所选清单新增事项（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the item (F2)</source>
        <translation>编辑事项（F2）</translation>
    </message>
    <message>
        <source>Delete ite&amp;m</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Delete an item nobody has claimed yet</source>
        <translation>删除尚无人认领的事项</translation>
    </message>
    <message>
        <source>&amp;Claim...</source>
        <translation>认领(&amp;C)…</translation>
    </message>
    <message>
        <source>A member organization, or a group of them, claims the project</source>
        <translation>由一个成员单位单个认领，或多个成员单位组团认领项目</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>开始推进(&amp;A)</translation>
    </message>
    <message>
        <source>Mark the item as in progress</source>
        <translation>将事项标记为推进中</translation>
    </message>
    <message>
        <source>Follo&amp;w up...</source>
        <translation>督办(&amp;W)…</translation>
    </message>
    <message>
        <source>Record a follow-up (supervision): progress and next step</source>
        <translation>登记督办：进展情况和下一步</translation>
    </message>
    <message>
        <source>S&amp;olve...</source>
        <translation>办结(&amp;O)…</translation>
    </message>
    <message>
        <source>Record the result and the residents&apos; satisfaction</source>
        <translation>登记办理结果和群众满意度</translation>
    </message>
    <message>
        <source>&amp;Reopen...</source>
        <translation>重新打开(&amp;R)…</translation>
    </message>
    <message>
        <source>Reopen a solved item (the reason is logged)</source>
        <translation>重新打开已解决的事项（原因会被记录）</translation>
    </message>
    <message>
        <source>Items claimed by this organization</source>
        <translation>该单位认领的事项</translation>
    </message>
    <message>
        <source>Any claimant</source>
        <translation>全部认领单位</translation>
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
        <source>Past the deadline and not solved</source>
        <translation>已过时限且未解决</translation>
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
        <source>List: {0}</source>
        <translation>清单：{0}</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签订</translation>
    </message>
    <message>
        <source>Choose a community above to manage its lists.</source>
        <translation>请在上方选择党建共同体以管理其清单。</translation>
    </message>
    <message>
        <source>No lists yet: start with New list.</source>
        <translation>还没有清单：请点击“新建清单”。</translation>
    </message>
    <message>
        <source>Select a list to show only its items.</source>
        <translation>选择一个清单，只显示其事项。</translation>
    </message>
    <message>
        <source>Delete the list {0} and its {1} items?</source>
        <translation>删除清单 {0} 及其 {1} 个事项？</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>删除清单</translation>
    </message>
    <message>
        <source>Sign the list</source>
        <translation>签订清单</translation>
    </message>
    <message>
        <source>Date the community signed {0} (yyyy-mm-dd):</source>
        <translation>党建共同体签订“{0}”的日期（yyyy-mm-dd）：</translation>
    </message>
    <message>
        <source>Delete the item {0}?</source>
        <translation>删除事项 {0}?</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <source>Reopen the item</source>
        <translation>重新打开事项</translation>
    </message>
    <message>
        <source>Why is {0} reopened?</source>
        <translation>为什么重新打开“{0}”？</translation>
    </message>
    <message>
        <source>Save the list as PDF</source>
        <translation>将清单保存为PDF</translation>
    </message>
    <message>
        <source>Save as Excel</source>
        <translation>另存为Excel</translation>
    </message>
    <message>
        <source>The list was saved as {0}.</source>
        <translation>清单已保存为 {0}。</translation>
    </message>
    <message>
        <source>Claimed items only</source>
        <translation>仅已认领事项</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决/事项数</translation>
    </message>
    <message>
        <source>Ed&amp;it...</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;PDF...</source>
        <translation>签订用PDF(&amp;P)…</translation>
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
    <name>LockCover</name>
    <message>
        <source>Locked. Sign in again to go on.</source>
        <translation>已锁定。请重新登录后继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <extracomment>The tabs in order: key (also the package under ui/ whose ``tab`` module holds it), untranslated title, tab class.</extracomment>
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
        <source>Development</source>
        <translation>发展党员</translation>
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
        <extracomment>The window&apos;s first size where the screen has room for it (else it starts maximized). Widgets whose state is remembered by object name, renamed to the one naming scheme (docs/CONTRIBUTING.md): old name → new name. Keep the entries: an office may skip versions.</extracomment>
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
        <source>Connect to &amp;server...</source>
        <translation>连接到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;witch user...</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>Change &amp;password...</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Lock &amp;after idle time...</source>
        <translation>自动锁定时间(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>Import Party or&amp;ganizations from Excel...</source>
        <translation>从 Excel 导入党组织(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Import party members from Excel...</source>
        <translation>从 Excel 导入党员(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Manual...</source>
        <translation>使用手册(&amp;M)…</translation>
    </message>
    <message>
        <source>Help on this &amp;tab</source>
        <translation>本页帮助(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts...</source>
        <translation>快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Signed in: %1 · %2</source>
        <translation>当前用户：%1 · %2</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>%1 dialog(s) are still open. Switching user closes them and what was typed there and not saved is lost. Switch user anyway?</source>
        <translation>还有 %1 个对话框未关闭。切换用户会关闭它们，其中尚未保存的内容将丢失。仍要切换用户吗？</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>自动锁定时间</translation>
    </message>
    <message>
        <source>Lock the window after this many minutes without use (0: never):</source>
        <translation>无人操作多少分钟后锁定窗口（0 表示不锁定）：</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注意</translation>
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
        <translation>已有同名文件，请换一个名称。</translation>
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

离线管理党建共同体：成员党组织、党员报到领岗、活动共搞与会议、需求/资源/项目清单、经费和年底考核。

内置字体：文泉驿微米黑（Apache License 2.0）。</translation>
    </message>
</context>
<context>
    <name>MaskedNumbers</name>
    <message>
        <source>Show ID number and phone</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <source>Show the phone</source>
        <translation>显示完整电话</translation>
    </message>
    <message>
        <source>Partly hidden: click “{0}” to see or change it</source>
        <translation>已部分隐藏：点击“{0}”后可查看或修改</translation>
    </message>
</context>
<context>
    <name>MemberChangeActions</name>
    <message>
        <source>Member &amp;leaves...</source>
        <translation>党员减少(&amp;L)…</translation>
    </message>
    <message>
        <source>Record that the selected member died, left the Party, was suspended or moved away: they leave the current roll and stay in the history</source>
        <translation>登记所选党员死亡、出党、停止党籍或转出：不再列入在册党员，历史记录保留</translation>
    </message>
    <message>
        <source>Tr&amp;ansfers</source>
        <translation>组织关系(&amp;A)</translation>
    </message>
    <message>
        <source>Letters of transfer, mobile members, restoring a membership</source>
        <translation>组织关系介绍信、流动党员、恢复党籍</translation>
    </message>
    <message>
        <source>Letter of transfer for the member...</source>
        <translation>为该党员开具组织关系介绍信…</translation>
    </message>
    <message>
        <source>Register as a mobile member...</source>
        <translation>登记为流动党员…</translation>
    </message>
    <message>
        <source>Restore the membership...</source>
        <translation>恢复党籍…</translation>
    </message>
    <message>
        <source>Member transferred in from outside the district...</source>
        <translation>区外转入党员…</translation>
    </message>
    <message>
        <source>Letters of transfer and mobile members...</source>
        <translation>组织关系转接和流动党员…</translation>
    </message>
    <message>
        <source>Only a suspended membership can be restored.</source>
        <translation>只有停止党籍的党员才能恢复党籍。</translation>
    </message>
    <message>
        <source>Restore the membership</source>
        <translation>恢复党籍</translation>
    </message>
    <message>
        <source>Membership of {0} restored on (YYYY-MM-DD):</source>
        <translation>{0}恢复党籍的日期（年-月-日）：</translation>
    </message>
    <message>
        <source>Letter of transfer</source>
        <translation>组织关系介绍信</translation>
    </message>
    <message>
        <source>{0} to {1}, issued {2}, waiting for the receipt</source>
        <translation>{0} 转往{1}，{2}开具，待接收</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>since {0} at {1}, managed by {2}</source>
        <translation>{0}起在{1}，由{2}管理</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New party member</source>
        <extracomment>the stored member&apos;s organization (id, name) while on the roll: choosing another asks whether the member moved or it was entered wrong</extracomment>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit party member</source>
        <translation>编辑党员信息</translation>
    </message>
    <message>
        <source>From the ID number</source>
        <translation>根据身份证号</translation>
    </message>
    <message>
        <source>Type part of the name to search</source>
        <translation>输入名称的一部分进行搜索</translation>
    </message>
    <message>
        <source>Born on {0}, {1}</source>
        <translation>出生于 {0},{1}</translation>
    </message>
    <message>
        <source>No organization is named “{0}”; choose one from the list.</source>
        <translation>没有名为“{0}”的党组织，请从列表中选择。</translation>
    </message>
    <message>
        <source>Change of organization</source>
        <translation>变更所在党组织</translation>
    </message>
    <message>
        <source>The organization of {0} is changed from “{1}” to “{2}”. Did the member move to the new organization, or was the old one entered by mistake?</source>
        <translation>党员{0}的所在党组织由“{1}”改为“{2}”。这是党员调到了新的党组织，还是原来的党组织录入错了？</translation>
    </message>
    <message>
        <source>The member moved (transfer)</source>
        <translation>党员调动（组织关系转接）</translation>
    </message>
    <message>
        <source>Entered by mistake (correct it)</source>
        <translation>录入错误（更正）</translation>
    </message>
    <message>
        <source>A transfer is counted in the party statistics as transferred out of “{0}” and into “{1}” today, and shown in the member&apos;s changes. Correct an entry error only when the member never belonged to “{0}”: no transfer is recorded.</source>
        <translation>组织关系转接按今天的日期记入党内统计：“{0}”转出、“{1}”转入，并列入该党员的增减记录。只有党员从未在“{0}”时才选择更正录入错误，不记转接。</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation>民族(&amp;E)：</translation>
    </message>
    <message>
        <source>Nati&amp;ve place:</source>
        <translation>籍贯(&amp;V)：</translation>
    </message>
    <message>
        <source>Ed&amp;ucation:</source>
        <translation>学历(&amp;U)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>党籍信息</translation>
    </message>
    <message>
        <source>Party &amp;organization:</source>
        <translation>所在党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>人员类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>党籍状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Joined on:</source>
        <translation>入党日期(&amp;J)：</translation>
    </message>
    <message>
        <source>Con&amp;firmed on:</source>
        <translation>转正日期(&amp;F)：</translation>
    </message>
    <message>
        <source>Party &amp;post:</source>
        <translation>党内职务(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Work unit and post:</source>
        <translation>工作单位及职务(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Remark</source>
        <translation>备注(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MemberExports</name>
    <message>
        <source>Member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>Print the roster of which Party organization?</source>
        <translation>打印哪个党组织的花名册？</translation>
    </message>
    <message>
        <source>The file will show full ID numbers and phone numbers. Keep it safe and delete it when it is no longer needed; the export is recorded in the audit log. Continue?</source>
        <translation>文件将显示完整的身份证号和联系电话。请妥善保管，不再需要时及时删除；本次导出将记入操作日志。是否继续？</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Party member information form</source>
        <translation>党员基本信息采集表</translation>
    </message>
    <message>
        <source>The template was saved as {0}. Fill in one member a row and import it.</source>
        <translation>模板已保存为 {0}。每行填写一名党员，填好后导入。</translation>
    </message>
    <message>
        <source>Export members to Excel</source>
        <translation>导出党员名册（Excel）</translation>
    </message>
    <message>
        <source>Party members {0}</source>
        <translation>党员名册 {0}</translation>
    </message>
    <message>
        <source>{0} members were saved to {1} with full ID numbers and phones.</source>
        <translation>已将 {0} 名党员导出到 {1}，含完整的身份证号和联系电话。</translation>
    </message>
    <message>
        <source>{0} members were saved to {1}; ID numbers and phones are partly hidden.</source>
        <translation>已将 {0} 名党员导出到 {1}，身份证号和联系电话已部分隐藏。</translation>
    </message>
    <message>
        <source>No Party organization has been entered yet, and the roster is printed for one. Import them first (File → Import Party organizations from Excel...) or add them one by one on the Organizations tab.</source>
        <translation>尚未录入任何党组织，而花名册按党组织打印。请先导入党组织（文件 → 从 Excel 导入党组织），或在“党组织”页逐个新增。</translation>
    </message>
    <message>
        <source>{0} Party organizations have “{1}” in their names: {2}. Choose one.</source>
        <translation>名称中含有“{1}”的党组织有 {0} 个：{2}。请选择其中一个。</translation>
    </message>
    <message>
        <source>No Party organization is named {0}.</source>
        <translation>没有名为 {0} 的党组织。</translation>
    </message>
    <message>
        <source>{0} member roster</source>
        <translation>{0}党员花名册</translation>
    </message>
    <message>
        <source>Save the member roster as PDF</source>
        <translation>将党员花名册保存为 PDF</translation>
    </message>
    <message>
        <source>The roster was saved as {0}.</source>
        <translation>花名册已保存为 {0}。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print the member roster</source>
        <translation>打印党员花名册</translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Print preview...</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>MemberImportDialog</name>
    <message>
        <source>Choose the member roster</source>
        <translation>选择党员名册</translation>
    </message>
    <message>
        <source>Rosters</source>
        <translation>党员名册</translation>
    </message>
    <message>
        <source>Reading the roster...</source>
        <translation>正在读取名册…</translation>
    </message>
    <message>
        <source>Sheet “{0}”, header on row {1}: {2} rows read. {3} new members, {4} already present, {5} rows with errors.</source>
        <translation>工作表“{0}”，表头在第 {1} 行：共读取 {2} 行。新党员 {3} 名，已存在 {4} 名，有错误的行 {5} 行。</translation>
    </message>
    <message>
        <source>These organizations will be created (check their kind, level and town afterwards in the organizations tab): {0}</source>
        <translation>将新建以下党组织（导入后请在“党组织”页核对其类型、层级和镇街）：{0}</translation>
    </message>
    <message>
        <source>{0} organizations named in the file do not exist yet.</source>
        <translation>文件中有 {0} 个党组织尚不存在。</translation>
    </message>
    <message>
        <source>{0} applicants, activists and candidates will be entered as development records at their stage ({1} of them already entered).</source>
        <translation>{0} 名入党申请人、积极分子和发展对象将按所处阶段登记为发展党员（其中 {1} 名已登记）。</translation>
    </message>
    <message>
        <source>{0} rows are applicants, activists or candidates; they can be imported as development records.</source>
        <translation>{0} 行是入党申请人/积极分子/发展对象，可作为发展党员导入。</translation>
    </message>
    <message>
        <source>{0} members already present are in another organization in the file; skipped, they stay where they are. Updated, they are moved as:</source>
        <translation>{0} 名已有党员在文件中属于另一个党组织；跳过时不作调整，按文件更新时调整为：</translation>
    </message>
    <message>
        <source>{0} members already present will be put in the organization of the file, as:</source>
        <translation>{0} 名已有党员将调整到文件中的党组织，按：</translation>
    </message>
    <message>
        <source>{0} members already present will be put in the organization of the file ({1} cannot be moved so: see the rows with errors), as:</source>
        <translation>{0} 名已有党员将调整到文件中的党组织（另有 {1} 名不能这样调整，见有错误的行），按：</translation>
    </message>
    <message>
        <source>Columns not imported: {0}</source>
        <translation>未导入的列：{0}</translation>
    </message>
    <message>
        <source>“{0}” in the file is imported into “{1}”.</source>
        <translation>文件中的“{0}”导入到“{1}”。</translation>
    </message>
    <message>
        <source>{0} organizations of the file are close to stored ones (e.g. “{1}” and “{2}”); map those that are the same.</source>
        <translation>文件中有 {0} 个党组织与系统中的党组织名称相近（例如“{1}”和“{2}”），请把同一个党组织对应起来。</translation>
    </message>
    <message>
        <source>Importing members...</source>
        <translation>正在导入党员…</translation>
    </message>
    <message>
        <source>Import party members from Excel</source>
        <translation>从 Excel 导入党员</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) or a CSV file with one member per row. The header row may be anywhere in the first 10 rows and must name the columns 姓名, 身份证号 and 所在党组织; the columns may come in any order and other columns are ignored. Nothing is saved before you click Import.</source>
        <translation>请选择 Excel 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）或 CSV 文件，每行一名党员。表头可在前 10 行中的任一行，须包含“姓名”“身份证号”“所在党组织”三列；列的顺序不限，其他列将被忽略。点击“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Members already present (same ID number):</source>
        <translation>已存在的党员（身份证号相同）：</translation>
    </message>
</context>
<context>
    <name>MemberPostsPanel</name>
    <message>
        <source>Report to a &amp;post...</source>
        <extracomment>The characters a long text column of the tables keeps when squeezed (elided beyond). Emitted after every write made here. the date of the roll the member was chosen from (None: today&apos;s)</extracomment>
        <translation>报到领岗(&amp;P)…</translation>
    </message>
    <message>
        <source>The member reports to a co-building organization and takes a post</source>
        <translation>党员到共建单位报到并认领岗位</translation>
    </message>
    <message>
        <source>Correct the organization, post, date or remark of the report (Enter)</source>
        <translation>更正报到的单位、岗位、日期或备注（Enter）</translation>
    </message>
    <message>
        <source>Leave p&amp;ost...</source>
        <translation>离岗(&amp;O)…</translation>
    </message>
    <message>
        <source>The member leaves the post; the service log stays</source>
        <translation>党员离开岗位；服务记录保留</translation>
    </message>
    <message>
        <source>Back on post</source>
        <translation>恢复在岗</translation>
    </message>
    <message>
        <source>Undo leaving the post (ended by mistake)</source>
        <translation>撤销离岗（误操作时使用）</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>删除报到</translation>
    </message>
    <message>
        <source>Delete a report entered by mistake (Del)</source>
        <translation>删除误录的报到记录（Del）</translation>
    </message>
    <message>
        <source>Reported to</source>
        <translation>报到单位</translation>
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
        <source>Since</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离岗日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Log &amp;service...</source>
        <translation>登记服务(&amp;S)…</translation>
    </message>
    <message>
        <source>Record service done on the chosen post (Ins)</source>
        <translation>登记在所选岗位上的服务（Ins）</translation>
    </message>
    <message>
        <source>Edit the chosen service entry (Enter)</source>
        <translation>修改所选服务记录（Enter）</translation>
    </message>
    <message>
        <source>Delete the chosen service entry (Del)</source>
        <translation>删除所选服务记录（Del）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>E&amp;valuate...</source>
        <translation>年度评价(&amp;V)…</translation>
    </message>
    <message>
        <source>Record the yearly evaluation of the chosen post (Enter edits the chosen year)</source>
        <translation>登记所选岗位的年度评价（Enter 修改所选年度）</translation>
    </message>
    <message>
        <source>Remove evaluation</source>
        <translation>删除评价</translation>
    </message>
    <message>
        <source>Remove the chosen year&apos;s evaluation (Del)</source>
        <translation>删除所选年度的评价（Del）</translation>
    </message>
    <message>
        <source>Ad&amp;just...</source>
        <translation>更正(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Back on post</source>
        <translation>恢复在岗(&amp;B)</translation>
    </message>
    <message>
        <source>Delete mista&amp;ke</source>
        <translation>删除报到(&amp;K)</translation>
    </message>
    <message>
        <source>Edit entr&amp;y...</source>
        <translation>修改记录(&amp;Y)…</translation>
    </message>
    <message>
        <source>Delete lo&amp;g entry</source>
        <translation>删除记录(&amp;G)</translation>
    </message>
    <message>
        <source>Re&amp;move evaluation</source>
        <translation>删除评价(&amp;M)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>评价结果</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Service log</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Yearly evaluations</source>
        <translation>年度评价</translation>
    </message>
    <message>
        <source>Choose a member to see their posts.</source>
        <translation>选择一名党员，查看其报到领岗情况。</translation>
    </message>
    <message>
        <source>{0} ({1}), on a post now: {2}</source>
        <translation>{0}（{1}），目前在岗：{2} 处</translation>
    </message>
    <message>
        <source>(no post yet)</source>
        <translation>（尚未领岗）</translation>
    </message>
    <message>
        <source>Service log: {0}</source>
        <translation>服务记录：{0}</translation>
    </message>
    <message>
        <source>Yearly evaluations: {0}</source>
        <translation>年度评价：{0}</translation>
    </message>
    <message>
        <source>{0} entries, {1} hours</source>
        <translation>{0} 条，{1} 小时</translation>
    </message>
    <message>
        <source>{0} is on this post again (leaving it was a mistake)?</source>
        <translation>{0}恢复在岗（离岗为误操作）？</translation>
    </message>
    <message>
        <source>Delete this report? {0}</source>
        <translation>删除这条报到记录？{0}</translation>
    </message>
    <message>
        <source>Delete the service of {0} ({1} hours): {2}?</source>
        <translation>删除 {0} 的服务记录（{1} 小时）：{2}?</translation>
    </message>
    <message>
        <source>Delete service entry</source>
        <translation>删除服务记录</translation>
    </message>
    <message>
        <source>Remove the {0} evaluation of {1}?</source>
        <translation>删除{1}的 {0} 年度评价？</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>&amp;New member...</source>
        <extracomment>The row of action buttons above the filters; add to it with :meth:`add_button`.</extracomment>
        <translation>新增党员(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a party member (Ctrl+N)</source>
        <translation>新增一名党员（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected member (F2, Enter or double-click)</source>
        <translation>编辑所选党员（F2、Enter 或双击）</translation>
    </message>
    <message>
        <source>Show ID numbers and phones</source>
        <translation>显示完整身份证号和电话</translation>
    </message>
    <message>
        <source>&amp;Delete (entered by mistake)</source>
        <translation>删除误录(&amp;D)</translation>
    </message>
    <message>
        <source>Delete a member record entered by mistake (Del): an administrator, within days of entering it; a member who leaves is recorded through “Member leaves”</source>
        <translation>删除误录的党员记录（Del）：仅限系统管理员在录入后数日内删除；党员离开请办理“党员减少”</translation>
    </message>
    <message>
        <source>Shown in full only while ticked; hide them again before leaving the desk</source>
        <translation>仅在勾选时完整显示；离开座位前请取消勾选</translation>
    </message>
    <message>
        <source>&amp;Import from Excel...</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import members from an Excel roster, with a preview of every bad row</source>
        <translation>从 Excel 名册导入党员，导入前预览每一个错误行</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Excel roster, import template, printed roster</source>
        <translation>Excel 名册、导入模板、花名册</translation>
    </message>
    <message>
        <source>Printed roster</source>
        <translation>党员花名册（PDF）</translation>
    </message>
    <message>
        <source>Export this list to Excel...</source>
        <translation>将当前列表导出为 Excel…</translation>
    </message>
    <message>
        <source>Save the import template...</source>
        <translation>保存导入模板…</translation>
    </message>
    <message>
        <source>Post &amp;catalogue...</source>
        <translation>岗位目录(&amp;C)…</translation>
    </message>
    <message>
        <source>The posts members can take when they report to a co-building organization</source>
        <translation>党员到共建单位报到时可认领的岗位</translation>
    </message>
    <message>
        <source>Dual-report overvie&amp;w...</source>
        <translation>双报到统计(&amp;W)…</translation>
    </message>
    <message>
        <source>App&amp;raisal &amp;&amp; statistics</source>
        <translation>评议与统计(&amp;R)</translation>
    </message>
    <message>
        <source>Democratic appraisal of members (民主评议) and Party statistics</source>
        <translation>民主评议党员和党内统计</translation>
    </message>
    <message>
        <source>Delete the party member “{0}” together with {1} post reports and {2} service records ({3} hours)? This cannot be undone.</source>
        <translation>删除党员“{0}”及其 {1} 条报到记录和 {2} 条服务记录（共 {3} 小时）？此操作不能撤销。</translation>
    </message>
    <message>
        <source>Delete the party member “{0}”? This cannot be undone.</source>
        <translation>删除党员“{0}”？此操作不能撤销。</translation>
    </message>
    <message>
        <source>Delete party member</source>
        <translation>删除党员</translation>
    </message>
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
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>The roll at a past date: who was a member then, where</source>
        <translation>过去某日的在册党员：当时的党员及其所在党组织</translation>
    </message>
    <message>
        <source>All organizations (type to search)</source>
        <translation>全部党组织（可输入搜索）</translation>
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
        <source>Development history</source>
        <translation>发展党员经历</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>People</source>
        <translation>有关人员</translation>
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
        <source>From office</source>
        <translation>来源单位</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>Reported to communities in {0}</source>
        <translation>报到至{0}的共同体</translation>
    </message>
    <message>
        <source>Per organization: members reported, where, and their service hours</source>
        <translation>按党组织统计：报到人数、报到去向和服务时长</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
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
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Discard the changes you made?</source>
        <translation>放弃所做的修改？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>MobileMemberDialog</name>
    <message>
        <source>Mobile Party member: {0}</source>
        <translation>流动党员：{0}</translation>
    </message>
    <message>
        <source>Change the stay away: {0}</source>
        <translation>修改外出登记：{0}</translation>
    </message>
    <message>
        <source>(none here)</source>
        <translation>（本区无）</translation>
    </message>
    <message>
        <source>Mobile Party member</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>&amp;Left on:</source>
        <translation>外出日期(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Whereabouts:</source>
        <translation>外出地点(&amp;W)：</translation>
    </message>
    <message>
        <source>Contact &amp;phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Managing &amp;organization in the district:</source>
        <translation>本区管理党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>Or managing &amp;unit elsewhere:</source>
        <translation>或区外管理单位(&amp;U)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Offices</source>
        <translation>本单位与登记单位</translation>
    </message>
    <message>
        <source>&amp;Set up this office...</source>
        <translation>设置本单位(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the &amp;card...</source>
        <translation>保存单位名片(&amp;C)…</translation>
    </message>
    <message>
        <source>Card as &amp;PDF...</source>
        <translation>名片存为PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Register an office...</source>
        <translation>登记单位(&amp;R)…</translation>
    </message>
    <message>
        <source>E&amp;xport the keys...</source>
        <translation>导出密钥(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import the keys...</source>
        <translation>导入密钥(&amp;I)…</translation>
    </message>
    <message>
        <source>The office&apos;s private keys, to move them to another PC (administrators):</source>
        <translation>本单位私钥（换电脑时迁移，仅限管理员）：</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>C&amp;hange this office...</source>
        <translation>修改本单位(&amp;H)…</translation>
    </message>
    <message>
        <source>This database has no office yet. An administrator sets it up once: its name, level and place; its keys are made then.</source>
        <translation>本库尚未设置本单位。请管理员设置一次：单位名称、层级和所属党组织或镇街；同时生成单位密钥。</translation>
    </message>
    <message>
        <source>This office: {name} ({level})</source>
        <translation>本单位：{name}（{level}）</translation>
    </message>
    <message>
        <source>Change this office</source>
        <translation>修改本单位</translation>
    </message>
    <message>
        <source>This office was changed; its keys and fingerprint stay. Send the new card to the offices you exchange data with: each registers it again.</source>
        <translation>本单位信息已修改，密钥和指纹不变。请把新的单位名片发给与本单位交换数据的各单位，由对方重新登记。</translation>
    </message>
    <message>
        <source>Save the office card</source>
        <translation>保存单位名片</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
    <message>
        <source>Office card as PDF</source>
        <translation>单位名片存为PDF</translation>
    </message>
    <message>
        <source>Export the office&apos;s keys</source>
        <translation>导出本单位密钥</translation>
    </message>
    <message>
        <source>A passphrase for the key file (8 characters at least); it is asked when the keys are imported:</source>
        <translation>为密钥文件设置口令（至少8位），导入密钥时需要输入：</translation>
    </message>
    <message>
        <source>The passphrase again:</source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Saved as {path}. Whoever has this file and its passphrase can send packages in this office&apos;s name: keep both apart, and safe.</source>
        <translation>已保存为 {path}。持有此文件及其口令的人可以本单位名义发送数据包：请将文件与口令分开妥善保管。</translation>
    </message>
    <message>
        <source>Import the office&apos;s keys</source>
        <translation>导入本单位密钥</translation>
    </message>
    <message>
        <source>The key file&apos;s passphrase:</source>
        <translation>密钥文件的口令：</translation>
    </message>
    <message>
        <source>The keys are in place: this PC sends and receives packages.</source>
        <translation>密钥已导入，本机可以发送和接收数据包。</translation>
    </message>
    <message>
        <source>Register an office</source>
        <translation>登记单位</translation>
    </message>
    <message>
        <source>Office: {name} ({level})
Fingerprint: {fp}

Has the other office read you the same fingerprint by phone or in person? Register it only if every group matches.</source>
        <translation>单位：{name}（{level}）
指纹：{fp}

对方单位是否已通过电话或当面向您核对了相同的指纹？只有每一组都一致才能登记。</translation>
    </message>
    <message>
        <source>That office was registered already.</source>
        <translation>该单位已登记过。</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <source>(choose)</source>
        <extracomment>the levels in the order clerks meet them: most offices are villages</extracomment>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(not in the registry yet)</source>
        <translation>（名录中尚无）</translation>
    </message>
    <message>
        <source>{town} Party committee</source>
        <translation>{town}党委</translation>
    </message>
    <message>
        <source>Choose this office&apos;s level.</source>
        <translation>请选择本单位的层级。</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Set up this office</source>
        <translation>设置本单位</translation>
    </message>
    <message>
        <source>Change this office</source>
        <translation>修改本单位</translation>
    </message>
    <message>
        <source>The office this database belongs to; its keys stay as they are. A village office names its organization here once the registry has arrived.</source>
        <translation>本数据库所属的单位，密钥保持不变。村（社区）单位在收到党组织名录后，在此选择所属党组织。</translation>
    </message>
    <message>
        <source>The office this database belongs to. Its keys are made now and kept in a file beside the database; other offices register its card to exchange data with it.</source>
        <translation>本数据库所属的单位。单位密钥此时生成，保存在数据库旁的文件中；其他单位登记本单位的名片后即可与本单位交换数据。</translation>
    </message>
    <message>
        <source>&amp;Organization (a village office):</source>
        <translation>所属党组织（村社区单位）(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Town (a town office):</source>
        <translation>所在镇街（镇街单位）(&amp;T)：</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Code (optional):</source>
        <translation>单位代码（选填）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>OrgMappingDialog</name>
    <message>
        <source>&amp;Apply the ticked mappings</source>
        <translation>使用勾选的对应关系(&amp;A)</translation>
    </message>
    <message>
        <source>Map organizations</source>
        <translation>对应党组织</translation>
    </message>
    <message>
        <source>These organizations of the file do not exist, but each is close to an organization that does. Tick those that are the same organization: every row of the file naming it is then imported into the stored one. Nothing is mapped unless ticked.</source>
        <translation>文件中的这些党组织在系统中不存在，但各与系统中的一个党组织名称相近。请勾选确实是同一个党组织的：文件中写这个名称的每一行都会导入到系统中的党组织。没有勾选的不会对应。</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中的名称</translation>
    </message>
    <message>
        <source>Import into the stored organization</source>
        <translation>导入到系统中的党组织</translation>
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
        <translation>无（输入文字搜索）</translation>
    </message>
    <message>
        <source>No organization is named “{0}”; choose one from the list.</source>
        <translation>没有名为“{0}”的党组织，请从列表中选择。</translation>
    </message>
    <message>
        <source>Party organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>简称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>组织类别(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>所属领域(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>层级(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Parent organization:</source>
        <translation>上级党组织(&amp;P)：</translation>
    </message>
    <message>
        <source>Se&amp;cretary:</source>
        <translation>书记(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ontact person:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Founded on:</source>
        <translation>成立日期：</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>设立日期：</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>撤销日期：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>OrganizationImportDialog</name>
    <message>
        <source>Organization</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Save the organization list template</source>
        <translation>保存党组织信息表模板</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>模板已保存</translation>
    </message>
    <message>
        <source>The empty organization list was saved to {0}.</source>
        <translation>空白的党组织信息表已保存到 {0}。</translation>
    </message>
    <message>
        <source>Choose the organization list</source>
        <translation>选择党组织名单</translation>
    </message>
    <message>
        <source>Organization lists</source>
        <translation>党组织名单</translation>
    </message>
    <message>
        <source>Reading the organization list...</source>
        <translation>正在读取党组织名单…</translation>
    </message>
    <message>
        <source>Sheet “{0}”, header on row {1}: {2} rows read. {3} new organizations, {4} already present, {5} rows with errors.</source>
        <translation>工作表“{0}”，表头在第 {1} 行：共读取 {2} 行。新党组织 {3} 个，已存在 {4} 个，有错误的行 {5} 行。</translation>
    </message>
    <message>
        <source>Columns not read: {0}</source>
        <translation>未读取的列：{0}</translation>
    </message>
    <message>
        <source>Importing organizations...</source>
        <translation>正在导入党组织…</translation>
    </message>
    <message>
        <source>Import Party organizations from Excel</source>
        <translation>从 Excel 导入党组织</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) or a CSV file with one Party organization per row. The header row may be anywhere in the first 10 rows and must name the columns 党组织名称, 党组织类别 and 所属领域; 上级党组织 may name another row of the sheet (in any order) or an organization already stored. Nothing is saved before you click Import.</source>
        <translation>请选择 Excel 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）或 CSV 文件，每行一个党组织。表头可在前 10 行中的任一行，须包含“党组织名称”“党组织类别”“所属领域”三列；“上级党组织”可以是表中的另一行（先后不限），也可以是系统中已有的党组织。点击“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Party organizations already present (same name):</source>
        <translation>已存在的党组织（名称相同）：</translation>
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
        <translation>新建党组织（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the selected organization (Enter, F2)</source>
        <translation>编辑选中的党组织（回车、F2）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected organization (Del)</source>
        <translation>删除选中的党组织（Del）</translation>
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
        <source>Mbrs.</source>
        <translation>党员数</translation>
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
        <translation>全部（{0}）</translation>
    </message>
    <message>
        <source>Parent: {0}</source>
        <translation>上级党组织：{0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Secretary: {0}   Contact: {1}   Phone: {2}</source>
        <translation>书记：{0}   联系人：{1}   电话：{2}</translation>
    </message>
    <message>
        <source>Members: {0}   Sub-organizations: {1}</source>
        <translation>党员：{0} 名   下级党组织：{1} 个</translation>
    </message>
    <message>
        <source>Address: {0}</source>
        <translation>地址：{0}</translation>
    </message>
    <message>
        <source>Founded on: {0}</source>
        <translation>成立日期：{0}</translation>
    </message>
    <message>
        <source>Period: {0} to {1}</source>
        <translation>存续期间：{0} 至 {1}</translation>
    </message>
    <message>
        <source> (lead)</source>
        <translation>（牵头）</translation>
    </message>
    <message>
        <source>Communities: {0}</source>
        <translation>所在党建共同体：{0}</translation>
    </message>
    <message>
        <source>Delete the organization “{0}”? This cannot be undone.</source>
        <translation>删除党组织“{0}”？删除后无法恢复。</translation>
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
        <extracomment>The data of the chart bar counting overdue project items. the space kept between two neighbouring values the smallest a value is written before the values are left to the tooltip</extracomment>
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
        <translation>年度：</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Communities by co-building type</source>
        <translation>党建共同体（按共建类型）</translation>
    </message>
    <message>
        <source>Communities by status</source>
        <translation>党建共同体（按状态）</translation>
    </message>
    <message>
        <source>Activities held per month</source>
        <translation>每月开展活动</translation>
    </message>
    <message>
        <source>Service projects by status</source>
        <translation>服务项目（按状态）</translation>
    </message>
    <message>
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Counting...</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>截至 {0}</translation>
    </message>
</context>
<context>
    <name>PartyStatsDialog</name>
    <message>
        <source>Party statistics</source>
        <translation>党内统计</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>全部镇街</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>全部党组织</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>统计年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>Save as &amp;Excel...</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF...</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>{0}: party statistics {1}</source>
        <translation>{0}党内统计表（{1}年度）</translation>
    </message>
    <message>
        <source>As of {0}: {1} members, {2} organizations</source>
        <translation>统计截止日期：{0}，党员 {1} 名，党组织 {2} 个</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} party statistics {1}</source>
        <translation>{0}党内统计表（{1}年度）</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>保存党内统计表</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>PostCatalogueDialog</name>
    <message>
        <source>The posts a member can take when reporting to a co-building organization. A post in use cannot be deleted; deactivate it and it is no longer offered.</source>
        <translation>党员到共建单位报到时可认领的岗位。已被使用的岗位不能删除；停用后不再供选择。</translation>
    </message>
    <message>
        <source>{0} (inactive)</source>
        <translation>{0}（已停用）</translation>
    </message>
    <message>
        <source>The post “{0}” has changes that are not saved. Save them?</source>
        <translation>岗位“{0}”的修改尚未保存，是否保存？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>新岗位</translation>
    </message>
    <message>
        <source>Type the name and the duties, then click Save.</source>
        <translation>填写名称和岗位职责，然后点击“保存”。</translation>
    </message>
    <message>
        <source>Named by {0} reports; {1} members are on this post now.</source>
        <translation>共有 {0} 条报到记录认领此岗位；目前在岗 {1} 人。</translation>
    </message>
    <message>
        <source>No report names this post yet.</source>
        <translation>尚无报到记录认领此岗位。</translation>
    </message>
    <message>
        <source>Inactive: not offered when a member reports.</source>
        <translation>已停用：党员报到时不再提供此岗位。</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>In use: deactivate it instead</source>
        <translation>岗位已被使用：请改为停用</translation>
    </message>
    <message>
        <source>Delete the post “{0}” from the catalogue?</source>
        <translation>从岗位目录中删除“{0}”？</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>删除岗位</translation>
    </message>
    <message>
        <source>Post catalogue</source>
        <translation>岗位目录</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the post up (Ctrl+Up)</source>
        <translation>上移岗位（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the post down (Ctrl+Down)</source>
        <translation>下移岗位（Ctrl+↓）</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>名称(&amp;A)：</translation>
    </message>
    <message>
        <source>Dut&amp;ies:</source>
        <translation>岗位职责(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Add a post to the catalogue (Ctrl+N)</source>
        <translation>向目录添加岗位（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PostReportDialog</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}({1})</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(no post yet)</source>
        <translation>（暂不领岗）</translation>
    </message>
    <message>
        <source>Report to a post: {0}</source>
        <translation>报到领岗：{0}</translation>
    </message>
    <message>
        <source>The member&apos;s status is {0}: only members in good standing report.</source>
        <translation>该党员的党籍状态为“{0}”：只有党籍状态正常的党员才能报到。</translation>
    </message>
    <message>
        <source>No community is open for reports yet: set up a Party-building community with member organizations first.</source>
        <translation>还没有可以报到的党建共同体：请先建立有成员单位的党建共同体。</translation>
    </message>
    <message>
        <source>Correct the post report: {0}</source>
        <translation>更正报到记录：{0}</translation>
    </message>
    <message>
        <source>Report to a post</source>
        <translation>报到领岗</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>&amp;Community:</source>
        <translation>党建共同体(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Report to:</source>
        <translation>报到单位(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Post:</source>
        <translation>岗位(&amp;P)：</translation>
    </message>
    <message>
        <source>Report &amp;date:</source>
        <translation>报到日期(&amp;D)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PostReports</name>
    <message>
        <source>no post yet</source>
        <translation>未领岗</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}({1})</translation>
    </message>
    <message>
        <source>on the post since {0}</source>
        <translation>自 {0} 起在岗</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}, {3}</source>
        <translation>{0}:{1},{2},{3}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Receive a package</source>
        <extracomment>the records listed one by one at the most (the counts above cover all of them)</extracomment>
        <translation>接收数据包</translation>
    </message>
    <message>
        <source>Package from {sender}, made {at}.
Package fingerprint: {fp}
Compare it with the fingerprint on the sender&apos;s handover sheet.</source>
        <translation>来自{sender}的数据包，生成于 {at}。
数据包指纹：{fp}
请与对方数据移交单上的指纹核对。</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>变化的字段</translation>
    </message>
    <message>
        <source>{n} more records are counted above but not listed.</source>
        <translation>另有 {n} 条记录已计入上表，未逐条列出。</translation>
    </message>
    <message>
        <source>{n} records were changed both here and at the other office: the owner&apos;s version is kept and the other waits in the conflict list for you to decide.</source>
        <translation>有 {n} 条记录两地均有修改：已采用记录所属单位的版本，另一版本列入冲突清单，待您确认。</translation>
    </message>
    <message>
        <source>The package holds nothing new for this database.</source>
        <translation>该数据包没有本库尚未有的内容。</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>{fields}; {status}</source>
        <translation>{fields}；{status}</translation>
    </message>
    <message>
        <source>Status becomes “{status}” because of claims or follow-ups received</source>
        <translation>状态改为“{status}”，因收到认领或督办记录</translation>
    </message>
    <message>
        <source>Status stays “{status}” because of claims or follow-ups on this computer</source>
        <translation>状态仍为“{status}”，因本机已有认领或督办记录</translation>
    </message>
    <message>
        <source>Status becomes “{status}” because of claims or follow-ups on this computer</source>
        <translation>状态改为“{status}”，因本机已有认领或督办记录</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Characters missing from the fonts</source>
        <translation>字库缺字</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is ready.</source>
        <translation>无法启动打印机，请检查打印机是否就绪。</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>数据库无法打开</translation>
    </message>
    <message>
        <source>The newest good backup of this database:</source>
        <translation>该数据库最近的一份完好备份：</translation>
    </message>
    <message>
        <source>Restore it? Whatever was entered after that backup has to be entered again. The damaged file is kept in the backups folder.</source>
        <translation>要恢复这份备份吗？备份之后录入的内容需要重新录入。损坏的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>No good backup of this database was found in the backups folder. Open another database file (for example a backup on a USB stick), or quit and ask for help.</source>
        <translation>备份文件夹中没有找到该数据库的完好备份。请打开其他数据库文件（例如U盘上的备份），或退出程序并寻求技术支持。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Database (*.sqlite *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>Edit &amp;rules...</source>
        <extracomment>Emitted after the rules were changed (the list is already refreshed). Emitted when the list has been (re)loaded and shown.</extracomment>
        <translation>编辑提醒规则(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Branch meetings...</source>
        <translation>三会一课与换届(&amp;B)…</translation>
    </message>
    <message>
        <source>Each branch&apos;s regular meetings, and committee terms</source>
        <translation>各党支部三会一课落实情况与班子换届</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Double-click to see where it is due</source>
        <translation>双击查看详情</translation>
    </message>
    <message>
        <source>Reminders: being collected...</source>
        <translation>到期提醒：正在统计……</translation>
    </message>
    <message>
        <source>Reminders: cannot be read ({0})</source>
        <translation>到期提醒：无法读取（{0}）</translation>
    </message>
    <message>
        <source>Reminders: {0} ({1} overdue)</source>
        <translation>到期提醒：{0}条（已逾期{1}条）</translation>
    </message>
    <message>
        <source>{0} days overdue</source>
        <translation>逾期{0}天</translation>
    </message>
    <message>
        <source>in {0} days</source>
        <translation>还剩{0}天</translation>
    </message>
    <message>
        <source>Due on {0}</source>
        <translation>应于 {0} 前举行</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A new password for {0} ({1}):</source>
        <translation>为账号 {0}（{1}）设置新密码：</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>新密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Repeat p&amp;assword:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <source>The person must choose a new password at the next sign-in.</source>
        <translation>该用户下次登录时须修改密码。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Reminder rules</source>
        <extracomment>The colour of the days of a reminder overdue. Room for its four columns, the subject and what is due readable in part; beside the figures and the margins of the overview within a 1024 px window.</extracomment>
        <translation>提醒规则</translation>
    </message>
    <message>
        <source>no reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Remind when a running community has held no activity of a kind for this many months.</source>
        <translation>运行中的党建共同体超过以下月数未开展某类活动时提醒。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Branch meeting schedule</source>
        <translation>三会一课要求</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>不作要求</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every two months</source>
        <translation>每两个月</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>half-yearly</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>每年</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>Score {0} ({1})</source>
        <extracomment>The spin box&apos;s lowest value stands for &quot;not scored yet&quot; and shows as a dash.</extracomment>
        <translation>评分：{0}（{1}）</translation>
    </message>
    <message>
        <source>Excellent ≥ {0}, good ≥ {1}, pass ≥ {2}</source>
        <translation>优秀 ≥ {0}，良好 ≥ {1}，合格 ≥ {2}</translation>
    </message>
    <message>
        <source>0 to {0}. {1}</source>
        <translation>0 至 {0} 分。{1}</translation>
    </message>
    <message>
        <source>Finished: locked. Reopen it in the Assessment tab to change it.</source>
        <translation>已完成并锁定。如需修改，请在“考核”页重新打开。</translation>
    </message>
    <message>
        <source>({0} not scored)</source>
        <translation>（{0} 项未评分）</translation>
    </message>
    <message>
        <source>(not scored yet)</source>
        <translation>（尚未评分）</translation>
    </message>
    <message>
        <source>Order rectification</source>
        <translation>列为规范整顿</translation>
    </message>
    <message>
        <source>Marking &apos;{0}&apos; for rectification also puts the community under rectification (整顿中). Continue?</source>
        <translation>将“{0}”列为规范整顿对象，该党建共同体的状态也会变为“整顿中”。继续吗？</translation>
    </message>
    <message>
        <source>Finish the assessment</source>
        <translation>完成考核</translation>
    </message>
    <message>
        <source>A finished assessment is locked: it can only be changed after reopening it, which is recorded. Finish it now?</source>
        <translation>完成后的考核将被锁定，只有重新打开才能修改，重新打开会被记录。现在完成吗？</translation>
    </message>
    <message>
        <source>Score a community</source>
        <translation>党建共同体评分</translation>
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
        <source>Figures on record</source>
        <translation>已记录的数据</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>总分：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>等次：</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>反馈意见(&amp;F)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>考核结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Award (yuan):</source>
        <translation>奖补金额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Reasons for rectification:</source>
        <translation>整顿原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Save and f&amp;inish</source>
        <translation>保存并完成(&amp;I)</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send a package</source>
        <translation>发送数据包</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>接收单位(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Everything, not only what is new to that office</source>
        <translation>全部数据（不只是对方尚未收到的）(&amp;E)</translation>
    </message>
    <message>
        <source>En&amp;crypt: only that office can open it</source>
        <translation>加密（仅接收单位可以打开）(&amp;C)</translation>
    </message>
    <message>
        <source>Next you choose where to save it, e.g. on a USB stick.</source>
        <translation>下一步选择保存位置，例如U盘。</translation>
    </message>
</context>
<context>
    <name>ServerWatch</name>
    <message>
        <source>No connection to the server; retrying. Open dialogs keep what was typed: save again once it is back.</source>
        <translation>与服务器的连接中断了，正在重试。打开的对话框保留着已填写的内容：连接恢复后再保存一次。</translation>
    </message>
    <message>
        <source>The server is reachable again.</source>
        <translation>已重新连接到服务器。</translation>
    </message>
</context>
<context>
    <name>ServiceLogDialog</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Log service: {0}</source>
        <translation>登记服务：{0}</translation>
    </message>
    <message>
        <source>Edit service entry: {0}</source>
        <translation>修改服务记录：{0}</translation>
    </message>
    <message>
        <source>Service entry</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报到记录：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>时长(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>服务内容(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>This database has no office yet. Set it up now: packages of data are exchanged with other offices in its name. Cancel asks again at the next sign-in.</source>
        <translation>本数据库尚未设置本单位。请现在设置：与其他单位交换的数据包以本单位的名义收发。若取消，下次登录时会再次询问。</translation>
    </message>
    <message>
        <source>The new database was not created: it cannot be used without its first administrator.</source>
        <translation>没有创建新数据库：没有第一位管理员，数据库无法使用。</translation>
    </message>
    <message>
        <source>The database was not opened: it cannot be used before its first administrator is created. It asks again the next time it is opened.</source>
        <translation>没有打开数据库：创建第一位管理员之前，数据库无法使用。下次打开时会再次询问。</translation>
    </message>
    <message>
        <source>Database not opened</source>
        <translation>未打开数据库</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Alt with the underlined letter opens a menu or presses a button; Tab moves to the next field, Escape closes a window without saving.</source>
        <translation>按 Alt 加带下划线的字母可打开菜单或按下按钮；Tab 键移到下一栏，Esc 键关闭窗口且不保存。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用位置</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <source>Show {tab}</source>
        <translation>切换到“{tab}”</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Open or change the selected record</source>
        <translation>打开或修改所选记录</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <source>A tab&apos;s list</source>
        <translation>各标签页</translation>
    </message>
    <message>
        <source>A tab&apos;s table</source>
        <translation>各标签页的表格</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The window is locked; open dialogs are kept. Enter the password of %1 to go on.</source>
        <translation>窗口已锁定，打开的对话框都保留着。请输入 %1 的密码继续。</translation>
    </message>
    <message>
        <source>Switch user...</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Exit program</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Sign in with your own account: what you do is recorded in your name.</source>
        <translation>请用本人账号登录：所做的操作会以您的名义记录。</translation>
    </message>
    <message>
        <source>Demo database. Accounts (password %1 for all):</source>
        <translation>演示数据库。账号如下（密码均为 %1）：</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>SolveDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Solve the item</source>
        <translation>办结事项</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>&amp;Solved on:</source>
        <translation>办结日期(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>办理结果(&amp;R)：</translation>
    </message>
    <message>
        <source>Residents&apos; satisf&amp;action:</source>
        <translation>群众满意度(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record a step: {0}</source>
        <translation>记录步骤：{0}</translation>
    </message>
    <message>
        <source>{0} left the roll on {1}: no step after that day is recorded.</source>
        <translation>{0}已于{1}不在册，此后的发展党员步骤不再记录。</translation>
    </message>
    <message>
        <source>Name the two mentors (培养联系人).</source>
        <translation>填写两名培养联系人。</translation>
    </message>
    <message>
        <source>Admitted by the branch meeting: the person becomes a probationary member of this organization from this day (the member record is made).</source>
        <translation>支部大会讨论通过：从这一天起成为本党组织的预备党员（自动建立党员记录）。</translation>
    </message>
    <message>
        <source>Confirmed as a full member: the member&apos;s category and confirmation date change.</source>
        <translation>转为正式党员：党员的人员类别和转正日期随之更新。</translation>
    </message>
    <message>
        <source>The probationary membership is cancelled: the member leaves the Party (取消预备党员资格). Write the reason in the remark.</source>
        <translation>取消预备党员资格：该党员按出党处理。请在备注中写明原因。</translation>
    </message>
    <message>
        <source>The probation is extended once, by 6 to 12 months.</source>
        <translation>预备期只能延长一次，延长6至12个月。</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <source>Follow-up (supervision)</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;By whom:</source>
        <translation>督办人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>进展情况(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>下一步(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>TransferInDialog</name>
    <message>
        <source>A letter from within the district is received in “Letters of transfer”. Fill in the member&apos;s other details in the editor afterwards.</source>
        <translation>本区内转来的介绍信请在“组织关系介绍信”中确认接收。党员的其他信息可随后在编辑窗口补充。</translation>
    </message>
    <message>
        <source>Member transferred in</source>
        <translation>区外转入党员</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>所在党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;From unit:</source>
        <translation>转出单位(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>接收日期(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>TransferOutDialog</name>
    <message>
        <source>Letter of transfer: {0}</source>
        <translation>组织关系介绍信：{0}</translation>
    </message>
    <message>
        <source>(outside the district)</source>
        <translation>（转往区外）</translation>
    </message>
    <message>
        <source>Blank: the next number of the year</source>
        <translation>不填则按年度顺序编号</translation>
    </message>
    <message>
        <source>The member stays on the roll until the receipt: the receiving organization confirms it here, or you record the receipt returned by an outside unit.</source>
        <translation>接收前党员仍在本组织在册：由接收党组织在本系统确认接收，或转往区外的由本组织登记寄回的回执。</translation>
    </message>
    <message>
        <source>Letter of transfer</source>
        <translation>组织关系介绍信</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>To &amp;organization in the district:</source>
        <translation>转入本区党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>Or to an outside &amp;unit:</source>
        <translation>或转往区外单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Letter &amp;number:</source>
        <translation>介绍信编号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>开具日期(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Valid for (days):</source>
        <translation>有效期（天）(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>转接原因(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>TransferReceiveDialog</name>
    <message>
        <source>Receive the transfer: {0}</source>
        <translation>接收组织关系：{0}</translation>
    </message>
    <message>
        <source>{0}, from {1} to {2} (letter {3}, valid until {4})</source>
        <translation>{0}，由{1}转到{2}（介绍信 {3}，有效期至{4}）</translation>
    </message>
    <message>
        <source>Receive the transfer</source>
        <translation>接收组织关系</translation>
    </message>
    <message>
        <source>Letter:</source>
        <translation>介绍信：</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>接收日期(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;emark:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>TransfersDialog</name>
    <message>
        <source>Transfers and mobile members</source>
        <translation>组织关系转接和流动党员</translation>
    </message>
    <message>
        <source>&amp;Letters of transfer</source>
        <translation>组织关系介绍信(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Mobile members</source>
        <translation>流动党员(&amp;M)</translation>
    </message>
    <message>
        <source>All letters</source>
        <translation>全部介绍信</translation>
    </message>
    <message>
        <source>&amp;Receive...</source>
        <translation>确认接收(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save the letter as PDF...</source>
        <translation>介绍信另存为PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>介绍信编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>转出党组织</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转往</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>C&amp;hange...</source>
        <translation>修改(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Came back...</source>
        <translation>登记返回(&amp;C)…</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>所在党组织</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>外出日期</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>外出地点</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>流入地管理</translation>
    </message>
    <message>
        <source>{0} (expired)</source>
        <translation>{0}（已过期）</translation>
    </message>
    <message>
        <source>The letter {0} of {1} is now “{2}”: the filter no longer lists it.</source>
        <translation>{1}的介绍信（{0}）现为“{2}”，按当前筛选已不再列出。</translation>
    </message>
    <message>
        <source>Withdraw the letter {0} of {1}? The member stays on the roll.</source>
        <translation>撤回{1}的介绍信 {0}？该党员仍在本组织在册。</translation>
    </message>
    <message>
        <source>Withdraw the letter</source>
        <translation>撤回介绍信</translation>
    </message>
    <message>
        <source>Save the letter of transfer as PDF</source>
        <translation>介绍信另存为PDF</translation>
    </message>
    <message>
        <source>Letter of transfer {0} {1}.pdf</source>
        <translation>组织关系介绍信 {0} {1}.pdf</translation>
    </message>
    <message>
        <source>The member came back</source>
        <translation>流动党员返回</translation>
    </message>
    <message>
        <source>Came back on (YYYY-MM-DD):</source>
        <translation>返回日期（年-月-日）：</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>Choose a role</source>
        <translation>请选择角色</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>输入名称查找</translation>
    </message>
    <message>
        <source>Sees and changes everything in the district and manages the accounts.</source>
        <translation>可查看和修改全区的所有数据，并管理账号。</translation>
    </message>
    <message>
        <source>Sees and changes the records of its town.</source>
        <translation>可查看和修改本镇街的数据。</translation>
    </message>
    <message>
        <source>Sees and changes the records of its organization and those below it.</source>
        <translation>可查看和修改本党组织及其下级党组织的数据。</translation>
    </message>
    <message>
        <source>Sees without changing: one organization, one town, or (choosing neither) the whole district.</source>
        <translation>只能查看，不能修改：可限于一个党组织或一个镇街，都不选则查看全区。</translation>
    </message>
    <message>
        <source>No organization is named “{0}”; choose one from the list.</source>
        <translation>没有名为“{0}”的党组织，请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the account&apos;s role.</source>
        <translation>请选择账号的角色。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Un&amp;it / post:</source>
        <translation>单位/职务(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>所属党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Town:</source>
        <translation>所属镇街(&amp;T)：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Repeat p&amp;assword:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>VenuesDialog</name>
    <message>
        <source>New venue</source>
        <translation>新建阵地</translation>
    </message>
    <message>
        <source>Delete the venue “{0}”?</source>
        <translation>删除阵地“{0}”？</translation>
    </message>
    <message>
        <source>Delete venue</source>
        <translation>删除阵地</translation>
    </message>
    <message>
        <source>Venues (阵地)</source>
        <translation>阵地</translation>
    </message>
    <message>
        <source>Search name or address</source>
        <translation>搜索名称或地址</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>阵地</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Owner organization:</source>
        <translation>所属党组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>容纳人数(&amp;C)：</translation>
    </message>
    <message>
        <source>Opening &amp;hours:</source>
        <translation>开放时间(&amp;H)：</translation>
    </message>
    <message>
        <source>Opened &amp;to:</source>
        <translation>开放给(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Remark:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Save venue</source>
        <translation>保存阵地(&amp;S)</translation>
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
    <message>
        <source>A list is still being read from the database and did not finish in time; nothing was changed. Please try again in a moment.</source>
        <extracomment>How long a restore or a database switch waits for the reads under way, in seconds.</extracomment>
        <translation>还有列表正在从数据库读取，没有及时读完；没有做任何改动。请稍后再试。</translation>
    </message>
</context>
</TS>
