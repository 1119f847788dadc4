"""A seeded, labelled dataset of person names for the dedupe benchmark.

``generate(n, seed)`` returns ``n`` rows ``(name, person)``: the same person is
written several ways, as in a column gathered from several sources. Nothing
here is real data: the name parts below are common Kazakh and Russian given
names, written out for this generator, and the people are random
combinations of them.

* People: 85 % Kazakh, 15 % Russian; half women. A Kazakh
  surname is an ancestor's given name (sometimes a compound such as
  ``Нұрсұлтан``) with a Russian ending (``-ов``, ``-ев``, ``-ин``, feminine
  ``-ова``, ``-ева``, ``-ина``) or, for one in ten, ``-ұлы``/``-қызы``. Every
  person has a father, so a patronymic: Russian (``-ович``, ``-евна``) or, for
  Kazakhs, Kazakh (``Кемелұлы``, ``-қызы``). Parts are drawn with
  Zipf-Mandelbrot weights, so common surnames make big blocks and namesakes
  occur: the most common given name is about 4 % of its group, the most
  common Kazakh surname root under 1 %.
* Rows per person: 1 + a geometric count, mean 4.
* Each row is a rendering: Kazakh Cyrillic (Kazakhs only), Russian Cyrillic
  (the Kazakh letters written as Russian ones: ``Тоқаев`` -> ``Токаев``), or
  Latin through one of kznames' romanization systems, chosen at random;
  then one of the formats of real data (surname first in capitals, a comma,
  initials with and without spaces, with and without the patronymic, given
  name first); and one row in twenty gets a typo (a letter dropped,
  doubled, swapped with the next or replaced) in the surname or given name.

Run ``python benchmarks/dedupe_data.py 20`` to print a sample.
"""

from __future__ import annotations

import bisect
import itertools
import random
import sys
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb

import kznames

KK_MALE = (
    "Асқар Айдос Айбек Алмас Арман Асхат Бауыржан Бақыт Бекзат Болат Дархан Дәулет Ерлан "
    "Ержан Ерболат Ербол Еркін Жандос Жанат Жақсылық Қайрат Қанат Қасым Кемел Мұрат Марат "
    "Нұрлан Нұрсұлтан Олжас Руслан Серік Сұлтан Талғат Тимур Төлеген Ғалым Ғани Әли Әбіш Әділ "
    "Өмірзақ Ұлан Үсен Ысқақ Шәріп Шыңғыс Жомарт Абай Абылай Ахмет Әлихан Бейбіт Бөкей "
    "Бекмұрат Дауренбек Есім Жәнібек Жұмабай Қуаныш Қалдыбек Мақсат Медет Мұхтар Нұрболат "
    "Омар Оспан Рахат Сәрсен Сейіт Темір Тоқа Төле Ұзақ Шоқан Ілияс Исатай Мұхамеджан Сәкен "
    "Бағдат Ерасыл Нұржан Санжар Дидар Айдар Азамат Айтжан Ақылбек Алпамыс Аманжол Амангелді "
    "Арыстан Асан Ахат Әбілқайыр Әлібек Әуезхан Базарбай Байболат Бақытжан Батыр Бердібек "
    "Бибол Болатбек Ғабит Дастан Дәурен Елдос Еламан Елжас Ернар Ерсайын Жақып Жалғас Жанболат "
    "Жарас Жасұлан Жеңіс Зейнолла Ислам Кенжебек Қабдолла Қайсар Қалдар Қойшыбай Құдайберген "
    "Мағжан Мейрам Мирас Мұқағали Назар Нұрпейіс Оралхан Өтеген Пернебек Райымбек Сабыр Сағат "
    "Сайын Самат Сапар Сейілхан Смағұл Талапкер Тұрар Уәли Шәкәрім Шерхан Ықылас Ыбырай Қожахмет"
)
KK_FEMALE = (
    "Айгүл Айгерім Айжан Айнұр Ақмарал Алия Әйгерім Әсем Балжан Ботагөз Гүлнар Гүлмира Дана "
    "Дариға Динара Жанар Жұлдыз Зарина Індира Қарлығаш Ләззат Мөлдір Назгүл Нұргүл Сәуле "
    "Сандуғаш Салтанат Тоғжан Ұлжан Шолпан Шынар Әсел Гауһар Жансая Аружан Меруерт Бибігүл "
    "Күлпаш Роза Сабина Томирис Ақбота Айсұлу Дильназ Жәмиля Ләйлә Нәзира Раушан Айым Айару "
    "Ақерке Анар Әлия Әсия Баян Бағила Гүлжан Гүлсім Данагүл Жазира Жаннат Жұпар Зәуре Инкар "
    "Камила Күләш Қымбат Ләззатгүл Мадина Мақпал Мәдина Нұрсұлу Перизат Рысжан Сая Сымбат "
    "Тамара Толқын Ұлдана Үміт Феруза Хадиша Шырын Эльмира"
)
KK_SUFFIX = "бек жан сұлтан хан болат нұр ғали бай тай ғазы"
KK_PREFIX = "Нұр Ер Жан Ақ Қара Бай Төре Сұлтан"
RU_MALE = (
    "Александр Алексей Андрей Борис Василий Виктор Владимир Вячеслав Геннадий Григорий "
    "Дмитрий Евгений Иван Игорь Константин Михаил Николай Олег Павел Пётр Роман Сергей "
    "Станислав Фёдор Юрий Яков Эдуард Аркадий Валерий Леонид"
)
RU_FEMALE = (
    "Анна Анастасия Валентина Галина Дарья Екатерина Елена Ирина Ксения Людмила Мария Наталья "
    "Нина Ольга Светлана Татьяна Юлия Яна Вера Лариса"
)
RU_SURNAMES = (
    "Иванов Петров Смирнов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Волков "
    "Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров "
    "Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев "
    "Титов Кузьмин Кудрявцев Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев "
    "Романов Захаров Борисов Королёв Герасимов Пономарёв Григорьев Лазарев Медведев Ершов "
    "Никитин Соболев Рябов Поляков Цветков Данилов Жуков Фролов Журавлёв Николаев Крылов "
    "Максимов Сидоров Осипов Белоусов Федотов Дорофеев Егоров Матвеев Бобров Дмитриев Калинин "
    "Анисимов Петухов Антонов Тимофеев Никифоров Веселов Филиппов Марков Большаков Суханов "
    "Миронов Ширяев Александров Коновалов Шестаков Казаков Ефимов Денисов Громов Фомин "
    "Давыдов Мельников Щербаков Блинов Колесников Карпов Афанасьев Власов Маслов Исаков "
    "Тихонов Аксёнов Гаврилов Родионов Котов Горбунов Кудряшов Быков Зуев Третьяков Савельев "
    "Панов Рыбаков Суворов Абрамов Воронов Мухин Архипов Трофимов Мартынов Емельянов Горшков "
    "Чернов Овчинников Селезнёв Панфилов Копылов Михеев Галкин Назаров Лобанов Лукин Беляков "
    "Потапов Некрасов Хохлов"
)
KK_ROUTE = str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи")
# Letters a typo may bring in, per script.
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүһі"
LATIN = "abcdefghijklmnopqrstuvwxyz"
FORMATS = [
    ("{S} {G} {P}", 14),
    ("{SU} {G} {P}", 10),
    ("{S}, {G} {P}", 6),
    ("{G} {P} {S}", 5),
    ("{G} {S}", 12),
    ("{S} {G}", 10),
    ("{SU} {G}", 8),
    ("{g}. {S}", 8),
    ("{S} {g}.", 5),
    ("{S} {g}. {p}.", 10),
    ("{S} {g}.{p}.", 6),
    ("{g}. {p}. {S}", 6),
]


