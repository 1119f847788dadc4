"""Speed and memory of ``kznames.key()`` and ``kznames.normalize()``, and the
speed of ``kznames.find_entities()`` on the seed articles.

Data: 100,000 distinct names built here from name parts with a seeded random
generator (no file): a third each in Kazakh Cyrillic (``Тоқаев Қасым-Жомарт
Кемелұлы``), Russian Cyrillic (``Иванов Сергей Петрович``) and Latin
spellings (``TOKAYEV Kassym-Jomart``, ``K. Tokayev``), in several formats.

Measures, all in this process unless said otherwise:

* throughput in names per second, best of 3 runs over the whole list (and
  over each third), of ``key``, ``normalize`` and, as the baseline, of
  ``anyascii.anyascii`` (a plain table-driven romanizer). The ratio
  kznames / anyascii is printed for each; the project's goal is >= 0.5.
  Every function is warmed up first: the first call to ``key()`` loads its
  data files, which is timed apart below;
* the first call to ``key()`` in a fresh interpreter after ``import kznames``
  (best of 5 subprocesses), once on a Cyrillic and once on a Latin name;
* peak extra memory (``tracemalloc``) while computing the 100k keys into a
  list, and the memory the list of keys keeps;
* the import time of kznames in fresh subprocesses: wall time of
  ``python -c "import kznames"`` minus ``python -c "pass"``, best of 5 each,
  and the cumulative time ``python -X importtime`` gives for ``kznames``;
* ``find_entities`` on each of the five seed articles (``seeds/*.txt``) with
  the built-in registry: the best of ``TEXT_RUNS`` runs per article, its time,
  characters and mentions per second, and the same over the five together.
  A first call builds the registry's index and is left out; caches of keys
  and similarities then hold across runs, as they do in a long-lived process.
  Run this part alone with ``python benchmarks/speed.py --find-entities``.

Figures depend on the machine; nothing is asserted about them.
Run from the repo root: ``python benchmarks/speed.py``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from anyascii import anyascii

import kznames

N = 100_000
RUNS = 3
TEXT_RUNS = 10
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

KK_GIVEN = "Қасым Нұр Ер Бек Әли Асқар Дәулет Ғани Серік Мұрат Айдос Бауыржан Талғат Дархан Әсет "
KK_GIVEN += "Айгүл Сәуле Мөлдір Жұлдыз Ұлжан Әйгерім Кемел Ақан Жәнібек Өмір Ысқақ Шолпан Қуаныш"
KK_SUFFIX = "жан бек сұлтан ғали болат хан нұр жомарт әлі мұхамед тай гүл"
KK_STEM = "Тоқа Назарба Қосан Қожа Жақсылық Сәрсен Байжан Омар Әбіш Темір Шәріп Құнанба Мұқан "
KK_STEM += "Ысқақ Өтеген Ұзақ Нұрғали Әміре Серғазы Жұмабай Қайрат Есім Бөкей Төле Ағыбай"
KK_END = "ев ов ева ова ұлы қызы ин бек"
RU_GIVEN = "Иван Сергей Александр Дмитрий Андрей Ольга Татьяна Наталья Юрий Михаил Елена Анна "
RU_GIVEN += "Пётр Фёдор Виктор Николай Евгений Владимир Юлия Ксения Алексей Григорий Зоя Эдуард"
RU_SURNAME = "Иванов Петров Смирнов Кузнецов Соколов Лебедев Козлов Новиков Морозов Волков Зайцев "
RU_SURNAME += "Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Тарасов Щукин "
RU_SURNAME += "Журавлёв Чернышёв Ильин Пушкин Гагарин Вяземский Трубецкой Шевченко Ярошенко "
RU_SURNAME += "Белоусов Ёлкин Яковлев Хомяков Цветков Шестаков Юдин Эйсмонт Гайдамак Рыжий"
RU_FATHER = "Ивано Петро Сергее Александро Николае Михайло Юрье Андрее Викторо Фёдоро Алексее"
# Latin parts: English, passport and Kazakh Latin (2021) spellings, some with diacritics.
LAT_GIVEN = "Kassym Qasym Nur Nūr Yer Er Bek Ali Äli Askar Asqar Daulet Däulet Gani Ğani Serik "
LAT_GIVEN += "Murat Aidos Baurzhan Bauyrjan Talgat Talğat Darkhan Aset Äset Aigul Aıgül Saule "
LAT_GIVEN += "Säule Moldir Möldir Zhuldyz Ulzhan Ūljan Aigerim Ivan Sergey Sergei Aleksandr "
LAT_GIVEN += "Dmitry Olga Tatiana Yuliya Julia Kemel Zhanibek Jänibek Omir Shynar Şynar"
LAT_SUFFIX = "jan zhan bek sultan gali ğali bolat khan nur jomart zhomart ali tai gul"
LAT_STEM = "Tokay Toqa Tokaj Nazarbay Nazarba Nazarbaı Kosan Qosan Kozhay Qoja Zhaksylyk "
LAT_STEM += "Jaqsylyq Sarsen Särsen Baizhan Omar Abish Äbiş Temir Sharip Şärip Kunanbay Mukan "
LAT_STEM += "Iskak Ysqaq Otegen Ötegen Uzak Ūzaq Ivan Petr Smirn Kuznets Sokol Zhumabay "
LAT_STEM += "Dzhumabay Kairat Qaırat Yesim Esim Bokey Bökei Tole Agybay"
LAT_END = "ev ov eva ova yev yeva uly kyzy in ovich bek"


def feminine(surname: str) -> str:
    """The feminine form of a Russian surname."""
    for male, female in (
        ("ский", "ская"),
        ("цкой", "цкая"),
        ("ов", "ова"),
        ("ёв", "ёва"),
        ("ев", "ева"),
        ("ин", "ина"),
    ):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


def build_names(rng: random.Random) -> dict[str, list[str]]:
    """N distinct names in three spelling groups of about a third each, in several formats."""

    def pick(words: str) -> str:
        return rng.choice(words.split())

    def given(first: str, suffix: str) -> str:
        a, b = pick(first), pick(suffix)
        return rng.choice([a, a + b, f"{a}-{b.capitalize()}"])

    def kazakh() -> str:
        name, surname = given(KK_GIVEN, KK_SUFFIX), pick(KK_STEM) + pick(KK_END)
        father = pick(KK_GIVEN) + rng.choice(["ұлы", "қызы", "ович", "овна"])
        formats = [
            f"{surname} {name} {father}",
            f"{name} {surname}",
            f"{surname.upper()} {name}",
            f"{name[0]}. {surname}",
        ]
        return rng.choice(formats)

    def russian() -> str:
        name, surname = pick(RU_GIVEN), pick(RU_SURNAME)
        father = pick(RU_FATHER) + rng.choice(["вич", "вна"])
        if rng.random() < 0.5:
            surname = feminine(surname)
        formats = [
            f"{surname} {name} {father}",
            f"{name} {father} {surname}",
            f"{name[0]}. {father[0]}. {surname}",
            f"{surname.upper()} {name}",
        ]
        return rng.choice(formats)

    def latin() -> str:
        name, surname = given(LAT_GIVEN, LAT_SUFFIX), pick(LAT_STEM) + pick(LAT_END)
        formats = [
            f"{surname.upper()} {name}",
            f"{name} {surname}",
            f"{name[0]}. {surname}",
            f"{surname}, {name}",
        ]
        return rng.choice(formats)

    groups = {"Kazakh Cyrillic": kazakh, "Russian Cyrillic": russian, "Latin": latin}
    sizes = [N // 3, N // 3, N - 2 * (N // 3)]
    seen: set[str] = set()
    out = {}
    for (label, make), size in zip(groups.items(), sizes, strict=True):
        names: dict[str, None] = {}  # insertion-ordered, so the list is deterministic
        while len(names) < size:
            name = make()
            if name not in seen:
                names[name] = None
                seen.add(name)
        out[label] = list(names)
    return out


def best_time(func: Callable[[str], str], names: list[str]) -> float:
    """The best of RUNS wall times of calling ``func`` on every name."""
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        for name in names:
            func(name)
        best = min(best, time.perf_counter() - start)
    return best


def fresh(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True
    )


def wall(code: str) -> float:
    start = time.perf_counter()
    fresh(code)
    return time.perf_counter() - start


def importtime_us() -> int:
    """Cumulative microseconds ``-X importtime`` gives for the kznames package."""
    for line in fresh("import kznames", "-X", "importtime").stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "kznames":
            return int(parts[1])
    raise RuntimeError("kznames not found in -X importtime output")


def find_entities_speed() -> None:
    """Time ``find_entities`` on each seed article, best of ``TEXT_RUNS`` runs."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    kznames.find_entities(next(iter(texts.values())))  # builds the registry's index
    print(f"\nfind_entities on the seed articles, best of {TEXT_RUNS} runs each:")
    print(f"{'article':<26}{'chars':>8}{'mentions':>10}{'ms':>8}{'chars/s':>12}{'mentions/s':>12}")
    chars = mentions = 0
    seconds = 0.0
    for name, text in texts.items():
        best, found = float("inf"), 0
        for _ in range(TEXT_RUNS):
            start = time.perf_counter()
            found = len(kznames.find_entities(text))
            best = min(best, time.perf_counter() - start)
        chars, mentions, seconds = chars + len(text), mentions + found, seconds + best
        print(
            f"{name:<26}{len(text):>8,}{found:>10}{best * 1e3:>8.1f}"
            f"{len(text) / best:>12,.0f}{found / best:>12,.0f}"
        )
    print(
        f"{'all five':<26}{chars:>8,}{mentions:>10}{seconds * 1e3:>8.1f}"
        f"{chars / seconds:>12,.0f}{mentions / seconds:>12,.0f}"
    )


