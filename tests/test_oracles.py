"""Cross-check the romanization data files against independent implementations.

* ``kk-bgn-pcgn`` against ICU's ``Kazakh-Latin/BGN`` transform (Unicode CLDR);
* ``ru-bgn-pcgn`` against ICU's ``Russian-Latin/BGN`` and iuliia's ``bgn_pcgn``;
* every other ``ru-*`` system against its iuliia 0.13.0 schema.

The inputs are generated deterministically: every given name with every
surname, in Kazakh-Cyrillic and in Russian-Cyrillic form, plus place names,
each in Title case and in lowercase; and "probe" words holding every pair of
letters of the alphabet at the start, in the middle and at the end of a word
(and before -ий, for word-ending rules), in Title case and lowercase. All-caps
input is not compared: ICU and iuliia case digraphs differently from each
other and from kznames there (ZH / Zh for a lone Ж; iuliia's ZhOMART).

``test_corpus_exercises_every_rule`` makes the comparisons meaningful: it
checks that changing any single value of a system's letter table, context
rules or endings changes the output for at least one compared input, so a
single wrong letter in a data file cannot pass the oracle test.

Each test is skipped cleanly when its oracle (PyICU, iuliia) is not installed.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

import pytest

from kznames.translit import System, _registry

# -- generated inputs ---------------------------------------------------------

# (Kazakh-Cyrillic form, Russian-Cyrillic form). Russian forms follow the
# Instruction on the Russian rendering of Kazakh names (ROMANIZATION.md 2.3):
# Тоқаев -> Токаев, Өмірзақ -> Умирзак, Смайылов -> Смаилов.
GIVEN_NAMES = [
    ("Қасым-Жомарт", "Касым-Жомарт"),
    ("Нұрсұлтан", "Нурсултан"),
    ("Дариға", "Дарига"),
    ("Ерлан", "Ерлан"),
    ("Бауыржан", "Бауыржан"),
    ("Әлихан", "Алихан"),
    ("Өмірзақ", "Умирзак"),
    ("Гүлнұр", "Гульнур"),
    ("Мұхтар", "Мухтар"),
    ("Данияр", "Данияр"),
    ("Әсет", "Асет"),
    ("Бақытжан", "Бакытжан"),
    ("Кәрім", "Карим"),
    ("Серік", "Серик"),
    ("Айгүл", "Айгуль"),
    ("Әсел", "Асель"),
    ("Жанна", "Жанна"),
    ("Қайрат", "Кайрат"),
    ("Ержан", "Ержан"),
    ("Әлия", "Алия"),
    ("Мәдина", "Мадина"),
    ("Шоқан", "Чокан"),
    ("Асқар", "Аскар"),
    ("Айдос", "Айдос"),
    ("Ілияс", "Ильяс"),
    ("Тоғжан", "Тогжан"),
    ("Шыңғыс", "Чингиз"),
    ("Мейрам", "Мейрам"),
    ("Ақерке", "Акерке"),
    ("Жұлдыз", "Жулдыз"),
    ("Нұрлан", "Нурлан"),
    ("Сәуле", "Сауле"),
    ("Гүлмира", "Гульмира"),
    ("Әйгерім", "Айгерим"),
    ("Жәнібек", "Жанибек"),
    ("Ғалым", "Галым"),
    ("Рүстем", "Рустем"),
    ("Еркебұлан", "Еркебулан"),
    ("Шаһмардан", "Шахмардан"),
    ("Зәуреш", "Зауреш"),
    ("Тимур", "Тимур"),
    ("Юлия", "Юлия"),
    ("Артём", "Артём"),
    ("Фёдор", "Фёдор"),
    ("Ольга", "Ольга"),
    ("Наталья", "Наталья"),
    ("Сергей", "Сергей"),
    ("Андрей", "Андрей"),
    ("Дмитрий", "Дмитрий"),
    ("Юрий", "Юрий"),
    ("Евгений", "Евгений"),
    ("Эдуард", "Эдуард"),
    ("Эльмира", "Эльмира"),
    ("Вячеслав", "Вячеслав"),
    ("Яна", "Яна"),
    ("Елена", "Елена"),
    ("Семён", "Семён"),
    ("Ксения", "Ксения"),
    ("Майя", "Майя"),
    ("Ибраһим", "Ибрагим"),
    ("Хадиша", "Хадиша"),
    ("Зейнеп", "Зейнеп"),
]

SURNAMES = [
    ("Тоқаев", "Токаев"),
    ("Назарбаев", "Назарбаев"),
    ("Назарбаева", "Назарбаева"),
    ("Қарин", "Карин"),
    ("Байбек", "Байбек"),
    ("Смайылов", "Смаилов"),
    ("Шөкеев", "Шукеев"),
    ("Қосдәулетқызы", "Косдаулеткызы"),
    ("Әблязов", "Аблязов"),
    ("Мәсімов", "Масимов"),
    ("Исекешев", "Исекешев"),
    ("Сағынтаев", "Сагинтаев"),
    ("Тұрғымбаев", "Тургумбаев"),
    ("Күнболатұлы", "Кунболатулы"),
    ("Уәлиханов", "Валиханов"),
    ("Жолдасбеков", "Жолдасбеков"),
    ("Сейітжанов", "Сейтжанов"),
    ("Қосанов", "Косанов"),
    ("Қожаев", "Кожаев"),
    ("Ахметов", "Ахметов"),
    ("Омаров", "Омаров"),
    ("Ким", "Ким"),
    ("Оспанов", "Оспанов"),
    ("Сүлейменов", "Сулейменов"),
    ("Ысқақов", "Искаков"),
    ("Әбдірахманов", "Абдрахманов"),
    ("Қалиев", "Калиев"),
    ("Садықов", "Садыков"),
    ("Ибраев", "Ибраев"),
    ("Нұрғалиев", "Нургалиев"),
    ("Сұлтанов", "Султанов"),
    ("Кәрімов", "Каримов"),
    ("Смағұлов", "Смагулов"),
    ("Жүсіпов", "Юсупов"),
    ("Цой", "Цой"),
    ("Болат", "Болат"),
    ("Бондаренко", "Бондаренко"),
    ("Құсайынов", "Кусаинов"),
    ("Жангелдин", "Джангельдин"),
    ("Есенберлин", "Есенберлин"),
    ("Әуезов", "Ауэзов"),
    ("Тасмағамбетов", "Тасмагамбетов"),
    ("Мамин", "Мамин"),
    ("Тілеуберді", "Тлеуберди"),
    ("Досанов", "Досанов"),
    ("Брекешев", "Брекешев"),
    ("Қазыбек", "Казыбек"),
    ("Әлімжанов", "Алимжанов"),
    ("Щербаков", "Щербаков"),
    ("Васильев", "Васильев"),
    ("Кузнецов", "Кузнецов"),
    ("Фёдоров", "Фёдоров"),
    ("Алексеев", "Алексеев"),
    ("Подъячев", "Подъячев"),
    ("Соловьёв", "Соловьёв"),
    ("Медведева", "Медведева"),
    ("Хрущёв", "Хрущёв"),
    ("Эфендиев", "Эфендиев"),
    ("Яковлев", "Яковлев"),
    ("Шәкенов", "Шакенов"),
    ("Әбішұлы", "Абишулы"),
]

PLACES = [
    ("Алматы", "Алматы"),
    ("Астана", "Астана"),
    ("Шымкент", "Шымкент"),
    ("Қарағанды", "Караганда"),
    ("Ақтөбе", "Актобе"),
    ("Тараз", "Тараз"),
    ("Павлодар", "Павлодар"),
    ("Өскемен", "Усть-Каменогорск"),
    ("Семей", "Семей"),
    ("Атырау", "Атырау"),
    ("Қостанай", "Костанай"),
    ("Қызылорда", "Кызылорда"),
    ("Орал", "Уральск"),
    ("Петропавл", "Петропавловск"),
    ("Ақтау", "Актау"),
    ("Түркістан", "Туркестан"),
    ("Көкшетау", "Кокшетау"),
    ("Талдықорған", "Талдыкорган"),
    ("Екібастұз", "Экибастуз"),
    ("Жезқазған", "Жезказган"),
    ("Маңғыстау", "Мангистау"),
    ("Жаңаөзен", "Жанаозен"),
    ("Балқаш", "Балхаш"),
    ("Байқоңыр", "Байконур"),
    ("Щучинск", "Щучинск"),
    ("Ақмола", "Акмола"),
    ("Целиноград", "Целиноград"),
    ("Нұр-Сұлтан", "Нур-Султан"),
    ("Рысқұлов даңғылы", "проспект Рыскулова"),
    ("Аягөз", "Аягоз"),
    ("Сарыағаш", "Сарыагаш"),
    ("Шиелі", "Шиели"),
    ("Қонаев", "Конаев"),
    ("Ұлытау", "Улытау"),
    ("Үржар", "Урджар"),
    ("Есік", "Есик"),
    ("Ерейментау", "Ерейментау"),
    ("Мойынқұм", "Мойынкум"),
    ("Арқалық", "Аркалык"),
    ("Қапшағай", "Капчагай"),
    ("Сәтбаев", "Сатпаев"),
    ("Приозёрск", "Приозёрск"),
    ("Шахтинск", "Шахтинск"),
    ("Бурабай", "Бурабай"),
    ("Өлеңті", "Оленты"),
    ("Жаңаарқа", "Жанаарка"),
    ("Әйтеке би", "Айтеке би"),
]

RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KAZAKH_LETTERS = RUSSIAN_LETTERS + "әғқңөұүһі"
FORMS = {"kk": 0, "ru": 1}


def _title_and_lower(texts: Iterable[str]) -> list[str]:
    texts = list(texts)
    return texts + [t.lower() for t in texts]


def _names(form: int) -> list[str]:
    people = [f"{given[form]} {surname[form]}" for given in GIVEN_NAMES for surname in SURNAMES]
    return people + [place[form] for place in PLACES]


def _probes(alphabet: str) -> list[str]:
    """Every letter pair at a word's start, middle and end, and before -ий."""
    words = []
    for x in alphabet:
        for y in alphabet:
            for word in (
                x + y + "а",
                "а" + x + y + "а",
                "а" + x + y,
                "ба" + x + y + "й",
            ):
                words.append(word[0].upper() + word[1:])
    return _title_and_lower(words)


