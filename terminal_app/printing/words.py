"""The printed words, in Chinese and English (receipts and shift reports)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "alliance": "联盟积分", "merchant": "商户", "terminal": "终端", "time": "时间", "record": "流水号",
        "member": "会员", "bill": "消费金额", "discount": "等级折扣", "points_off": "积分抵现", "paid": "实付",
        "points_used": "使用积分", "points_earned": "获得积分", "balance": "积分余额", "balance_note": "(本机估算)",
        "coupon": "优惠券", "gift": "兑换礼品", "receipt_ref": "小票号", "backup": "备用码(待核验)",
        "offline": "** 离线记录,待同步 **", "synced": "已上传总部", "voided": "** 已作废 (记录 #%1) **",
        "reprint": "** 补打 **", "thanks": "谢谢惠顾", "points": "分", "yuan": "元",
        "purchase": "消费", "void": "作废", "backfill": "补录", "title_purchase": "积分消费凭条",
        "title_coupon": "优惠券核销凭条", "title_gift": "礼品兑换凭条", "title_backup": "备用码消费凭条",
        "title_backfill": "补录积分凭条", "title_void": "作废凭条", "void_of": "作废记录", "reason": "原因",
        "manager": "店长",
        "x_title": "X 报表(班中)", "z_title": "Z 报表(交班)", "shift": "班次", "period": "时段",
        "printed_by": "打印人", "closed_by": "交班人", "printed_at": "打印时间", "to": "至",
        "bills_total": "消费合计(元)", "discounts_total": "折扣合计(元)", "points_off_total": "积分抵现(元)",
        "paid_total": "实收合计(元)", "earned_total": "发放积分", "spent_total": "使用积分",
        "voids": "作废笔数", "rejected": "拒绝笔数", "records": "记录数", "queued": "未同步记录",
        "counts": "按类型统计", "z_record": "交班记录号", "no_records": "(本班无记录)",
        "k_scan": "扫码", "k_purchase": "消费", "k_coupon": "优惠券", "k_gift": "礼品", "k_backup": "备用码",
        "k_void": "作废", "k_backfill": "补录", "s_approved": "通过", "s_pending_verification": "待核验",
        "s_rejected": "拒绝", "signature": "签字:",
    },
    "en": {
        "alliance": "Alliance points", "merchant": "Merchant", "terminal": "Terminal", "time": "Time",
        "record": "Record #", "member": "Member", "bill": "Bill", "discount": "Tier discount",
        "points_off": "Points as cash", "paid": "Paid", "points_used": "Points used", "points_earned": "Points earned",
        "balance": "Balance", "balance_note": "(this terminal's estimate)", "coupon": "Coupon", "gift": "Gift",
        "receipt_ref": "Receipt", "backup": "Backup code (pending check)", "offline": "** Recorded offline, pending sync **",
        "synced": "On the server", "voided": "** VOIDED (record #%1) **", "reprint": "** REPRINT **",
        "thanks": "Thank you", "points": "pts", "yuan": "yuan", "purchase": "Purchase", "void": "Void",
        "backfill": "Backfill", "title_purchase": "Points receipt", "title_coupon": "Coupon redeemed",
        "title_gift": "Gift redeemed", "title_backup": "Backup-code purchase", "title_backfill": "Backfilled points",
        "title_void": "Void", "void_of": "Voids record", "reason": "Reason", "manager": "Manager",
        "x_title": "X REPORT (mid-shift)", "z_title": "Z REPORT (shift close)", "shift": "Shift", "period": "Period",
        "printed_by": "Printed by", "closed_by": "Closed by", "printed_at": "Printed at", "to": "to",
        "bills_total": "Bills total (yuan)", "discounts_total": "Discounts (yuan)", "points_off_total": "Points as cash (yuan)",
        "paid_total": "Paid in money (yuan)", "earned_total": "Points earned", "spent_total": "Points spent",
        "voids": "Voids", "rejected": "Declined attempts", "records": "Records", "queued": "Not yet synced",
        "counts": "By kind", "z_record": "Close record #", "no_records": "(no records in this shift)",
        "k_scan": "Scan", "k_purchase": "Purchase", "k_coupon": "Coupon", "k_gift": "Gift", "k_backup": "Backup code",
        "k_void": "Void", "k_backfill": "Backfill", "s_approved": "approved", "s_pending_verification": "pending",
        "s_rejected": "declined", "signature": "Signature:",
    },
}


def word(lang: str, key: str) -> str:
    table = WORDS.get(lang) or WORDS["zh_CN"]
    return table.get(key) or WORDS["en"].get(key, key)
