"""An upload hears each page a scan's OCR reads (the upload page draws it as a progress bar)."""

from __future__ import annotations

from board import actions, roles
from loaders.formats import ocr_engines


def test_each_ocr_page_reaches_the_uploads_callback_and_no_one_else(tmp_path, monkeypatch):
    monkeypatch.setattr(roles, "is_editor", lambda: True)

    def add_uploads(files, folder, workers=None):
        assert workers == 1  # read in this thread, where the callback is set
        for page in (1, 2, 3):
            ocr_engines.report_progress(page, 3)
        return []

    monkeypatch.setattr(actions.library, "add_uploads", add_uploads)
    heard: list[tuple[int, int]] = []
    actions.add_uploaded([("scan.png", b"x")], tmp_path, lambda done, total: heard.append((done, total)))
    assert heard == [(1, 3), (2, 3), (3, 3)]
    assert ocr_engines.PROGRESS.get() is None  # reset after the upload: a later read reports to no one