@cache
def kazakh_corpus() -> tuple[str, ...]:
    """Kazakh-form and Russian-form names (both are Kazakh-alphabet text) and probes."""
    names = _title_and_lower(_names(FORMS["kk"]) + _names(FORMS["ru"]))
    return tuple(dict.fromkeys(names + _probes(KAZAKH_LETTERS)))


@cache
def russian_corpus() -> tuple[str, ...]:
    """Russian-form names and probes (iuliia leaves Kazakh letters untouched)."""
    return tuple(dict.fromkeys(_title_and_lower(_names(FORMS["ru"])) + _probes(RUSSIAN_LETTERS)))


# -- oracles and the differences they are known to have ------------------------

# ICU's transforms decompose the input (NFD) before romanizing, so й comes out
# as ī + U+0306 and ё as e + U+0308 (ë after NFC) in Kazakh-Latin/BGN; the
# PCGN 1979 Kazakh table has y and yo. Both ICU transforms write Ъ and Ь as the
# modifier primes ʺ ʹ, where the PCGN documents have ” ’.
ICU_KAZAKH_TO_PCGN = {
    "ī\u0306": "y",
    "Ī\u0306": "Y",
    "ë": "yo",
    "Ë": "Yo",
    "ʺ": "”",
    "ʹ": "’",
}
ICU_RUSSIAN_TO_PCGN = {"ʺ": "”", "ʹ": "’"}

