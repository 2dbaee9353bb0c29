from __future__ import annotations

import re

from alliance_protocol.reasons import MESSAGES, Reason

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_reason_has_a_chinese_and_an_english_message() -> None:
    for reason in Reason:
        msg = MESSAGES[reason]
        assert CJK.search(msg.zh), f"{reason}: Chinese message missing"
        assert msg.en and not CJK.search(msg.en), f"{reason}: English message missing"


def test_reason_codes_are_their_own_names() -> None:
    for reason in Reason:
        assert reason.value == reason.name
