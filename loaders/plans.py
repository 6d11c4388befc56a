"""Plans: whether a figure is a plan, target or expectation (计划 将 拟 力争 有望) or an achievement."""

from __future__ import annotations

import re

PLAN_WORDS = re.compile(
    r"(?=[计将拟力目预有谋规准打确争年近要])(?:"  # only where a plan word can start: re skips the rest quickly
    r"计划|将(?!近)|拟|力争|目标|预计|有望|谋划|规划|预期|力求|准备|打算|确保(?!了)"
    # 争取年内新增 is a target; 累计争取中央资金8.6亿元 reports funds obtained
    # (争取到2025年 is a target too; 争取到资金200万元 reports money obtained)
    r"|争取(?=年内|今年|明年|全年|到\s*\d{4}|到年底|在|于|用|实现|达到|新增|完成|建成|\d)"
    # 年内投资2235万元 (in a mid-year reply): what is to be done by the year's end; not 3年内, a duration
    r"|(?<![\d一二三四五六七八九十两几])年内(?=投资|完成|建成|新建|新增|实现|开工|竣工|发放|开通|举办|培育|改造|铺设)"
    r"|近期(?=进行|开展|实施|启动|开工|组织|安排)"  # 近期进行5座水库除险加固: soon, not recently
    # 全国要建成10亿亩高标准农田: 要 before a verb of building or reaching sets a target (not 需要, 主要)
    r"|(?<![需主重只想])要(?=(?:全面|全部|基本)?(?:建成|实现|达到|完成)|新增|新建|培育|打造|力争|确保))"
)
PLAN_SECTION = re.compile(r"下一步|打算|工作思路|工作计划|目标任务|今后|下阶段|努力方向")
MIXED_SECTION = re.compile(
    r"(?:困难|问题|不足|短板)[^\n]{0,8}(?:和|及|与)[^\n]{0,4}(?:下一步|打算|计划|思路)"
)
STEP_START = re.compile(r"\s*第[一二三四五六七八九十]步")
PLAN_TURN = re.compile(r"下一步|下步|今后|下阶段")
# 近期应急方案:先在…增设消火栓10—15个: a sentence led by a scheme's name and a colon says what it will do
PLAN_SENTENCE_START = re.compile(r"^\s*(?:下一步|今后|下阶段|明年|未来|[^,;。:\d]{0,8}(?:方案|打算)\s*:)")
# 将建成的, 计划实施的: a verb of works and 的, a modifier before a noun
RELATIVE = re.compile(r"[^,;。\d]{0,3}?(?:建成|建设|实施|开工|完成|投用|出台|开展|举办|推出)[^,;。\d]{0,2}的")
DONE_BEFORE_PLAN = re.compile(r"已(?:经)?$")
PUT_INTO = re.compile(r"(?:列入|纳入|编入)[^,;。\d]{0,8}$")
DONE_WORDS = re.compile(r"已|累计|共有|现有|拥有|目前|截至|截止|下达")  # 下达补助资金: funds released
# 完成/建成/实现 report a result, but plans use them too (力争…建成1个, 计划…完成1000公里): alone in a clause
# they decide only when the sentence and its section say nothing of a plan, or the clause dates its result
RESULT_VERBS = re.compile(r"完成|建成|实现")
DATED = re.compile(r"\d{1,2}月|(?<![到至])\d{4}年(?!底前|前)|以来|上半年|季度")  # not 到2025年: a deadline
# a plan word naming the yardstick of a result: 完成年度目标任务的114.4%, 低于全年控制目标0.2个百分点
YARDSTICK = re.compile(r"(?:完成|低于|高于|超过|超出|控制|达到|占)[^,;。]{0,4}$")  # 占年度计划投资的54.2%


# 将 as 把 (disposal): 将3家企业纳入, 将全市个体工商户划分为三种类型, 将补贴范围扩大到各类企业
DISPOSAL_VERBS = re.compile(r"划分为|分为|纳入|列入|扩大到|扩大至|作为|确定为|认定为|归为|并入")


def _disposal(after: str) -> bool:
    """Whether 将 heads a disposal (把) construction: a number or nothing right after it, or a verb such as
    纳入/划分为 later in its clause."""
    after = after.lstrip(" ")
    clause = re.split(r"[,;]", after, maxsplit=1)[0]
    return after == "" or after[:1].isdigit() or bool(DISPOSAL_VERBS.search(clause))