class Zipf:
    """Draws items with Zipf-Mandelbrot weights 1/(rank + offset): the first item is
    the most common, and a larger offset flattens the head."""

    def __init__(self, items: list[str], offset: int) -> None:
        self.items = items
        weights = (1 / (rank + offset) for rank in range(1, len(items) + 1))
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> str:
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect(self.cumulative, point)]


def _shuffled(items: list[str], rng: random.Random) -> list[str]:
    out = sorted(set(items))
    rng.shuffle(out)
    return out


def _russian_patronymic(father: str, female: bool) -> str:
    """``Кемел`` -> ``Кемелевич`` / ``Кемелевна``; ``Сергей`` -> ``Сергеевич``."""
    father = father.translate(KK_ROUTE)
    if father.endswith("й"):
        stem, soft = father[:-1], True
    elif father[-1] in "аеиоуыэюяь":
        stem, soft = father.rstrip("аеиоуыэюяь"), True
    else:
        stem, soft = father, father[-1] in "жшчщц"
    return stem + ("ев" if soft else "ов") + ("на" if female else "ич")


def _gendered(surname: str, female: bool) -> str:
    if not female:
        return surname
    if surname.endswith(("ов", "ев", "ёв", "ин")):
        return surname + "а"
    return surname


class People:
    """Random people: their Cyrillic names and how each is written."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        kk_male = KK_MALE.split()
        compounds = [m + s for m in kk_male for s in KK_SUFFIX.split() if not m.endswith(s)]
        compounds += [p + m.lower() for p in KK_PREFIX.split() for m in kk_male]
        self.kk_male = Zipf(_shuffled(kk_male, rng), offset=10)
        self.kk_female = Zipf(_shuffled(KK_FEMALE.split(), rng), offset=10)
        self.kk_root = Zipf(_shuffled(kk_male + compounds, rng), offset=50)
        self.ru_male = Zipf(_shuffled(RU_MALE.split(), rng), offset=10)
        self.ru_female = Zipf(_shuffled(RU_FEMALE.split(), rng), offset=10)
        self.ru_surname = Zipf(_shuffled(RU_SURNAMES.split(), rng), offset=20)
        self.systems = sorted(kznames.systems())

    def person(self) -> tuple[bool, str, str, str, str]:
        """``(kazakh, surname, given, Russian patronymic, Kazakh patronymic)``."""
        rng = self.rng
        female = rng.random() < 0.5
        if rng.random() < 0.85:
            given = (self.kk_female if female else self.kk_male)(rng)
            if not female and rng.random() < 0.05:
                given = f"{given}-{self.kk_male(rng)}"
            root, father = self.kk_root(rng), self.kk_male(rng)
            if rng.random() < 0.1:
                surname = root + ("қызы" if female else "ұлы")
            else:
                soft = root[-1] in "аәеиоуыіүұөэюяжшщцй"
                surname = _gendered(root.removesuffix("й") + ("ев" if soft else "ов"), female)
            kazakh_patronymic = father + ("қызы" if female else "ұлы")
            return True, surname, given, _russian_patronymic(father, female), kazakh_patronymic
        given = (self.ru_female if female else self.ru_male)(rng)
        surname = _gendered(self.ru_surname(rng), female)
        patronymic = _russian_patronymic(self.ru_male(rng), female)
        return False, surname, given, patronymic, patronymic

    def _typo(self, word: str) -> str:
        rng = self.rng
        if len(word) < 4:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            return word[:i] + word[i + 1 :]
        if kind == 1:
            return word[:i] + word[i] + word[i:]
        if kind == 2:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        letters = CYRILLIC if word[i].lower() in CYRILLIC else LATIN
        return word[:i] + rng.choice(letters) + word[i + 1 :]

    def write(self, person: tuple[bool, str, str, str, str]) -> str:
        """One way of writing ``person``."""
        rng = self.rng
        kazakh, surname, given, ru_patronymic, kk_patronymic = person
        route = rng.random()
        if kazakh and route < 0.3:
            patronymic = kk_patronymic if rng.random() < 0.5 else ru_patronymic
        else:
            surname, given = surname.translate(KK_ROUTE), given.translate(KK_ROUTE)
            patronymic = ru_patronymic
        if route >= 0.55:
            system = rng.choice(self.systems)
            surname, given, patronymic = (
                kznames.transliterate(part, system) for part in (surname, given, patronymic)
            )
        if rng.random() < 0.05:
            if rng.random() < 0.5:
                surname = self._typo(surname)
            else:
                given = self._typo(given)
        template = rng.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
        return template.format(
            S=surname, SU=surname.upper(), G=given, P=patronymic, g=given[:1], p=patronymic[:1]
        )


@dataclass(frozen=True)
class Pairwise:
    """Pair counts: predicted and truly same, predicted same, truly same."""

    hits: int
    predicted: int
    true: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"precision {self.precision:.3f} ({self.hits:,}/{self.predicted:,}), "
            f"recall {self.recall:.3f} ({self.hits:,}/{self.true:,}), F1 {self.f1:.3f}"
        )


def same_pairs(*columns: Sequence[Hashable]) -> int:
    """The number of pairs of rows that agree on every column."""
    return sum(comb(n, 2) for n in Counter(zip(*columns, strict=True)).values())


def pairwise(
    labels: Sequence[Hashable], truth: Sequence[Hashable], apart: Sequence[Hashable] = ()
) -> Pairwise:
    """Pairwise counts of cluster ``labels`` against ``truth``, from the contingency
    table, so no pair is enumerated; a ``None`` label is a cluster of its own.
    With ``apart``, over the pairs of rows whose ``apart`` values differ only."""
    labels = [("row", i) if label is None else label for i, label in enumerate(labels)]
    counts = Pairwise(same_pairs(labels, truth), same_pairs(labels), same_pairs(truth))
    if not apart:
        return counts
    return Pairwise(
        counts.hits - same_pairs(labels, truth, apart),
        counts.predicted - same_pairs(labels, apart),
        counts.true - same_pairs(truth, apart),
    )


def generate(n: int, seed: int = 2022) -> list[tuple[str, str]]:
    """``n`` rows ``(name, person id)``, the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    people = People(rng)
    rows: list[tuple[str, str]] = []
    for number in itertools.count():
        person = people.person()
        count = 1
        while rng.random() < 0.75:
            count += 1
        for _ in range(count):
            rows.append((people.write(person), f"p{number}"))
        if len(rows) >= n:
            break
    del rows[n:]
    rng.shuffle(rows)
    return rows


if __name__ == "__main__":
    for name, person in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 20):
        print(f"{person}\t{name}")
