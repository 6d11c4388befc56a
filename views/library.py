"""资料库: every reply in the library with its metadata, figure count and date added; upload, remove.

Thin: tables come from board.data, adding and removing go through board.actions / the library store.
Uploading and removing are an editor's (board.roles): a viewer sees the list and how to sign in, and no
upload or delete control. Removing asks for confirmation first, because it deletes the stored file itself.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from board import actions, exports, roles, uploader_zh
from board import data as app_data

st.title("答复资料库")
lib = app_data.library()
catalog = app_data.catalog()
folder = app_data.library_dir()
for error in lib.errors:
    st.warning(error)
for duplicate in lib.duplicates:
    st.info(duplicate, icon=":material/content_copy:")

st.caption(
    f"资料库文件夹：{folder}　共 {len(catalog)} 份答复，{int(catalog['n_figures'].fillna(0).sum())} 条数据"
)
if catalog.empty:
    st.info("资料库中还没有答复。请在下方上传，或把答复文件放入资料库文件夹后刷新页面。")
else:
    view = actions.catalog_view(catalog)
    text_columns = view.select_dtypes(include=["string", "object"]).columns
    st.dataframe(
        view.fillna(dict.fromkeys(text_columns, "")),  # a missing 编号 reads blank, not "None"
        hide_index=True,
        column_config={
            "落款日期": st.column_config.DateColumn(format="YYYY-MM-DD"),
            "添加时间": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
            "数据条数": st.column_config.NumberColumn(format="%d"),
        },
    )
    st.caption("点击列标题可排序。")
    st.download_button(
        "下载资料库清单（CSV）",
        data=exports.csv_bytes(view),
        file_name=exports.file_name("答复资料库清单", "全部", "csv", datetime.now()),
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )


def sign_in_panel() -> None:
    """How a viewer becomes an editor, by what this deployment offers (board.roles)."""
    st.subheader("编辑者登录")
    methods = roles.sign_in_methods()
    if not methods:
        st.caption("资料库为只读。本看板未设置编辑者；维护者可在服务器上用命令行添加答复（见 README）。")
        return
    st.caption("资料库为只读。编辑者登录后可上传和删除答复。")
    if "oidc" in methods:
        st.button("使用单位账号登录", on_click=st.login, icon=":material/login:", key="editor-oidc")
    if "password" in methods:
        password = st.text_input("编辑者密码", type="password", key="editor-password")
        if st.button("登录", key="editor-sign-in", icon=":material/login:"):
            if roles.sign_in_with_password(password):
                st.rerun()
            st.error("密码不正确。")


def editor_controls() -> None:
    """Upload and delete: drawn for an editor only (and board.actions checks the role again)."""
    if st.button("退出编辑", key="editor-sign-out", icon=":material/logout:"):
        roles.sign_out()
        st.rerun()
    st.subheader("上传答复")
    st.caption(actions.LIMITS_TEXT)
    uploader_zh.in_chinese(
        "选择文件",
        f"拖放文件到此处；每个不超过 {actions.MAX_UPLOAD_MB} MB（{' '.join('.' + t for t in actions.UPLOAD_TYPES)}）",
        "选择要上传的答复文件",
    )
    uploads = st.file_uploader(
        "选择答复文件（可多选）",
        type=actions.UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"library-uploads-{st.session_state.get('library-upload-round', 0)}",  # a new key empties it
    )
    if st.button("添加到资料库", disabled=not uploads, icon=":material/upload:"):
        with st.status("正在读取上传的答复…", expanded=True) as reading:
            bar = st.empty()

            def on_page(done: int, total: int) -> None:
                bar.progress(done / total, text=f"扫描件文字识别：第 {done} / {total} 页")

            outcomes = actions.add_uploaded([(f.name, f.getvalue()) for f in uploads or []], folder, on_page)
            reading.update(label="读取完成", state="complete", expanded=False)
        st.session_state["library-outcomes"] = [o.__dict__ for o in outcomes]
        st.session_state["library-upload-round"] = st.session_state.get("library-upload-round", 0) + 1
        st.rerun()
    if st.session_state.get("library-outcomes"):
        st.dataframe(
            st.session_state["library-outcomes"],
            hide_index=True,
            column_config={"name": "文件", "status": "结果", "detail": "说明"},
        )

    st.subheader("删除答复")
    if catalog.empty:
        st.caption("没有可删除的答复。")
    else:
        names = dict(zip(catalog["stored_name"], catalog["sha256"], strict=True))
        chosen = st.selectbox(
            "选择要删除的答复", list(names), index=None, placeholder="选择文件", key="library-remove"
        )
        if st.button("删除…", disabled=chosen is None, icon=":material/delete:"):
            st.session_state["library-confirm"] = chosen
        pending = st.session_state.get("library-confirm")
        if pending and pending in names:
            st.warning(
                f"确定要从资料库删除「{pending}」吗？资料库中保存的文件本身也会被删除，此操作不能撤销。"
            )
            confirm, cancel = st.columns(2)
            if confirm.button("确认删除", type="primary", key="library-confirm-yes"):
                actions.remove_reply(names[pending], folder)
                st.session_state["library-confirm"] = None
                st.session_state["library-outcomes"] = [{"name": pending, "status": "已删除", "detail": ""}]
                st.rerun()
            if cancel.button("取消", key="library-confirm-no"):
                st.session_state["library-confirm"] = None
                st.rerun()


if roles.is_editor():
    editor_controls()
else:
    sign_in_panel()
