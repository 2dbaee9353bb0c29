<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="543"/>
        <source>Backup numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="546"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="550"/>
        <source>Member&apos;s numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="551"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="552"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="553"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../views/customer.py" line="111"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="112"/>
        <source>Please show your member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="118"/>
        <location filename="../../views/customer.py" line="119"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="120"/>
        <source>Not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="126"/>
        <source>Points used %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="128"/>
        <source>Points earned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="130"/>
        <source>Balance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="133"/>
        <location filename="../../views/customer.py" line="142"/>
        <source>To pay %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="137"/>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="139"/>
        <source>Points balance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="143"/>
        <source>Bill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="146"/>
        <source>Member discount %1% −%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="152"/>
        <source>%1 points used −%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="156"/>
        <source>Points you earn: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../views/keypad.py" line="41"/>
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
        <location filename="../../labels.py" line="36"/>
        <source>Online (HQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="37"/>
        <source>Offline (this terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="38"/>
        <source>Offline, near a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="77"/>
        <source>Points spent per transaction, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="78"/>
        <source>Unsynced points spent per member, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="79"/>
        <source>Unsynced points spent on this terminal, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="80"/>
        <source>Longest time without a sync (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="81"/>
        <source>Backup code: bill at most (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="82"/>
        <source>Backup code: points at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="83"/>
        <source>Backup code: records awaiting the server, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="84"/>
        <source>Offline decisions shown as near a limit from (% of a limit used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="103"/>
        <source>Virtual camera (the demo wallet&apos;s code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="104"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../labels.py" line="111"/>
        <source>Camera device %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../views/manager.py" line="541"/>
        <location filename="../../views/manager.py" line="552"/>
        <source>Select a record first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="450"/>
        <location filename="../../views/manager.py" line="583"/>
        <source>A member id is digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="533"/>
        <source>Select a record to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="555"/>
        <source>Printing record #%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="562"/>
        <source>Receipt printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="598"/>
        <source>Done: %1 (record #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="604"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="633"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="637"/>
        <source>Exported %1 records to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="660"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="657"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="658"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <location filename="../../views/manager.py" line="659"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="648"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="652"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="655"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="656"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="661"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="662"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="663"/>
        <source>Voided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="664"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="667"/>
        <source>Void selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="668"/>
        <source>Reprint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="669"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="670"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Purchased at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="677"/>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="224"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="253"/>
        <source>Receipt printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="294"/>
        <source>The manager was signed out after 5 minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="361"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="365"/>
        <source>◌ Connecting to HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="368"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="368"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="372"/>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="382"/>
        <source>%1 · terminal %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="386"/>
        <source>Alliance points counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="387"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="410"/>
        <source>Unsynced records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="412"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="419"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="421"/>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="1486"/>
        <source>Signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1488"/>
        <source>This manager still has the first PIN (1234): change it under Managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1493"/>
        <source>Sign out, back to the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1494"/>
        <source>Quit the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1497"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1499"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1498"/>
        <source>Shift reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1500"/>
        <source>Managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1501"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <location filename="../../views/manager.py" line="958"/>
        <source>locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="962"/>
        <source>still has the first PIN: change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="964"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="967"/>
        <source>(first manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="997"/>
        <source>Manager %1 added; they sign in with their own PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1016"/>
        <source>Your PIN was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1024"/>
        <source>Select a manager first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1029"/>
        <source>%1 can sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1033"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1034"/>
        <source>Add a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1035"/>
        <location filename="../../views/manager.py" line="1049"/>
        <source>Change my PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1039"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1040"/>
        <source>Their PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1041"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1042"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1043"/>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1048"/>
        <source>Add manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1050"/>
        <source>Unlock the selected manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="628"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="631"/>
        <source>Serve %1 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="634"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="640"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="646"/>
        <source>Keep current</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../views/pin.py" line="125"/>
        <source>(%1 more tries before this manager is locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="129"/>
        <source>Locked until %1; another manager can unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="141"/>
        <source>Manager sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="143"/>
        <source>Manager PIN to leave full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="145"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="146"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="147"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="99"/>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="100"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="101"/>
        <source>Member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="102"/>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="103"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="105"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <location filename="../../views/manager.py" line="121"/>
        <source>Record #%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="128"/>
        <source>Time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="134"/>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="140"/>
        <source>Decided by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="146"/>
        <source>Member: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="149"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="150"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="151"/>
        <source>Points as cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="152"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="157"/>
        <source>Amounts (yuan): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="161"/>
        <source>Points: used %1, earned %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="166"/>
        <source>Coupon: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="167"/>
        <source>Gift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="173"/>
        <source>Receipt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="177"/>
        <source>Voids record #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="181"/>
        <source>Void reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="185"/>
        <source>Manager: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="189"/>
        <source>Voided by record #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="196"/>
        <source>Member code: %1…%2 (%3 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Backup code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/manager.py" line="769"/>
        <source>Shift %1 closed (record #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="822"/>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="829"/>
        <source>Report printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="848"/>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="853"/>
        <source>Shift %1 · closed %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="860"/>
        <source>X report (shift so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="862"/>
        <source>Press again to close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="862"/>
        <source>Close shift (Z report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="867"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="868"/>
        <source>Save as file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="871"/>
        <source>Closed shifts (Z reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="876"/>
        <source>No report yet: print an X report, or close the shift.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="1316"/>
        <source>No printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1317"/>
        <source>File (demo, tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1318"/>
        <source>USB (vendor:product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1319"/>
        <source>Network (host:port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1320"/>
        <source>Serial (device:baud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1323"/>
        <source>58 mm (32 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1323"/>
        <source>80 mm (48 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1327"/>
        <source>On a second screen, when there is one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1328"/>
        <source>Always, in a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1329"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1358"/>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1380"/>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1385"/>
        <source>Test page printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1395"/>
        <source>QR decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1394"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1396"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1397"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1398"/>
        <source>Kiosk full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1399"/>
        <source>Verdict shown for (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1400"/>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1401"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1402"/>
        <source>Print a receipt after every sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1403"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1408"/>
        <source>Play a sound for each verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1409"/>
        <source>Full screen; leaving it needs a manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1410"/>
        <source>Print automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1412"/>
        <source>e.g. 192.168.1.50:9100, 0416:5011, /dev/ttyUSB0:9600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1414"/>
        <source>Print a test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1415"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1416"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoundPlayer</name>
    <message>
        <location filename="../../sounds.py" line="140"/>
        <source>No audio output found: the verdict sounds cannot play (%1). Connect speakers or check the sound settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="1139"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1140"/>
        <source>Records waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1141"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1142"/>
        <source>Trust data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1143"/>
        <source>Clock offset to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1144"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1149"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1149"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1151"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1114"/>
        <location filename="../../views/manager.py" line="1163"/>
        <source>no server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1106"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1110"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1116"/>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1129"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1156"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1166"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1172"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="276"/>
        <source>unknown (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="290"/>
        <source>● Live from HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="291"/>
        <source>○ Offline: as of the last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="295"/>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="296"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="297"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="298"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="300"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="310"/>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <location filename="../../views/cashier.py" line="399"/>
        <source>Choose an item, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <location filename="../../views/cashier.py" line="401"/>
        <source>Enter the bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="382"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="418"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="422"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="423"/>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="424"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="425"/>
        <source>Spendable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="426"/>
        <source>Coupons and benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="427"/>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="431"/>
        <source>Earn on a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="432"/>
        <source>Pay with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="433"/>
        <source>Use a coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="434"/>
        <source>Redeem a gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="439"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="440"/>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="441"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="442"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="160"/>
        <source>Press any key or tap to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="161"/>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="167"/>
        <source>APPROVED — CHECK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="177"/>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="183"/>
        <source>Balance now: %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="199"/>
        <source>Ask the member to show a fresh code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="201"/>
        <source>Nothing approved: correct it, or charge the normal price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="203"/>
        <source>Nothing approved: do not hand anything over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="204"/>
        <source>Nothing approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="206"/>
        <source>Hand over: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="206"/>
        <source>the benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="208"/>
        <source>Hand over the gift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="208"/>
        <source>the gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="214"/>
        <source>Nothing to charge: paid in full with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="215"/>
        <source>Charge %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="222"/>
        <source>Decided online by HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="224"/>
        <source>Decided offline on this terminal, near an offline limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="227"/>
        <source>Decided offline on this terminal: HQ did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="228"/>
        <source>Decided offline on this terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="241"/>
        <source>Not used on this terminal: it was used at another counter (HQ has the details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="244"/>
        <source>Already used %1 at terminal %2 (record #%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="179"/>
        <source>Points used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="181"/>
        <source>Points earned: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../views/manager.py" line="270"/>
        <source>Write the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="272"/>
        <source>Details (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="277"/>
        <source>Void a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="280"/>
        <source>Void this record? It stops counting for the member, and a void record is added to the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="286"/>
        <source>Voided by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="287"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="289"/>
        <source>Wrong amount entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="290"/>
        <source>Wrong member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="291"/>
        <source>Customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="292"/>
        <source>Entered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="293"/>
        <source>Other (write it below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="295"/>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="296"/>
        <source>Void this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="297"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalletWindow</name>
    <message>
        <location filename="../../../../member_wallet/window.py" line="22"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="23"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="24"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="25"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="82"/>
        <source>Member code — member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="84"/>
        <source>%1 member %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="110"/>
        <source>Refreshes in %1 s · counter %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="123"/>
        <source>Can&apos;t scan? Backup code %1 (changes in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
