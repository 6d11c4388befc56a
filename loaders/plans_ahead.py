"""Plans of works and funds a reply describes before they exist: design figures of works not yet built or not
finished, the contents of an approved project, funds arranged for a plan period still running, an amount put
into a later year's project list, and figures of a period that ends after the reply's year. loaders.plans
holds the plan words; these rules read the sentences around a figure (loaders.context calls them)."""

from __future__ import annotations

import re

from loaders.plans import CAP_END, DONE_WORDS, EXPECTED_RESULT, RESULT_VERBS, TASK_WORD

# a project that has not broken ground: its design figures (库容, 总投资, 规模) describe what is to be built
AWAITING_WORKS = re.compile(
    r"待[^,;。]{0,15}(?:开工|实施|启动)|即可(?:开工|实施)|尚未开工|拟建|计划[^,;。]{0,10}开工"
    r"|正在(?:开展|进行|办理)[^,;。]{0,8}前期"
    # works not yet carried out, awaiting approval, or studied for feasibility (the study's scope and estimate)
    r"|暂未(?:实施|开工|建设)|尚未(?:实施|建设)|报[^,;。]{0,8}(?:审批|审查|批复)|可行性研究|可研"
    r"|初步设计|施工图设计"  # 初步设计已获批复: designed, not yet built
    # 正在进行招投标, 处于前期工作阶段: the works wait for their contractor or their preparation
    r"|正在[^,;。\d]{0,6}(?:招标|招投标|评审)|处于[^,;。\d]{0,8}(?:前期|设计|招标|审批)[^,;。\d]{0,4}阶段"
)
# works still being built, whose completion lies ahead: their design scale is not yet there (占地面积 of a
# park under construction is: only the words of a design count here)
UNFINISHED = re.compile(
    r"正(?:在)?(?:加快|提速|全力)?(?:推进|建设|施工)|(?:预计|力争|争取|计划)[^,;。]{0,12}(?:完工|建成|竣工|投用|通车)"
    r"|\d+(?:\.\d+)?%的[^,;。\d]{0,8}已(?:建成|完工|完成)"  # 目前95%的路段已建成: the rest is still to come
    r"|正在(?:进行|开展)[^,;。\d]{0,6}?施工"  # 正在进行主体施工 (在建 is no sign: 在建园区 exist)
    # a share done of the whole (完成总工程量的60%, 形象进度75%), works in hand (施工中); not a sum done by a
    # date (总投资5.6亿元,到2017年底止已完成投资3亿元: round one keeps the total a figure of what is there)
    r"|完成[^,;。\d]{0,6}(?:总投资|工程量|计划投资)的|形象进度|施工中|建设中"
)
FULLY_BUILT = re.compile(r"已?(?:全面|全部|整体)(?:建成|完工|竣工)|全线(?:建成|贯通|通车)")
DESIGN_SCALE = re.compile(r"设计|总投资|概算|装机|容量|库容|全长|总长")
# 建成后可提供学位360个: a sentence that says what the works will bring once built, unless they were built
BUILT_ALREADY = re.compile(
    r"已(?:经)?(?:于[^,;。]{0,12})?(?:全部|全面|基本)?(?:建成|完工|竣工|投用|投入使用)"
)
DESIGN_WORDS = re.compile(
    r"库容|总投资|投资约|概算|估算|匡算|设计|规模|建筑面积|占地|全长|线路长|总长|装机|容量|床位|涉及"
)


def design_of_unbuilt(clause: str, sentence: str) -> bool:
    """总库容248.7万立方米,工程总投资1.74亿元,待项目用地获批后及时开工建设: design figures of works to come;
    设计规模2万吨/日的工程正提速推进,预计明年底可完工: the design scale of works not finished."""
    if not DESIGN_WORDS.search(clause) or DONE_WORDS.search(clause):
        return False  # (DESIGN_WORDS holds every word of DESIGN_SCALE: most clauses end the tests here)
    if (
        DESIGN_SCALE.search(clause)
        and EXPECTED_RESULT.search(sentence)
        and not BUILT_ALREADY.search(sentence)
    ):
        return True  # 新建幼儿园1所,项目总投资2000万元,建成后可提供学位360个
    return bool(DESIGN_WORDS.search(clause) and AWAITING_WORKS.search(sentence)) or bool(
        DESIGN_SCALE.search(clause) and UNFINISHED.search(sentence) and not FULLY_BUILT.search(sentence)
    )


def projects_awaiting(kind: str, after: str, sentence: str) -> bool:
    """组织专家对2个项目进行技术帮扶指导 (after their feasibility studies): a count of projects not yet begun."""
    return kind == "count" and after.startswith(("项目", "个项目")) and bool(AWAITING_WORKS.search(sentence))


# 批复…。主要建设内容为…;项目总投资…: the sentences that detail an approved project
CONTENT_LEAD = re.compile(
    r"\s*(?:该|本)?(?:项目)?(?:主要)?(?:建设内容|建设规模|计划总投资|总投资|概算总投资)"
)
APPROVED = re.compile(r"批复|批准|核准|立项|前期工作计划")  # 列入…重点项目前期工作计划: in preparation
BUILT = re.compile(BUILT_ALREADY.pattern + r"|完成建设|建成投用|投入使用")
SENTENCE_END = re.compile(r"(?<=[。!?])")


