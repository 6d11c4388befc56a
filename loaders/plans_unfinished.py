"""Plans of works not finished: what the reply's year is still carrying out, works under way, a project
library approved but not built, an estimate, a contract whose term runs past the reply, works whose
completion is expected, and money a reply says it still has to apply for. loaders.plans holds the plan
words; these rules read a figure's clause and sentence (loaders.context calls them)."""

from __future__ import annotations

import re

from loaders.plans_ahead import DESIGN_WORDS

# 已全部建成, 已完成建设, 建成投用: what a clause says was finished
BUILT = re.compile(r"已(?:经)?(?:全部|基本)?(?:建成|完工|竣工|完成|投用|投入使用|通车)|建成投用|投入使用")
DONE = re.compile(r"已|累计|完成|建成|实现|竣工|完工|了|共有|现有|截至|截止")
# 2025年,继续实施老旧小区改造85个 / 今年…对60个行政村的体育设施进行更新: the year's programme of works, in
# the words of an action going on (继续实施) or to be done to things (对…进行更新), not of a result
CONTINUED_WORKS = re.compile(r"(?:继续|持续)(?:实施|推进|开展|改造|建设|新建|更新)")
DONE_TO = re.compile(r"对[^,;。]{0,20}$")
TO_BE_DONE = re.compile(r"[^,;。]{0,24}?进行(?!了)")


def year_programme(clause: str, after: str, period: str | None, doc_year: int | None) -> bool:
    """Whether a figure dated the reply's whole year sizes works the clause says go on (继续实施…85个) or
    are to be done (对60个行政村的体育设施进行更新), with no word of their completion: the year's programme,
    still under way when the reply was written (2021年,我县实施…2.1万亩 states what the year holds)."""
    if not doc_year or period != str(doc_year) or DONE.search(clause + after):
        return False
    return bool(CONTINUED_WORKS.search(clause)) or bool(DONE_TO.search(clause) and TO_BE_DONE.match(after))


# 正在改造的城市危旧房共488套: things whose works are under way
UNDER_WAY_OF = re.compile(r"正在?(?:进行|实施|推进)?[^,;。\d]{0,4}?(?:改造|建设|施工|修建|新建|实施)的")


def under_way(clause: str) -> bool:
    """Whether the clause counts what is still being built or renovated (正在改造的…)."""
    return "正" in clause and bool(UNDER_WAY_OF.search(clause))


# 审核通过我县…建设项目库17项; 陈家线13.572公里已列入…项目库: projects admitted to a library, not yet built
LIBRARY = r"(?:项目库|储备库|储备项目|项目清单)"
ADMITTED = re.compile(rf"(?:审核通过|审定|批复|批准|入选|纳入|列入|进入)[^,;。\d]{{0,20}}{LIBRARY}$")
ADMITTED_AFTER = re.compile(rf"[^,;。\d]{{0,6}}?(?:纳入|列入|进入|入选)[^,;。\d]{{0,20}}{LIBRARY}")


PROJECTS = re.compile(r"(?:项目|工程)")


def in_project_library(kind: str, unit: str, clause: str, after: str) -> bool:
    """Whether the figure sizes projects a library of projects admitted (审核通过…项目库17项), or that the
    words after it put into one (…13.572公里已列入…项目库), and nothing says they were built. A count must
    count projects (17项, 23个项目): 15家企业入选…项目库 counts firms."""
    if BUILT.search(clause + after) or (kind == "count" and unit != "项" and not PROJECTS.match(after)):
        return False
    return ("库" in clause and bool(ADMITTED.search(clause))) or (
        "入" in after and bool(ADMITTED_AFTER.match(after))
    )


# 估算投资49.35万元: an estimate is made before works, for a project still being designed
ESTIMATE = re.compile(r"估算|匡算|投资估算")


def estimated(clause: str, sentence: str) -> bool:
    return bool(ESTIMATE.search(clause)) and not BUILT.search(sentence)


# 合同总价442万元,工期2024年3月19日至2025年1月19日: a works term that ends after the reply's year
TERM_END = re.compile(r"(?:工期|建设期|施工期|合同期)[^。;]{0,30}?(?:至|到|-|~)\s*(\d{4})\s*年")
CONTRACT = re.compile(r"合同(?:总价|金额|价款|额)|中标价")


def term_ahead(clause: str, sentence: str, doc_year: int | None) -> bool:
    """The design figures and contract sum of works whose term runs past the reply's year are to come."""
    if not doc_year or "期" not in sentence or not (DESIGN_WORDS.search(clause) or CONTRACT.search(clause)):
        return False
    return any(int(m.group(1)) > doc_year for m in TERM_END.finditer(sentence)) and not BUILT.search(clause)


# …铁塔基础共计63基,现已完成建设53基,…该工程预计于2023年底前建成投运: the rest of the item expects completion
EXPECTED = re.compile(
    r"预计[^,;。]{0,12}?(?:(\d{4})\s*年)?[^,;。]{0,8}?(?:建成|完工|竣工|投用|投运|通车|交付)"
)


NEW_WORKS = re.compile(r"新建|改建|扩建|改造|铺设|修建|共计|总计")


def completion_expected(kind: str, clause: str, rest: str, doc_year: int | None) -> bool:
    """Whether the item after the figure (`rest`, to the next ;) expects the works to be completed, and
    neither the figure's clause nor the rest before that expectation says they already were: new works or
    a total of works still being built (not a progress share, 进度为40%, nor what 在建 parks hold or count)."""
    if kind == "percent" or "预计" not in rest or "在建" in clause or not NEW_WORKS.search(clause):
        return False
    found = EXPECTED.search(rest)
    if not found or (found.group(1) and doc_year and int(found.group(1)) < doc_year):
        return False
    own = clause + re.split(r"[,;]", rest, maxsplit=1)[0]
    return not (BUILT.search(own) or "累计" in own)


# 现需申请资金15万元用于安装维修路灯61盏: money the reply says it still has to apply for
NEED = re.compile(r"需(?:要)?(?:申请|争取|筹措|筹集|申报)[^,;。\d]{0,8}$")


def funds_needed(clause: str) -> bool:
    return "需" in clause and bool(NEED.search(clause))


def unfinished(fig, clause: str, after: str, rest: str, sentence: str, doc_year: int | None) -> bool:
    """Whether any rule of this module reads the figure as works or money still to come."""
    return (
        under_way(clause)
        or in_project_library(fig.kind, fig.unit.lstrip("万亿"), clause, after)
        or estimated(clause, sentence)
        or term_ahead(clause, sentence, doc_year)
        or completion_expected(fig.kind, clause, rest, doc_year)
        or funds_needed(clause)
    )
