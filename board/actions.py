"""What the library page does besides displaying: uploads under stated limits, removal, the catalog's view.

Kept out of the page script so it can be unit-tested without a browser (AppTest cannot upload files). Every
action that changes the library checks the session's role itself (board.roles), not only the page that
shows its button: a viewer's session is refused even if a request reaches the action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import library
from board import roles
from loaders.formats.ocr_engines import PROGRESS as OCR_PROGRESS

MAX_UPLOAD_FILES = 20
MAX_UPLOAD_MB = 20  # per file; the loaders themselves refuse anything over 50 MB
UPLOAD_TYPES = [
    "txt",
    "docx",
    "pdf",
    "html",
    "htm",
    "doc",
    "wps",
    "rtf",
    "ofd",
    "png",
    "jpg",
    "jpeg",
    "tif",
    "tiff",
]
STATUS_ZH = {"added": "已添加", "duplicate": "已存在（内容相同）", "failed": "未添加"}
HOW_ZH = {"upload": "网页上传", "folder": "放入文件夹", "cli": "命令行"}
CATALOG_COLUMNS = {
    "stored_name": "文件",
    "title": "标题",
    "proposal_number": "建议/提案编号",
    "addressee": "答复对象",
    "replying_body": "答复单位",
    "signed_date": "落款日期",
    "format": "格式",
    "n_figures": "数据条数",
    "size": "大小（字节）",
    "added_at": "添加时间",
    "added_how": "添加方式",
    "encoding": "编码",
    "sha256": "内容指纹（SHA-256）",
}
LIMITS_TEXT = (
    f"每次最多 {MAX_UPLOAD_FILES} 个文件，每个不超过 {MAX_UPLOAD_MB} MB；"
    "支持 .txt（UTF-8/GBK/GB18030）、.docx、.doc、.wps、.rtf、.ofd、.pdf（扫描件自动识别文字）、"
    "图片 .png/.jpg/.tif、网页 .html/.htm。相同内容的文件不会重复添加。"
)


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str  # 已添加 / 已存在 / 未添加
    detail: str


def add_uploaded(
    files: list[tuple[str, bytes]], folder: Path, on_page: Callable[[int, int], None] | None = None
) -> list[Outcome]:
    """Add uploads that keep within the limits; the others are refused, each with its reason. A viewer's
    session adds nothing. `on_page(done, total)` hears each page a scan's OCR has read (it is slow)."""
    if not roles.is_editor():
        return [Outcome(n, STATUS_ZH["failed"], roles.REFUSED) for n, _ in files]
    outcomes: list[Outcome] = []
    if len(files) > MAX_UPLOAD_FILES:
        return [Outcome(n, STATUS_ZH["failed"], f"一次最多上传 {MAX_UPLOAD_FILES} 个文件") for n, _ in files]
    accepted = []
    for name, data in files:
        if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
            outcomes.append(Outcome(name, STATUS_ZH["failed"], f"超过 {MAX_UPLOAD_MB} MB 的大小限制"))
        else:
            accepted.append((name, data))
    token = OCR_PROGRESS.set(on_page)  # this thread's context only: other sessions are not told
    try:
        results = library.add_uploads(accepted, folder, workers=1) if accepted else []
    finally:
        OCR_PROGRESS.reset(token)
    for result in results:
        detail = {
            "added": f"保存为 {result.stored_name}，提取数据 {result.n_figures} 条",
            "duplicate": result.reason.replace("same content as", "与已有文件内容相同："),
            "failed": result.reason,
        }[result.status]
        outcomes.append(Outcome(result.name, STATUS_ZH[result.status], detail))
    return outcomes


def remove_reply(sha256: str, folder: Path) -> library.Entry:
    """Remove a reply (its stored file and entry); raises roles.NotAnEditor in a viewer's session."""
    roles.require_editor()
    return library.remove(sha256, folder)


def catalog_view(catalog: pd.DataFrame) -> pd.DataFrame:
    """The catalog as officials read it: Chinese headers, local-time dates, how-added in words."""
    view = catalog.reindex(columns=list(CATALOG_COLUMNS)).copy()
    view["added_at"] = (
        pd.to_datetime(view["added_at"], utc=True).dt.tz_convert("Asia/Shanghai").dt.tz_localize(None)
    )
    view["added_how"] = view["added_how"].map(lambda v: HOW_ZH.get(v, v), na_action="ignore")
    return view.rename(columns=CATALOG_COLUMNS)
