"""Structure + figures → the three DataFrames, typed as the column dictionary says.

Extraction yields plain records per document (`extract_records`); frames are built once for a whole
batch (`tables_from_records`), because building typed pandas frames costs more than reading a reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from loaders.cells import apply_cells
from loaders.columns import columns_of, conform
from loaders.domains import META_FIELDS, detect_domain
from loaders.figures import extract_figures
from loaders.fold import fold
from loaders.pinyin_residue import Compacted, compact
from loaders.structure import parse_structure
from loaders.themes import assign_theme, theme_key

if TYPE_CHECKING:  # imported where frames are built: `python -m loaders` never builds one
    import pandas as pd

TABLE_NAMES = ("documents", "sections", "figures")
# A figure whose least certain character the OCR engine read below this is marked 请核对. At 200 dpi,
# characters read right score 0.95–1.00; misread ones mostly below 0.9 (docs/ocr.md).
OCR_CHECK_BELOW = 0.90


@dataclass
class ReplyTables:
    """One table each for documents, sections and figures (of one reply or many)."""

    documents: pd.DataFrame
    sections: pd.DataFrame
    figures: pd.DataFrame


@dataclass
class DocumentRecords:
    """One reply's rows, before they become frames."""

    document: dict
    sections: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)


def _page_of(pages: list[tuple[int, int, int]], offset: int) -> int | None:
    for page, start, end in pages:
        if start <= offset < end:
            return page
    return None


def extract_records(
    text: str,
    doc: str,
    encoding: str = "utf-8",
    fmt: str = "txt",
    pages: list | None = None,
    cells: list | None = None,
    ocr: list | None = None,
) -> DocumentRecords:
    """One reply's rows. A page printing pinyin after its characters (萬(wàn)元) is read without it, and its
    offsets are given back in the text as written (loaders.pinyin_residue)."""
    short = None if ocr else compact(text)
    if short is None:
        return _records(text, doc, encoding, fmt, pages, cells, ocr)
    pages = [(page, short.to_compact(start), short.to_compact(end)) for page, start, end in pages or []]
    cells = [replace(c, start=short.to_compact(c.start), end=short.to_compact(c.end)) for c in cells or []]
    return _as_written(_records(short.text, doc, encoding, fmt, pages, cells, ocr), text, short)


def _as_written(records: DocumentRecords, text: str, short: Compacted) -> DocumentRecords:
    """Offsets, figure texts and sentences of records read from the compact text, in the text as written."""
    for row in records.figures:
        sentence_end = short.to_text(row["sentence_start"] + len(row["sentence"]))
        row["start"], row["end"] = short.to_text(row["start"]), short.to_text(row["end"])
        row["sentence_start"] = short.to_text(row["sentence_start"])
        row["text"], row["sentence"] = (
            text[row["start"] : row["end"]],
            text[row["sentence_start"] : sentence_end],
        )
    for row in records.sections:
        row["start"], row["end"] = short.to_text(row["start"]), short.to_text(row["end"])
    records.document["n_chars"] = len(text)
    return records


def _records(
    text: str,
    doc: str,
    encoding: str,
    fmt: str,
    pages: list | None,
    cells: list | None,
    ocr: list | None,
) -> DocumentRecords:
    structure = parse_structure(text)
    figures = []
    found = apply_cells(text, extract_figures(text, structure), cells or [], structure.meta.get("year"))
    meta = structure.meta
    # domain and theme words are matched on the fold: a page in traditional characters (衛生健康局, 農業)
    # or full-width marks names its domain and themes as a simplified one does
    folded, changed = structure.folded, structure.folded != text
    header = folded[: min(structure.body_start, 3000)]
    body = folded[structure.body_start : structure.body_end or len(text)][:20000]
    sentences = {
        f.sentence_start: folded[f.sentence_start : f.sentence_start + len(f.sentence_text)] for f in found
    }
    named = {k: fold(v) if changed and isinstance(v, str) else v for k, v in meta.items() if k in META_FIELDS}
    domain, subdomain, source = detect_domain(named, header, list(dict.fromkeys(sentences.values())), body)
    meta.update(domain=domain, domain_source=source)
    themes = theme_key(domain, subdomain)
    no_ocr = _ocr_check([], 0, 0)
    for fig in found:
        section = structure.section_at(fig.start)
        heading = section.heading if section else "导语"
        row = {"doc": doc, **fig.__dict__}  # Figure.as_row, in one copy
        row["sentence"] = row.pop("sentence_text")
        sentence = sentences[fig.sentence_start]
        row.update(
            # the sentence up to the figure: its last keyword there is the one nearest the figure
            theme=assign_theme(
                fold(fig.label) if changed else fig.label,
                fold(heading) if changed else heading,
                sentence[: fig.end - fig.sentence_start],
                domain,
                subdomain,
                sentence,
                key=themes,
            ),
            domain=domain,
            domain_source=source,
            section_id=section.section_id if section else "0",
            section=heading,
            page=_page_of(pages, fig.start) if pages else None,
            **(_ocr_check(ocr, fig.start, fig.end) if ocr else no_ocr),
        )
        figures.append(row)
    document = {name: meta.get(name) for name in _names("documents")}
    document.update(doc=doc, encoding=encoding, format=fmt, n_chars=len(text), n_figures=len(figures))
    sections = [{"doc": doc, **s.as_row()} for s in structure.sections]
    return DocumentRecords(document, sections, figures)


def _ocr_check(spans: list, start: int, end: int) -> dict:
    """The lowest OCR confidence of the figure's characters, and whether that is too low to trust."""
    values = [
        c
        for s in spans
        if s.start < end and start < s.end
        for c in s.confidences[max(0, start - s.start) : end - s.start]
    ]
    if not values:
        return {"ocr_confidence": float("nan"), "needs_check": False}
    lowest = min(values)
    return {"ocr_confidence": lowest, "needs_check": lowest < OCR_CHECK_BELOW}


@cache
def _names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in columns_of(table))


def tables_from_records(batch: list[DocumentRecords]) -> ReplyTables:
    """One typed frame per table for a whole batch of documents."""
    rows = {
        "documents": [r.document for r in batch],
        "sections": [s for r in batch for s in r.sections],
        "figures": [f for r in batch for f in r.figures],
    }
    return ReplyTables(*(_typed_frame(rows[name], name) for name in TABLE_NAMES))


def _typed_frame(rows: list[dict], table: str) -> pd.DataFrame:
    """Rows → a typed frame, built a column at a time: about twice as fast as from the list of dicts."""
    import pandas as pd

    names = _names(table)
    columns = {name: [row.get(name) for row in rows] for name in names}
    return conform(pd.DataFrame(columns, columns=list(names)), table)


def extract_decoded(decoded, doc: str) -> DocumentRecords:
    """Records of one reply read by loaders.read (text, encoding, format, pages and table cells)."""
    return extract_records(
        decoded.text, doc, decoded.encoding, decoded.format, decoded.pages, decoded.cells, decoded.ocr
    )


def build_tables(
    text: str, doc: str, encoding: str = "utf-8", fmt: str = "txt", pages: list | None = None
) -> ReplyTables:
    return tables_from_records([extract_records(text, doc, encoding, fmt, pages)])


def concat_tables(parts: list[ReplyTables]) -> ReplyTables:
    """Many replies' tables as one table each."""
    if not parts:
        return build_empty()
    import pandas as pd

    return ReplyTables(
        *(
            conform(pd.concat([getattr(p, name) for p in parts], ignore_index=True), name)
            for name in TABLE_NAMES
        )
    )


def build_empty() -> ReplyTables:
    return tables_from_records([])