# ICU writes a digraph in capitals when the next character is not a lowercase
# letter. Besides a lone capital (Ж -> ZH; the corpus has no one-letter words),
# that happens when its first pass has already put a middle dot after the
# letter: Жэа -> ZH·ea, where PCGN Title case is Zh·ea.
_CAPITAL_DIGRAPH_BEFORE_DOT = re.compile(r"\b([A-Z])([A-Z]+)(?=·)")

# Inputs where ICU's rule mechanics, not the PCGN rules, decide the output;
# they are left out of the ICU comparison (iuliia still checks them for
# ru-bgn-pcgn). Each pattern matches exactly the inputs that differ.
ICU_RUSSIAN_QUIRKS = [
    # ICU romanizes е ё (after a vowel, й, ъ, ь), э (after a consonant) and
    # ы (after a vowel) in a first pass, so a following е ё э ы sees a Latin
    # letter instead of a Cyrillic vowel: уеэ -> uye·e (PCGN: uyee), юее -> yuyee
    # (PCGN: yuyeye).
    re.compile(
        r"[аеёиоуыэюяйъь][её][еёэы]|[бвгджзклмнпрстфхцчшщъь]э[еёэы]|[аеёиоуыэюя]ы[еёэы]",
        re.IGNORECASE,
    ),
    # ICU counts ъ and ь as consonants and writes ·e for э after them (ьэ -> ’·e);
    # PCGN puts the dot only after a consonant letter.
    re.compile(r"[ъь]э", re.IGNORECASE),
    # ICU writes ыы as y·y; PCGN (y· before a vowel, ·y after one) gives y··y.
    re.compile(r"ыы", re.IGNORECASE),
    # ICU writes ·Y for ы after a capital vowel when no lowercase letter follows (Аы).
    re.compile(r"[АЕЁИОУЫЭЮЯ][Ыы](?![а-яё])"),
]
ICU_KAZAKH_QUIRKS = [
    # ICU takes нг as n·g before it looks at гһ, so нгһ is n·gh; the PCGN
    # table's separate н·г and г·һ marks give n·g·h.
    re.compile(r"нгһ", re.IGNORECASE),
]

