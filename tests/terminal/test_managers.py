"""Managers: own PINs (scrypt), persisted lockout, audit trail (real SQLite store, migration 0003)."""

from __future__ import annotations

import pytest

from alliance_protocol.reasons import Reason
from terminal_app.core import managers as m
from terminal_app.core.managers import ManagerBook, ManagerError
from terminal_app.store import open_store


@pytest.fixture
def book(tmp_path):
    store = open_store(tmp_path / "t")
    yield ManagerBook(store)
    store.close()


def test_pin_is_a_slow_salted_hash():
    a, b = m.hash_pin("482913"), m.hash_pin("482913")
    assert a != b and a.startswith("scrypt$16384$8$1$") and "482913" not in a
    assert m.pin_matches("482913", a) and not m.pin_matches("482914", a) and not m.pin_matches("1", "garbage")


@pytest.mark.parametrize(
    "pin,weak",
    [
        ("1234", True),
        ("0000", True),
        ("9876", True),
        ("8901", True),
        ("123", True),
        ("12a4", True),
        ("１２３９", True),
        ("482913", False),
        ("1235", False),
    ],
)
def test_weak_pins(pin, weak):
    assert m.weak_pin(pin) is weak


def test_each_manager_their_own_pin_and_who_added_whom(book):
    first = book.ensure_first("王经理", "1234")
    assert first.default_pin and book.ensure_first("other", "5555").id == first.id  # only once
    lee = book.add(first, "李店长", "482913")
    assert lee.created_by == first.id and not lee.default_pin
    assert book.check(lee.id, "1234").reason is Reason.PIN_WRONG  # the first manager's PIN is not Lee's
    assert book.check(lee.id, "482913").ok
    with pytest.raises(ManagerError) as e:
        book.add(first, "李店长", "739102")
    assert e.value.reason is Reason.MANAGER_NAME_TAKEN
    with pytest.raises(ManagerError) as e:
        book.add(first, "赵", "1111")
    assert e.value.reason is Reason.PIN_WEAK
    book.change_pin(first, "905317")
    assert not book.get(first.id).default_pin and book.check(first.id, "905317").ok
    actions = [a["action"] for a in book.audit()]
    assert {"first_manager", "add_manager", "sign_in", "wrong_pin", "change_pin"} <= set(actions)


def test_lockout_after_five_wrong_pins_survives_a_restart(tmp_path):
    store = open_store(tmp_path / "t")
    book = ManagerBook(store)
    first = book.ensure_first("王经理", "1234")
    lee = book.add(first, "李店长", "482913")
    now = 1_000_000.0
    left = [book.check(lee.id, "000000", now).attempts_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    locked = book.check(lee.id, "000000", now)
    assert locked.reason is Reason.PIN_LOCKED and locked.locked_until == now + m.LOCK_S
    store.close()
    store = open_store(tmp_path / "t")  # the app restarts
    book = ManagerBook(store)
    right = book.check(lee.id, "482913", now + 10)
    assert not right.ok and right.reason is Reason.PIN_LOCKED  # still locked, even with the right PIN
    assert book.check(first.id, "1234", now + 10).ok  # another manager is not locked
    assert book.check(lee.id, "482913", now + m.LOCK_S + 1).ok  # the lock ends
    for _ in range(5):
        book.check(lee.id, "000000", now + 400)
    assert book.get(lee.id).locked_until == int(now + 400) + 2 * m.LOCK_S  # the second lock is longer
    book.unlock(first, lee.id)
    assert book.check(lee.id, "482913", now + 401).ok
    store.close()
