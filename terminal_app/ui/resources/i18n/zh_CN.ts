<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="455"/>
        <source>Backup numeric code</source>
        <translation>备用数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="456"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation>仅在无法扫描二维码时使用。在备用码限额内受理,同步后由服务器核验。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="458"/>
        <source>Member&apos;s numeric code</source>
        <translation>会员数字码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="459"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="460"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="461"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../views/keypad.py" line="40"/>
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
        <location filename="../../views/manager.py" line="187"/>
        <source>Select a record first</source>
        <translation>请先选择一条记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="212"/>
        <source>Export failed: %1</source>
        <translation>导出失败:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="214"/>
        <source>Exported %1 records to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="225"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="224"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="224"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="221"/>
        <location filename="../../views/manager.py" line="225"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="221"/>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="223"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="224"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="224"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="225"/>
        <source>Bill</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="226"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="226"/>
        <source>Voided by</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="227"/>
        <source>Void selected</source>
        <translation>作废所选</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="228"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="229"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation>补录消费(漏扫)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Member id</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="231"/>
        <source>Purchased at</source>
        <translation>消费时间</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="233"/>
        <source>Backfill</source>
        <translation>补录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="220"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="223"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="223"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../app.py" line="225"/>
        <source>Queued: %1</source>
        <translation>待同步:%1</translation>
    </message>
    <message>
        <location filename="../../app.py" line="231"/>
        <source>Alliance points counter</source>
        <translation>联盟积分收银台</translation>
    </message>
    <message>
        <location filename="../../app.py" line="232"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../app.py" line="252"/>
        <source>Unsynced records</source>
        <translation>未同步记录</translation>
    </message>
    <message>
        <location filename="../../app.py" line="253"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation>有 %1 条记录尚未上传服务器。它们保存在本终端,下次启动时同步。仍要退出吗?</translation>
    </message>
    <message>
        <location filename="../../app.py" line="256"/>
        <source>Quit anyway</source>
        <translation>仍要退出</translation>
    </message>
    <message>
        <location filename="../../app.py" line="258"/>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="558"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="559"/>
        <source>Name, for the journal</source>
        <translation>姓名（记入流水）</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="560"/>
        <source>Back to the counter</source>
        <translation>返回收银</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="561"/>
        <source>Quit the app</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Log</source>
        <translation>流水</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="534"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation>扫到会员 %1 的会员码。当前交易保持不变,等您选择。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="536"/>
        <source>Serve %1 instead</source>
        <translation>改为接待 %1</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="538"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation>未受理:%1 当前交易保持不变。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="541"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation>会员 %1 的交易已取消,未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="545"/>
        <source>Keep current</source>
        <translation>保留当前</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../views/pin.py" line="77"/>
        <location filename="../../views/pin.py" line="88"/>
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="84"/>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="85"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="82"/>
        <source>Ready to scan</source>
        <translation>请出示会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="83"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation>请将会员码对准摄像头、用扫码枪扫描,或粘贴到下方</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="84"/>
        <source>Member code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="85"/>
        <source>Check code</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="86"/>
        <source>Backup code</source>
        <translation>备用码</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="88"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="502"/>
        <source>QR decoder</source>
        <translation>二维码解码器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="502"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Kiosk full screen</source>
        <translation>全屏锁定模式</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <source>Verdict shown for (s)</source>
        <translation>结果显示时长(秒)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <source>New manager PIN</source>
        <translation>新店长密码</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="506"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="507"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation>离线限额(来自已签名的信任数据,只读)</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../views/manager.py" line="297"/>
        <source>Z REPORT — shift %1</source>
        <translation>Z 报表 — 第 %1 班</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="298"/>
        <source>Closed at: %1</source>
        <translation>交班时间:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="299"/>
        <source>Record #: %1</source>
        <translation>记录号:%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="301"/>
        <source>Bills total (yuan)</source>
        <translation>消费总额(元)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="301"/>
        <source>Paid in money (yuan)</source>
        <translation>现金实收(元)</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="302"/>
        <source>Points earned</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="302"/>
        <source>Points spent</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="303"/>
        <source>Voids</source>
        <translation>作废笔数</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="303"/>
        <source>Rejected attempts</source>
        <translation>拒绝次数</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="305"/>
        <source>Offline records still queued</source>
        <translation>仍待上传的离线记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="313"/>
        <source>Press again to close the shift</source>
        <translation>再按一次确认交班</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="313"/>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="314"/>
        <source>No shift closed yet in this session.</source>
        <translation>本次运行尚未交班。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="392"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="392"/>
        <source>Records waiting to sync</source>
        <translation>待同步记录</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="393"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="393"/>
        <source>Trust data age</source>
        <translation>信任数据时长</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="394"/>
        <source>Clock offset to server</source>
        <translation>与服务器时钟偏差</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="394"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="398"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="398"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="400"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="372"/>
        <location filename="../../views/manager.py" line="407"/>
        <source>no server configured</source>
        <translation>未配置服务器</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="367"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="368"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="374"/>
        <source>no answer in time</source>
        <translation>服务器未及时响应</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="386"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation>同步完成：上传 %1 条记录，收到 %2 个积分余额</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="388"/>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="402"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="408"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation>有 %1 条记录尚未上传服务器,保存在本终端:同步完成前请勿重装、重置或更换终端。</translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="411"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="241"/>
        <source>unknown (not synced)</source>
        <translation>未知(未同步)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Basic</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="255"/>
        <source>Diamond</source>
        <translation>钻石卡</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="256"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="263"/>
        <source>%1 (%2 points)</source>
        <translation>%1(%2 积分)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="318"/>
        <location filename="../../views/cashier.py" line="344"/>
        <source>Choose an item, then confirm</source>
        <translation>请选择项目后确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="323"/>
        <location filename="../../views/cashier.py" line="345"/>
        <source>Enter the bill amount</source>
        <translation>请输入消费金额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="332"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation>消费 %1 · 等级折扣 %2%(-%3)· 使用积分 %4(-%5)· 应付 %6 · 获得积分 %7</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="361"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="362"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="363"/>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="364"/>
        <source>Expiring soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="365"/>
        <source>Spendable now</source>
        <translation>当前可用</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="366"/>
        <source>Coupons and benefits</source>
        <translation>优惠券与权益</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Earn on a bill</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="369"/>
        <source>Use a coupon</source>
        <translation>使用优惠券</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="369"/>
        <source>Redeem a gift</source>
        <translation>兑换礼品</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="371"/>
        <source>Bill (yuan)</source>
        <translation>消费金额(元)</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <source>Points to use</source>
        <translation>使用积分数</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="373"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="374"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="100"/>
        <source>Press any key or tap to continue</source>
        <translation>按任意键或点击继续</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="101"/>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="105"/>
        <source>APPROVED</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="105"/>
        <source>APPROVED — CHECK</source>
        <translation>通过 — 请留意</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="106"/>
        <source>DECLINED</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="113"/>
        <source>To pay: %1 yuan</source>
        <translation>应付:%1 元</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="115"/>
        <source>Points used: %1</source>
        <translation>使用积分:%1</translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="117"/>
        <source>Points earned: %1</source>
        <translation>获得积分:%1</translation>
    </message>
</context>
</TS>
