"""The figures store queried in place: DuckDB over the library's Parquet segments, no all-in-one frame.

    from library.query import FigureFilter, FigureStore, figures_query
    store = FigureStore.open()                                   # data/, $REPLY_LIBRARY, or a folder given
    store.count(FigureFilter(themes=("园区与平台",)))             # 1,234 — counted by DuckDB
    store.figures(FigureFilter(query="园区"), limit=200, offset=400)   # one page of rows, typed as the loaders'
    store.counts_by(["theme", "kind"], FigureFilter(status="achieved"))  # what a bar chart needs
    store.totals_by(["theme"], FigureFilter(kinds=("money",)))          # sums per base unit, never mixed

Filtering, ordering, paging and aggregation run in DuckDB over `.cache/<LOADER_VERSION>/seg-*.parquet`, so
memory grows with the rows asked for, not with the library. The rows are the ones `open_library` gives: the
doc key is the manifest's stored name (the cache holds content hashes), replies not in the manifest are left
out, and a reply cached in two segments is read from the oldest, as `library.cache` does. The query reads the
cache only: open (or add to) the library first, which extracts whatever is not cached yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from library import cache, library_folder
from library.manifest import read_manifest
from loaders.columns import columns_of, dtypes_of

FIGURE_COLUMNS = [c.name for c in columns_of("figures")]
GROUPABLE = {"doc", "theme", "kind", "qualifier", "period", "is_planned", "is_growth", "section", "base_unit"}


@dataclass(frozen=True)
class FigureFilter:
    """What to keep; empty means all. Field names match the dashboard's `filters.Filters`.

    `periods` may hold None for figures without a period (running totals such as 截至目前).
    """

    themes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    periods: tuple[str | None, ...] = ()
    status: str = "all"  # all | achieved | planned
    docs: tuple[str, ...] = ()
    query: str = ""  # free text in label, sentence or surface text

    def where(self) -> tuple[str, list]:
        """A SQL condition over the figures view and its parameters (values are never spliced in)."""
        clauses, params = ["TRUE"], []
        for name, column in (("themes", "theme"), ("sections", "section"), ("kinds", "kind"),
                             ("qualifiers", "qualifier"), ("docs", "doc")):  # fmt: skip
            chosen = list(getattr(self, name))
            if chosen:
                clauses.append(f"{column} IN ({', '.join('?' * len(chosen))})")
                params += chosen
        if self.periods:
            named = [p for p in self.periods if p is not None]
            either = [f"period IN ({', '.join('?' * len(named))})"] if named else []
            either += ["period IS NULL"] if None in self.periods else []
            clauses.append(f"({' OR '.join(either)})")
            params += named
        if self.status in ("planned", "achieved"):
            clauses.append(
                "coalesce(is_planned, FALSE)"
                if self.status == "planned"
                else "NOT coalesce(is_planned, FALSE)"
            )
        if self.query:
            fold = any(ch.isascii() and ch.isalpha() for ch in self.query)  # 5G vs 5g; Chinese has no case
            test = (
                "contains(lower(coalesce({0}, '')), lower(?))" if fold else "contains(coalesce({0}, ''), ?)"
            )
            clauses.append("(" + " OR ".join(test.format(c) for c in ("label", "sentence", "text")) + ")")
            params += [self.query] * 3
        return " AND ".join(clauses), params


class FigureStore:
    """One DuckDB connection with views `documents`, `sections`, `figures` over one library's cache."""

    def __init__(self, folder: Path, connection: duckdb.DuckDBPyConnection) -> None:
        self.folder = folder
        self._connection = connection

    @classmethod
    def open(cls, folder: str | Path | None = None, memory_limit: str = "1GB") -> FigureStore:
        folder = library_folder(folder)
        connection = duckdb.connect(config={"memory_limit": memory_limit, "threads": 2})
        store = cls(folder, connection)
        store.refresh()
        return store

    def refresh(self) -> None:
        """Re-read the manifest and the list of segments (after adds, removes or a compaction)."""
        entries = read_manifest(self.folder)
        directory = cache.cache_dir(self.folder)
        segments = cache.segments(directory)
        live = pd.DataFrame(
            {
                "sha256": [e.sha256 for e in entries],
                "doc": [e.stored_name for e in entries],
                "doc_rank": range(len(entries)),
            }
        ).astype({"sha256": "string", "doc": "string", "doc_rank": "int64"})
        ranks = pd.DataFrame({"segment": segments, "segment_rank": range(len(segments))}).astype(
            {"segment": "string", "segment_rank": "int64"}
        )
        con = self._connection
        con.register("live_frame", live)
        con.register("ranks_frame", ranks)
        con.execute("CREATE OR REPLACE TABLE live_replies AS SELECT * FROM live_frame")
        con.execute("CREATE OR REPLACE TABLE segment_ranks AS SELECT * FROM ranks_frame")
        con.unregister("live_frame")
        con.unregister("ranks_frame")
        con.execute(
            "DROP VIEW IF EXISTS figures; DROP VIEW IF EXISTS documents; DROP VIEW IF EXISTS sections"
        )
        if not segments:
            for table in ("documents", "sections", "figures"):
                con.execute(f"CREATE OR REPLACE VIEW {table} AS {_empty(table)}")
            return

        def files(table: str) -> str:
            return "[" + ", ".join(_quote(str(directory / f"{s}.{table}.parquet")) for s in segments) + "]"

        # each live reply from the oldest segment holding it (as library.cache reads it)
        con.execute(
            f"""CREATE OR REPLACE VIEW chosen AS
            SELECT d.sha256, min_by(r.segment, r.segment_rank) AS segment
            FROM read_parquet({files("documents")}, filename = true) d
            JOIN segment_ranks r ON r.segment = {_segment_of("d.filename")}
            WHERE d.sha256 IN (SELECT sha256 FROM live_replies)
            GROUP BY d.sha256"""
        )
        for table in ("documents", "sections", "figures"):
            names = ", ".join(f't."{c}"' if c != "doc" else "l.doc" for c in _columns(table))
            con.execute(
                f"""CREATE OR REPLACE VIEW {table} AS
                SELECT {names}, l.doc_rank
                FROM read_parquet({files(table)}, filename = true, union_by_name = true) t
                JOIN chosen c ON c.sha256 = t.sha256 AND c.segment = {_segment_of("t.filename")}
                JOIN live_replies l ON l.sha256 = t.sha256"""
            )

    def sql(self, query: str, params: list | None = None) -> pd.DataFrame:
        """Any read-only query over the views (a cursor per call: safe from several threads)."""
        return self._connection.cursor().execute(query, params or []).df()

    def count(self, where: FigureFilter | None = None) -> int:
        condition, params = (where or FigureFilter()).where()
        return int(self.sql(f"SELECT count(*) AS n FROM figures WHERE {condition}", params)["n"].iloc[0])

    def figures(
        self,
        where: FigureFilter | None = None,
        columns: list[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Matching rows in library order (reply as added, then offset), typed as the loaders' figures."""
        columns = columns or FIGURE_COLUMNS
        unknown = set(columns) - set(FIGURE_COLUMNS)
        if unknown:
            raise ValueError(f"not figure columns: {sorted(unknown)}")
        condition, params = (where or FigureFilter()).where()
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        frame = self.sql(
            f'SELECT {_idents(columns)} FROM figures WHERE {condition} ORDER BY doc_rank, "start"{page}',
            params,
        )
        return _typed(frame, "figures")

    def counts_by(self, by: list[str], where: FigureFilter | None = None) -> pd.DataFrame:
        """Figures and replies per group, largest first: `by` columns, n_figures, n_docs."""
        keys = _group_keys(by)
        condition, params = (where or FigureFilter()).where()
        return self.sql(
            f"""SELECT {keys}, count(*) AS n_figures, count(DISTINCT doc) AS n_docs FROM figures
            WHERE {condition} GROUP BY ALL ORDER BY n_figures DESC, {keys}""",
            params,
        )

    def totals_by(self, by: list[str], where: FigureFilter | None = None) -> pd.DataFrame:
        """Sum, median and count of base values per group and base unit (amounts of different units apart)."""
        keys = _group_keys([*by, "base_unit"])
        condition, params = (where or FigureFilter()).where()
        return self.sql(
            f"""SELECT {keys}, sum(base_value) AS total, median(base_value) AS median, count(*) AS n_figures
            FROM figures WHERE {condition} AND base_value IS NOT NULL
            GROUP BY ALL ORDER BY n_figures DESC, {keys}""",
            params,
        )

    def distinct(self, column: str) -> list:
        """The values a filter can offer for one column, most frequent first."""
        key = _group_keys([column])
        return self.sql(f"SELECT {key} FROM figures GROUP BY ALL ORDER BY count(*) DESC, {key}")[
            column
        ].tolist()

    def documents(self) -> pd.DataFrame:
        return _typed(self.sql("SELECT * EXCLUDE (doc_rank) FROM documents ORDER BY doc_rank"), "documents")

    def close(self) -> None:
        self._connection.close()


def figures_query(
    where: FigureFilter | None = None, folder: str | Path | None = None, **kwargs
) -> pd.DataFrame:
    """One-shot: the matching figures of a library (see FigureStore.figures for limit/offset/columns)."""
    store = FigureStore.open(folder)
    try:
        return store.figures(where, **kwargs)
    finally:
        store.close()


def _group_keys(by: list[str]) -> str:
    unknown = set(by) - GROUPABLE
    if unknown or not by:
        raise ValueError(f"cannot group by {sorted(unknown) or 'nothing'}; choose from {sorted(GROUPABLE)}")
    return _idents(by)


def _idents(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _columns(table: str) -> list[str]:
    return [c.name for c in columns_of(table)]


def _typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    dtypes = dtypes_of(table)
    return frame.astype({c: dtypes[c] for c in frame.columns if c in dtypes}).reset_index(drop=True)


def _empty(table: str) -> str:
    """A zero-row table with the dictionary's columns (a library with nothing cached yet)."""
    sql_types = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE", "boolean": "BOOLEAN"}
    dtypes = dtypes_of(table)
    cols = [f'CAST(NULL AS {sql_types.get(str(dtypes[c]), "TIMESTAMP")}) AS "{c}"' for c in _columns(table)]
    return f"SELECT {', '.join(cols)}, CAST(NULL AS BIGINT) AS doc_rank LIMIT 0"


def _segment_of(filename: str) -> str:
    """SQL: the segment id of a cache file's path (seg-<id>.<table>.parquet → seg-<id>)."""
    return f"split_part(parse_filename({filename}), '.', 1)"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
