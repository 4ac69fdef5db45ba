"""Key rotation: a verifier who compared the new fingerprint still verifies the family's older
cards, as "signed by this signer's previous key"; a key nobody compared is still a warning."""

from __future__ import annotations

from pathlib import Path

from familyfile import cli
from familyfile.clock import FixedClock
from familyfile.domain.consent import Purpose
from familyfile.export import cards, shc
from familyfile.export.keys import SigningKey
from familyfile.export.verify import PREVIOUS_KEY_REASON, Outcome, TrustStore, verify_jws
from familyfile.services import consent, handover, signing
from tests.consent.conftest import Record
from tests.export._cards import ISSUER, NOW, card

OLD, NEW, OTHER = (SigningKey.from_scalar(n) for n in (0xA11CE, 0xB0B, 0xC0FFEE))
CLOCK = FixedClock(NOW)


def test_older_cards_verify_after_the_new_key_is_trusted() -> None:
    old_card, new_card = card(key=OLD), card(key=NEW)
    trust = TrustStore()
    trust.pin(ISSUER, OLD.public_jwk)
    assert verify_jws(old_card, trust, clock=CLOCK).outcome is Outcome.VERIFIED_KNOWN_SIGNER
    changed = verify_jws(new_card, trust, offered_keys=[NEW.public_jwk], clock=CLOCK)
    assert changed.outcome is Outcome.SIGNER_KEY_CHANGED  # nobody has compared the new one yet
    trust.pin(ISSUER, NEW.public_jwk)  # after comparing the new fingerprint
    assert verify_jws(new_card, trust, clock=CLOCK).reason == Outcome.VERIFIED_KNOWN_SIGNER.value
    older = verify_jws(old_card, trust, clock=CLOCK)
    assert older.outcome is Outcome.VERIFIED_KNOWN_SIGNER and older.reason == PREVIOUS_KEY_REASON
    assert verify_jws(card(key=OTHER), trust, offered_keys=[OTHER.public_jwk],
                      clock=CLOCK).outcome is Outcome.SIGNER_KEY_CHANGED


def test_a_previous_key_only_speaks_for_its_own_issuer() -> None:
    trust = TrustStore()
    trust.pin(ISSUER, OLD.public_jwk)
    trust.pin(ISSUER, NEW.public_jwk)
    elsewhere = shc.issuer_for("another-family")
    trust.pin(elsewhere, OTHER.public_jwk)
    forged_issuer = card(key=OLD, issuer=elsewhere)  # the old key claiming another family
    assert verify_jws(forged_issuer, trust, clock=CLOCK).outcome is Outcome.SIGNER_KEY_CHANGED


def test_previous_keys_survive_saving_and_do_not_pile_up() -> None:
    trust = TrustStore()
    for key in (OLD, NEW, OLD, NEW):
        trust.pin(ISSUER, key.public_jwk)
    assert [k["x"] for k in trust.previous[ISSUER]] == [OLD.public_jwk["x"]]
    again = TrustStore.from_json(trust.to_json())
    assert again == trust
    assert verify_jws(card(key=OLD), again, clock=CLOCK).reason == PREVIOUS_KEY_REASON
    assert "previous" not in TrustStore().to_json()  # an untouched store stays as it was


def test_rotating_in_the_app_then_trust_add_replace(record: Record, tmp_path: Path) -> None:
    """The family rotates; the practitioner replaces the trusted key; both cards verify (exit 0)."""
    session = record.session
    hv = consent.agency(session, record.child_id, record.hv)
    before = handover.make_cards(session, record.child_id, hv, Purpose("care"), ("involvement",),
                                 signing.current_key(session), [cards.INVOLVEMENT],
                                 expires_days=3650)  # `verify` checks against today's real date
    (tmp_path / "before.txt").write_text(before[0])
    old_key_card = shc.encode_key_card(signing.current_key(session), signing.issuer(session), "Us", NOW)
    (tmp_path / "old-key.txt").write_text(old_key_card)
    new = signing.rotate(session)
    (tmp_path / "new-key.txt").write_text(shc.encode_key_card(new, signing.issuer(session), "Us", NOW))
    store = tmp_path / "trust"
    assert cli.main(["trust", "add", str(tmp_path / "old-key.txt"), "--trust-store", str(store)]) == 0
    assert cli.main(["trust", "add", str(tmp_path / "new-key.txt"), "--trust-store", str(store),
                     "--replace"]) == 0
    assert cli.main(["verify", str(tmp_path / "before.txt"), "--trust-store", str(store)]) == 0
