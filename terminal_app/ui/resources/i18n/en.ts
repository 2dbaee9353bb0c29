<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="420"/>
        <source>Backup numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="421"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="423"/>
        <source>Member&apos;s numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="424"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="425"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="426"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../views/cashier.py" line="495"/>
        <source>A new code was scanned while a transaction is open. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="496"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="497"/>
        <source>Keep current</source>
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
        <location filename="../../app.py" line="218"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="221"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="221"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="223"/>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="229"/>
        <source>Alliance points counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="230"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="250"/>
        <source>Unsynced records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="251"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="254"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="256"/>
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
        <location filename="../../views/cashier.py" line="76"/>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="77"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="78"/>
        <source>Member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="79"/>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="80"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="82"/>
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
        <location filename="../../views/cashier.py" line="224"/>
        <source>unknown (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="237"/>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="237"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="237"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="238"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="239"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="246"/>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="285"/>
        <source>Choose an item, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="290"/>
        <source>Enter the bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="299"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="326"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="327"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="328"/>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="329"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="330"/>
        <source>Spendable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="331"/>
        <source>Coupons and benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="332"/>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="333"/>
        <source>Earn on a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="333"/>
        <source>Pay with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="334"/>
        <source>Use a coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="334"/>
        <source>Redeem a gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="336"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="337"/>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="338"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="339"/>
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
