"""Alembic environment: uses the engine handed over in config.attributes, or the URL option."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import claimtrack.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata
IGNORED_PREFIXES = ("claim_fts", "passage_fts")  # full-text indexes: made by search.py and passages.py


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    if type_ == "table" and name and name.startswith(IGNORED_PREFIXES):
        return False
    return not (type_ == "index" and name in ("ix_claim_search_tsv", "ix_passage_search_tsv"))


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from claimtrack.db import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
