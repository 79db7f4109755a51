"""The database and analyst a command works with, and getting the database ready to use."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claimtrack import db, migrations, services
from claimtrack.config import Settings, load_settings
from claimtrack.models import Analyst
from claimtrack.services import ClaimtrackError

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path | None:
    """The seed articles: ./seeds, else the seeds/ beside the installed source tree."""
    for candidate in (Path.cwd() / "seeds", PACKAGE_ROOT / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


@dataclass
class Workspace:
    """Resolved --db / --analyst, with a lazily built engine."""

    target: str
    analyst: str
    settings: Settings
    is_default: bool = False
    _engine: Engine | None = field(default=None, repr=False)
    _warned: bool = field(default=False, repr=False)

    @classmethod
    def resolve(cls, db_option: str | None, analyst_option: str | None) -> Workspace:
        settings = load_settings()
        target = db.resolve_target(db_option)
        is_default = db_option is None and not os.environ.get("CLAIMTRACK_DB") and not settings.value("database")
        analyst = analyst_option or settings.analyst
        return cls(target=target, analyst=analyst, settings=settings, is_default=is_default)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._check_folder()
            self._engine = db.make_engine(self.target)
        return self._engine

    def _check_folder(self) -> None:
        """A SQLite path whose folder is missing is a mistake, except for the default ./data/ folder."""
        if self.is_default or db.is_url(self.target) or self.target == ":memory:":
            return
        folder = Path(self.target).expanduser().parent
        if not folder.is_dir():
            raise ClaimtrackError(
                f"the folder {folder} does not exist, so the database {self.target} cannot be created there; "
                "create the folder first or give another --db path"
            )

    @property
    def raw_dir(self) -> Path:
        if db.is_url(self.target):
            return Path("data") / "raw"
        return Path(self.target).expanduser().resolve().parent / "raw"

    def _warn_network_fs(self) -> None:
        """Once per process: say so on stderr when a SQLite file lives on NFS/SMB/CIFS."""
        if self._warned:
            return
        self._warned = True
        from claimtrack.target import network_warning

        message = network_warning(self.target)
        if message:
            sys.stderr.write(message + "\n")

    def describe(self) -> str:
        if db.is_url(self.target):
            url = sa.engine.make_url(self.target)
            return url.render_as_string(hide_password=True)
        return str(Path(self.target))

    def ready(self, *, upgrade_behind: bool | None = None) -> Engine:
        """The engine of a database at the current schema.

        A new, empty database is created and migrated. One whose schema is behind is upgraded
        automatically when it is the default database; otherwise the user is told to run
        `claimtrack db upgrade`.
        """
        engine = self.engine
        self._warn_network_fs()
        try:
            current = migrations.current_revision(engine)
            has_tables = bool(sa.inspect(engine).get_table_names())
        except sa.exc.OperationalError as exc:
            raise ClaimtrackError(f"cannot open database {self.describe()}: {exc.orig}") from exc
        head = migrations.head_revision()
        if current == head:
            return engine
        if current is None and has_tables:
            raise ClaimtrackError(f"{self.describe()} is not a claimtrack database (it has tables but no schema version)")
        auto = self.is_default if upgrade_behind is None else upgrade_behind
        if current is None or auto:
            migrations.upgrade(engine)
            return engine
        raise ClaimtrackError(
            f"the database {self.describe()} is at schema {current}, behind this claimtrack ({head}); "
            f"run `claimtrack db upgrade` (back it up first with `claimtrack db backup FILE`)"
        )


    @contextmanager
    def writer(self) -> Iterator[tuple[Session, Analyst]]:
        """One write transaction as the current analyst.

        The analyst is registered first, in a transaction of its own, so that a command the workflow
        refuses still leaves the analyst known (an admin can then grant a role).
        """
        engine = self.ready()
        with db.atomic(engine) as s:
            services.ensure_analyst(session=s, handle=self.analyst)
        with db.atomic(engine) as s:
            yield s, services.get_analyst(session=s, handle=self.analyst)
