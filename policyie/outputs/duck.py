"""DuckDB: one table per record type in one database file, upserted by document id.

    $ duckdb out.duckdb "SELECT name, count(*) FROM officials GROUP BY 1 ORDER BY 2 DESC"

Each batch of documents is one transaction: the rows of those document ids are deleted from
every table, then the new rows inserted, so re-running a corpus (or part of it) replaces
documents instead of duplicating them, and a crash leaves whole documents, never half of one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from policyie.outputs import WriteSummary, disk_size
from policyie.outputs.tables import TABLES, add_rows, arrow_table, empty_rows, sql_add_missing, sql_ddl
from policyie.records import Document


def write_duckdb(docs: Iterable[Document], path: str | Path, *, batch_size: int = 1000) -> WriteSummary:
    import duckdb

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = WriteSummary(str(path), "duckdb", rows=dict.fromkeys(TABLES, 0))
    con = duckdb.connect(str(path))
    try:
        create_tables(con)
        rows = empty_rows()
        ids: set[str] = set()
        for doc in docs:
            # The same id twice in one batch would break the primary key: flush the first one.
            if doc.id in ids or len(ids) >= batch_size:
                _upsert(con, rows, summary)
                ids.clear()
            ids.add(doc.id)
            add_rows(rows, doc)
            summary.documents += 1
        _upsert(con, rows, summary)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    summary.bytes = disk_size(path)
    return summary


def create_tables(con) -> None:
    """Create the tables, and add the columns that a file written by an older policyie lacks (new rows
    fill them; old rows keep null), so re-running into an existing database never fails on its schema."""
    for t in TABLES:
        con.execute(sql_ddl(t))
        have = {r[0] for r in con.execute(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{t}'").fetchall()}
        for stmt in sql_add_missing(t, have):
            con.execute(stmt)


def _upsert(con, rows, summary: WriteSummary) -> None:
    if not rows["documents"]:
        return
    ids = arrow_table("documents", rows["documents"]).select(["id"])
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_policyie_ids", ids)
        for t in TABLES:
            key = "id" if t == "documents" else "doc_id"
            con.execute(f"DELETE FROM {t} WHERE {key} IN (SELECT id FROM _policyie_ids)")
        for t, batch in rows.items():
            if batch:
                con.register("_policyie_rows", arrow_table(t, batch))
                con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM _policyie_rows")
                con.unregister("_policyie_rows")
                summary.rows[t] += len(batch)
        con.unregister("_policyie_ids")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for batch in rows.values():
        batch.clear()
