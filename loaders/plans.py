"""Plans: whether a figure is a plan, target or expectation (计划 将 拟 力争 有望) or an achievement."""

from __future__ import annotations

import re

PLAN_WORDS = re.compile(r"计划|将(?!近)|拟|力争|目标|预计|有望|谋划|规划|预期|力求|准备|打算")
PLAN_SECTION = re.compile(r"下一步|打算|工作思路|工作计划|目标任务|今后|下阶段|努力方向")
PLAN_SENTENCE_START = re.compile(r"^\s*(?:下一步|今后|下阶段|明年|未来)")
DONE_BEFORE_PLAN = re.compile(r"已(?:经)?$")
DONE_WORDS = re.compile(r"已|累计|完成|建成|实现|共有|现有|拥有|目前")


def plan_in(clause_before: str, sentence_before: str) -> bool | None:
    """True for a plan word in the clause (not 已规划), None when the clause says nothing either way."""
    for match in reversed(list(PLAN_WORDS.finditer(clause_before))):
        ahead, behind = clause_before[: match.start()], clause_before[match.end() : match.end() + 1]
        if (
            DONE_BEFORE_PLAN.search(ahead)
            or ahead.rfind("《") > ahead.rfind("》")
            or ahead.endswith(("按", "按照"))
        ):
            continue  # 已规划 is done; 《…规划》 is a title; 按计划完成 reports what was done
        if (
            ahead.endswith("的")
            or behind in ("、", "的")
            or (match.group() == "将" and (behind == "" or behind.isdigit()))
        ):
            continue  # 扶持规划、… names a plan; 将3家企业纳入 is 把, not will
        return True
    if PLAN_SENTENCE_START.match(sentence_before):
        return True
    if DONE_WORDS.search(clause_before):
        return False
    return None


def plan_status(clause: str, before: str, continued: bool | None, headings: str) -> bool | None:
    """The clause decides; a silent clause continues its list (`continued`), then shares the sentence's
    intent (计划用3年,培育上百家企业), then its section's (figures under 三、下一步打算)."""
    plan = plan_in(clause, before)
    if plan is None:
        plan = continued
    if plan is None:
        plan = plan_in(before, before)
    if plan is None and PLAN_SECTION.search(headings):
        plan = True
    return plan
