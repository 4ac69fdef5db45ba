"""Benchmark: how full each card is, and reading one back from a printed page.

1. Per card: the JWS length against the 927-character limit (QR version 22 at level M), for
   every section of both sample children (Okafor family, ``services.demo``) handed to their
   health visitor with every kind of information chosen, and for a "busy" child with 120
   growth measurements and 40 doses (to show splitting by content).
2. From a 150 dpi greyscale page image of the PDF pack (``pdftoppm -r 150 -gray``): the time
   to decode and verify one card with Family File's verifier path (zxing-cpp decode, numeric
   ``shc:/`` → JWS, ES256 check before inflating, capped inflate, strict parse), against
   zxing-cpp's own decode time of the same image in the same run. Medians of 7.

Run:  .venv/bin/python benchmarks/bench_cards.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from familyfile.export import cards, shc  # noqa: E402
from familyfile.export.verify import Outcome, TrustStore  # noqa: E402
from familyfile.services import consent, demo, handover, involvement, sharing, signing, verifier  # noqa: E402
from familyfile.services import session as sessions  # noqa: E402
from familyfile.store.key_header import KdfParams  # noqa: E402

PASSPHRASE = "benchmark-cards-lantern-31"
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # the KDF is not measured here
REPEATS = 7


def _median(work: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _recipient(session: sessions.FamilySession, child_id: str) -> consent.Recipient:
    refs = involvement.agencies(session, child_id)
    chosen = next((r for r in refs if r.agency == "health_visiting"), refs[0])
    return consent.agency(session, child_id, chosen.agency_id)


def _busy_child(session: sessions.FamilySession, child_id: str) -> None:
    first = date(2022, 1, 3)
    for n in range(120):
        on = (first + timedelta(days=9 * n)).isoformat()
        session.records.add(child_id=child_id, kind="growth", occurred_on=on, data={
            "measured_on": on, "weight_kg": round(4 + n * 0.09, 2), "height_cm": round(55 + n * 0.35, 1),
            "head_cm": round(38 + n * 0.06, 1), "length_or_height": "length", "measured_by": "",
            "measured_where": "", "notes": ""})
    for n in range(40):
        on = (first + timedelta(days=20 * n)).isoformat()
        session.records.add(child_id=child_id, kind="immunisation", occurred_on=on, data={
            "on": on, "vaccine": "6in1", "dose": 1 + n % 3, "vaccine_name": "6-in-1",
            "batch": f"AB{n:04d}X", "site": "left_thigh", "snomed": "836398006"})


def card_sizes(session: sessions.FamilySession, label: str, child_id: str) -> list[int]:
    key = signing.current_key(session)
    who = _recipient(session, child_id)
    everything = sharing.resolve_choices(session, child_id, [c.key for c in consent.categories()])
    lengths = []
    print(f"\n{label}: cards for {who.name} (every kind chosen)")
    print(f"  {'section':<14}{'cards':>6}   JWS characters (limit {shc.MAX_JWS_CHARS})")
    for section in cards.SECTIONS:
        _, made = handover.build(session, child_id, who, consent.purpose("care"), everything, key, [section])
        sizes = [len(jws) for jws in made]
        lengths += sizes
        shown = ", ".join(f"{n} ({100 * n / shc.MAX_JWS_CHARS:.0f}%)" for n in sizes) or "—"
        print(f"  {section:<14}{len(made):>6}   {shown}")
    return lengths


def page_decode(session: sessions.FamilySession, child_id: str, folder: Path) -> None:
    key = signing.current_key(session)
    who = _recipient(session, child_id)
    everything = sharing.resolve_choices(session, child_id, [c.key for c in consent.categories()])
    pdf = folder / "pack.pdf"
    handover.write_pdf(session, child_id, who, consent.purpose("care"), everything, key,
                       list(cards.SECTIONS), pdf, "Okafor family")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page*.png"))
    counted = [(len(verifier.qr_texts(page)), page) for page in pages]
    with_one = [page for n, page in counted if n == 1] or [page for n, page in counted if n]
    page = with_one[0]
    trust = TrustStore()
    trust.pin(signing.issuer(session), key.public_jwk)

    import zxingcpp
    from PIL import Image

    def zxing_only() -> object:
        with Image.open(page) as image:
            return zxingcpp.read_barcodes(image.convert("L"),
                                          formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))

    def ours() -> object:
        results = verifier.verify_contents(verifier.Contents(cards=verifier.qr_texts(page)), trust,
                                           clock=session.clock)
        assert results and all(r.outcome is Outcome.VERIFIED_KNOWN_SIGNER for r in results)
        return results

    _median(zxing_only)  # warm both paths (imports, caches) before timing
    _median(ours)
    zx, found = _median(zxing_only)
    full, results = _median(ours)
    count = len(results) if isinstance(results, list) else 1
    with Image.open(page) as image:
        size = image.size
    print(f"\nPDF pack: {len(pages)} pages; {sum(n for n, _ in counted)} QR cards found on the 150 dpi pages")
    print(f"page {page.name} ({size[0]}×{size[1]} px, {count} card(s), grey, 150 dpi):")
    print(f"  zxing-cpp decode alone           {zx * 1000:7.1f} ms")
    print(f"  decode + verify (Family File)    {full * 1000:7.1f} ms   ({(full - zx) * 1000:+.1f} ms, "
          f"{full / zx:.2f}× zxing alone)")
    assert found


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="familyfile-bench-") as tmp:
        folder = Path(tmp)
        demo.create_demo(folder / "sample.familyfile", PASSPHRASE, kdf=FAST_KDF)
        session = sessions.unlock(folder / "sample.familyfile", PASSPHRASE)
        try:
            lengths: list[int] = []
            for child in session.children():
                lengths += card_sizes(session, child.display_name, child.id)
            busy = session.children()[0]
            _busy_child(session, busy.id)
            lengths += card_sizes(session, f"{busy.display_name} + 120 measurements, 40 doses", busy.id)
            print(f"\nall cards: {len(lengths)}; largest {max(lengths)} of {shc.MAX_JWS_CHARS} characters; "
                  f"median {statistics.median(lengths):.0f}")
            if hasattr(handover, "write_pdf"):
                page_decode(session, session.children()[-1].id, folder)
        finally:
            session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
