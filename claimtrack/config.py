"""Settings from the environment and a TOML file in the user's config directory (XDG).

Precedence, highest first: environment variable, config file, built-in default.
The file is `$CLAIMTRACK_CONFIG`, else `<user config dir>/claimtrack/config.toml`.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    env: str
    default: Any
    kind: type
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("analyst", "CLAIMTRACK_ANALYST", None, str, "Your analyst handle; defaults to the login name."),
    Setting("database", "CLAIMTRACK_DB", None, str, "Default database: a SQLite path or a SQLAlchemy URL."),
    Setting("organisation", "CLAIMTRACK_ORGANISATION", "claimtrack", str,
            "The fact-checking organisation named as author in ClaimReview and reports."),
    Setting("organisation_url", "CLAIMTRACK_ORGANISATION_URL", "https://example.org/fact-checks", str,
            "Base URL of your published fact-checks; ClaimReview `url` is <this>/claim-<id>."),
    Setting("bidi", "CLAIMTRACK_BIDI", "terminal", str,
            "How the TUI shows Arabic: terminal (it reorders), app (claimtrack shapes and reorders), off."),
    Setting("denial_link_threshold", "CLAIMTRACK_DENIAL_LINK_THRESHOLD", 0.26, float,
            "Minimum score (0-1) for an automatic `denies` link between a denial and another claim."),
    Setting("duplicate_threshold", "CLAIMTRACK_DUPLICATE_THRESHOLD", 0.6, float,
            "Minimum score (0-1) for suggesting that a new claim matches an existing one."),
    Setting("merge_threshold", "CLAIMTRACK_MERGE_THRESHOLD", 0.85, float,
            "Minimum score (0-1) for merging a new claim into an existing one automatically (same source, "
            "same language, no conflict)."),
    Setting("max_ingest_bytes", "CLAIMTRACK_MAX_INGEST_BYTES", 20_000_000, int,
            "Files larger than this many bytes are refused by ingest."),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("CLAIMTRACK_CONFIG"):
        return Path(env["CLAIMTRACK_CONFIG"]).expanduser()
    return Path(user_config_dir("claimtrack")) / "config.toml"


class ConfigError(ValueError):
    """The config file or an environment variable holds a bad value."""


@dataclass(slots=True)
class Settings:
    values: dict[str, Any]
    sources: dict[str, str]
    path: Path

    def value(self, key: str) -> Any:
        return self.values[key]

    @property
    def analyst(self) -> str:
        return self.values["analyst"] or _login_name()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "analyst"


def _coerce(setting: Setting, raw: Any, origin: str) -> Any:
    try:
        value = setting.kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{origin}: {setting.key} must be {setting.kind.__name__}, got {raw!r}") from exc
    if setting.key == "bidi" and value not in ("terminal", "app", "off"):
        raise ConfigError(f"{origin}: bidi must be terminal, app or off, got {value!r}")
    return value


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """The effective settings and where each came from."""
    env = os.environ if env is None else env
    path = config_path(env)
    file_values: dict[str, Any] = {}
    if path.is_file():
        try:
            file_values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        unknown = set(file_values) - set(_BY_KEY)
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for s in SETTINGS:
        if env.get(s.env):
            values[s.key], sources[s.key] = _coerce(s, env[s.env], f"${s.env}"), f"env ${s.env}"
        elif s.key in file_values:
            values[s.key], sources[s.key] = _coerce(s, file_values[s.key], str(path)), f"file {path}"
        else:
            values[s.key], sources[s.key] = s.default, "default"
    if values["analyst"] is None:
        values["analyst"], sources["analyst"] = _login_name(), "login name"
    return Settings(values=values, sources=sources, path=path)
