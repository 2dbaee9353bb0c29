<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="455"/>
        <source>Backup numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="456"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="458"/>
        <source>Member&apos;s numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="459"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="460"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="461"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../views/keypad.py" line="40"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../labels.py" line="16"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="17"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="18"/>
        <source>Coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="19"/>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="20"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="21"/>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="22"/>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="23"/>
        <source>Shift close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="27"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="28"/>
        <source>Pending server check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="29"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="32"/>
        <source>(any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="59"/>
        <source>Points spent per transaction, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="60"/>
        <source>Unsynced points spent per member, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="61"/>
        <source>Unsynced points spent on this terminal, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="62"/>
        <source>Longest time without a sync (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="63"/>
        <source>Backup code: bill at most (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="64"/>
        <source>Backup code: points at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="65"/>
        <source>Backup code: records awaiting the server, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="84"/>
        <source>Virtual camera (the demo wallet&apos;s code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="85"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="92"/>
        <source>Camera device %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../views/manager.py" line="187"/>
        <source>Select a record first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="212"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="214"/>
        <source>Exported %1 records to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="225"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="224"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="220"/>
        <location filename="../../views/manager.py" line="224"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="221"/>
        <location filename="../../views/manager.py" line="225"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="221"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="223"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="224"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="224"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="225"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="226"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="226"/>
        <source>Voided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="227"/>
        <source>Void selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="228"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="229"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="230"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="231"/>
        <source>Purchased at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="233"/>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="220"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="223"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="223"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="225"/>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="231"/>
        <source>Alliance points counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="232"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="252"/>
        <source>Unsynced records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="253"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="256"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="258"/>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="558"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="559"/>
        <source>Name, for the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="560"/>
        <source>Back to the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="561"/>
        <source>Quit the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="534"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="536"/>
        <source>Serve %1 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="538"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="541"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="545"/>
        <source>Keep current</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../views/pin.py" line="77"/>
        <location filename="../../views/pin.py" line="88"/>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="84"/>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="85"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="86"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="82"/>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="83"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="84"/>
        <source>Member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="85"/>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="86"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="88"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="502"/>
        <source>QR decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="502"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="503"/>
        <source>Kiosk full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <source>Verdict shown for (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <source>New manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="506"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="507"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../views/manager.py" line="297"/>
        <source>Z REPORT — shift %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="298"/>
        <source>Closed at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="299"/>
        <source>Record #: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="301"/>
        <source>Bills total (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="301"/>
        <source>Paid in money (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="302"/>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="302"/>
        <source>Points spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="303"/>
        <source>Voids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="303"/>
        <source>Rejected attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="305"/>
        <source>Offline records still queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="313"/>
        <source>Press again to close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="313"/>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="314"/>
        <source>No shift closed yet in this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="392"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="392"/>
        <source>Records waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="393"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="393"/>
        <source>Trust data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="394"/>
        <source>Clock offset to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="394"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="398"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="398"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="400"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="372"/>
        <location filename="../../views/manager.py" line="407"/>
        <source>no server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="367"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="368"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="374"/>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="386"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="388"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="402"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="408"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="411"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="241"/>
        <source>unknown (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="255"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="256"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="263"/>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="318"/>
        <location filename="../../views/cashier.py" line="344"/>
        <source>Choose an item, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="323"/>
        <location filename="../../views/cashier.py" line="345"/>
        <source>Enter the bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="332"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="361"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="362"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="363"/>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="364"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="365"/>
        <source>Spendable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="366"/>
        <source>Coupons and benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Earn on a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Pay with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="369"/>
        <source>Use a coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="369"/>
        <source>Redeem a gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="371"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="373"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="374"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="100"/>
        <source>Press any key or tap to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="101"/>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="105"/>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="105"/>
        <source>APPROVED — CHECK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="106"/>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="113"/>
        <source>To pay: %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="115"/>
        <source>Points used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="117"/>
        <source>Points earned: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
