"""Benchmark: cold start to the unlock window, and unlock time at production KDF parameters.

Each figure is also given as a ratio to its baseline measured in the same run:
- cold start   vs a bare PySide6 window (new process, window shown, quit);
- unlock       vs a bare SQLCipher open with a raw key (connect + first read).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup_unlock.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from familyfile.store.database import connect

PASSPHRASE = "benchmark-walrus-lantern-19"

BARE_WINDOW = """
import time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(800, 600); w.show()
def done():
    print("shown", time.perf_counter() - t0, flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _timed_process(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if "shown" not in done.stdout:
        raise SystemExit(f"the window was not shown:\n{done.stdout}\n{done.stderr[-2000:]}")
    return elapsed


def cold_start(family: Path, home: Path, runs: int) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "FAMILYFILE_HOME": str(home), "FAMILYFILE_BENCH_EXIT_ON_SHOWN": "1"}
    app = [_timed_process([sys.executable, "-m", "familyfile", "open", str(family)], env)
           for _ in range(runs)]
    bare = [_timed_process([sys.executable, "-c", BARE_WINDOW], env) for _ in range(runs)]
    return statistics.median(app), statistics.median(bare)


def unlock_times(family: Path, runs: int) -> tuple[float, float]:
    unlock, raw = [], []
    header = kh.read_header(family)
    key = header.unwrap_with_passphrase(PASSPHRASE)
    for _ in range(runs):
        start = time.perf_counter()
        sessions.unlock(family, PASSPHRASE).close()
        unlock.append(time.perf_counter() - start)
        start = time.perf_counter()
        conn = connect(family, key)
        conn.execute("SELECT count(*) FROM child").fetchone()
        raw.append(time.perf_counter() - start)
        conn.close()
    return statistics.median(unlock), statistics.median(raw)


def kdf_only(runs: int) -> float:
    salt = os.urandom(16)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        kh.passphrase_key(PASSPHRASE, salt, kh.PRODUCTION_KDF)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        family = Path(folder) / "bench.familyfile"
        os.environ["FAMILYFILE_HOME"] = str(home)
        opened = sessions.create(family, PASSPHRASE, kdf=kh.PRODUCTION_KDF)
        opened.add_child(ChildDraft("Bench", "Child", "2024-01-01"))
        opened.close()
        p = kh.PRODUCTION_KDF
        print(f"machine: {os.cpu_count()} cores; KDF argon2id {p.memory_kib // 1024} MiB, "
              f"{p.iterations} passes, {p.lanes} lanes; median of {runs} runs")
        kdf = kdf_only(runs)
        unlock, raw = unlock_times(family, runs)
        print(f"KDF alone:                         {kdf * 1000:8.1f} ms")
        print(f"unlock (KDF + open + checks):      {unlock * 1000:8.1f} ms")
        print(f"bare SQLCipher raw-key open:       {raw * 1000:8.2f} ms   -> unlock is "
              f"{unlock / raw:,.0f}x")
        app, bare = cold_start(family, home, runs)
        print(f"cold start to unlock window shown: {app * 1000:8.1f} ms")
        print(f"bare PySide6 window shown:         {bare * 1000:8.1f} ms   -> cold start is "
              f"{app / bare:.2f}x")


if __name__ == "__main__":
    main()
