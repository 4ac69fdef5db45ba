"""Benchmark: a heavy family file, five years' worth, against a small one.

The heavy record is the sample Okafor family (``services.demo``) plus two more children,
one of them five years old with 20,000 journal entries; 500 photos (small generated JPEGs
prepared exactly as chosen photos are) and 300 growth measurements in all. Everything is
written through the services, one transaction per entry as the app does it, so making it
takes a few minutes; it is kept (by default in the temp folder, or at ``--keep PATH``) and
reused while its size parameters are the same.

Measured, each record in its own fresh process (so peak memory is per record):
- unlock (production KDF; the KDF alone beside it);
- unlock → main window shown with the overview painted (and any task it starts finished);
- journal timeline first paint: open the journal of the child with the most entries until
  its first rows are painted; and one page of the timeline deep in the journal;
- journal search: median (and slowest) of 20 different words, in the service and on the
  page (typed, refreshed, first rows painted);
- a verified backup and ``check()`` (both read the whole file);
- peak memory (ru_maxrss).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_heavy_record.py
      [--keep PATH] [--entries N] [--photos N] [--growth N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark-heavy-record-lantern-31"
MEASURE_FLAG = "--measure"
WORDS_FOR_SEARCH = ("park", "blocks", "grandma", "splashed", "giraffe", "xylophone", "dinosaur",
                    "pancakes", "ladder", "whispered", "nursery", "red bus", "painting", "moon",
                    "snail", "tunnel", "din", "cousin", "bubbles", "umbrella")


# -- making the heavy record --------------------------------------------------------------------
OPENERS = ("Today", "This morning", "After lunch", "At the park", "At nursery", "With Grandma",
           "In the bath", "At bedtime", "On the way to the shops", "At the library",
           "In the garden", "At the family hub", "On the bus", "At Auntie's house")
DOINGS = ("played with her blocks", "built a tall tower", "splashed in every puddle",
          "sang the whole of the rainbow song", "climbed the big ladder", "counted the stairs",
          "fed teddy pretend pancakes", "painted with her fingers", "chased the bubbles",
          "found a snail under a leaf", "rode her scooter", "drew a big round moon",
          "whispered a secret to her cousin", "hid in the tunnel", "danced to the radio",
          "looked at the book about a giraffe", "put on her own shoes", "tidied the cars away",
          "shared her snack", "asked where the moon goes", "jumped with both feet",
          "sorted the buttons by colour", "held the umbrella all by herself",
          "pointed at the red bus", "listened to a story about a dinosaur",
          "banged on the xylophone", "poured her own water", "said thank you without asking")
FEELINGS = ("and laughed the whole time", "and was very proud", "and wanted to do it again",
            "and then needed a cuddle", "and told everyone about it", "very carefully",
            "with lots of concentration", "and got a bit frustrated, then tried again",
            "and shouted \u201clook at me!\u201d", "while humming to herself")
EXTRAS = ("Her cousin joined in.", "It was windy.", "We took the long way home.",
          "She remembered it the next day.", "Grandma was amazed.", "It took three tries.",
          "She used a new word: \u201centirely\u201d.", "", "", "", "")
AREAS = ("communication_language", "physical", "personal_social_emotional", "literacy",
         "mathematics", "understanding_world", "expressive_arts")


def observation_text(rng: random.Random) -> str:
    parts = [f"{rng.choice(OPENERS)} she {rng.choice(DOINGS)} {rng.choice(FEELINGS)}."]
    if rng.random() < 0.6:
        parts.append(f"Then she {rng.choice(DOINGS)}.")
    parts.append(rng.choice(EXTRAS))
    return " ".join(p for p in parts if p)


def jpeg(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (640, 480), tuple(rng.randrange(150, 256) for _ in range(3)))
    pen = ImageDraw.Draw(picture)
    for _shape in range(rng.randrange(3, 9)):
        x, y = rng.randrange(0, 560), rng.randrange(0, 400)
        size = rng.randrange(30, 160)
        colour = tuple(rng.randrange(0, 256) for _ in range(3))
        box = (x, y, x + size, y + size * rng.choice((1, 0.6)))
        (pen.ellipse if rng.random() < 0.5 else pen.rectangle)(box, fill=colour)
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=80)
    return out.getvalue()


class Progress:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.start, self.last = label, total, time.perf_counter(), 0.0

    def step(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.last > 5 or done == self.total:
            self.last = now
            rate = done / max(now - self.start, 1e-9)
            print(f"  {self.label}: {done:,}/{self.total:,} ({rate:,.0f}/s)", flush=True)


def add_journal(session: Any, child_id: str, born: date, today: date, count: int, photos: int,
                rng: random.Random) -> None:
    from familyfile.domain.entry import PARENT, Author
    from familyfile.domain.journal import ObservationDraft
    from familyfile.services import journal, journal_photos

    span = (today - born).days
    with_photo = set(rng.sample(range(count), photos))
    key_worker = Author("key_worker", "Joy Mensah")
    progress = Progress("journal", count)
    for number in range(count):
        on = born + timedelta(days=min(span, int(span * (number + rng.random()) / count)))
        first = rng.random() < 0.01
        prepared = [journal_photos.prepare(jpeg(rng))] if number in with_photo else []
        session.use_as(key_worker if rng.random() < 0.05 else PARENT)
        journal.add(session, child_id, ObservationDraft(
            on.isoformat(), rng.choice(AREAS), observation_text(rng),
            first_title=f"First time number {number}" if first else "", is_first=first,
            observed_by=rng.choice(("", "", "", "Grandma", "Nursery", "Daddy"))), prepared)
        progress.step(number + 1)
    session.use_as(PARENT)


def add_growth(session: Any, child_id: str, born: date, sex: str, today: date, count: int,
               rng: random.Random) -> None:
    from rcpchgrowth import measurement_from_sds

    from familyfile.domain.growth import GrowthDraft, number_text
    from familyfile.domain.growth_centiles import quiet
    from familyfile.services import growth

    span = (today - born).days
    progress = Progress("growth", count)
    for number in range(count):
        on = born + timedelta(days=min(span, int(span * number / max(count - 1, 1))))
        years = (on - born).days / 365.25
        sds = 0.3 + rng.uniform(-0.15, 0.15)

        def value(method: str, at: float = years, shift: float = sds) -> float:
            with quiet():
                return float(measurement_from_sds("uk-who", shift, method, sex, at))

        growth.add(session, child_id, GrowthDraft(
            on.isoformat(), weight_kg=number_text(round(value("weight"), 2)),
            height_cm=number_text(round(value("height"), 1)) if number % 3 == 0 else "",
            head_cm=number_text(round(value("ofc"), 1)) if number % 4 == 0 and years < 2 else "",
            measured_by="Baby clinic"))
        progress.step(number + 1)


def add_child(session: Any, given: str, born: date, sex: str) -> str:
    from familyfile.domain import birth as birth_rules
    from familyfile.domain.child import ChildDraft
    from familyfile.services import about_me, birth

    child = session.add_child(ChildDraft(given, "Okafor", born.isoformat()))
    about_me.update_about_me(session, child.id, sex=sex, languages=["English", "Yoruba"],
                             likes="Dinosaurs, painting and the park.")
    birth.save(session, child.id, birth_rules.Birth(gestation_weeks=40, gestation_days=0,
                                                    birth_weight_kg=3.4))
    return str(child.id)


def generate(path: Path, entries: int, photos: int, growth_points: int) -> dict[str, Any]:
    from familyfile.services import demo, demo_records
    from familyfile.services import session as sessions
    from familyfile.store import key_header as kh

    rng = random.Random(20260101)  # noqa: S311 - sample text, not security
    start = time.perf_counter()
    session = sessions.create(path, PASSPHRASE, kdf=kh.PRODUCTION_KDF)
    try:
        demo.fill(session)  # Tobi (3) and Ayo (5 months), every section
        today = session.today()
        heavy_born = demo_records.months_before(today, 60) - timedelta(days=10)
        heavy = add_child(session, "Kemi", heavy_born, "female")
        small_born = demo_records.months_before(today, 22)
        small = add_child(session, "Femi", small_born, "male")
        demo_photos = 6
        small_entries, small_photos = 500, 14
        heavy_growth = max(growth_points - 20 - 80, 1)  # the demo has 20
        add_journal(session, heavy, heavy_born, today, entries,
                    max(photos - demo_photos - small_photos, 0), rng)
        add_journal(session, small, small_born, today, small_entries, small_photos, rng)
        add_growth(session, heavy, heavy_born, "female", today, heavy_growth, rng)
        add_growth(session, small, small_born, "male", today, 80, rng)
    finally:
        session.close()
    made = time.perf_counter() - start
    print(f"  made in {made:,.0f} s", flush=True)
    return {"heavy_child": heavy, "seconds_to_make": made}


def small_record(folder: Path) -> tuple[Path, str]:
    """The sample family alone (about 40 journal entries): the baseline."""
    from familyfile.services import demo
    from familyfile.store import key_header as kh

    path = folder / "small.familyfile"
    summary = demo.create_demo(path, PASSPHRASE, kdf=kh.PRODUCTION_KDF)
    return path, summary.children[0].child_id


# -- measuring (in a fresh process per record) ----------------------------------------------------
def _guard_none_refcount() -> None:
    """PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a Qt
    method that returns nothing (``setText``, ``update``, ``processEvents``, a painter's
    ``save``/``restore``…); after some tens of thousands of calls the process aborts with
    "Fatal Python error: none_dealloc". Python 3.12 made None immortal, and PySide6 6.11
    does not do it. So that the figures can be taken at all, give None a large reference
    count here (no memory is used). The app itself needs the fix: see the report."""
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Paints:
    """Times of the paint events of a widget and the widgets inside it. The filter is
    installed on those widgets only: an application-wide Python event filter is handed
    every object and can crash PySide6 (wrappers made for half-built or dying objects)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            def __init__(self, owner: Paints) -> None:
                super().__init__()
                self.owner = owner

            def eventFilter(self, _watched: Any, event: Any) -> bool:  # noqa: N802 (Qt API)
                if event.type() == paint and self.owner.condition():
                    self.owner.times.append(time.perf_counter())
                return False

        self.filter = Filter(self)
        self.root: Any = None
        self.watched: list[Any] = []
        self.condition: Callable[[], bool] = lambda: True
        self.times: list[float] = []

    def watch(self, widget: Any, condition: Callable[[], bool] = lambda: True) -> None:
        for old in self.watched:
            old.removeEventFilter(self.filter)
        self.root, self.watched, self.condition, self.times = widget, [], condition, []
        self.rewatch()

    def rewatch(self) -> None:
        """Also watch widgets made since (a page may build its cards when its data comes)."""
        from PySide6.QtWidgets import QWidget

        known = {id(w) for w in self.watched}
        for each in [self.root, *self.root.findChildren(QWidget)]:
            if id(each) not in known:
                each.installEventFilter(self.filter)
                self.watched.append(each)


