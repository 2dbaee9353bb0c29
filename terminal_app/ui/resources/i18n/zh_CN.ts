<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="471"/>
        <source>Backup numeric code</source>
        <translation>备用数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="472"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation>仅在无法扫描二维码时使用。在备用码限额内受理,同步后由服务器核验。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="474"/>
        <source>Member&apos;s numeric code</source>
        <translation>会员数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="475"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="476"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="477"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../views/customer.py" line="109"/>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="110"/>
        <source>Please show your member code</source>
        <translation>请出示会员码</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="114"/>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="115"/>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="119"/>
        <source>Points used %1</source>
        <translation>使用积分 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="121"/>
        <source>Points earned %1</source>
        <translation>获得积分 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="123"/>
        <source>Balance %1</source>
        <translation>积分余额 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="126"/>
        <location filename="../../views/customer.py" line="135"/>
        <source>To pay %1 yuan</source>
        <translation>应付 %1 元</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="130"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="132"/>
        <source>Points balance %1</source>
        <translation>积分余额 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="136"/>
        <source>Bill %1</source>
        <translation>消费 %1</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="138"/>
        <source>Member discount %1% −%2</source>
        <translation>会员折扣 %1% −%2</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="141"/>
        <source>%1 points used −%2</source>
        <translation>使用 %1 积分 −%2</translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="143"/>
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
        <location filename="../../labels.py" line="59"/>
        <source>Points spent per transaction, at most</source>
        <translation>单笔最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="60"/>
        <source>Unsynced points spent per member, at most</source>
        <translation>每位会员未同步最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="61"/>
        <source>Unsynced points spent on this terminal, at most</source>
        <translation>本终端未同步最多使用积分</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="62"/>
        <source>Longest time without a sync (hours)</source>
        <translation>最长未同步时间（小时）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="63"/>
        <source>Backup code: bill at most (yuan)</source>
        <translation>备用码：单笔消费上限（元）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="64"/>
        <source>Backup code: points at most</source>
        <translation>备用码：积分上限</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="65"/>
        <source>Backup code: records awaiting the server, at most</source>
        <translation>备用码：待服务器核验记录上限</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="84"/>
        <source>Virtual camera (the demo wallet&apos;s code)</source>
        <translation>虚拟摄像头（演示钱包的会员码）</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="85"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../labels.py" line="92"/>
        <source>Camera device %1</source>
        <translation>摄像头设备 %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../views/manager.py" line="422"/>
        <location filename="../../views/manager.py" line="433"/>
        <source>Select a record first</source>
        <translation>请先选择一条记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="350"/>
        <location filename="../../views/manager.py" line="464"/>
        <source>A member id is digits only</source>
        <translation>会员号只能是数字</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="414"/>
        <source>Select a record to see it in full.</source>
        <translation>选择一条记录查看详情。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="436"/>
        <source>Printing record #%1…</source>
        <translation>正在打印记录 #%1…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="443"/>
        <source>Receipt printed</source>
        <translation>小票已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="477"/>
        <source>Done: %1 (record #%2)</source>
        <translation>完成：%1（记录 #%2）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="480"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="496"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="498"/>
        <source>Exported %1 records to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="509"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="508"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="508"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="505"/>
        <location filename="../../views/manager.py" line="509"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="505"/>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="507"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="508"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="508"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="509"/>
        <source>Bill</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="510"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="510"/>
        <source>Voided by</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="511"/>
        <source>Void selected…</source>
        <translation>作废所选…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="512"/>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="513"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="514"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation>补录消费(漏扫)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Member id</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="516"/>
        <source>Purchased at</source>
        <translation>消费时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="518"/>
        <source>Backfill</source>
        <translation>补录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="171"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../app.py" line="197"/>
        <source>Receipt printed</source>
        <translation>小票已打印</translation>
    </message>
    <message>
        <location filename="../../app.py" line="288"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="292"/>
        <source>◌ Connecting to HQ…</source>
        <translation>◌ 正在连接总部…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="295"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="295"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="299"/>
        <source>Queued: %1</source>
        <translation>待同步:%1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="309"/>
        <source>%1 · terminal %2</source>
        <translation>%1 · 终端 %2</translation>
    </message>
    <message>
        <location filename="../../app.py" line="313"/>
        <source>Alliance points counter</source>
        <translation>联盟积分收银台</translation>
    </message>
    <message>
        <location filename="../../app.py" line="314"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../app.py" line="335"/>
        <source>Unsynced records</source>
        <translation>未同步记录</translation>
    </message>
    <message>
        <location filename="../../app.py" line="336"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation>有 %1 条记录尚未上传服务器。它们保存在本终端,下次启动时同步。仍要退出吗?</translation>
    </message>
    <message>
        <location filename="../../app.py" line="339"/>
        <source>Quit anyway</source>
        <translation>仍要退出</translation>
    </message>
    <message>
        <location filename="../../app.py" line="341"/>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="1207"/>
        <source>Signed in: %1</source>
        <translation>当前店长：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1208"/>
        <source>This manager still has the first PIN (1234): change it under Managers.</source>
        <translation>该店长仍在使用初始 PIN（1234），请在“店长管理”中修改。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1211"/>
        <source>Sign out, back to the counter</source>
        <translation>退出登录，返回收银</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1212"/>
        <source>Quit the app</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Log</source>
        <translation>流水</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Shift reports</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Managers</source>
        <translation>店长管理</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1214"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <location filename="../../views/manager.py" line="778"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="780"/>
        <source>still has the first PIN: change it</source>
        <translation>仍为初始 PIN，请修改</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="782"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="783"/>
        <source>(first manager)</source>
        <translation>（首位店长）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="809"/>
        <source>Manager %1 added; they sign in with their own PIN</source>
        <translation>已添加店长 %1，他用自己的 PIN 登录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="827"/>
        <source>Your PIN was changed</source>
        <translation>您的 PIN 已修改</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="835"/>
        <source>Select a manager first</source>
        <translation>请先选择一位店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="839"/>
        <source>%1 can sign in again</source>
        <translation>%1 可以重新登录了</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="843"/>
        <source>Add a manager</source>
        <translation>添加店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="844"/>
        <location filename="../../views/manager.py" line="849"/>
        <source>Change my PIN</source>
        <translation>修改我的 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>Their PIN</source>
        <translation>其 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>New PIN again</source>
        <translation>再次输入新 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="848"/>
        <source>Add manager</source>
        <translation>添加店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="850"/>
        <source>Unlock the selected manager</source>
        <translation>解锁所选店长</translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="550"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation>扫到会员 %1 的会员码。当前交易保持不变,等您选择。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="552"/>
        <source>Serve %1 instead</source>
        <translation>改为接待 %1</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="554"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation>未受理:%1 当前交易保持不变。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="557"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation>会员 %1 的交易已取消,未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="561"/>
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
        <location filename="../../views/pin.py" line="127"/>
        <source>Locked until %1; another manager can unlock.</source>
        <translation>锁定至 %1；其他店长可以解锁。</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="137"/>
        <source>Manager sign-in</source>
        <translation>店长登录</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="138"/>
        <source>Manager PIN to leave full screen</source>
        <translation>退出全屏需店长 PIN</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="139"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="140"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="141"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="81"/>
        <source>Ready to scan</source>
        <translation>请出示会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="82"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation>请将会员码对准摄像头、用扫码枪扫描,或粘贴到下方</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="83"/>
        <source>Member code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="84"/>
        <source>Check code</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="85"/>
        <source>Backup code</source>
        <translation>备用码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="87"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <location filename="../../views/manager.py" line="98"/>
        <source>Record #%1 · %2 · %3</source>
        <translation>记录 #%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="101"/>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="103"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="105"/>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Bill</source>
        <translation>消费</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Points as cash</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="107"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="110"/>
        <source>Amounts (yuan): %1</source>
        <translation>金额（元）：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="112"/>
        <source>Points: used %1, earned %2</source>
        <translation>积分：使用 %1，获得 %2</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="114"/>
        <source>Coupon: %1</source>
        <translation>优惠券：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="114"/>
        <source>Gift: %1</source>
        <translation>礼品：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="118"/>
        <source>Receipt: %1</source>
        <translation>小票号：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="120"/>
        <source>Voids record #%1</source>
        <translation>作废记录 #%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="122"/>
        <source>Void reason: %1</source>
        <translation>作废原因：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="124"/>
        <source>Manager: %1</source>
        <translation>店长：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="126"/>
        <source>Voided by record #%1</source>
        <translation>已被记录 #%1 作废</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="129"/>
        <source>Member code: %1…%2 (%3 characters)</source>
        <translation>会员码：%1…%2（共 %3 位）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="132"/>
        <source>Backup code: %1</source>
        <translation>备用码：%1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/manager.py" line="603"/>
        <source>Shift %1 closed (record #%2)</source>
        <translation>第 %1 班已交班（记录 #%2）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="649"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="656"/>
        <source>Report printed</source>
        <translation>报表已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="671"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="677"/>
        <source>Shift %1 · closed %2 · %3</source>
        <translation>第 %1 班 · 交班 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="681"/>
        <source>X report (shift so far)</source>
        <translation>X 报表（本班至今）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="682"/>
        <source>Press again to close the shift</source>
        <translation>再按一次确认交班</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="683"/>
        <source>Close shift (Z report)</source>
        <translation>交班（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="687"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="688"/>
        <source>Save as file</source>
        <translation>保存为文件</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="691"/>
        <source>Closed shifts (Z reports)</source>
        <translation>已交班次（Z 报表）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="696"/>
        <source>No report yet: print an X report, or close the shift.</source>
        <translation>还没有报表：可打印 X 报表，或交班。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="1070"/>
        <source>No printer</source>
        <translation>无打印机</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1070"/>
        <source>File (demo, tests)</source>
        <translation>文件（演示、测试）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1071"/>
        <source>USB (vendor:product)</source>
        <translation>USB（厂商:产品）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1071"/>
        <source>Network (host:port)</source>
        <translation>网络（地址:端口）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1072"/>
        <source>Serial (device:baud)</source>
        <translation>串口（设备:波特率）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1073"/>
        <source>58 mm (32 characters)</source>
        <translation>58 毫米（每行 32 字符）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1073"/>
        <source>80 mm (48 characters)</source>
        <translation>80 毫米（每行 48 字符）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1074"/>
        <source>On a second screen, when there is one</source>
        <translation>有第二块屏幕时显示在其上</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1075"/>
        <source>Always, in a window</source>
        <translation>总是显示（窗口）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1075"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1102"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1120"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1125"/>
        <source>Test page printed</source>
        <translation>测试页已打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1131"/>
        <source>QR decoder</source>
        <translation>二维码解码器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1131"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Kiosk full screen</source>
        <translation>全屏锁定模式</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Verdict shown for (s)</source>
        <translation>结果显示时长(秒)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1134"/>
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1134"/>
        <source>Print a receipt after every sale</source>
        <translation>每笔交易后打印小票</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1135"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1137"/>
        <source>Play a sound for each verdict</source>
        <translation>每次结果播放提示音</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1138"/>
        <source>Full screen; leaving it needs a manager PIN</source>
        <translation>全屏；退出需店长 PIN</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1139"/>
        <source>Print automatically</source>
        <translation>自动打印</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1140"/>
        <source>e.g. 192.168.1.50:9100, 0416:5011, /dev/ttyUSB0:9600</source>
        <translation>例如 192.168.1.50:9100、0416:5011、/dev/ttyUSB0:9600</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1141"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1142"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1143"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation>离线限额(来自已签名的信任数据,只读)</translation>
    </message>
</context>
<context>
    <name>SoundPlayer</name>
    <message>
        <location filename="../../sounds.py" line="133"/>
        <source>No audio output found: the verdict sounds cannot play (%1). Connect speakers or check the sound settings.</source>
        <translation>未找到音频输出：无法播放提示音（%1）。请连接音箱或检查声音设置。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="930"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="930"/>
        <source>Records waiting to sync</source>
        <translation>待同步记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="931"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="931"/>
        <source>Trust data age</source>
        <translation>信任数据时长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="932"/>
        <source>Clock offset to server</source>
        <translation>与服务器时钟偏差</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="932"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="936"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="936"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="938"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="910"/>
        <location filename="../../views/manager.py" line="945"/>
        <source>no server configured</source>
        <translation>未配置服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="905"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="906"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="912"/>
        <source>no answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="924"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation>同步完成：上传 %1 条记录，收到 %2 个积分余额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="926"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="940"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="946"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation>有 %1 条记录尚未上传服务器,保存在本终端:同步完成前请勿重装、重置或更换终端。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="949"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="240"/>
        <source>unknown (not synced)</source>
        <translation>未知(未同步)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Basic</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="255"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="262"/>
        <source>%1 (%2 points)</source>
        <translation>%1(%2 积分)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="317"/>
        <location filename="../../views/cashier.py" line="343"/>
        <source>Choose an item, then confirm</source>
        <translation>请选择项目后确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="322"/>
        <location filename="../../views/cashier.py" line="344"/>
        <source>Enter the bill amount</source>
        <translation>请输入消费金额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="331"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation>消费 %1 · 等级折扣 %2%(-%3)· 使用积分 %4(-%5)· 应付 %6 · 获得积分 %7</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="360"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="361"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="362"/>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="363"/>
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="364"/>
        <source>Spendable now</source>
        <translation>当前可用</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="365"/>
        <source>Coupons and benefits</source>
        <translation>优惠券与权益</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="366"/>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Earn on a bill</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Use a coupon</source>
        <translation>使用优惠券</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Redeem a gift</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="370"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="371"/>
        <source>Points to use</source>
        <translation>使用积分数</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="373"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="126"/>
        <source>Press any key or tap to continue</source>
        <translation>按任意键或点击继续</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="127"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="131"/>
        <source>APPROVED</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="131"/>
        <source>APPROVED — CHECK</source>
        <translation>通过 — 请留意</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="132"/>
        <source>DECLINED</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="140"/>
        <source>Member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="146"/>
        <source>Balance now: %1 points</source>
        <translation>当前余额：%1 积分</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="159"/>
        <source>Ask the member to show a fresh code</source>
        <translation>请会员刷新会员码后重新出示</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="161"/>
        <source>Nothing approved: correct it, or charge the normal price</source>
        <translation>未通过：请更正后重试，或按原价收款</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="163"/>
        <source>Nothing approved: do not hand anything over</source>
        <translation>未通过：请勿交付任何物品</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="164"/>
        <source>Nothing approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>Hand over: %1</source>
        <translation>请交付：%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>the benefit</source>
        <translation>该权益</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>Hand over the gift: %1</source>
        <translation>请交付礼品：%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>the gift</source>
        <translation>该礼品</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="174"/>
        <source>Nothing to charge: paid in full with points</source>
        <translation>无需收款：已全部用积分支付</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="175"/>
        <source>Charge %1 yuan</source>
        <translation>请收款 %1 元</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="185"/>
        <source>Not used on this terminal: it was used at another counter (HQ has the details)</source>
        <translation>本终端无使用记录：已在其他门店使用（详情见总部）</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="187"/>
        <source>Already used %1 at terminal %2 (record #%3)</source>
        <translation>已于 %1 在终端 %2 使用（记录 #%3）</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="142"/>
        <source>Points used: %1</source>
        <translation>使用积分:%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="144"/>
        <source>Points earned: %1</source>
        <translation>获得积分:%1</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../views/manager.py" line="195"/>
        <source>Write the reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="196"/>
        <source>Details (optional)</source>
        <translation>补充说明（可选）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="200"/>
        <source>Void a record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="201"/>
        <source>Void this record? It stops counting for the member, and a void record is added to the journal.</source>
        <translation>确定作废这条记录吗？作废后该记录不再计入会员积分，并在流水中增加一条作废记录。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Voided by: %1</source>
        <translation>作废人：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="204"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="205"/>
        <source>Wrong amount entered</source>
        <translation>金额输错</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="205"/>
        <source>Wrong member</source>
        <translation>会员错误</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="206"/>
        <source>Customer changed their mind</source>
        <translation>顾客取消</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="206"/>
        <source>Entered twice</source>
        <translation>重复录入</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="207"/>
        <source>Other (write it below)</source>
        <translation>其他（请在下面填写）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="208"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="209"/>
        <source>Void this record</source>
        <translation>确认作废</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="210"/>
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
        <location filename="../../../../member_wallet/window.py" line="83"/>
        <source>%1 member %2</source>
        <translation>%1 · 会员号 %2</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="106"/>
        <source>Refreshes in %1 s · counter %2</source>
        <translation>%1 秒后刷新 · 计数 %2</translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="117"/>
        <source>Can&apos;t scan? Backup code %1 (changes in %2 s)</source>
        <translation>无法扫码？备用码 %1（%2 秒后更换）</translation>
    </message>
</context>
</TS>
