"""Reason codes: every verdict and rejection carries one, with a message in Chinese and English.

The codes are stable strings on the wire, in journals and in reports; the messages are what a
cashier or a manager reads. Add a code here (and its two messages) rather than inventing a
string elsewhere: `tests/test_reasons.py` checks every code has both messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    OK = "OK"
    # --- shape of the scanned text (checked before any cryptography)
    INPUT_EMPTY = "INPUT_EMPTY"
    INPUT_TOO_LONG = "INPUT_TOO_LONG"
    UNKNOWN_FORMAT = "UNKNOWN_FORMAT"
    UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION"
    MALFORMED = "MALFORMED"
    BAD_LENGTH = "BAD_LENGTH"
    # --- the terminal's trust bundle
    TRUST_BUNDLE_MISSING = "TRUST_BUNDLE_MISSING"
    ROOT_KEY_MISSING = "ROOT_KEY_MISSING"
    TRUST_BUNDLE_INVALID = "TRUST_BUNDLE_INVALID"
    TRUST_BUNDLE_STALE = "TRUST_BUNDLE_STALE"
    # --- the issuer key that signed the device certificate
    ISSUER_KEY_UNKNOWN = "ISSUER_KEY_UNKNOWN"
    ISSUER_KEY_WRONG_ROLE = "ISSUER_KEY_WRONG_ROLE"
    ISSUER_KEY_NOT_YET_VALID = "ISSUER_KEY_NOT_YET_VALID"
    ISSUER_KEY_RETIRED = "ISSUER_KEY_RETIRED"
    # --- the device certificate
    CERT_SIGNATURE_INVALID = "CERT_SIGNATURE_INVALID"
    CERT_EXPIRED = "CERT_EXPIRED"
    CERT_REVOKED = "CERT_REVOKED"
    MEMBER_BLOCKED = "MEMBER_BLOCKED"
    # --- the dynamic part signed by the member's phone
    CODE_SIGNATURE_INVALID = "CODE_SIGNATURE_INVALID"
    CLOCK_UNCONFIRMED = "CLOCK_UNCONFIRMED"
    CODE_EXPIRED = "CODE_EXPIRED"
    CODE_NOT_YET_VALID = "CODE_NOT_YET_VALID"
    CODE_REPLAYED = "CODE_REPLAYED"
    # --- reading images and frames
    NO_CODE_IN_IMAGE = "NO_CODE_IN_IMAGE"
    IMAGE_UNREADABLE = "IMAGE_UNREADABLE"
    DECODER_UNAVAILABLE = "DECODER_UNAVAILABLE"
    # --- the terminal core: rules, risk limits, journal (terminal_app/core)
    NOT_RECORDED = "NOT_RECORDED"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    BELOW_MIN_BILL = "BELOW_MIN_BILL"
    INSUFFICIENT_POINTS = "INSUFFICIENT_POINTS"
    DAILY_CAP_REACHED = "DAILY_CAP_REACHED"
    NOT_A_MEMBER = "NOT_A_MEMBER"
    OFFLINE_TXN_CAP = "OFFLINE_TXN_CAP"
    OFFLINE_MEMBER_LIMIT = "OFFLINE_MEMBER_LIMIT"
    OFFLINE_TERMINAL_LIMIT = "OFFLINE_TERMINAL_LIMIT"
    SYNC_TOO_OLD = "SYNC_TOO_OLD"
    SCAN_SESSION_EXPIRED = "SCAN_SESSION_EXPIRED"
    COUPON_UNKNOWN = "COUPON_UNKNOWN"
    COUPON_USED = "COUPON_USED"
    COUPON_QUOTA_EXHAUSTED = "COUPON_QUOTA_EXHAUSTED"
    COUPON_NOT_ELIGIBLE = "COUPON_NOT_ELIGIBLE"
    GIFT_UNKNOWN = "GIFT_UNKNOWN"
    GIFT_OUT_OF_STOCK = "GIFT_OUT_OF_STOCK"
    BACKUP_CODE_MALFORMED = "BACKUP_CODE_MALFORMED"
    BACKUP_CODE_PENDING = "BACKUP_CODE_PENDING"
    BACKUP_CODE_LIMIT = "BACKUP_CODE_LIMIT"
    VOID_NOT_ALLOWED = "VOID_NOT_ALLOWED"
    DUPLICATE_RECEIPT = "DUPLICATE_RECEIPT"
    BACKFILL_TOO_OLD = "BACKFILL_TOO_OLD"
    NO_TERMINAL_IDENTITY = "NO_TERMINAL_IDENTITY"
    # --- managers at the counter (terminal_app/core/managers.py), receipts and reports
    PIN_WRONG = "PIN_WRONG"
    PIN_LOCKED = "PIN_LOCKED"
    PIN_WEAK = "PIN_WEAK"
    PIN_MISMATCH = "PIN_MISMATCH"
    MANAGER_UNKNOWN = "MANAGER_UNKNOWN"
    MANAGER_NAME_INVALID = "MANAGER_NAME_INVALID"
    MANAGER_NAME_TAKEN = "MANAGER_NAME_TAKEN"
    VOID_REASON_MISSING = "VOID_REASON_MISSING"
    BACKFILL_DATE_INVALID = "BACKFILL_DATE_INVALID"
    BACKFILL_FIELDS_MISSING = "BACKFILL_FIELDS_MISSING"
    FILTER_DATE_INVALID = "FILTER_DATE_INVALID"
    PRINTER_MISSING = "PRINTER_MISSING"
    PRINTER_NO_PAPER = "PRINTER_NO_PAPER"
    PRINTER_FAILED = "PRINTER_FAILED"
    PRINTER_NOT_SET = "PRINTER_NOT_SET"
    # --- the sync protocol and HQ
    REQUEST_UNSIGNED = "REQUEST_UNSIGNED"
    REQUEST_BAD_SIGNATURE = "REQUEST_BAD_SIGNATURE"
    REQUEST_CLOCK_SKEW = "REQUEST_CLOCK_SKEW"
    REQUEST_REPLAYED = "REQUEST_REPLAYED"
    REQUEST_INVALID = "REQUEST_INVALID"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
    RESPONSE_UNAUTHENTICATED = "RESPONSE_UNAUTHENTICATED"
    SYNC_ACK_BEYOND_SENT = "SYNC_ACK_BEYOND_SENT"
    RATE_LIMITED = "RATE_LIMITED"
    MEMBER_SECRET_WEAK = "MEMBER_SECRET_WEAK"
    TERMINAL_UNKNOWN = "TERMINAL_UNKNOWN"
    TERMINAL_SUSPENDED = "TERMINAL_SUSPENDED"
    ENROLLMENT_CODE_INVALID = "ENROLLMENT_CODE_INVALID"
    ENROLLMENT_CODE_USED = "ENROLLMENT_CODE_USED"
    ENROLLMENT_CODE_EXPIRED = "ENROLLMENT_CODE_EXPIRED"
    MEMBER_AUTH_FAILED = "MEMBER_AUTH_FAILED"
    UNKNOWN_MERCHANT = "UNKNOWN_MERCHANT"
    UNKNOWN_TERMINAL = "UNKNOWN_TERMINAL"
    UNKNOWN_MEMBER = "UNKNOWN_MEMBER"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    NOT_FOUND = "NOT_FOUND"
    SETTING_INVALID = "SETTING_INVALID"
    HQ_LOGIN_REQUIRED = "HQ_LOGIN_REQUIRED"
    SERVER_ERROR = "SERVER_ERROR"
    SERVER_BUSY = "SERVER_BUSY"
    SERVER_UNREACHABLE = "SERVER_UNREACHABLE"
    # --- HQ's evidence checks on a stored record (sync_server/evidence.py): why it moves nothing
    RECORD_HASH_MISMATCH = "RECORD_HASH_MISMATCH"
    RECORD_SIGNATURE_INVALID = "RECORD_SIGNATURE_INVALID"
    RECORD_SCHEMA_INVALID = "RECORD_SCHEMA_INVALID"
    RECORD_WRONG_TERMINAL = "RECORD_WRONG_TERMINAL"
    RECORD_CHAIN_BROKEN = "RECORD_CHAIN_BROKEN"
    CODE_MISSING = "CODE_MISSING"
    CODE_MISMATCH = "CODE_MISMATCH"
    CERT_NOT_ISSUED = "CERT_NOT_ISSUED"
    ISSUER_KEY_COMPROMISED = "ISSUER_KEY_COMPROMISED"
    CODE_REUSED = "CODE_REUSED"
    BUNDLE_UNKNOWN = "BUNDLE_UNKNOWN"
    AMOUNT_NOT_PER_RULES = "AMOUNT_NOT_PER_RULES"
    VOID_TARGET_INVALID = "VOID_TARGET_INVALID"
    TIME_INCONSISTENT = "TIME_INCONSISTENT"
    BACKUP_CODE_FAILED = "BACKUP_CODE_FAILED"
    BACKUP_CODE_REUSED = "BACKUP_CODE_REUSED"
    BACKFILL_HELD = "BACKFILL_HELD"
    BALANCE_OUT_OF_RANGE = "BALANCE_OUT_OF_RANGE"
    RECORD_REWRITTEN = "RECORD_REWRITTEN"
    # --- online authorisation at HQ (sync_server/authorisation.py, docs/online-authorisation.md)
    CODE_USED_ONLINE = "CODE_USED_ONLINE"
    AUTHORISATION_PENDING = "AUTHORISATION_PENDING"
    AUTHORISATION_INTERRUPTED = "AUTHORISATION_INTERRUPTED"
    AUTHORISATION_TOO_LATE = "AUTHORISATION_TOO_LATE"
    AUTHORISATION_MISMATCH = "AUTHORISATION_MISMATCH"
    AUTHORISATION_UNKNOWN = "AUTHORISATION_UNKNOWN"
    # --- anything the verifier did not foresee (it never raises; this is its last resort)
    INTERNAL_ERROR = "INTERNAL_ERROR"


@dataclass(frozen=True)
class Message:
    zh: str
    en: str


MESSAGES: dict[Reason, Message] = {
    Reason.OK: Message("验证通过", "Verified"),
    Reason.INPUT_EMPTY: Message("未读到会员码", "No member code was read"),
    Reason.INPUT_TOO_LONG: Message("扫描内容过长,不是会员码", "Scanned text is too long to be a member code"),
    Reason.UNKNOWN_FORMAT: Message("这不是联盟会员码", "This is not an alliance member code"),
    Reason.UNSUPPORTED_VERSION: Message(
        "会员码版本不受支持,请更新收银终端", "Member code version not supported; update this terminal"
    ),
    Reason.MALFORMED: Message("会员码已损坏,请重新扫描", "Member code is damaged; scan again"),
    Reason.BAD_LENGTH: Message("会员码长度不对,请重新扫描", "Member code has the wrong length; scan again"),
    Reason.TRUST_BUNDLE_MISSING: Message(
        "终端尚未下载信任数据,请联网同步", "Terminal has no trust data yet; connect and sync"
    ),
    Reason.ROOT_KEY_MISSING: Message(
        "尚未固定联盟根公钥,请先注册终端", "No alliance root key is pinned; enroll this terminal first"
    ),
    Reason.TRUST_BUNDLE_INVALID: Message(
        "信任数据签名无效,已拒绝", "Trust data has an invalid signature and was refused"
    ),
    Reason.TRUST_BUNDLE_STALE: Message(
        "信任数据已过期,请联网同步", "Trust data is out of date; connect and sync"
    ),
    Reason.ISSUER_KEY_UNKNOWN: Message("会员码签发方未知", "Member code issuer is unknown"),
    Reason.ISSUER_KEY_WRONG_ROLE: Message(
        "会员码由无权签发的密钥签名", "Member code was signed by a key not allowed to issue"
    ),
    Reason.ISSUER_KEY_NOT_YET_VALID: Message("签发密钥尚未生效", "Issuer key is not valid yet"),
    Reason.ISSUER_KEY_RETIRED: Message("签发密钥已停用", "Issuer key has been retired"),
    Reason.CERT_SIGNATURE_INVALID: Message("会员证书签名无效(疑似伪造)", "Member certificate signature is invalid (possible forgery)"),
    Reason.CERT_EXPIRED: Message("会员证书已过期,请会员刷新会员码", "Member certificate expired; member must refresh the app"),
    Reason.CERT_REVOKED: Message("该会员设备已被吊销", "This member device has been revoked"),
    Reason.MEMBER_BLOCKED: Message("该会员已被冻结", "This member is blocked"),
    Reason.CODE_SIGNATURE_INVALID: Message("会员码签名无效(疑似伪造)", "Member code signature is invalid (possible forgery)"),
    Reason.CLOCK_UNCONFIRMED: Message(
        "终端时钟长时间未与服务器校准,请联网同步", "Terminal clock not confirmed by the server for too long; connect and sync"
    ),
    Reason.CODE_EXPIRED: Message("会员码已过期,请会员刷新后重扫", "Member code has expired; ask the member to refresh"),
    Reason.CODE_NOT_YET_VALID: Message(
        "会员码时间超前,请检查手机时间", "Member code is dated in the future; check the phone's clock"
    ),
    Reason.CODE_REPLAYED: Message("该会员码已使用过", "This member code has already been used"),
    Reason.NO_CODE_IN_IMAGE: Message("图片中没有找到二维码", "No QR code found in the image"),
    Reason.IMAGE_UNREADABLE: Message("无法读取图片文件", "The file could not be read as an image"),
    Reason.DECODER_UNAVAILABLE: Message("所选二维码解码器在本机不可用", "The chosen QR decoder is not available on this machine"),
    Reason.NOT_RECORDED: Message("交易未能记录,请重试(未批准)", "Not recorded; try again (nothing was approved)"),
    Reason.INVALID_AMOUNT: Message("金额或积分无效", "Invalid amount or points"),
    Reason.BELOW_MIN_BILL: Message("账单未达到积分抵现的最低金额", "Bill is below the minimum for paying with points"),
    Reason.INSUFFICIENT_POINTS: Message("积分不足", "Not enough points"),
    Reason.DAILY_CAP_REACHED: Message("已达当日积分上限,本单积分已按上限计", "Daily points cap reached; points limited to the cap"),
    Reason.NOT_A_MEMBER: Message("非会员不积分", "Only members earn points"),
    Reason.OFFLINE_TXN_CAP: Message("超出离线单笔限额,需联网处理", "Above the offline per-transaction limit; needs the server"),
    Reason.OFFLINE_MEMBER_LIMIT: Message("超出该会员离线累计限额,需联网处理", "Above this member's offline limit; needs the server"),
    Reason.OFFLINE_TERMINAL_LIMIT: Message("超出本终端离线总额度,请联网同步", "Above this terminal's offline exposure limit; connect and sync"),
    Reason.SYNC_TOO_OLD: Message("距上次同步时间过长,请联网同步", "Too long since the last sync; connect and sync"),
    Reason.SCAN_SESSION_EXPIRED: Message("扫码已超时,请重新扫码", "The scan has timed out; scan again"),
    Reason.COUPON_UNKNOWN: Message("未知的优惠券或权益", "Unknown coupon or benefit"),
    Reason.COUPON_USED: Message("该优惠券已使用", "This coupon has already been used"),
    Reason.COUPON_QUOTA_EXHAUSTED: Message("该权益名额已用完", "No places left for this benefit"),
    Reason.COUPON_NOT_ELIGIBLE: Message("该会员等级不能使用此权益", "This member's tier cannot use this benefit"),
    Reason.GIFT_UNKNOWN: Message("未知的礼品", "Unknown gift"),
    Reason.GIFT_OUT_OF_STOCK: Message("礼品已无库存", "Gift is out of stock"),
    Reason.BACKUP_CODE_MALFORMED: Message("备用验证码格式不对", "The backup code is not in the right format"),
    Reason.BACKUP_CODE_PENDING: Message("已按备用验证码受理,待服务器核验", "Accepted on the backup code; pending server verification"),
    Reason.BACKUP_CODE_LIMIT: Message("超出备用验证码限额,需联网处理", "Above the backup-code limit; needs the server"),
    Reason.VOID_NOT_ALLOWED: Message("该记录不能作废(不在本班次或已作废)", "This record cannot be voided (not in this shift or already void)"),
    Reason.DUPLICATE_RECEIPT: Message("该小票已经补录过", "This receipt has already been entered"),
    Reason.BACKFILL_TOO_OLD: Message("超出补录时限", "Too late to backfill this purchase"),
    Reason.NO_TERMINAL_IDENTITY: Message("终端尚未注册", "This terminal is not enrolled yet"),
    Reason.PIN_WRONG: Message("PIN 码错误", "Wrong PIN"),
    Reason.PIN_LOCKED: Message("输错次数过多,该店长已被暂时锁定", "Too many wrong PINs: this manager is locked for a while"),
    Reason.PIN_WEAK: Message("PIN 码须为 4-12 位数字,且不能是重复或连续的数字", "A PIN is 4-12 digits, not one digit repeated nor a run like 1234"),
    Reason.PIN_MISMATCH: Message("两次输入的 PIN 码不一致", "The two PINs do not match"),
    Reason.MANAGER_UNKNOWN: Message("没有这位店长", "No such manager"),
    Reason.MANAGER_NAME_INVALID: Message("请输入店长姓名(最多 32 个字)", "Enter the manager's name (at most 32 characters)"),
    Reason.MANAGER_NAME_TAKEN: Message("已有同名店长", "A manager with this name exists"),
    Reason.VOID_REASON_MISSING: Message("请选择或填写作废原因", "Choose or write a reason for the void"),
    Reason.BACKFILL_DATE_INVALID: Message("消费时间格式应为 年-月-日 时:分,例如 2026-03-08 14:30", "Purchase time must look like 2026-03-08 14:30 (year-month-day hour:minute)"),
    Reason.BACKFILL_FIELDS_MISSING: Message("请填写会员号、金额和小票号", "Fill in the member id, the amount and the receipt number"),
    Reason.FILTER_DATE_INVALID: Message("日期格式应为 年-月-日,例如 2026-03-08", "Dates must look like 2026-03-08 (year-month-day)"),
    Reason.PRINTER_MISSING: Message("找不到打印机:请检查电源和连接线。交易已保存,可在记录中补打", "Printer not found: check its power and cable. The transaction is saved; reprint it from the log"),
    Reason.PRINTER_NO_PAPER: Message("打印机缺纸:请装纸。交易已保存,可在记录中补打", "The printer is out of paper: load a roll. The transaction is saved; reprint it from the log"),
    Reason.PRINTER_FAILED: Message("打印失败。交易已保存,可在记录中补打", "Printing failed. The transaction is saved; reprint it from the log"),
    Reason.PRINTER_NOT_SET: Message("未设置打印机(店长 → 设置)", "No printer set up (Manager → Settings)"),
    Reason.REQUEST_UNSIGNED: Message("请求未签名", "The request is not signed"),
    Reason.REQUEST_BAD_SIGNATURE: Message("请求签名无效", "The request signature does not verify"),
    Reason.REQUEST_CLOCK_SKEW: Message("终端时钟与服务器相差过大,已按服务器时间校准后请重试", "Terminal clock is too far from the server's; it has been corrected, try again"),
    Reason.REQUEST_REPLAYED: Message("重复的请求已拒绝", "A replayed request was refused"),
    Reason.REQUEST_INVALID: Message("请求内容不符合格式", "The request does not have the expected form"),
    Reason.REQUEST_TOO_LARGE: Message("请求内容过大", "The request is too large"),
    Reason.RESPONSE_UNAUTHENTICATED: Message(
        "服务器应答未通过总部签名验证,已忽略;本机记录未受影响,稍后重试",
        "The answer was not authenticated by HQ's signature and was ignored; nothing on this device changed, "
        "try again later"),
    Reason.SYNC_ACK_BEYOND_SENT: Message(
        "服务器确认了本机尚未发送的记录,已拒绝;队列保持不变",
        "The server acknowledged records this terminal never sent; refused, the queue is unchanged"),
    Reason.RATE_LIMITED: Message("尝试次数过多,请稍后再试", "Too many attempts; try again later"),
    Reason.MEMBER_SECRET_WEAK: Message(
        "会员密码太弱:至少10个字符,并包含字母、数字、符号中的至少两类",
        "The member secret is too weak: at least 10 characters, with at least two of letters, digits and symbols"),
    Reason.TERMINAL_UNKNOWN: Message("终端未注册", "This terminal is not enrolled"),
    Reason.TERMINAL_SUSPENDED: Message("终端已被总部停用", "This terminal has been suspended by HQ"),
    Reason.ENROLLMENT_CODE_INVALID: Message("注册码无效", "The enrollment code is not valid"),
    Reason.ENROLLMENT_CODE_USED: Message("注册码已被使用", "The enrollment code has already been used"),
    Reason.ENROLLMENT_CODE_EXPIRED: Message("注册码已过期", "The enrollment code has expired"),
    Reason.MEMBER_AUTH_FAILED: Message("会员身份验证失败", "Member authentication failed"),
    Reason.UNKNOWN_MERCHANT: Message("商户不存在", "No such merchant"),
    Reason.UNKNOWN_TERMINAL: Message("终端不存在", "No such terminal"),
    Reason.UNKNOWN_MEMBER: Message("会员不存在", "No such member"),
    Reason.ALREADY_EXISTS: Message("已存在", "It already exists"),
    Reason.NOT_FOUND: Message("未找到", "Not found"),
    Reason.SETTING_INVALID: Message("设置值无效,未保存", "The setting is not valid; nothing was saved"),
    Reason.HQ_LOGIN_REQUIRED: Message("需要总部账号登录", "HQ login required"),
    Reason.SERVER_ERROR: Message("服务器内部错误,请稍后重试", "Server error; try again later"),
    Reason.SERVER_BUSY: Message("总部繁忙或数据库暂不可用,请稍后重试(未做任何更改)", "HQ is busy or its database is unavailable; nothing was changed, try again shortly"),
    Reason.SERVER_UNREACHABLE: Message("无法连接服务器,交易已在本地保存", "Cannot reach the server; transactions are kept on this terminal"),
    Reason.RECORD_HASH_MISMATCH: Message("记录内容与其哈希不符", "The record does not match its hash"),
    Reason.RECORD_SIGNATURE_INVALID: Message("记录的终端签名无效", "The record's terminal signature does not verify"),
    Reason.RECORD_SCHEMA_INVALID: Message("记录格式不符合规范(字段、类型或范围)", "The record does not follow the record schema (field, type or range)"),
    Reason.RECORD_WRONG_TERMINAL: Message("记录写的是另一台终端或商户", "The record names another terminal or merchant"),
    Reason.RECORD_CHAIN_BROKEN: Message("记录与前一条记录的哈希链不连续", "The record does not chain to the previous one"),
    Reason.CODE_MISSING: Message("记录没有可供总部核验的会员码", "The record carries no member code HQ can verify"),
    Reason.CODE_MISMATCH: Message("会员码与记录中的会员信息不一致", "The member code does not match the record's member fields"),
    Reason.CERT_NOT_ISSUED: Message("会员证书不是总部签发的", "HQ never issued this member certificate"),
    Reason.ISSUER_KEY_COMPROMISED: Message("签发密钥已泄露,此后的会员码一律不认", "The issuer key leaked; codes under it after that time are refused"),
    Reason.CODE_REUSED: Message("同一会员码已在联盟内使用过,本次不计", "This member code was already used in the alliance; this use counts for nothing"),
    Reason.BUNDLE_UNKNOWN: Message("记录引用的规则版本不存在或已过期", "The rules version the record names does not exist or was out of date"),
    Reason.AMOUNT_NOT_PER_RULES: Message("金额或积分与联盟规则算出的不一致", "Amounts or points differ from what the alliance rules give"),
    Reason.VOID_TARGET_INVALID: Message("作废所指的记录不存在、不属本终端、已作废或超出时限", "The voided record does not exist, is another terminal's, was voided already or is too old"),
    Reason.TIME_INCONSISTENT: Message("记录时间与会员码、前一条记录或收到时间不一致,待人工复核", "The record's time disagrees with its code, the previous record or when HQ received it; held for review"),
    Reason.BACKUP_CODE_FAILED: Message("备用验证码核验失败", "The backup code did not verify"),
    Reason.BACKUP_CODE_REUSED: Message("该备用验证码已使用过", "This backup code was already used"),
    Reason.BACKFILL_HELD: Message("补录积分待总部复核后生效", "Backfilled points count once HQ has reviewed them"),
    Reason.BALANCE_OUT_OF_RANGE: Message("积分余额将超出允许范围", "The points balance would leave its allowed range"),
    Reason.RECORD_REWRITTEN: Message("终端重发了内容不同的同一编号记录(以首次收到的为准)",
                                     "The terminal sent a stored record number again with other contents (the first copy stands)"),
    Reason.CODE_USED_ONLINE: Message("该会员码已在联盟收银台使用过,请会员刷新会员码",
                                     "This member code was already used at an alliance counter; ask the member for a fresh code"),
    Reason.AUTHORISATION_PENDING: Message("上一笔交易正在等待总部答复,请稍候再试",
                                          "The previous transaction is still waiting for HQ's answer; try again in a moment"),
    Reason.AUTHORISATION_INTERRUPTED: Message("交易在收到总部答复前中断,未批准",
                                              "The transaction was interrupted before HQ's answer arrived; nothing was approved"),
    Reason.AUTHORISATION_TOO_LATE: Message("该交易编号已有记录或已放弃,不能再授权",
                                           "This transaction number already has a record or was given up; it cannot be authorised now"),
    Reason.AUTHORISATION_MISMATCH: Message("记录与总部授权的内容不一致",
                                           "The record differs from what HQ authorised"),
    Reason.AUTHORISATION_UNKNOWN: Message("记录引用的总部授权不存在或属于另一笔交易",
                                          "The record names an HQ authorisation that does not exist or belongs to another transaction"),
    Reason.INTERNAL_ERROR: Message("终端内部错误,请重试", "Internal terminal error; try again"),
}


def message(reason: Reason) -> Message:
    return MESSAGES[reason]


class Explained:
    """For result types with a `reason` attribute: its Chinese and English messages."""

    reason: Reason

    @property
    def message_zh(self) -> str:
        return MESSAGES[self.reason].zh

    @property
    def message_en(self) -> str:
        return MESSAGES[self.reason].en


def message_for(code: str) -> Message:
    """The messages for a reason code received as text (from the wire); unknown codes read as a
    server error rather than failing."""
    try:
        return MESSAGES[Reason(code)]
    except ValueError:
        return MESSAGES[Reason.SERVER_ERROR]
