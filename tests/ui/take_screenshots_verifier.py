"""Screenshots of the verifier window for docs/screenshots (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots_verifier.py [--scale 2]

Made-up cards on a fixed date: verified, from an unknown signer (with its fingerprint), and
two warnings (an altered card and an expired one).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from familyfile.clock import FixedClock  # noqa: E402
from familyfile.export import share_file, shc  # noqa: E402
from familyfile.services import verifier  # noqa: E402
from familyfile.ui.verifier_window import VerifierWindow  # noqa: E402
from tests.export._cards import FAMILY_KEY, ISSUER, NOW, card  # noqa: E402
from tests.export.test_readable import family_bundle  # noqa: E402
from tests.ui.shots import arguments, save, settle, start_app, suffix  # noqa: E402


def window_on(trust: Path, clock: FixedClock, size: tuple[int, int]) -> VerifierWindow:
    window = VerifierWindow(trust, clock)
    window.resize(*size)
    window.show()
    return window


def wait(window: VerifierWindow) -> None:
    while window.tasks.busy or not window.panels:
        settle(rounds=1)
    window.tasks.wait_idle()
    settle(window)


def main() -> None:
    args = arguments()
    start_app(args.scale)
    end = suffix(args.scale)
    folder = Path(tempfile.mkdtemp(prefix="ff-verifier-shots-"))
    clock = FixedClock(NOW + timedelta(days=1))
    share = folder / "share.json"
    name = "The Quillfeather family"
    key_card = shc.encode_key_card(FAMILY_KEY, ISSUER, name, NOW)
    share.write_bytes(share_file.write_bytes([card(family_bundle())], FAMILY_KEY.public_jwk, name, key_card))
    height = round(1150 * min(args.scale, 1.5))

    unknown = window_on(folder / "empty-trust", clock, (1000, 900))
    unknown.open_paths([share])
    wait(unknown)
    save(unknown, args.out, f"verifier-unknown-signer{end}.png")

    trusted = folder / "trust"
    verifier.trust_candidate(ISSUER, FAMILY_KEY.public_jwk, trusted)
    verified = window_on(trusted, clock, (1000, height))
    verified.open_paths([share])
    wait(verified)
    save(verified, args.out, f"verifier-verified{end}.png")

    head, body, sig = card().split(".")
    altered = f"{head}.{body}.{sig[:5]}{'A' if sig[5] != 'A' else 'B'}{sig[6:]}"
    warnings = folder / "warnings.json"
    expired = card(family_bundle(), exp_days=-1)
    warnings.write_bytes(share_file.write_bytes([altered, expired], FAMILY_KEY.public_jwk, name, key_card))
    warned = window_on(trusted, clock, (1000, height))
    warned.open_paths([warnings])
    wait(warned)
    save(warned, args.out, f"verifier-warnings{end}.png")


if __name__ == "__main__":
    main()
