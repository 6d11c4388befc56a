"""Synthetic replies for scale tests: the corpus replies' sentences recombined, numbers and dates varied.

    from synthetic_replies import SentencePool, write_replies
    write_replies(folder, 10_000, seed=1)   # reply_00000.txt … each different, ~30 figures each

Every reply has the published shape (metadata block, addressee, proposal line, sections 一、/(一), closing,
signature and date), so the loaders read it as they would a real one. Sentences come from
../shared/corpus/*/ and data/seed_reply.txt; each Arabic number is scaled by a random factor (same decimals),
years shift by one offset per reply (so 2018-2020年 stays a range), and the index number and proposal number
are unique per reply, so no two replies are the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "data" / "seed_reply.txt"

MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])")
SENTENCE = re.compile(r"[^。!?！？]+[。!?！？]")
NUMBER = re.compile(r"\d+(?:\.\d+)?(?![\d.]*[月日号时G])")  # dates and names (5G) stay
HAS_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万亿]+(?:个|家|项|名|人|亩|元|所|条)")
CN_DIGITS = "一二三四五六七八九十"

BODIES = ("市经信局", "市财政局", "市农业农村局", "市商务局", "市科技局", "市人社局", "市发改委", "市税务局")
TOPICS = ("扶持小微企业成长升级", "加快产业培育", "推进高标准农田建设", "支持中小企业纾困", "发展现代农业产业园",
          "培育科技型中小企业", "稳外贸促出口", "加强技能人才培训")  # fmt: skip
NAMES = ("杨文艳", "王某某", "李建国", "张晓梅", "陈志强", "刘芳", "赵卫东", "孙丽")


def source_replies(with_seed: bool = True) -> list[Path]:
    """The reply texts a benchmark measures or builds from: the corpus replies (../shared/corpus/*/*.txt, and the
    seed with them when `with_seed`), or the seed alone where the corpus is absent. Prints one line saying which,
    so a figure measured on the seed alone is never read as the corpus's."""
    found = sorted(CORPUS.glob("*/*.txt"))
    if found:
        print(
            f"text: {len(found)} corpus replies from {CORPUS}" + (" and the seed reply" if with_seed else "")
        )
        return [*found, SEED] if with_seed else found
    print(
        f"text: the seed reply alone (data/seed_reply.txt): no corpus replies at {CORPUS} "
        "(README: ../shared beside the repository)"
    )
    return [SEED]


@dataclass
class SentencePool:
    """Sentences with figures, sub-section headings and section headings, taken from the corpus replies."""

    sentences: list[str]
    subheadings: list[str]
    headings: list[str]

    @classmethod
    def from_corpus(cls) -> SentencePool:
        sentences, subheadings, headings = [], [], []
        for path in source_replies():
            for line in path.read_text("utf-8").splitlines():
                line = line.strip()
                body = MARKER.sub("", line)
                if line[:1] in CN_DIGITS and "、" in line[:3] and len(body) <= 30:
                    headings.append(body)
                    continue
                if len(line) < 30 or "收悉" in line or "感谢" in line:
                    continue
                parts = SENTENCE.findall(body)
                if parts and MARKER.match(line) and len(parts[0]) <= 30:
                    subheadings.append(parts.pop(0))
                sentences += [s for s in parts if HAS_FIGURE.search(s) and len(s) >= 12]
        return cls(sorted(set(sentences)), sorted(set(subheadings)), sorted(set(headings)))


def _vary_numbers(text: str, rng: random.Random, year_shift: int) -> str:
    def vary(m: re.Match) -> str:
        surface = m.group()
        value = float(surface)
        if "." not in surface and 1990 <= value <= 2035:
            return str(int(value) + year_shift)
        if value == 0:
            return surface
        scaled = value * rng.uniform(0.5, 1.6)
        if "." in surface:
            return f"{scaled:.{len(surface.split('.')[1])}f}"
        return str(max(1, round(scaled)))

    return NUMBER.sub(vary, text)


def make_reply(number: int, pool: SentencePool, rng: random.Random, sentences_per_reply: int = 19) -> str:
    """One reply, different from every other number (the index and proposal numbers carry `number`)."""
    shift = rng.randint(-4, 3)
    year = 2020 + shift
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    body, topic, name = rng.choice(BODIES), rng.choice(TOPICS), rng.choice(NAMES)
    lines = [
        f"11330282734267548D/{year}-{number:06d}",
        body,
        "主动公开",
        "政协委员提案",
        "综合政务/政协",
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}-{day:02d}",
        "面向社会",
        f"{name}委员:",
        f"您在市政协十一届{rng.choice(CN_DIGITS[:5])}次会议期间提出的《关于{topic}的建议》"
        f"(第{number + 1}号提案)收悉。首先,非常感谢您的关心和支持。现将有关意见答复如下:",
    ]
    remaining = sentences_per_reply
    for s in range(rng.randint(2, 4)):
        lines.append(f"{CN_DIGITS[s]}、{rng.choice(pool.headings)}")
        for sub in range(rng.randint(1, 3)):
            count = min(remaining, rng.randint(2, 5)) if remaining > 0 else 1
            remaining -= count
            said = "".join(_vary_numbers(t, rng, shift) for t in rng.sample(pool.sentences, count))
            lines.append(f"({CN_DIGITS[sub]}){rng.choice(pool.subheadings)}{said}")
    lines += [
        "最后,衷心感谢您对我市工作的关心和支持!",
        body.replace("市", "慈溪市", 1),
        f"{year}年{month}月{day}日",
    ]
    return "\n".join(lines) + "\n"


def write_replies(folder: Path, count: int, seed: int = 1, sentences_per_reply: int = 19) -> int:
    """`count` distinct replies as reply_NNNNN.txt in `folder`; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    pool, rng, size = SentencePool.from_corpus(), random.Random(seed), 0
    for number in range(count):
        data = make_reply(number, pool, rng, sentences_per_reply).encode("utf-8")
        (folder / f"reply_{number:05d}.txt").write_bytes(data)
        size += len(data)
    return size
