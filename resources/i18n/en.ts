<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="416"/>
        <source>Backup numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="417"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="419"/>
        <source>Member&apos;s numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="420"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="421"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="422"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="491"/>
        <source>A new code was scanned while a transaction is open. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="492"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="493"/>
        <source>Keep current</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../terminal_app/ui/views/keypad.py" line="40"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="166"/>
        <source>Select a record first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="182"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="182"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="191"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="193"/>
        <source>Exported %1 records to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="199"/>
        <location filename="../../terminal_app/ui/views/manager.py" line="204"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="199"/>
        <location filename="../../terminal_app/ui/views/manager.py" line="203"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="199"/>
        <location filename="../../terminal_app/ui/views/manager.py" line="203"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="200"/>
        <location filename="../../terminal_app/ui/views/manager.py" line="204"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="200"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="202"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="203"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="203"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="204"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="205"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="205"/>
        <source>Voided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="206"/>
        <source>Void selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="207"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="208"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="209"/>
        <source>Member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="209"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="209"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="210"/>
        <source>Purchased at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="212"/>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="210"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="213"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="213"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="215"/>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="221"/>
        <source>Alliance points counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="222"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="242"/>
        <source>Unsynced records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/app.py" line="243"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="484"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="485"/>
        <source>Back to the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="486"/>
        <source>Quit the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="487"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="487"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="487"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="487"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/pin.py" line="75"/>
        <location filename="../../terminal_app/ui/views/pin.py" line="86"/>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/pin.py" line="82"/>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/pin.py" line="83"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/pin.py" line="84"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="74"/>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="75"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="76"/>
        <source>Member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="77"/>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="78"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="80"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="430"/>
        <source>Camera (virtual, none, device index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="430"/>
        <source>QR decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="431"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="431"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="431"/>
        <source>Kiosk full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="432"/>
        <source>Verdict shown for (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="432"/>
        <source>New manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="434"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="435"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="272"/>
        <source>Z REPORT — shift %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="273"/>
        <source>Closed at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="274"/>
        <source>Record #: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="277"/>
        <source>Bills total (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="277"/>
        <source>Paid in money (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="278"/>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="278"/>
        <source>Points spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="279"/>
        <source>Voids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="279"/>
        <source>Rejected attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="285"/>
        <source>Press again to close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="285"/>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="286"/>
        <source>No shift closed yet in this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="331"/>
        <source>Sync done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="331"/>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="335"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="335"/>
        <source>Records waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="336"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="336"/>
        <source>Trust data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="337"/>
        <source>Clock offset to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="337"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="341"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="341"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="343"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="346"/>
        <source>no server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="347"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/manager.py" line="350"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="221"/>
        <source>unknown (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="234"/>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="234"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="234"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="235"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="236"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="243"/>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="282"/>
        <source>Choose an item, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="287"/>
        <source>Enter the bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="296"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="323"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="324"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="325"/>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="326"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="327"/>
        <source>Spendable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="328"/>
        <source>Coupons and benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="329"/>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="330"/>
        <source>Earn on a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="330"/>
        <source>Pay with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="331"/>
        <source>Use a coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="331"/>
        <source>Redeem a gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="333"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="334"/>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="335"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/cashier.py" line="336"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="99"/>
        <source>Press any key or tap to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="100"/>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="104"/>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="104"/>
        <source>APPROVED — CHECK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="105"/>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="112"/>
        <source>To pay: %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="114"/>
        <source>Points used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../terminal_app/ui/views/verdict.py" line="116"/>
        <source>Points earned: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