def main() -> None:
    if sys.argv[1:] == ["--find-entities"]:
        find_entities_speed()
        return
    groups = build_names(random.Random(2019))
    names = [name for group in groups.values() for name in group]
    assert len(names) == N and len(set(names)) == N, "names must be N distinct strings"
    subsets = {"all": names, **groups}
    print(f"{N:,} distinct names, e.g.: " + " | ".join(s[0] for s in list(subsets.values())[1:]))
    print(f"Python {sys.version.split()[0]}, kznames {kznames.__version__}; best of {RUNS} runs\n")

    first = "import time, kznames; t = time.perf_counter(); kznames.key({!r}); "
    first += "print(time.perf_counter() - t)"
    for label, sample in (("Cyrillic", "Тоқаев Қасым-Жомарт"), ("Latin", "TOKAYEV Kassym-Jomart")):
        secs = min(float(fresh(first.format(sample)).stdout) for _ in range(5))
        print(
            f"First key() call after import ({label} name, fresh process, best of 5): "
            f"{secs * 1e3:.1f} ms"
        )

    funcs = {"key": kznames.key, "normalize": kznames.normalize, "anyascii": anyascii}
    for func in funcs.values():  # warm up: data files, caches, code paths for each script
        for subset in list(subsets.values())[1:]:
            for name in subset[:1000]:
                func(name)
    print(
        f"\n{'names per second':<18}"
        + "".join(f"{f:>14}" for f in funcs)
        + f"{'key/anyascii':>14}{'norm/anyascii':>15}"
    )
    for label, subset in subsets.items():
        rate = {f: len(subset) / best_time(func, subset) for f, func in funcs.items()}
        print(
            f"{label:<18}"
            + "".join(f"{rate[f]:>14,.0f}" for f in funcs)
            + f"{rate['key'] / rate['anyascii']:>14.2f}"
            f"{rate['normalize'] / rate['anyascii']:>15.2f}"
        )
    ascii_share = sum(name.isascii() for name in subsets["Latin"]) / len(subsets["Latin"])
    print("(goal: kznames / anyascii >= 0.5 on all names. anyascii returns ASCII input at once;")
    print(
        f" {ascii_share:.0%} of the Latin names are ASCII, the rest have diacritics: Äbiş, Ūljan)"
    )

    tracemalloc.start()
    keys = [kznames.key(name) for name in names]
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nMemory while computing all {len(keys):,} keys into a list (tracemalloc):")
    print(
        f"  peak {peak / 2**20:.2f} MiB; the list of keys it returns keeps {kept / 2**20:.2f} MiB,"
    )
    print(f"  so the work beyond its result peaks at {(peak - kept) / 2**10:.1f} KiB")

    base = min(wall("pass") for _ in range(5))
    full = min(wall("import kznames") for _ in range(5))
    cumulative = min(importtime_us() for _ in range(5))
    print(
        f"\nImport time, fresh processes, best of 5: python -c 'import kznames' minus "
        f"python -c 'pass': {(full - base) * 1e3:.1f} ms "
        f"({full * 1e3:.1f} - {base * 1e3:.1f})"
    )
    print(
        f"python -X importtime -c 'import kznames', cumulative for kznames: "
        f"{cumulative / 1e3:.1f} ms"
    )
    find_entities_speed()


if __name__ == "__main__":
    main()
