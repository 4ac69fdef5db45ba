"""Import slow libraries while the person types their passphrase, not after.

The growth library (with scipy) takes about a second to import; the overview needs it
right after unlocking. A background thread imports it once the unlock screen is shown;
Python's import lock makes a later import wait for it rather than import it twice.
"""

from __future__ import annotations

import contextlib
import threading

from familyfile.services import growth

_started = threading.Event()


def warm_up_in_background() -> None:
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_preload, name="familyfile-warm-up", daemon=True).start()


def _preload() -> None:
    with contextlib.suppress(ImportError):  # the overview reports it when it needs the library
        growth.preload()
