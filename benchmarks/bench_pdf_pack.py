"""Benchmark: the PDF pack of the heavy record (``services.handover.write_pdf``).

The heavy record is ``bench_heavy_record``'s (the sample family plus Kemi, five years old,
with 20,000 journal entries and about 200 growth measurements); it is made once and kept,
exactly as that benchmark does. This script works on a *copy* (it adds consent decisions and
shares), gives a named professional every kind of information, and times ``write_pdf`` with
every section (median of 3): cards for all of Kemi's measurements, the journal highlights,
the growth charts, and the page of earlier shares.

Run:  .venv/bin/python benchmarks/bench_pdf_pack.py [--keep PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_heavy_record as heavy  # noqa: E402 (the sibling benchmark, found through sys.path)

CATEGORIES = ("identity", "health", "immunisations", "development", "involvement")


def copy_record(source: Path, folder: Path) -> Path:
    """The family file and its key header beside it (not its backups or lock)."""
    for item in source.parent.glob(source.name + "*"):
        if item.is_file() and not item.name.endswith(("-lock", ".bench.json")):
            shutil.copy2(item, folder / item.name)
    return folder / source.name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="where the heavy record is made and kept")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from familyfile.domain.consent import Purpose, professional
    from familyfile.export import pdf_pack
    from familyfile.services import consent, handover, signing
    from familyfile.services import session as sessions

    with tempfile.TemporaryDirectory() as folder:
        os.environ["FAMILYFILE_HOME"] = str(Path(folder) / "home")
        kept, child_id = heavy.cached(args.keep, 20_000, 500, 300)
        path = copy_record(kept, Path(folder))
        session = sessions.unlock(path, heavy.PASSPHRASE)
        try:
            who = professional("Dr Ada Example")
            for category in CATEGORIES:
                consent.set_consent(session, child_id, who, category, "permit")
            key = signing.current_key(session)
            entries = len(session.records.list_for(child_id, "journal"))
            times, data = [], b""
            for run in range(args.runs):
                out = Path(folder) / f"pack-{run}.pdf"
                start = time.perf_counter()
                data = handover.write_pdf(session, child_id, who, Purpose("care"), CATEGORIES, key,
                                          handover.PDF_SECTIONS, out, "Benchmark family",
                                          include_sharing_log=True)
                times.append(time.perf_counter() - start)
        finally:
            session.close()
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    print(f"journal entries of the child: {entries:,}")
    print(f"PDF pack, every section: {pdf_pack.page_count(data)} pages, {len(data):,} bytes")
    print(f"write_pdf median of {len(times)}: {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
