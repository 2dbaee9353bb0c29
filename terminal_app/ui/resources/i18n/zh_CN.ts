<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="543"/>
        <source>Backup numeric code</source>
        <translation>备用数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="546"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation>仅在无法扫描二维码时使用。在备用码限额内受理,同步后由服务器核验。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="550"/>
        <source>Member&apos;s numeric code</source>
        <translation>会员数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="551"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="552"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="553"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../views/customer.py" line="111"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="112"/>
        <source>Please show your member code</source>
        <translation>请出示会员码</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="118"/>
        <location filename="../../views/customer.py" line="119"/>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="120"/>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="126"/>
        <source>Points used %1</source>
        <translation>使用积分 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="128"/>
        <source>Points earned %1</source>
        <translation>获得积分 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="130"/>
        <source>Balance %1</source>
        <translation>积分余额 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="133"/>
        <location filename="../../views/customer.py" line="142"/>
        <source>To pay %1 yuan</source>
        <translation>应付 %1 元</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="137"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="139"/>
        <source>Points balance %1</source>
        <translation>积分余额 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="143"/>
        <source>Bill %1</source>
        <translation>消费 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="146"/>
        <source>Member discount %1% −%2</source>
        <translation>会员折扣 %1% −%2</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="152"/>
        <source>%1 points used −%2</source>
        <translation>使用 %1 积分 −%2</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="156"/>
        <source>Points you earn: %1</source>
        <translation>本次获得积分：%1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../views/keypad.py" line="41"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../labels.py" line="16"/>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="17"/>
        <source>Purchase</source>
        <translation>消费</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="18"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="19"/>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="20"/>
        <source>Backup code</source>
        <translation>备用码</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="21"/>
        <source>Void</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="22"/>
        <source>Backfill</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="23"/>
        <source>Shift close</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="27"/>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="28"/>
        <source>Pending server check</source>
        <translation>待服务器核验</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="29"/>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="32"/>
        <source>(any)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="36"/>
        <source>Online (HQ)</source>
        <translation>在线(总部决定)</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="37"/>
        <source>Offline (this terminal)</source>
        <translation>离线(本机决定)</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="38"/>
        <source>Offline, near a limit</source>
        <translation>离线,接近限额</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="77"/>
        <source>Points spent per transaction, at most</source>
        <translation>单笔最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="78"/>
        <source>Unsynced points spent per member, at most</source>
        <translation>每位会员未同步最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="79"/>
        <source>Unsynced points spent on this terminal, at most</source>
        <translation>本终端未同步最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="80"/>
        <source>Longest time without a sync (hours)</source>
        <translation>最长未同步时间（小时）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="81"/>
        <source>Backup code: bill at most (yuan)</source>
        <translation>备用码：单笔消费上限（元）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="82"/>
        <source>Backup code: points at most</source>
        <translation>备用码：积分上限</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="83"/>
        <source>Backup code: records awaiting the server, at most</source>
        <translation>备用码：待服务器核验记录上限</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="84"/>
        <source>Offline decisions shown as near a limit from (% of a limit used)</source>
        <translation>离线决定标为“接近限额”的起点(限额已用百分比)</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="103"/>
        <source>Virtual camera (the demo wallet&apos;s code)</source>
        <translation>虚拟摄像头（演示钱包的会员码）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="104"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="111"/>
        <source>Camera device %1</source>
        <translation>摄像头设备 %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../views/manager.py" line="541"/>
        <location filename="../../views/manager.py" line="552"/>
        <source>Select a record first</source>
        <translation>请先选择一条记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="450"/>
        <location filename="../../views/manager.py" line="583"/>
        <source>A member id is digits only</source>
        <translation>会员号只能是数字</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="533"/>
        <source>Select a record to see it in full.</source>
        <translation>选择一条记录查看详情。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="555"/>
        <source>Printing record #%1…</source>
        <translation>正在打印记录 #%1…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Receipt printed</source>
        <translation>小票已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="598"/>
        <source>Done: %1 (record #%2)</source>
        <translation>完成：%1（记录 #%2）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="604"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="633"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="637"/>
        <source>Exported %1 records to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="660"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="657"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="658"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="659"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="652"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="655"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="656"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="661"/>
        <source>Bill</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="662"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="663"/>
        <source>Voided by</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="664"/>
        <source>Decided by</source>
        <translation>决定方式</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="667"/>
        <source>Void selected…</source>
        <translation>作废所选…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="668"/>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="669"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="670"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation>补录消费(漏扫)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Member id</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Purchased at</source>
        <translation>消费时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="677"/>
        <source>Backfill</source>
        <translation>补录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="224"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../app.py" line="253"/>
        <source>Receipt printed</source>
        <translation>小票已打印</translation>
    </message>
    <message>
        <location filename="../../app.py" line="294"/>
        <source>The manager was signed out after 5 minutes without use</source>
        <translation>店长 5 分钟未操作，已自动退出登录</translation>
    </message>
    <message>
        <location filename="../../app.py" line="361"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="365"/>
        <source>◌ Connecting to HQ…</source>
        <translation>◌ 正在连接总部…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="368"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="368"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="372"/>
        <source>Queued: %1</source>
        <translation>待同步:%1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="382"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <location filename="../../app.py" line="386"/>
        <source>Alliance points counter</source>
        <translation>联盟积分收银台</translation>
    </message>
    <message>
        <location filename="../../app.py" line="387"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../app.py" line="410"/>
        <source>Unsynced records</source>
        <translation>未同步记录</translation>
    </message>
    <message>
        <location filename="../../app.py" line="412"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation>有 %1 条记录尚未上传服务器。它们保存在本终端,下次启动时同步。仍要退出吗?</translation>
    </message>
    <message>
        <location filename="../../app.py" line="419"/>
        <source>Quit anyway</source>
        <translation>仍要退出</translation>
    </message>
    <message>
        <location filename="../../app.py" line="421"/>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="1486"/>
        <source>Signed in: %1</source>
        <translation>当前店长：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1488"/>
        <source>This manager still has the first PIN (1234): change it under Managers.</source>
        <translation>该店长仍在使用初始 PIN（1234），请在“店长管理”中修改。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1493"/>
        <source>Sign out, back to the counter</source>
        <translation>退出登录，返回收银</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1494"/>
        <source>Quit the app</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1497"/>
        <source>Log</source>
        <translation>流水</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1499"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1498"/>
        <source>Shift reports</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1500"/>
        <source>Managers</source>
        <translation>店长管理</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1501"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <location filename="../../views/manager.py" line="958"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="962"/>
        <source>still has the first PIN: change it</source>
        <translation>仍为初始 PIN，请修改</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="964"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="967"/>
        <source>(first manager)</source>
        <translation>（首位店长）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="997"/>
        <source>Manager %1 added; they sign in with their own PIN</source>
        <translation>已添加店长 %1，他用自己的 PIN 登录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1016"/>
        <source>Your PIN was changed</source>
        <translation>您的 PIN 已修改</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1024"/>
        <source>Select a manager first</source>
        <translation>请先选择一位店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1029"/>
        <source>%1 can sign in again</source>
        <translation>%1 可以重新登录了</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1034"/>
        <source>Add a manager</source>
        <translation>添加店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1035"/>
        <location filename="../../views/manager.py" line="1049"/>
        <source>Change my PIN</source>
        <translation>修改我的 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1039"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1040"/>
        <source>Their PIN</source>
        <translation>其 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1041"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1042"/>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1043"/>
        <source>New PIN again</source>
        <translation>再次输入新 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1048"/>
        <source>Add manager</source>
        <translation>添加店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1050"/>
        <source>Unlock the selected manager</source>
        <translation>解锁所选店长</translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="628"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation>扫到会员 %1 的会员码。当前交易保持不变,等您选择。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="631"/>
        <source>Serve %1 instead</source>
        <translation>改为接待 %1</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="634"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation>未受理:%1 当前交易保持不变。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="640"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation>会员 %1 的交易已取消,未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="646"/>
        <source>Keep current</source>
        <translation>保留当前</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../views/pin.py" line="125"/>
        <source>(%1 more tries before this manager is locked)</source>
        <translation>（再错 %1 次该店长将被锁定）</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="129"/>
        <source>Locked until %1; another manager can unlock.</source>
        <translation>锁定至 %1；其他店长可以解锁。</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="141"/>
        <source>Manager sign-in</source>
        <translation>店长登录</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="143"/>
        <source>Manager PIN to leave full screen</source>
        <translation>退出全屏需店长 PIN</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="145"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="146"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="147"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="99"/>
        <source>Ready to scan</source>
        <translation>请出示会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="100"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation>请将会员码对准摄像头、用扫码枪扫描,或粘贴到下方</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="101"/>
        <source>Member code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="102"/>
        <source>Check code</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="103"/>
        <source>Backup code</source>
        <translation>备用码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="105"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <location filename="../../views/manager.py" line="121"/>
        <source>Record #%1 · %2 · %3</source>
        <translation>记录 #%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="128"/>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="134"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="140"/>
        <source>Decided by: %1</source>
        <translation>决定方式:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="146"/>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="149"/>
        <source>Bill</source>
        <translation>消费</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="150"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="151"/>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="152"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="157"/>
        <source>Amounts (yuan): %1</source>
        <translation>金额（元）：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="161"/>
        <source>Points: used %1, earned %2</source>
        <translation>积分：使用 %1，获得 %2</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="166"/>
        <source>Coupon: %1</source>
        <translation>优惠券：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="167"/>
        <source>Gift: %1</source>
        <translation>礼品：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="173"/>
        <source>Receipt: %1</source>
        <translation>小票号：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="177"/>
        <source>Voids record #%1</source>
        <translation>作废记录 #%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="181"/>
        <source>Void reason: %1</source>
        <translation>作废原因：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="185"/>
        <source>Manager: %1</source>
        <translation>店长：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="189"/>
        <source>Voided by record #%1</source>
        <translation>已被记录 #%1 作废</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="196"/>
        <source>Member code: %1…%2 (%3 characters)</source>
        <translation>会员码：%1…%2（共 %3 位）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Backup code: %1</source>
        <translation>备用码：%1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/manager.py" line="769"/>
        <source>Shift %1 closed (record #%2)</source>
        <translation>第 %1 班已交班（记录 #%2）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="822"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="829"/>
        <source>Report printed</source>
        <translation>报表已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="848"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="853"/>
        <source>Shift %1 · closed %2 · %3</source>
        <translation>第 %1 班 · 交班 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="860"/>
        <source>X report (shift so far)</source>
        <translation>X 报表（本班至今）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="862"/>
        <source>Press again to close the shift</source>
        <translation>再按一次确认交班</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="862"/>
        <source>Close shift (Z report)</source>
        <translation>交班（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="867"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="868"/>
        <source>Save as file</source>
        <translation>保存为文件</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="871"/>
        <source>Closed shifts (Z reports)</source>
        <translation>已交班次（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="876"/>
        <source>No report yet: print an X report, or close the shift.</source>
        <translation>还没有报表：可打印 X 报表，或交班。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="1316"/>
        <source>No printer</source>
        <translation>无打印机</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1317"/>
        <source>File (demo, tests)</source>
        <translation>文件（演示、测试）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1318"/>
        <source>USB (vendor:product)</source>
        <translation>USB（厂商:产品）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1319"/>
        <source>Network (host:port)</source>
        <translation>网络（地址:端口）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1320"/>
        <source>Serial (device:baud)</source>
        <translation>串口（设备:波特率）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1323"/>
        <source>58 mm (32 characters)</source>
        <translation>58 毫米（每行 32 字符）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1323"/>
        <source>80 mm (48 characters)</source>
        <translation>80 毫米（每行 48 字符）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1327"/>
        <source>On a second screen, when there is one</source>
        <translation>有第二块屏幕时显示在其上</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1328"/>
        <source>Always, in a window</source>
        <translation>总是显示（窗口）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1329"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1358"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1380"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1385"/>
        <source>Test page printed</source>
        <translation>测试页已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1395"/>
        <source>QR decoder</source>
        <translation>二维码解码器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1394"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1396"/>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1397"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1398"/>
        <source>Kiosk full screen</source>
        <translation>全屏锁定模式</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1399"/>
        <source>Verdict shown for (s)</source>
        <translation>结果显示时长(秒)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1400"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1401"/>
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1402"/>
        <source>Print a receipt after every sale</source>
        <translation>每笔交易后打印小票</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1403"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1408"/>
        <source>Play a sound for each verdict</source>
        <translation>每次结果播放提示音</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1409"/>
        <source>Full screen; leaving it needs a manager PIN</source>
        <translation>全屏；退出需店长 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1410"/>
        <source>Print automatically</source>
        <translation>自动打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1412"/>
        <source>e.g. 192.168.1.50:9100, 0416:5011, /dev/ttyUSB0:9600</source>
        <translation>例如 192.168.1.50:9100、0416:5011、/dev/ttyUSB0:9600</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1414"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1415"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1416"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation>离线限额(来自已签名的信任数据,只读)</translation>
    </message>
</context>
<context>
    <name>SoundPlayer</name>
    <message>
        <location filename="../../sounds.py" line="140"/>
        <source>No audio output found: the verdict sounds cannot play (%1). Connect speakers or check the sound settings.</source>
        <translation>未找到音频输出：无法播放提示音（%1）。请连接音箱或检查声音设置。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="1139"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1140"/>
        <source>Records waiting to sync</source>
        <translation>待同步记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1141"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1142"/>
        <source>Trust data age</source>
        <translation>信任数据时长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1143"/>
        <source>Clock offset to server</source>
        <translation>与服务器时钟偏差</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1144"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1149"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1149"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1151"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1114"/>
        <location filename="../../views/manager.py" line="1163"/>
        <source>no server configured</source>
        <translation>未配置服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1106"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1110"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1116"/>
        <source>no answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1129"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation>同步完成：上传 %1 条记录，收到 %2 个积分余额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1156"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1166"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation>有 %1 条记录尚未上传服务器,保存在本终端:同步完成前请勿重装、重置或更换终端。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1172"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="276"/>
        <source>unknown (not synced)</source>
        <translation>未知(未同步)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="290"/>
        <source>● Live from HQ</source>
        <translation>● 总部实时数据</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="291"/>
        <source>○ Offline: as of the last sync</source>
        <translation>○ 离线:上次同步时的数据</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="295"/>
        <source>Basic</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="296"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="297"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="298"/>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="300"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="310"/>
        <source>%1 (%2 points)</source>
        <translation>%1(%2 积分)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <location filename="../../views/cashier.py" line="399"/>
        <source>Choose an item, then confirm</source>
        <translation>请选择项目后确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <location filename="../../views/cashier.py" line="401"/>
        <source>Enter the bill amount</source>
        <translation>请输入消费金额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="382"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation>消费 %1 · 等级折扣 %2%(-%3)· 使用积分 %4(-%5)· 应付 %6 · 获得积分 %7</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="418"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="422"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="423"/>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="424"/>
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="425"/>
        <source>Spendable now</source>
        <translation>当前可用</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="426"/>
        <source>Coupons and benefits</source>
        <translation>优惠券与权益</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="427"/>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="431"/>
        <source>Earn on a bill</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="432"/>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="433"/>
        <source>Use a coupon</source>
        <translation>使用优惠券</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="434"/>
        <source>Redeem a gift</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="439"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="440"/>
        <source>Points to use</source>
        <translation>使用积分数</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="441"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="442"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="160"/>
        <source>Press any key or tap to continue</source>
        <translation>按任意键或点击继续</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="161"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>APPROVED</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="167"/>
        <source>APPROVED — CHECK</source>
        <translation>通过 — 请留意</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>DECLINED</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="177"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="183"/>
        <source>Balance now: %1 points</source>
        <translation>当前余额：%1 积分</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="199"/>
        <source>Ask the member to show a fresh code</source>
        <translation>请会员刷新会员码后重新出示</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="201"/>
        <source>Nothing approved: correct it, or charge the normal price</source>
        <translation>未通过：请更正后重试，或按原价收款</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="203"/>
        <source>Nothing approved: do not hand anything over</source>
        <translation>未通过：请勿交付任何物品</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="204"/>
        <source>Nothing approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="206"/>
        <source>Hand over: %1</source>
        <translation>请交付：%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="206"/>
        <source>the benefit</source>
        <translation>该权益</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="208"/>
        <source>Hand over the gift: %1</source>
        <translation>请交付礼品：%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="208"/>
        <source>the gift</source>
        <translation>该礼品</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="214"/>
        <source>Nothing to charge: paid in full with points</source>
        <translation>无需收款：已全部用积分支付</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="215"/>
        <source>Charge %1 yuan</source>
        <translation>请收款 %1 元</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="222"/>
        <source>Decided online by HQ</source>
        <translation>由总部在线决定</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="224"/>
        <source>Decided offline on this terminal, near an offline limit</source>
        <translation>由本机离线决定,已接近离线限额</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="227"/>
        <source>Decided offline on this terminal: HQ did not answer in time</source>
        <translation>由本机离线决定:总部未及时答复</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="228"/>
        <source>Decided offline on this terminal</source>
        <translation>由本机离线决定</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="241"/>
        <source>Not used on this terminal: it was used at another counter (HQ has the details)</source>
        <translation>本终端无使用记录：已在其他门店使用（详情见总部）</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="244"/>
        <source>Already used %1 at terminal %2 (record #%3)</source>
        <translation>已于 %1 在终端 %2 使用（记录 #%3）</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="179"/>
        <source>Points used: %1</source>
        <translation>使用积分:%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="181"/>
        <source>Points earned: %1</source>
        <translation>获得积分:%1</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../views/manager.py" line="270"/>
        <source>Write the reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="272"/>
        <source>Details (optional)</source>
        <translation>补充说明（可选）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="277"/>
        <source>Void a record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="280"/>
        <source>Void this record? It stops counting for the member, and a void record is added to the journal.</source>
        <translation>确定作废这条记录吗？作废后该记录不再计入会员积分，并在流水中增加一条作废记录。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="286"/>
        <source>Voided by: %1</source>
        <translation>作废人：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="287"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="289"/>
        <source>Wrong amount entered</source>
        <translation>金额输错</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="290"/>
        <source>Wrong member</source>
        <translation>会员错误</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="291"/>
        <source>Customer changed their mind</source>
        <translation>顾客取消</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="292"/>
        <source>Entered twice</source>
        <translation>重复录入</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="293"/>
        <source>Other (write it below)</source>
        <translation>其他（请在下面填写）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="295"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="296"/>
        <source>Void this record</source>
        <translation>确认作废</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="297"/>
        <source>Keep it</source>
        <translation>不作废</translation>
    </message>
</context>
<context>
    <name>WalletWindow</name>
    <message>
        <location filename="../../../../member_wallet/window.py" line="22"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="23"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="24"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="25"/>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="82"/>
        <source>Member code — member %1</source>
        <translation>会员码 — 会员 %1</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="84"/>
        <source>%1 member %2</source>
        <translation>%1 · 会员号 %2</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="110"/>
        <source>Refreshes in %1 s · counter %2</source>
        <translation>%1 秒后刷新 · 计数 %2</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="123"/>
        <source>Can&apos;t scan? Backup code %1 (changes in %2 s)</source>
        <translation>无法扫码？备用码 %1（%2 秒后更换）</translation>
    </message>
</context>
</TS>