# 下达…项目计划114个: plans issued (a count of documents), not a plan
ISSUED_PLAN = re.compile(r"下达[^,;]*$")
PROGRAMME = re.compile(r"(?:实施|开展|启动|推进|落实|依托)[^,;。\d]{2,14}(?:促进|提升|行动|培育|振兴|工程)$")
# 到2025年,全市新建公园30个 (in a 2023 reply): a target for a year still ahead; 到2017年底止 is a running total
# (至2025年, 2025年底前 and “十四五”末 set one as well; 2019年至2021年 is a span, not a deadline)
DEADLINE = re.compile(
    r"(?:到|(?<![年\d])至)\s*(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?:底|末)?(?!止|以来)|(\d{4})\s*年(?:底|末)?前"
    r"|十([一二三四五六])五[”\"]?(?:期?末)"
)
# 争取我区1.4万亩高标准农田建设项目落地: a project sought, still to come (累计争取资金8.6亿元 is obtained)
SOUGHT_PROJECT = re.compile(r"争取[^,;。\d]{0,8}\d[^,;。]{0,24}?(?:落地|立项|获批)")


def sought_project(sentence: str, offset: int) -> bool:
    """Whether the figure at `offset` of the sentence sizes a project still being sought (争取…落地)."""
    return "争取" in sentence and any(
        m.start() <= offset < m.end() for m in SOUGHT_PROJECT.finditer(sentence)
    )


def ahead_deadline(sentence_before: str, doc_year: int | None) -> bool:
    """Whether the sentence (its last item, after a ；) sets a deadline 到YYYY年 after the reply's year."""
    if not doc_year or not (
        "到" in sentence_before
        or "至" in sentence_before
        or "前" in sentence_before
        or "末" in sentence_before
    ):
        return False  # every deadline says 到, 至, 前 or 末
    item = sentence_before[sentence_before.rfind(";") + 1 :]
    return any(_deadline_year(m) > doc_year for m in DEADLINE.finditer(item))


def _deadline_year(match: re.Match) -> int:
    if match.group(3):
        return 2010 + 5 * "一二三四五六".index(match.group(3))  # the last year of the n-th five-year plan
    return int(match.group(1) or match.group(2))


ITEM_YEAR = re.compile(r"(?:^|;)\s*(\d{4})\s*年(?!底前|前|以来|起|\s*\d)")


def year_leads(sentence: str) -> list[tuple[int, int]]:
    """(offset, year) of each item of the sentence that opens with a year (2023年完成…;2024年…)."""
    if "年" not in sentence:
        return []  # re would try ITEM_YEAR at every place
    return [(m.start(), int(m.group(1))) for m in ITEM_YEAR.finditer(sentence)]


def scheduled(
    sentence: str, offset: int, doc_year: int | None, leads: list[tuple[int, int]] | None = None
) -> bool:
    """2023年完成78个村的建设任务;2024年基本完成144个村… (in a 2023 reply): items led by years still to come
    are a schedule, and the reply's own year is its first step. `leads`: year_leads(sentence), when known."""
    leads = year_leads(sentence) if leads is None else leads
    mine = [year for start, year in leads if start <= offset]
    if not doc_year or not mine:
        return False
    return mine[-1] > doc_year or (mine[-1] == doc_year and any(year > doc_year for _, year in leads))


PAST_YEAR_LEAD = re.compile(r"\s*(\d{4})\s*年(?!底前|前|起)")


def _in_the_past(sentence_before: str, doc_year: int | None) -> bool:
    """A sentence that opens with a year before the reply's (2022年,省财政将…) reports what was done."""
    lead = PAST_YEAR_LEAD.match(sentence_before)
    return bool(lead and doc_year and int(lead.group(1)) < doc_year)


# works under way: the length or area still being built is not there yet (在建园区5个 counts what exists)
UNDER_WAY = re.compile(r"正在?(?:进行|开展|组织|加快|抓紧|全力)?[^,;。\d]{0,6}?(?:施工|建设|铺设|修建|硬化)")
# a task a superior body assigns (下达我县道路建设任务186公里, 安排我省5万亩改培任务): work still to do
# (a category with its number, 30户以上自然村, may stand between)
ASSIGNED = re.compile(r"(?:下达|安排|分配|分解)(?:[^,;。\d]|\d+(?=[户人]以上)){0,24}$")
TASK_NOUN = re.compile(r"(?:任务|项目)$|^[^,;。\d]{0,12}任务")
TASK_WORD = re.compile(r"任务(?:为|是|数)?$")  # 分解给我县的新建学校任务为6所: a count of a task
SOUGHT_APPROVAL = re.compile(r"争取[^,;。\d]{0,20}(?:立项|获批|批复)$")
WORKS_KINDS = frozenset({"length", "area"})


