"""Alembic environment: uses the engine handed over in config.attributes, or the URL option."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import context
from sqlmodel import SQLModel

import claimtrack.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata
IGNORED_PREFIXES = ("claim_fts", "passage_fts")  # full-text indexes: made by search.py and passages.py

if TYPE_CHECKING:
    from alembic.runtime.environment import NameFilterParentNames, NameFilterType


def include_name(name: str | None, type_: NameFilterType, parent_names: NameFilterParentNames) -> bool:
    if type_ == "table" and name and name.startswith(IGNORED_PREFIXES):
        return False
    return not (type_ == "index" and name in ("ix_claim_search_tsv", "ix_passage_search_tsv"))


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from claimtrack.db import make_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("the migrations need an engine in config.attributes or a sqlalchemy.url option")
        engine = make_engine(url)
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