def approved_contents(sentence: str, paragraph_before: str) -> bool:
    """…以秦发改审〔2022〕119号文件进行了批复。主要建设内容为流转土地100亩…。项目总投资789.64万元: the contents and
    investment of an approved project are what it is to build, unless the reply says they were built."""
    if not CONTENT_LEAD.match(sentence) or BUILT.search(sentence):
        return False
    for previous in reversed([s for s in SENTENCE_END.split(paragraph_before) if s.strip()][-4:]):
        if APPROVED.search(previous):
            return not BUILT.search(previous)
        if not CONTENT_LEAD.match(previous):
            return False
    return False


# 十四五期间…。我局安排水务融资资金4800万元: a plan period, and funds arranged for it
PLAN_SPAN = re.compile(r"十([一二三四五六])五[”\"]?(?:期间|时期)|(\d{4})\s*[-—~至到]\s*(\d{4})\s*年(?:期间)?")
ARRANGED_FUNDS = re.compile(r"安排[^,;。\d]{0,12}(?:资金|投资|经费)$")


def _span_end(match: re.Match) -> int:
    if match.group(1):
        return 2010 + 5 * "一二三四五六".index(match.group(1))
    return int(match.group(3))


def funds_for_plan_period(clause: str, sentences: str, doc_year: int | None) -> bool:
    """Whether a sum arranged (安排…资金) in `clause` serves a plan period, named in `sentences` (the figure's
    sentence up to it and the one before), that runs past the reply's year: money still to be spent (funds
    released, 下达…资金, are not)."""
    if not doc_year or "安排" not in clause or not ARRANGED_FUNDS.search(clause) or DONE_WORDS.search(clause):
        return False  # 已安排…资金: arranged and spent
    return any(_span_end(m) >= doc_year for m in PLAN_SPAN.finditer(sentences))


# 现已将…村2989亩农田纳入2025年高标准农田建设新建储备项目: an amount put into a later year's project list
INTO_PLAN = re.compile(
    r"[^,;。\d]{0,8}?(?:纳入|列入|编入)\s*(\d{4})\s*年[^,;。]{0,24}?(?:项目|计划|规划|任务)"
)


def put_into_plan(after: str, doc_year: int | None) -> str | None:
    """The year of the project list the words after a figure put it into, when that year is not yet past."""
    if not doc_year or "入" not in after:
        return None
    found = INTO_PLAN.match(after)
    return found.group(1) if found and int(found.group(1)) >= doc_year else None


RESULT_WORDS = re.compile(r"完成|建成|实现|达到|投入使用")


def period_ahead(period: str | None, clause: str, doc_year: int | None) -> bool:
    """2021-2025年,全县新建改建农村公路800公里 (in a reply of 2021): a figure of a period that ends after the
    reply's year cannot be what was done, unless its clause says it is (已, 累计, 完成). A floor or cap of a
    standing rule (“十四五”期间每年安排资金不少于8亿元) is a figure of the rule, not a plan."""
    if not doc_year or not period or "/" not in period:
        return False
    last = int(period.rpartition("/")[2][:4])
    done = DONE_WORDS.search(clause) or RESULT_WORDS.search(clause) or CAP_END.search(clause)
    return last > doc_year and not done


# 2020年,我委启动了…改建工程,全长约60公里: the year the works were started or decided, leading the sentence
STARTED_IN = re.compile(r"(?:^|[,;])\s*(\d{4})\s*年[^。]*?(?:启动|开工|动工|计划新建|拟新建|决定)")


def started_not_dated(period: str | None, clause: str, before: str) -> bool:
    """Whether the design figure of works still to be built (全长, 占地面积, 总投资) takes its only period from the
    year that leads the sentence saying when the works were started or decided: that year dates the decision,
    not the figure (2019年,…计划新建…学校,该校规划占地面积46690平方米)."""
    if not period or not period.isdigit() or not DESIGN_WORDS.search(clause):
        return False
    started = STARTED_IN.search(before)
    return bool(started and started.group(1) == period)


# 今年我县高标准农田建设任务3万亩,目前已完成2.1万亩: the task of the reply's year is work to do, unless it was met
TASK_MET = re.compile(r"完成率|超额完成|全面完成|全部完成|圆满完成|如期完成")


def task_of_the_year(kind: str, clause: str, rest: str, period: str | None, doc_year: int | None) -> bool:
    """Whether the figure is a task (…任务, …任务为) of the reply's own year, not yet said to be met (`rest`: the
    sentence after the figure); funds and shares are no task, and 完成…任务 reports a result."""
    if (
        not doc_year
        or period != str(doc_year)
        or kind in ("money", "percent")
        or not TASK_WORD.search(clause)
    ):
        return False
    return not (DONE_WORDS.search(clause) or RESULT_VERBS.search(clause) or TASK_MET.search(rest))