def works_ahead(kind: str, clause: str, after: str, period: str | None, doc_year: int | None) -> bool:
    """Whether a length or area measures works under way or assigned as a task (not reaching back before the
    reply's year): what is to be built, as design figures of works not yet finished are. A count assigned as a
    task (下达我县改厕任务3.2万户) is work still to do as well; funds released with it are not."""
    works = kind in WORKS_KINDS
    if works and "正" in clause + after and UNDER_WAY.search(clause + after):
        return True
    task = kind not in ("money", "percent") and (TASK_WORD.search(clause) or after.startswith("任务"))
    if not (works or task):
        return False
    sought = works and "争取" in clause and bool(SOUGHT_APPROVAL.search(clause))  # 争取…立项3.2万亩
    if not (sought or ASSIGNED.search(clause)) or RESULT_VERBS.search(clause + after):
        return False
    ends = re.findall(r"\d{4}", period or "")
    reaches = not ends or not doc_year or int(ends[-1]) >= doc_year
    # 2021-2023年下达…公路35.78公里: what a superior body assigns over a span reaching the reply's year is a task
    spanned = works and bool(ends) and "/" in (period or "") and "下达" in clause
    return reaches and bool(sought or spanned or task or TASK_NOUN.search(clause) or TASK_NOUN.search(after))


# 2022年计划改造25个: a later year's share of a plan that says it is planned
LATER_PLAN = re.compile(r"\s*(?:其中)?(\d{4})\s*年[^,;。\d]{0,8}?(?:计划|拟|将(?!近))")


def share_reported(period: str | None, following: str, doc_year: int | None) -> bool:
    """五年计划总投资2.4亿元。其中2021年改造9个村…。2022年计划改造25个 (a reply of 2021): the share of a year
    past, or of the reply's own year when the next year's share is the one called planned, reports what was
    done; it does not take the plan of the sentence it details."""
    if not doc_year or not period or not period.isdigit() or int(period) > doc_year:
        return False
    later = LATER_PLAN.match(following)
    return int(period) < doc_year or bool(later and int(later.group(1)) > int(period))


# 项目建成后,可新增学位3780个; 此项目实施后可解决4乡镇59860人饮水问题: what a project is expected to bring
EXPECTED_RESULT = re.compile(
    r"(?:建成|实施|完工|竣工|投用|投入使用|投产|运营|落成)(?:后|以后)[,\s]*(?:可|能够?|将|预计|每年可|年可)"
)


def expected_result(clause_before: str, sentence_before: str) -> bool:
    """Whether the figure is what a project will bring once built (建成后可新增…), not what it brought."""
    return bool(EXPECTED_RESULT.search(sentence_before)) and not DONE_WORDS.search(clause_before)


CAP_END = re.compile(r"(?:不低于|不高于|不超过|不少于|不大于|不小于|不多于)$")
RULE_LEAD = re.compile(r"(?:要求|标准|比例|规定|办法)[^,;。]{0,6}:")
# 根据…规划, 按照…计划要求: a plan named as the ground of what was done (the phrase ends at the plan noun)
ACCORDING_TO = re.compile(r"(?:根据|依据|按照|依照|遵照|对照)[^,;。]{0,24}$")
GROUND_END = re.compile(r"$|[,、的和及与]|要求|安排|部署|精神|确定")


PLANNING_AS_WORK = re.compile(r"(?:加强|强化|做好|完善|优化|科学|注重)$")
LAID_OUT = re.compile(r"[^,;。\d的]{1,3}了")
# 根据十四五规划及农村供水保障规划: plans listed as the ground, each a noun before 及/和/、
LISTED_PLAN = re.compile(r"(?:规划|计划)(?=[及和与、])")


def _according_to(ahead: str, behind: str) -> bool:
    phrase = ACCORDING_TO.search(ahead)
    return bool(
        phrase and not PLAN_WORDS.search(LISTED_PLAN.sub("", phrase.group())) and GROUND_END.match(behind)
    )


