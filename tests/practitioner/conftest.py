"""A family (the consent fixture plus an NHS number), its verified share file, and a practitioner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from familyfile.domain.consent import Purpose
from familyfile.domain.practitioner import Identity
from familyfile.export import cards, shc
from familyfile.export.keys import SigningKey
from familyfile.export.verify import TrustStore
from familyfile.services import consent, handover, signing
from familyfile.services import practitioner as practice
from tests.consent.conftest import Record, record  # noqa: F401 (a pytest fixture)

NHS = "9434765919"
CARE = Purpose("care")
CHOICES = ("identity", "immunisations", "health", "involvement")
PRACTITIONER_KEY = SigningKey.from_scalar(0xC0FFEE1234)


@dataclass
class Setting:
    record: Record
    share: Path  # the family's share file
    share_bytes: bytes
    family_trust: TrustStore  # the practitioner's trust store, with the family's key pinned
    me: practice.Practitioner

    @property
    def session(self) -> Any:
        return self.record.session

    @property
    def child_id(self) -> str:
        return self.record.child_id

    def handover(self, **kwargs: Any) -> practice.VerifiedHandover:
        return practice.read_handover(self.share, self.family_trust, clock=self.record.clock, **kwargs)

    def issue(self, path: Path, draft: practice.EntryDraft, *, me: practice.Practitioner | None = None,
              fmt: str = "json", expires_days: int = 90) -> Path:
        who = me or self.me
        jws = practice.issue_entry(who, self.handover(), draft, clock=self.record.clock,
                                   expires_days=expires_days)
        practice.write_card(path, jws, practice.key_card(who, self.record.clock), fmt)
        return path


def make_practitioner(key: SigningKey = PRACTITIONER_KEY,
                      identity_id: str | None = None) -> practice.Practitioner:
    identity = Identity(identity_id or "6f1c2d3e-4a5b-4c6d-8e7f-001122334455", "Jo Reed", "Health Visitor",
                        "Riverside Health Visiting", "RX1CC", "2026-01-01T00:00:00Z")
    return practice.Practitioner(identity, key)


@pytest.fixture
def setting(record: Record, tmp_path: Path) -> Setting:  # noqa: F811 (the fixture above)
    s = record.session
    s.records.add(child_id=record.child_id, kind="about_me", data={
        "given_name": "Zephyrine", "family_name": "Quillfeather", "date_of_birth": "2024-03-01",
        "nhs_number": NHS, "sex": "female"}, occurred_on=None)
    nursery = consent.agency(s, record.child_id, record.nursery)
    consent.set_consent(s, record.child_id, nursery, "immunisations", "permit")
    key = signing.current_key(s)
    out = tmp_path / "share.json"
    data = handover.write_share_file(s, record.child_id, nursery, CARE, CHOICES, key,
                                     [cards.ABOUT_ME, cards.IMMUNISATIONS], out, "The Quillfeathers")
    trust = TrustStore()
    trust.pin(shc.issuer_for(s.file_id), key.public_jwk)
    return Setting(record, out, data, trust, make_practitioner())
