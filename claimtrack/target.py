"""Which database a command uses, without the database stack: --db, $CLAIMTRACK_DB, the config file or
./data/claimtrack.db; paths versus URLs; SQLite files on network file systems.

`claimtrack.db` and `claimtrack.dbcheck` re-export these; the light read paths (`claims`, the TUI's first
page) import them from here so that SQLAlchemy is not loaded before their first output.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_DB = Path("data") / "claimtrack.db"
BUSY_TIMEOUT_MS = 15_000
NETWORK_FS = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "fuse.sshfs", "ncpfs", "glusterfs", "ceph")


def is_url(target: str) -> bool:
    """True when `target` is a SQLAlchemy URL rather than a file path."""
    return "://" in target


def resolve_target(cli_value: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The database chosen by --db, then $CLAIMTRACK_DB, then the config file, then ./data/claimtrack.db."""
    env = os.environ if env is None else env
    if cli_value:
        return cli_value
    if env.get("CLAIMTRACK_DB"):
        return env["CLAIMTRACK_DB"]
    from claimtrack.config import load_settings

    configured = load_settings(env=env).value("database")
    return configured or str(DEFAULT_DB)


def to_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL."""
    if is_url(target):
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The type of network file system `path` lives on (from /proc/mounts), or None."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.expanduser().resolve())
    best, fstype = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, fstype = mount, fields[2]
    return fstype if fstype and (fstype in NETWORK_FS or fstype.startswith(("nfs", "smb", "cifs"))) else None


def network_warning(target: str) -> str | None:
    """A warning when a SQLite database sits on a network file system, else None."""
    if is_url(target):
        return None
    fstype = network_filesystem(Path(target).expanduser().parent)
    if fstype is None:
        return None
    return (f"warning: {target} is on a network file system ({fstype}); SQLite's locking is not reliable there "
            "and the database can be corrupted. Keep it on a local disk, or use PostgreSQL for a shared team database.")
