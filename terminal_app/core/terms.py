"""The terms in force: the current trust bundle, its rules and its catalogue (coupons, gifts).

    terms = TermsSource(store).current()     # one read of the bundle; rules parsed once per sequence
    terms.rules, terms.coupon("C-COFFEE"), terms.gift("G-CUP"), terms.bundle_seq

Every decision takes one `Terms` snapshot, so the rules it applies and the bundle sequence it
journals are the same bundle. Without a bundle: the default rules and an empty catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alliance_protocol.rules import AllianceRules
from alliance_protocol.trust_bundle import TrustBundle
from terminal_app.store import Store

CatalogueItem = dict[str, Any]


@dataclass(frozen=True)
class Terms:
    bundle: TrustBundle | None
    rules: AllianceRules = field(default_factory=AllianceRules)
    coupons: tuple[CatalogueItem, ...] = ()
    gifts: tuple[CatalogueItem, ...] = ()

    @classmethod
    def of(cls, bundle: TrustBundle | None) -> Terms:
        if bundle is None:
            return cls(None)
        payload = bundle.payload
        return cls(
            bundle,
            AllianceRules.from_dict(bundle.rules),
            tuple(payload.get("coupons", [])),
            tuple(payload.get("gifts", [])),
        )

    @property
    def bundle_seq(self) -> int | None:
        return None if self.bundle is None else self.bundle.sequence

    def coupon(self, coupon_id: object) -> CatalogueItem | None:
        return next((c for c in self.coupons if str(c.get("id")) == coupon_id), None)

    def gift(self, gift_id: object) -> CatalogueItem | None:
        return next((g for g in self.gifts if str(g.get("id")) == gift_id), None)


class TermsSource:
    """The store's current bundle as Terms, parsed once per bundle sequence."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cached: Terms | None = None

    def current(self) -> Terms:
        bundle = self.store.current_bundle()
        cached = self._cached
        if cached is not None and cached.bundle_seq == (None if bundle is None else bundle.sequence):
            return cached
        self._cached = Terms.of(bundle)
        return self._cached