def _spin_until(app: Any, done: Callable[[], bool], timeout: float = 120.0,
                what: str = "the window") -> None:
    from PySide6.QtCore import QEventLoop

    limit = time.perf_counter() + timeout
    while not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.0005)
        if time.perf_counter() > limit:
            raise SystemExit(f"timed out waiting for {what}")


def _settled(app: Any, tasks: Any, paints: Paints, what: str) -> float:
    """When the watched widget was first painted after the last task it started (a page
    may load its data through the task runner) finished; returns that time. A task that
    starts within 150 ms of a paint is waited for too."""
    from PySide6.QtCore import QEventLoop

    finishes: list[float] = []

    def finished() -> None:
        finishes.append(time.perf_counter())
        paints.rewatch()

    def painted_after_tasks() -> bool:
        after = finishes[-1] if finishes else 0.0
        return not tasks.busy and any(t > after for t in paints.times)

    tasks.finished.connect(finished)
    try:
        while True:
            _spin_until(app, painted_after_tasks, what=what)
            quiet_until = time.perf_counter() + 0.15
            while time.perf_counter() < quiet_until and not tasks.busy:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
                time.sleep(0.002)
            if not tasks.busy:
                break
    finally:
        tasks.finished.disconnect(finished)
    after = finishes[-1] if finishes else 0.0
    return min(t for t in paints.times if t > after)


