"""Where things live on this computer: the default family file, settings, recent files.

``FAMILYFILE_HOME`` (for tests and portable installs) replaces the platformdirs folders.
Settings hold paths and preferences only, never child data.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from familyfile.store.atomic_file import write_atomic

APP = "FamilyFile"
MAX_RECENT = 8


def data_dir() -> Path:
    home = os.environ.get("FAMILYFILE_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    home = os.environ.get("FAMILYFILE_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_family_file() -> Path:
    return data_dir() / "family.familyfile"


@dataclass
class Settings:
    recent_files: list[str] = field(default_factory=list)
    auto_lock_minutes: int = 5
    language: str = ""

    def remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]

    def forget(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]


def _settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    try:
        raw = json.loads(_settings_path().read_text("utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    settings = Settings()
    recent = raw.get("recent_files")
    if isinstance(recent, list):
        settings.recent_files = [str(p) for p in recent if isinstance(p, str)][:MAX_RECENT]
    minutes = raw.get("auto_lock_minutes")
    if isinstance(minutes, int) and 0 <= minutes <= 240:
        settings.auto_lock_minutes = minutes
    if isinstance(raw.get("language"), str):
        settings.language = raw["language"]
    return settings


def save_settings(settings: Settings) -> None:
    folder = config_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomic(_settings_path(), json.dumps(asdict(settings), indent=1).encode("utf-8"))