IULIIA_SCHEMAS = {
    "ru-bgn-pcgn": "bgn_pcgn",
    "ru-wikipedia": "wikipedia",
    "ru-icao": "icao_doc_9303",
    "ru-mvd-310": "mvd_310",
    "ru-mvd-782": "mvd_782",
    "ru-gost-779b": "gost_779_alt",
    "ru-ala-lc": "ala_lc",
    "ru-scholarly": "scientific",
    "ru-telegram": "telegram",
    "ru-iso9": "gost_779",
    "ru-ungegn-1987": "ungegn_1987",
}
# iuliia stores the Latin ë of several schemas as the Cyrillic letter ё.
IULIIA_YO = str.maketrans({"ё": "ë", "Ё": "Ë"})


@pytest.fixture(scope="module")
def icu():
    return pytest.importorskip("icu")


@pytest.fixture(scope="module")
def iuliia():
    return pytest.importorskip("iuliia")


def _replace_all(text: str, table: dict[str, str]) -> str:
    for old, new in table.items():
        text = text.replace(old, new)
    return text


def _mismatches(
    system_id: str, inputs: Iterable[str], oracle: Callable[[str], str]
) -> list[tuple[str, str, str]]:
    system = _registry()[system_id]
    return [
        (text, want, got)
        for text in inputs
        if (got := system.romanize(text)) != (want := oracle(text))
    ]


def _report(found: list[tuple[str, str, str]], compared: int) -> str:
    shown = "\n".join(f"  {t!r}: oracle {w!r}, kznames {g!r}" for t, w, g in found[:15])
    return f"{len(found)} of {compared} inputs differ:\n{shown}"


def icu_kazakh_inputs() -> list[str]:
    return [t for t in kazakh_corpus() if not any(q.search(t) for q in ICU_KAZAKH_QUIRKS)]


def icu_russian_inputs() -> list[str]:
    return [t for t in russian_corpus() if not any(q.search(t) for q in ICU_RUSSIAN_QUIRKS)]


# -- the comparisons -----------------------------------------------------------


def test_corpus_is_large_and_well_formed() -> None:
    for corpus, alphabet in (
        (kazakh_corpus(), KAZAKH_LETTERS),
        (russian_corpus(), RUSSIAN_LETTERS),
    ):
        assert len(corpus) > 5000
        assert set(alphabet) <= set("".join(corpus).lower())
        # ICU capitalizes a lone capital digraph in full; keep words 2+ letters.
        assert all(len(word) > 1 for text in corpus for word in re.findall(r"\w+", text))
    assert set("".join(_names(FORMS["ru"])).lower()) <= set(RUSSIAN_LETTERS + " -")


def _icu_oracle(icu, system_id: str) -> Callable[[str], str]:
    """ICU's BGN transform for the system, with the documented differences mapped."""
    if system_id == "kk-bgn-pcgn":
        transform = icu.Transliterator.createInstance("Kazakh-Latin/BGN")
        table = ICU_KAZAKH_TO_PCGN
    else:
        transform = icu.Transliterator.createInstance("Russian-Latin/BGN")
        table = ICU_RUSSIAN_TO_PCGN

    def oracle(text: str) -> str:
        out = unicodedata.normalize("NFC", transform.transliterate(text))
        out = _CAPITAL_DIGRAPH_BEFORE_DOT.sub(lambda m: m[1] + m[2].lower(), out)
        return _replace_all(out, table)

    return oracle


ICU_CASES = {
    # system id: (all generated inputs, inputs compared, known quirk examples)
    "kk-bgn-pcgn": (kazakh_corpus, icu_kazakh_inputs, ["Жангһар", "мыңнгһа"]),
    "ru-bgn-pcgn": (
        russian_corpus,
        icu_russian_inputs,
        ["Уеэ", "юее", "Подьэм", "Сыы", "Аы"],
    ),
}