def _rss_now_mib() -> float:
    """Resident memory now (the peak is set by the KDF's 256 MiB, not by the record)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _median_time(work: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path, child_id: str, profile: bool) -> dict[str, Any]:
    _guard_none_refcount()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from familyfile.services import journal, overview
    from familyfile.services import session as sessions
    from familyfile.store import key_header as kh
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.tasks import TaskRunner

    result: dict[str, Any] = {"file_mib": path.stat().st_size / 2**20,
                              "rss_before_unlock_mib": _rss_now_mib()}
    profiler = cProfile.Profile() if profile else None
    header = kh.read_header(path)
    result["kdf_s"] = _median_time(lambda: kh.passphrase_key(PASSPHRASE, os.urandom(16),
                                                             header.kdf), 1)
    result["unlock_s"] = _median_time(lambda: sessions.unlock(path, PASSPHRASE).close())
    session = sessions.unlock(path, PASSPHRASE)
    unlocked = time.perf_counter()
    result["rss_now_after_unlock_mib"] = _rss_now_mib()
    result["entries"] = journal.timeline_count(session, child_id)

    paints = Paints()
    if profiler:
        profiler.enable()
    tasks = TaskRunner()
    window = MainWindow(session, tasks)
    window.context.select_child(child_id)
    paints.watch(window.page("overview"))
    window.show()
    result["overview_s"] = _settled(app, tasks, paints, "the overview") - unlocked
    # The overview's reads alone (on this thread, so a profile sees them).
    result["overview_service_s"] = _median_time(lambda: overview.summary(session, child_id))
    result["rss_now_after_overview_mib"] = _rss_now_mib()

    start = time.perf_counter()
    page: Any = window.page("journal")  # a JournalPage
    paints.watch(page.view.viewport(), lambda: page.model.rowCount() > 0)
    window.show_section("journal")
    result["journal_first_paint_s"] = _settled(app, tasks, paints, "the timeline") - start
    result["journal_rows_loaded"] = page.model.rowCount()
    result["rss_now_after_journal_mib"] = _rss_now_mib()

    result["timeline_page_first_s"] = _median_time(
        lambda: journal.timeline(session, child_id, limit=50, offset=0))
    result["timeline_page_deep_s"] = _median_time(
        lambda: journal.timeline(session, child_id, limit=50, offset=result["entries"] // 2))
    result["timeline_count_s"] = _median_time(lambda: journal.timeline_count(session, child_id))
    result["journal_authors_s"] = _median_time(lambda: journal.authors(session, child_id))
    one_area = journal.JournalFilter(area="mathematics")
    result["journal_area_filter_s"] = _median_time(
        lambda: (journal.timeline_count(session, child_id, one_area),
                 journal.timeline(session, child_id, one_area)))

    service, found = [], []
    for words in WORDS_FOR_SEARCH:
        start = time.perf_counter()
        rows = journal.search(session, child_id, words)
        service.append(time.perf_counter() - start)
        found.append(len(rows))
    on_page = []
    for words, rows_found in zip(WORDS_FOR_SEARCH, found, strict=True):
        start = time.perf_counter()
        # The list is painted when something was found; otherwise the "nothing found" words.
        paints.watch(page.view.viewport() if rows_found else page.empty)
        page.search.setText(words)
        page.refresh()
        on_page.append(_settled(app, tasks, paints, f"the search for {words!r}") - start)
    if profiler:
        profiler.disable()
    result["search_median_s"] = statistics.median(service)
    result["search_max_s"] = max(service)
    result["search_slowest_word"] = WORDS_FOR_SEARCH[service.index(max(service))]
    result["search_rows"] = dict(zip(WORDS_FOR_SEARCH, found, strict=True))
    result["search_page_median_s"] = statistics.median(on_page)
    result["search_page_max_s"] = max(on_page)
    result["rss_now_after_search_mib"] = _rss_now_mib()

    start = time.perf_counter()
    session.backup_now("manual")
    result["backup_s"] = time.perf_counter() - start
    start = time.perf_counter()
    problems = session.check()
    result["check_s"] = time.perf_counter() - start
    result["check_ok"] = not problems
    result["peak_rss_mib"] = _rss_mib()
    window.close()
    tasks.wait_idle()
    session.close()
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        result["profile"] = out.getvalue()
    return result


def upgrade(path: Path) -> None:
    """Open once, so a record kept from an older version is migrated (and backed up)
    before anything is timed."""
    from familyfile.services import session as sessions

    sessions.unlock(path, PASSPHRASE).close()


def run_measure(path: Path, child_id: str, profile: bool) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    args = [sys.executable, __file__, MEASURE_FLAG, str(path), child_id]
    if profile:
        args.append("--profile")
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=1800,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"measuring failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the report -----------------------------------------------------------------------------------
ROWS = (
    ("file size", "file_mib", "MiB", 1),
    ("journal entries of the child shown", "entries", "", 1),
    ("KDF alone (argon2id)", "kdf_s", "ms", 1000),
    ("unlock (KDF + open), median of 3", "unlock_s", "ms", 1000),
    ("unlock -> overview painted", "overview_s", "ms", 1000),
    ("  the overview's reads alone", "overview_service_s", "ms", 1000),
    ("journal timeline first paint", "journal_first_paint_s", "ms", 1000),
    ("  timeline page at offset 0", "timeline_page_first_s", "ms", 1000),
    ("  timeline page half-way down", "timeline_page_deep_s", "ms", 1000),
    ("  timeline count", "timeline_count_s", "ms", 1000),
    ("  journal authors (the filter)", "journal_authors_s", "ms", 1000),
    ("  one area: count + first page", "journal_area_filter_s", "ms", 1000),
    ("search, service (median of 20)", "search_median_s", "ms", 1000),
    ("search, service (slowest)", "search_max_s", "ms", 1000),
    ("search on the page (median)", "search_page_median_s", "ms", 1000),
    ("search on the page (slowest)", "search_page_max_s", "ms", 1000),
    ("verified backup", "backup_s", "ms", 1000),
    ("check() (every integrity check)", "check_s", "ms", 1000),
    ("memory before unlock (imports)", "rss_before_unlock_mib", "MiB", 1),
    ("memory after unlock", "rss_now_after_unlock_mib", "MiB", 1),
    ("memory with the overview", "rss_now_after_overview_mib", "MiB", 1),
    ("memory with the journal", "rss_now_after_journal_mib", "MiB", 1),
    ("memory after 40 searches", "rss_now_after_search_mib", "MiB", 1),
    ("peak memory (ru_maxrss)", "peak_rss_mib", "MiB", 1),
)


def report(small: dict[str, Any], heavy: dict[str, Any]) -> None:
    print(f"\n{'':36} {'small':>12} {'heavy':>12}   heavy/small")
    for label, key, unit, scale in ROWS:
        a, b = small[key] * scale, heavy[key] * scale
        ratio = f"{b / a:8.1f}x" if a else ""
        print(f"{label:36} {a:10,.1f}{unit:>3} {b:10,.1f}{unit:>3}  {ratio}")
    print(f"\nslowest search word (heavy): {heavy['search_slowest_word']!r}; rows found: "
          + ", ".join(f"{w} {n}" for w, n in heavy["search_rows"].items()))
    limits = (("unlock -> overview", heavy["overview_s"], 1.0),
              ("journal first paint", heavy["journal_first_paint_s"], 1.0),
              ("search (service median)", heavy["search_median_s"], 0.2),
              ("search (page median)", heavy["search_page_median_s"], 0.2))
    slow = [f"{name} {value * 1000:,.0f} ms > {limit * 1000:,.0f} ms"
            for name, value, limit in limits if value > limit]
    print("over the limits: " + ("; ".join(slow) if slow else "none"))
    if not (small["check_ok"] and heavy["check_ok"]):
        print("check() found problems")


def cached(keep: Path | None, entries: int, photos: int, growth_points: int) -> tuple[Path, str]:
    folder = Path(tempfile.gettempdir()) / "familyfile-bench-heavy"
    path = keep or folder / "heavy.familyfile"
    marker = path.with_name(path.name + ".bench.json")
    wanted = {"entries": entries, "photos": photos, "growth": growth_points}
    if path.exists() and marker.exists():
        known = json.loads(marker.read_text("utf-8"))
        if known.get("wanted") == wanted:
            print(f"using the heavy record made before: {path}")
            return path, str(known["heavy_child"])
        raise SystemExit(f"{path} was made with other sizes ({known.get('wanted')}): "
                         "remove it, or choose another --keep PATH")
    if path.exists():
        raise SystemExit(f"{path} exists and was not made by this benchmark")
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"making the heavy record (once; kept at {path}) …", flush=True)
    made = generate(path, entries, photos, growth_points)
    marker.write_text(json.dumps({"wanted": wanted, **made}), "utf-8")
    return path, str(made["heavy_child"])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == MEASURE_FLAG:
        found = measure(Path(sys.argv[2]), sys.argv[3], "--profile" in sys.argv)
        print(json.dumps(found))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="where the heavy record is made and kept")
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--growth", type=int, default=300)
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile of the heavy run (window, journal, search)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FAMILYFILE_HOME"] = str(Path(folder) / "home")
        heavy_path, heavy_child = cached(args.keep, args.entries, args.photos, args.growth)
        small_path, small_child = small_record(Path(folder))
        upgrade(heavy_path)
        print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        small = run_measure(small_path, small_child, False)
        heavy = run_measure(heavy_path, heavy_child, args.profile)
        report(small, heavy)
        if args.profile:
            print("\n" + heavy["profile"])


if __name__ == "__main__":
    main()