def plan_in(clause_before: str, sentence_before: str, doc_year: int | None = None) -> bool | None:
    """True for a plan word in the clause (not 已规划), None when the clause says nothing either way."""
    for match in reversed(list(PLAN_WORDS.finditer(clause_before))):
        ahead, behind = clause_before[: match.start()], clause_before[match.end() : match.end() + 1]
        if (
            DONE_BEFORE_PLAN.search(ahead)
            or ahead.rfind("《") > ahead.rfind("》")
            or ahead.endswith(("按", "按照"))
        ):
            continue  # 已规划 is done; 《…规划》 is a title; 按计划完成 reports what was done
        if RELATIVE.match(clause_before, match.end()) and "," in clause_before[match.end() :]:
            continue  # 作为即将建成的中心城市,…: a plan word inside a modifier of an earlier clause
        if (
            match.group() in ("规划", "计划")
            and PUT_INTO.search(ahead)
            and "," in clause_before[match.end() :]
        ):
            continue  # 年初即列入改建计划,积极争取资金354万元: the list the works went into, no plan of the later clause
        if match.group() in ("规划", "计划") and (
            PLANNING_AS_WORK.search(ahead) or LAID_OUT.match(clause_before, match.end())
        ):
            continue  # 加强规划引导: planning as a task; 规划布设了51条: what was laid out
        if match.group() in ("规划", "计划") and _according_to(ahead, clause_before[match.end() :]):
            continue  # 依照全县学校布局规划,撤并3所村小: what is done by a plan is no plan of its own
        if match.group() in ("确保", "力争", "争取") and ahead.endswith(("为", "为了")):
            continue  # 为确保验收成功,拨付8万元: a purpose, the figure reports what was done for it
        if match.group() in ("目标", "计划") and YARDSTICK.search(ahead):
            continue  # 完成年度目标任务的114.4% reports a result against the plan
        if match.group() == "计划" and (ISSUED_PLAN.search(ahead) or PROGRAMME.search(ahead)):
            continue  # 下达项目计划114个; 实施渝创渝新创业促进计划: a document or a programme's name
        if match.group() == "规划" and clause_before.startswith(
            ("面积", "用地", "范围", "总面积"), match.end()
        ):
            continue  # 规划面积约12万亩 measures a planned area that exists on paper, it sets no target
        if (
            ahead.endswith("的")
            or behind in ("、", "的")
            or clause_before.startswith("任务的", match.end())
            or (
                match.group() == "将"
                and (_disposal(clause_before[match.end() :]) or _in_the_past(sentence_before, doc_year))
            )
        ):
            continue  # 扶持规划、… names a plan; 将3家企业纳入 is 把, not will
        return True
    if expected_result(clause_before, sentence_before):
        return True
    if PLAN_SENTENCE_START.match(sentence_before) or (
        ahead_deadline(sentence_before, doc_year) and "已" not in clause_before
    ):
        return True
    if DONE_WORDS.search(clause_before) or (
        CAP_END.search(clause_before) and RULE_LEAD.search(sentence_before)
    ):
        return False  # 按照…投资比例要求:田块整治,北方不低于10%: caps in a rule, not a plan of their own
    if RESULT_VERBS.search(clause_before) and DATED.search(clause_before):
        return False  # 1-6月完成投资5亿元: a dated result
    if sentence_before.lstrip().startswith("第") and STEP_START.match(sentence_before):
        return True  # 第一步对8所学校安装空调: the steps of what is decided, not what was done (第一步已…)
    return None


def _result_verb(clause: str) -> bool:
    return bool(RESULT_VERBS.search(clause)) and not DONE_WORDS.search(clause)


def plan_status(
    clause: str,
    before: str,
    continued: bool | None,
    headings: str,
    turned: bool = False,
    doc_year: int | None = None,
    announced: bool = False,
) -> bool | None:
    """The clause decides; a silent clause continues its list (`continued`), then shares the sentence's
    intent (计划用3年,培育上百家企业), then its section's (figures under 三、下一步打算). A section that
    reports problems before its plans (三、存在的困难和下一步打算) counts as a plan section only after its
    text turns to them (`turned`: 下一步，我局将重点做好以下工作); so does a numbered item of the measures a
    paragraph announced (`announced`: 我局将…开展各项支持工作。1.…)."""
    plan = plan_in(clause, before, doc_year)
    if plan is None and continued and _in_the_past(clause.lstrip(","), doc_year):
        plan = False  # 计划新建12个以上,2022年…等10个已建成投用: a clause led by a past year reports it
    if plan is None:
        plan = continued
    if plan is None:
        plan = plan_in(before, before, doc_year)
    if plan is None and (
        announced or (PLAN_SECTION.search(headings) and (turned or not MIXED_SECTION.search(headings)))
    ):
        plan = True
    if plan is None and _result_verb(clause):
        plan = False  # 建成小微企业园15个, with no plan in sight, reports a result
    return plan