@pytest.mark.parametrize("system_id", sorted(ICU_CASES))
def test_bgn_pcgn_matches_icu(icu, system_id: str) -> None:
    corpus, compared, _ = ICU_CASES[system_id]
    inputs = compared()
    assert len(inputs) > 0.99 * len(corpus())
    found = _mismatches(system_id, inputs, _icu_oracle(icu, system_id))
    assert not found, _report(found, len(inputs))


@pytest.mark.parametrize("system_id", sorted(ICU_CASES))
def test_icu_quirk_patterns_only_skip_real_differences(icu, system_id: str) -> None:
    """Every input left out of the ICU comparison does differ from ICU."""
    corpus, compared, examples = ICU_CASES[system_id]
    skipped = sorted(set(corpus()) - set(compared()))
    quirks = ICU_KAZAKH_QUIRKS if system_id == "kk-bgn-pcgn" else ICU_RUSSIAN_QUIRKS
    assert all(any(q.search(e) for q in quirks) for e in examples)
    oracle = _icu_oracle(icu, system_id)
    system = _registry()[system_id]
    same = [t for t in skipped + examples if oracle(t) == system.romanize(t)]
    assert not same, same[:10]


# Press conventions written for Russian that no library implements: their
# samples are real published spellings instead of an oracle's output.
PRESS_WITHOUT_ORACLE = {"cs-press", "es-press", "fi-press", "fr-press", "nl-press"}


def test_every_russian_system_has_an_iuliia_oracle() -> None:
    russian = {sid for sid, s in _registry().items() if s.language == "ru"}
    assert russian - PRESS_WITHOUT_ORACLE == set(IULIIA_SCHEMAS)
    assert russian >= PRESS_WITHOUT_ORACLE


@pytest.mark.parametrize("system_id", sorted(IULIIA_SCHEMAS))
def test_matches_iuliia(iuliia, system_id: str) -> None:
    schema = iuliia.schemas.get(IULIIA_SCHEMAS[system_id])

    def oracle(text: str) -> str:
        return schema.translate(text).translate(IULIIA_YO)

    inputs = russian_corpus()
    found = _mismatches(system_id, inputs, oracle)
    assert not found, _report(found, len(inputs))


# -- would a wrong letter be caught? -------------------------------------------

ORACLE_INPUTS = {
    "kk-bgn-pcgn": icu_kazakh_inputs,
    **dict.fromkeys(IULIIA_SCHEMAS, russian_corpus),
}


def _changes_output(original: System, changed: System, inputs: Iterable[str]) -> bool:
    return any(original.romanize(t) != changed.romanize(t) for t in inputs)


@pytest.mark.parametrize("system_id", sorted(ORACLE_INPUTS))
def test_corpus_exercises_every_rule(system_id: str) -> None:
    """Changing any one value of the system changes some compared output."""
    system = _registry()[system_id]
    inputs = ORACLE_INPUTS[system_id]()
    words = sorted({w for t in inputs for w in re.findall(r"\w+", t.lower())})

    def containing(fragment: str) -> list[str]:
        return [w for w in words if fragment in w]

    def wrong(out: str) -> str:
        return out + "#"

    untested = []
    for letter, out in system.letters.items():
        changed = dataclasses.replace(system, letters={**system.letters, letter: wrong(out)})
        if not _changes_output(system, changed, containing(letter)):
            untested.append(("letter", letter))
    for (prev, letter), out in system.after.items():
        changed = dataclasses.replace(system, after={**system.after, (prev, letter): wrong(out)})
        candidates = [w for w in containing(letter) if prev == "^" or prev + letter in w]
        if not _changes_output(system, changed, candidates):
            untested.append(("after", prev, letter))
    for (letter, nxt), out in system.before.items():
        changed = dataclasses.replace(system, before={**system.before, (letter, nxt): wrong(out)})
        candidates = [w for w in containing(letter) if nxt == "$" or letter + nxt in w]
        if not _changes_output(system, changed, candidates):
            untested.append(("before", letter, nxt))
    for ending, out in system.endings.items():
        changed = dataclasses.replace(system, endings={**system.endings, ending: wrong(out)})
        if not _changes_output(system, changed, containing(ending)):
            untested.append(("ending", ending))
    assert not untested, untested
