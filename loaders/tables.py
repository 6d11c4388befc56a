"""Structure + figures → the three DataFrames, typed as the column dictionary says."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.columns import conform
from loaders.figures import extract_figures
from loaders.structure import parse_structure
from loaders.themes import assign_theme


@dataclass
class ReplyTables:
    """One table each for documents, sections and figures (of one reply or many)."""

    documents: pd.DataFrame
    sections: pd.DataFrame
    figures: pd.DataFrame


def _page_of(pages: list[tuple[int, int, int]], offset: int) -> int | None:
    for page, start, end in pages:
        if start <= offset < end:
            return page
    return None


def build_tables(
    text: str, doc: str, encoding: str = "utf-8", fmt: str = "txt", pages: list | None = None
) -> ReplyTables:
    structure = parse_structure(text)
    figures = extract_figures(text, structure)
    rows = []
    for fig in figures:
        section = structure.section_at(fig.start)
        rows.append(
            {
                "doc": doc,
                **fig.as_row(),
                "theme": assign_theme(fig.label, section.heading if section else "", fig.sentence_text),
                "section_id": section.section_id if section else "0",
                "section": section.heading if section else "导语",
                "page": _page_of(pages or [], fig.start),
            }
        )
    figure_frame = conform(pd.DataFrame(rows, columns=_names("figures")), "figures")
    meta = structure.meta
    document = {
        "doc": doc,
        **{k: meta.get(k) for k in _names("documents") if k in meta},
        "encoding": encoding,
        "format": fmt,
        "n_chars": len(text),
        "n_figures": len(figure_frame),
    }
    documents = conform(pd.DataFrame([document], columns=_names("documents")), "documents")
    sections = conform(
        pd.DataFrame([{"doc": doc, **s.as_row()} for s in structure.sections], columns=_names("sections")),
        "sections",
    )
    return ReplyTables(documents=documents, sections=sections, figures=figure_frame)


def _names(table: str) -> list[str]:
    from loaders.columns import columns_of

    return [c.name for c in columns_of(table)]


def concat_tables(parts: list[ReplyTables]) -> ReplyTables:
    """Many replies' tables as one table each."""
    if not parts:
        return build_empty()
    return ReplyTables(
        *(
            conform(pd.concat([getattr(p, name) for p in parts], ignore_index=True), name)
            for name in ("documents", "sections", "figures")
        )
    )


def build_empty() -> ReplyTables:
    return ReplyTables(
        *(conform(pd.DataFrame(columns=_names(name)), name) for name in ("documents", "sections", "figures"))
    )
