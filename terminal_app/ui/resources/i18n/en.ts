<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../views/cashier.py" line="471"/>
        <source>Backup numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="472"/>
        <source>Only when the QR code cannot be read. Accepted within the backup limits and checked by the server after sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="474"/>
        <source>Member&apos;s numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="475"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="476"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="477"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../views/customer.py" line="109"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="110"/>
        <source>Please show your member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="114"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="115"/>
        <source>Not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="119"/>
        <source>Points used %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="121"/>
        <source>Points earned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="123"/>
        <source>Balance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="126"/>
        <location filename="../../views/customer.py" line="135"/>
        <source>To pay %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="130"/>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="132"/>
        <source>Points balance %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="136"/>
        <source>Bill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="138"/>
        <source>Member discount %1% −%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="141"/>
        <source>%1 points used −%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/customer.py" line="143"/>
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
        <location filename="../../views/manager.py" line="422"/>
        <location filename="../../views/manager.py" line="433"/>
        <source>Select a record first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="350"/>
        <location filename="../../views/manager.py" line="464"/>
        <source>A member id is digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="414"/>
        <source>Select a record to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="436"/>
        <source>Printing record #%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="443"/>
        <source>Receipt printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="477"/>
        <source>Done: %1 (record #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="480"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="496"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="498"/>
        <source>Exported %1 records to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="509"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="508"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="504"/>
        <location filename="../../views/manager.py" line="508"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="505"/>
        <location filename="../../views/manager.py" line="509"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="505"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="507"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="508"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="508"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="509"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="510"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="510"/>
        <source>Voided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="511"/>
        <source>Void selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="512"/>
        <source>Reprint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="513"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="514"/>
        <source>Backfill a purchase (forgotten scan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="515"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="516"/>
        <source>Purchased at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="518"/>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app.py" line="171"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="197"/>
        <source>Receipt printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="288"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="292"/>
        <source>◌ Connecting to HQ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="295"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="295"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="299"/>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="309"/>
        <source>%1 · terminal %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="313"/>
        <source>Alliance points counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="314"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="335"/>
        <source>Unsynced records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="336"/>
        <source>%1 records are not on the server yet. They stay on this terminal and sync on the next start. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="339"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app.py" line="341"/>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../views/manager.py" line="1207"/>
        <source>Signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1208"/>
        <source>This manager still has the first PIN (1234): change it under Managers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1211"/>
        <source>Sign out, back to the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1212"/>
        <source>Quit the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Shift reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1213"/>
        <source>Managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1214"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagersPage</name>
    <message>
        <location filename="../../views/manager.py" line="778"/>
        <source>locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="780"/>
        <source>still has the first PIN: change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="782"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="783"/>
        <source>(first manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="809"/>
        <source>Manager %1 added; they sign in with their own PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="827"/>
        <source>Your PIN was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="835"/>
        <source>Select a manager first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="839"/>
        <source>%1 can sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="842"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="843"/>
        <source>Add a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="844"/>
        <location filename="../../views/manager.py" line="849"/>
        <source>Change my PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>Their PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="845"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="846"/>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="848"/>
        <source>Add manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="850"/>
        <source>Unlock the selected manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeStrip</name>
    <message>
        <location filename="../../views/cashier.py" line="550"/>
        <source>Member %1&apos;s code was scanned. This transaction stays open until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="552"/>
        <source>Serve %1 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="554"/>
        <source>Not accepted: %1 The open transaction is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="557"/>
        <source>The transaction for %1 was cancelled; nothing of it was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="561"/>
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
        <location filename="../../views/pin.py" line="127"/>
        <source>Locked until %1; another manager can unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="137"/>
        <source>Manager sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="138"/>
        <source>Manager PIN to leave full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="139"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="140"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/pin.py" line="141"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyView</name>
    <message>
        <location filename="../../views/cashier.py" line="81"/>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="82"/>
        <source>Show the member code to the camera, scan it, or paste it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="83"/>
        <source>Member code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="84"/>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="85"/>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="87"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <location filename="../../views/manager.py" line="98"/>
        <source>Record #%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="101"/>
        <source>Time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="103"/>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="105"/>
        <source>Member: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="106"/>
        <source>Points as cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="107"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="110"/>
        <source>Amounts (yuan): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="112"/>
        <source>Points: used %1, earned %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="114"/>
        <source>Coupon: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="114"/>
        <source>Gift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="118"/>
        <source>Receipt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="120"/>
        <source>Voids record #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="122"/>
        <source>Void reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="124"/>
        <source>Manager: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="126"/>
        <source>Voided by record #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="129"/>
        <source>Member code: %1…%2 (%3 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="132"/>
        <source>Backup code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/manager.py" line="603"/>
        <source>Shift %1 closed (record #%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="649"/>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="656"/>
        <source>Report printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="671"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="673"/>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="677"/>
        <source>Shift %1 · closed %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="681"/>
        <source>X report (shift so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="682"/>
        <source>Press again to close the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="683"/>
        <source>Close shift (Z report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="687"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="688"/>
        <source>Save as file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="691"/>
        <source>Closed shifts (Z reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="696"/>
        <source>No report yet: print an X report, or close the shift.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/manager.py" line="1070"/>
        <source>No printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1070"/>
        <source>File (demo, tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1071"/>
        <source>USB (vendor:product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1071"/>
        <source>Network (host:port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1072"/>
        <source>Serial (device:baud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1073"/>
        <source>58 mm (32 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1073"/>
        <source>80 mm (48 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1074"/>
        <source>On a second screen, when there is one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1075"/>
        <source>Always, in a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1075"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1102"/>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1120"/>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1125"/>
        <source>Test page printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1131"/>
        <source>QR decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1131"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1132"/>
        <source>Kiosk full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Verdict shown for (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1133"/>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1134"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1134"/>
        <source>Print a receipt after every sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1135"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1137"/>
        <source>Play a sound for each verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1138"/>
        <source>Full screen; leaving it needs a manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1139"/>
        <source>Print automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1140"/>
        <source>e.g. 192.168.1.50:9100, 0416:5011, /dev/ttyUSB0:9600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1141"/>
        <source>Print a test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1142"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="1143"/>
        <source>Offline limits (from the signed trust data, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoundPlayer</name>
    <message>
        <location filename="../../sounds.py" line="133"/>
        <source>No audio output found: the verdict sounds cannot play (%1). Connect speakers or check the sound settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../views/manager.py" line="930"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="930"/>
        <source>Records waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="931"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="931"/>
        <source>Trust data age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="932"/>
        <source>Clock offset to server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="932"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="936"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="936"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="938"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="910"/>
        <location filename="../../views/manager.py" line="945"/>
        <source>no server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="905"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="906"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="912"/>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="924"/>
        <source>Sync done: %1 records uploaded, %2 balances received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="926"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="940"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="946"/>
        <source>%1 records are not on the server yet. They are kept on this terminal: do not reinstall, reset or replace it before they are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="949"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionView</name>
    <message>
        <location filename="../../views/cashier.py" line="240"/>
        <source>unknown (not synced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="253"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="254"/>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="255"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="262"/>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="317"/>
        <location filename="../../views/cashier.py" line="343"/>
        <source>Choose an item, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="322"/>
        <location filename="../../views/cashier.py" line="344"/>
        <source>Enter the bill amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="331"/>
        <source>Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="360"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="361"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="362"/>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="363"/>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="364"/>
        <source>Spendable now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="365"/>
        <source>Coupons and benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="366"/>
        <source>Gifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Earn on a bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="367"/>
        <source>Pay with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Use a coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="368"/>
        <source>Redeem a gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="370"/>
        <source>Bill (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="371"/>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="372"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/cashier.py" line="373"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <location filename="../../views/verdict.py" line="126"/>
        <source>Press any key or tap to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="127"/>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="131"/>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="131"/>
        <source>APPROVED — CHECK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="132"/>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="140"/>
        <source>Member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="146"/>
        <source>Balance now: %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="159"/>
        <source>Ask the member to show a fresh code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="161"/>
        <source>Nothing approved: correct it, or charge the normal price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="163"/>
        <source>Nothing approved: do not hand anything over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="164"/>
        <source>Nothing approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>Hand over: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="166"/>
        <source>the benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>Hand over the gift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="168"/>
        <source>the gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="174"/>
        <source>Nothing to charge: paid in full with points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="175"/>
        <source>Charge %1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="185"/>
        <source>Not used on this terminal: it was used at another counter (HQ has the details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="187"/>
        <source>Already used %1 at terminal %2 (record #%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="142"/>
        <source>Points used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/verdict.py" line="144"/>
        <source>Points earned: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../views/manager.py" line="195"/>
        <source>Write the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="196"/>
        <source>Details (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="200"/>
        <source>Void a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="201"/>
        <source>Void this record? It stops counting for the member, and a void record is added to the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="203"/>
        <source>Voided by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="204"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="205"/>
        <source>Wrong amount entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="205"/>
        <source>Wrong member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="206"/>
        <source>Customer changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="206"/>
        <source>Entered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="207"/>
        <source>Other (write it below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="208"/>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="209"/>
        <source>Void this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../views/manager.py" line="210"/>
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
        <location filename="../../../../member_wallet/window.py" line="83"/>
        <source>%1 member %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="106"/>
        <source>Refreshes in %1 s · counter %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../../../member_wallet/window.py" line="117"/>
        <source>Can&apos;t scan? Backup code %1 (changes in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
