"""Readings: the ways a spelling can be read back to the name it writes.

A Latin spelling is written by someone following a convention: a
romanization system (``kznames/systems/*.json``), the press of a language, or
English spelling (``data/conventions/*.json``). Each convention is read
backwards here, chunk by chunk: German ``sch`` is Ш or Ж, ``w`` is В, ``j``
is Й; Dutch ``oe`` is У; English ``c`` before ``e`` is С. A reading of a word
is a Cyrillic form that one convention explains from its first letter to its
last; different conventions, or one ambiguous convention, can give several.
Readings are ranked by cost: how unlikely the form's key is as a name, under
a letter model of real Cyrillic names (``data/name_model.json``), plus the
cost of the convention (``data/readings.json``). The key's own folding of the
word (:func:`kznames.fold.fold_key`) is always a reading too, so a word no
convention explains keeps the key it always had.

Cyrillic has one reading: itself. The work is linear in the length of the
text: a word is read letter by letter keeping at most ``beam`` partial
readings, a word longer than ``max_letters`` is read by the folding alone,
and each distinct word is read once per process (a bounded cache).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kznames._check import require_str
from kznames._text import clean, has_cyrillic
from kznames.fold import _cyrillic_table, _folding, fold_key
from kznames.translit import _fallback, _registry

FOLD = "key"
# A word as the readings see it: letters, combining marks (a letter without
# a precomposed form, as ISO 9's n̦), and the apostrophes and backticks that
# systems write as parts of letters (2017 Kazakh Latin s' for Ш, GOST 7.79 B
# y` for Ы). A final English possessive is not part of it.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f'’ʼ`])*")
_POSSESSIVES = ("'s", "’s", "ʼs")
# Words the folding joins to the word before (rules R24).
_JOINED = frozenset({"uly", "kyzy"})
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True)
class Convention:
    """A way of writing names in Latin letters that readings can undo."""

    id: str
    name: str
    cost: float


@dataclass(frozen=True)
class WordReading:
    """One reading of one word: its Cyrillic form, key, conventions and cost.

    ``conventions`` are the ids that explain the word (``key`` for the key's
    own folding); ``text`` is what stands for the word when the key is
    computed: the Cyrillic form, or the word itself for the folding.
    """

    word: str
    form: str
    key: str
    conventions: tuple[str, ...]
    cost: float
    text: str


@dataclass(frozen=True)
class Reading:
    """One reading of a text: the text with each word read one way.

    ``form`` is the text with every Latin word replaced by its Cyrillic form
    (case kept), ``key`` its key, ``conventions`` the conventions that explain
    every Latin word (empty when no single one explains them all; see
    ``words``), and ``cost`` the sum of the words' costs.
    """

    form: str
    key: str
    conventions: tuple[str, ...]
    cost: float
    words: tuple[WordReading, ...]
    text: str

    def describe(self) -> str:
        """One line saying what the reading is.

        >>> readings("Tokajew")[0].describe()[:57]
        'Tokajew: German press and Wikipedia (Duden transcription)'
        """
        parts = []
        for w in self.words:
            if w.conventions == (FOLD,):
                what = "read by the key's folding"
            elif not w.conventions:
                what = "Cyrillic"
            else:
                names = _names(w.conventions)
                what = f"{names} rendering of {w.form}"
            parts.append(f"{w.word}: {what}")
        return "; ".join(parts) + f" (key {self.key})"


def _names(ids: tuple[str, ...]) -> str:
    conventions = _conventions()
    shown = [conventions[i].name for i in ids[:3]]
    more = f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    return " / ".join(shown) + more


@cache
def policy() -> Mapping[str, Any]:
    """The limits and costs of ``data/readings.json``."""
    path = resources.files("kznames") / "data" / "readings.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _json(*parts: str) -> Any:
    path = resources.files("kznames").joinpath("data", *parts)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _reading_only() -> tuple[Mapping[str, Any], ...]:
    folder = resources.files("kznames") / "data" / "conventions"
    return tuple(
        json.loads(e.read_text(encoding="utf-8"))
        for e in sorted(folder.iterdir(), key=lambda e: e.name)
        if e.name.endswith(".json")
    )


@cache
def _conventions() -> Mapping[str, Convention]:
    costs = policy()["convention_cost"]
    found = {
        sid: Convention(sid, s.name, costs.get(sid, costs["default"]))
        for sid, s in _registry().items()
    }
    for data in _reading_only():
        cid = data["id"]
        found[cid] = Convention(cid, data["name"], costs.get(cid, costs["default"]))
    found[FOLD] = Convention(FOLD, "the key's folding", policy()["fold_cost"])
    return found


# The soft sign before a vowel with a glide (Дарья, Ильин): the hard sign
# there is rare in names and would double the readings to weigh.
_SIGNS = "ь"
_GLIDED = "еёюяи"
# A chunk: Latin text -> {(Cyrillic, where, cost): bit mask of conventions},
# where is "" (anywhere), "^" (start of a word), "$" (end of a word), the
# letters one of which must follow, or "!" and the letters none of which may.
Chunks = dict[str, dict[tuple[str, str, float], int]]


def _add(
    chunks: Chunks, latin: str, cyrillic: str, where: str, bit: int, cost: float | None = None
) -> None:
    """Add one chunk; ``cost`` is given for reading-only conventions, whose
    chunks are written by hand and may read a letter as nothing (a silent e)."""
    latin = unicodedata.normalize("NFC", latin)
    # A system's letter read as a sign the key drops (Ъ, Ь) would cost the
    # letter model nothing: there only a sign (an apostrophe, a prime) is.
    if (
        cost is None
        and not model_symbols(cyrillic).strip("'\"")
        and any(c.isalpha() for c in latin)
    ):
        return
    cost = cost or 0.0
    if latin and not any(c.isspace() for c in latin):
        alts = chunks.setdefault(latin, {})
        alt = (cyrillic, where, cost)
        alts[alt] = alts.get(alt, 0) | bit


@cache
def _chunks() -> tuple[Chunks, tuple[str, ...], int]:
    """Every convention read backwards, the convention of each bit, and the
    longest chunk."""
    chunks: Chunks = {}
    ids = [cid for cid in _conventions() if cid != FOLD]
    for n, cid in enumerate(ids):
        bit = 1 << n
        system = _registry().get(cid)
        if system is None:
            continue
        signs = [c for c in _SIGNS if system.letters.get(c) == ""]
        for c, out in system.letters.items():
            # A Kazakh letter written as its nearest Russian letter (Ң as n),
            # or a letter the file says it writes like another (reads_as),
            # reads back as the other letter.
            nearest = _fallback().get(c)
            if c in system.reads_as:
                continue
            if nearest is None or system.letters.get(nearest) != out:
                _add(chunks, out, c, "", bit)
            # A system that drops the signs writes Дарья as Darja: a vowel
            # with a glide may have a sign before it.
            if c in _GLIDED and out:
                for sign in signs:
                    _add(chunks, out, sign + c, "", bit)
        for (c, out), prevs in _contexts(system.after.items(), 1).items():
            _add(chunks, out, c, "^" if prevs == "^" else "<" + prevs, bit)
        for (c, out), nexts in _contexts(system.before.items(), 0).items():
            _add(chunks, out, c, ">" + nexts, bit)
        for ending, out in system.endings.items():
            _add(chunks, out, ending, "$", bit)
    for data in _reading_only():
        bit = 1 << ids.index(data["id"])
        for latin, cyrillic, *rest in data["chunks"]:
            where = rest[0] if rest else ""
            cost = float(rest[1]) if len(rest) > 1 else 0.0
            _add(chunks, latin, cyrillic, where, bit, cost)
    return chunks, tuple(ids), max(map(len, chunks))


def _contexts(
    rules: Iterable[tuple[tuple[str, str], str]], letter: int
) -> dict[tuple[str, str], str]:
    """Context rules grouped by (letter, output): the letters of the context."""
    grouped: dict[tuple[str, str], str] = {}
    for pair, out in rules:
        c, context = pair[letter], pair[1 - letter]
        grouped[(c, out)] = grouped.get((c, out), "") + context
    return grouped


class _Model:
    """A letter trigram model of real names, Witten-Bell interpolated: a
    context seen followed by many different letters gives more of its weight
    to the shorter context."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.tri: dict[str, int] = dict(counts)
        self.ctx2: dict[str, int] = {}
        self.types2: dict[str, int] = {}
        self.bi: dict[str, int] = {}
        for t, n in counts.items():
            self.ctx2[t[:2]] = self.ctx2.get(t[:2], 0) + n
            self.types2[t[:2]] = self.types2.get(t[:2], 0) + 1
            self.bi[t[1:]] = self.bi.get(t[1:], 0) + n
        self.ctx1: dict[str, int] = {}
        self.types1: dict[str, int] = {}
        self.uni: dict[str, int] = {}
        for b, n in self.bi.items():
            self.ctx1[b[0]] = self.ctx1.get(b[0], 0) + n
            self.types1[b[0]] = self.types1.get(b[0], 0) + 1
            self.uni[b[1]] = self.uni.get(b[1], 0) + n
        self.total = sum(self.uni.values())
        self.letters = len(self.uni) + 1
        self.memo: dict[str, float] = {}
        self.steps: dict[tuple[str, str], tuple[float, str]] = {}

    def cost(self, trigram: str) -> float:
        """``-log P(c | ab)`` of the trigram ``abc``."""
        found = self.memo.get(trigram)
        if found is None:
            p1 = (self.uni.get(trigram[2], 0) + 1) / (self.total + self.letters)
            b, ab = trigram[1], trigram[:2]
            t1 = self.types1.get(b, 0)
            p2 = (self.bi.get(trigram[1:], 0) + t1 * p1) / (self.ctx1.get(b, 0) + t1 or 1)
            t2 = self.types2.get(ab, 0)
            p3 = (self.tri.get(trigram, 0) + t2 * p2) / (self.ctx2.get(ab, 0) + t2 or 1)
            found = self.memo[trigram] = -math.log(p3 if p3 > 0 else p2 if p2 > 0 else p1)
        return found

    def step(self, tail: str, symbols: str) -> tuple[float, str]:
        """The cost of ``symbols`` after the two symbols ``tail``, and the new tail."""
        found = self.steps.get((tail, symbols))
        if found is None:
            cost, t = 0.0, tail
            for ch in symbols:
                cost += self.cost(t + ch)
                t = t[1] + ch
            found = self.steps[(tail, symbols)] = (cost, t)
        return found

    def word_cost(self, key: str) -> float:
        padded = "^^" + key + "$"
        return sum(self.cost(padded[i : i + 3]) for i in range(len(padded) - 2))


@cache
def _model() -> _Model:
    return _Model(_json("name_model.json")["counts"])


# The letter model counts one symbol per Cyrillic letter, so a letter the key
# writes with two (Ж zh, Ю yu) costs no more than one it writes with one.
_SYMBOLS = (
    ("shch", "W"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "Z"),
    ("kh", "X"),
    ("ts", "T"),
    ("gh", "G"),
    ("ng", "N"),
    ("yo", "O"),
    ("yu", "U"),
    ("ya", "A"),
)


def model_letters(latin: str) -> str:
    """Text in the key's Latin letters as the letter model reads it: one
    symbol per Cyrillic letter (``zhomart`` -> ``Zomart``).

    >>> model_letters("shchukin"), model_letters("yana")
    ('Wukin', 'Ana')
    """
    for letters, symbol in _SYMBOLS:
        if letters in latin:
            latin = latin.replace(letters, symbol)
    return latin


# Letters the key writes like others, or not at all, keep a symbol of their
# own in the model: Й is not Ы, Ә is not А, and a sign is not free.
_OWN_SYMBOLS = {
    "й": "J",
    "ь": "'",
    "ъ": '"',
    "ә": "ä",
    "ө": "ö",
    "ұ": "ū",
    "ү": "ü",
    "і": "ı",
    "қ": "q",
    "ғ": "G",
    "ң": "N",
    "һ": "h",
}


@cache
def model_symbols(cyrillic: str) -> str:
    """Lowercase Cyrillic as the letter model reads it: the key's letters,
    one symbol per letter, with Й, Ь and Ъ told apart.

    >>> model_symbols("жомарт"), model_symbols("ильин"), model_symbols("әлия")
    ('Zomart', "il'in", 'äliA')
    """
    table = _cyrillic_table()
    return "".join(_OWN_SYMBOLS.get(c) or model_letters(c.translate(table)) for c in cyrillic)


def _fits(where: str, i: int, end: int, word: str) -> bool:
    """Whether a chunk's context that does not depend on the letter before
    (the start or the end of the word, the letters that may or may not
    follow) allows it between ``i`` and ``end`` of ``word``."""
    kind = where[0]
    if kind == "^":
        return i == 0
    if kind == "$":
        return end == len(word)
    nxt = word[end] if end < len(word) else ""
    if kind == "!":
        return not nxt or nxt not in where
    return nxt in where


# A partial reading: conventions bit mask, letter cost, last two model
# symbols, and the Cyrillic letters one of which must follow ("$": the end
# of the word), or "" for any.
State = tuple[int, float, str, str]


# A chunk's reading as the search uses it: Cyrillic, context, extra cost,
# conventions, model symbols, the letters one of which must follow, the kind
# of context, and the first Cyrillic letter.
Alt = tuple[str, str, float, int, str, str, str, str]


@cache
def _alternatives() -> dict[str, tuple[Alt, ...]]:
    """The chunks of :func:`_chunks` with what the search needs of each
    worked out once: Latin text -> its readings."""
    chunks, _, _ = _chunks()
    return {
        latin: tuple(
            (
                cyrillic,
                where,
                extra,
                bits,
                model_symbols(cyrillic),
                where[1:] if where[:1] == ">" else "",
                where[:1],
                cyrillic[:1],
            )
            for (cyrillic, where, extra), bits in alts.items()
        )
        for latin, alts in chunks.items()
    }


def _partial(word: str, among: int = -1) -> dict[str, State]:
    """The complete readings of ``word`` (lowercase Latin) as Cyrillic by the
    conventions of the bit mask ``among`` (all by default): form -> state."""
    _, ids, longest = _chunks()
    chunks = _alternatives()
    beam = policy()["beam"]
    model = _model()
    steps = model.steps
    n = len(word)
    states: list[dict[str, State]] = [{} for _ in range(n + 1)]
    states[0][""] = (among & ((1 << len(ids)) - 1), 0.0, "^^", "")
    for i in range(n):
        here = states[i]
        if not here:
            continue
        if len(here) > beam:
            here = dict(sorted(here.items(), key=lambda kv: (kv[1][1], kv[0]))[:beam])
        items = list(here.items())
        found = [
            (length, alts)
            for length in range(1, min(longest, n - i) + 1)
            if (alts := chunks.get(word[i : i + length]))
        ]
        # A convention reads the longest chunk it writes (BGN/PCGN's sh is
        # Ш, never С + Х, which it writes s·kh): a shorter chunk is read only
        # by conventions with no longer one here.
        longer = 0
        for length, alts in reversed(found):
            end = i + length
            target = states[end]
            here_bits = 0
            for cyrillic, where, extra, bits, roman, after, kind, first in alts:
                # A context other than the letter before (<) or a condition on
                # the letter after (>, checked with the next chunk) is fixed here.
                if kind and kind not in "<>" and not _fits(where, i, end, word):
                    continue
                here_bits |= bits
                bits &= ~longer
                if not bits:
                    continue
                for form, (mask, cost, tail, pending) in items:
                    both = mask & bits
                    if not both or (pending and first not in pending):
                        continue
                    if kind == "<" and (form[-1:] or "^") not in where:
                        continue
                    step = steps.get((tail, roman)) or model.step(tail, roman)
                    new = form + cyrillic
                    c = cost + extra + step[0]
                    old = target.get(new)
                    if old is None:
                        target[new] = (both, c, step[1], after)
                    else:
                        wider = "" if not (after and old[3]) else old[3] + after
                        if c < old[1]:
                            target[new] = (both | old[0], c, step[1], wider)
                        else:
                            target[new] = (old[0] | both, old[1], old[2], wider)
            longer |= here_bits
    return {f: s for f, s in states[n].items() if not s[3] or "$" in s[3]}


@lru_cache(maxsize=1 << 12)
def _weight(mask: int) -> float:
    """The weight of the conventions of ``mask``: the sum of their
    ``exp(-cost)``, so a reading that many conventions write is more
    plausible than one that one writes."""
    conventions = _conventions()
    return sum(math.exp(-conventions[c].cost) for c in _bits(mask))


def _prior(mask: int) -> float:
    """The cost of a reading explained by the conventions of ``mask``."""
    return -math.log(_weight(mask))


@lru_cache(maxsize=1 << 12)
def _bits(mask: int) -> tuple[str, ...]:
    _, ids, _ = _chunks()
    return tuple(cid for n, cid in enumerate(ids) if mask >> n & 1)


def _word_key(text: str) -> str:
    return fold_key(text).replace(" ", "")


@lru_cache(maxsize=1 << 12)
def _key_form(folded: str) -> str:
    """A Cyrillic form of a folded key: its most plausible reading in the key's
    own letters (the table the key reads Cyrillic with, ``kk-odni``) that keys
    back to it, or the key itself."""
    if len(folded) > policy()["max_letters"]:
        return folded
    _, ids, _ = _chunks()
    forms = _partial(folded, 1 << ids.index(_folding()["cyrillic"]["system"]))
    for form, _ in sorted(forms.items(), key=lambda kv: (kv[1][1], kv[0])):
        if _word_key(form) == folded:
            return form
    return folded


@lru_cache(maxsize=1 << 16)
def _read_word(word: str) -> tuple[WordReading, ...]:
    """The readings of one lowercase word, cheapest first, within the margin.

    A reading of the key's folding stands for the word as it is written when
    it is the best, and for a Cyrillic form of its key otherwise (so that the
    text of each alternative keys to the alternative's key).
    """
    p = policy()
    model = _model()
    folded = _word_key(word)
    # key -> (letter cost of its most plausible form, that form, conventions)
    best: dict[str, tuple[float, str, int]] = {
        folded: (p["model_weight"] * model.word_cost(model_letters(folded)), "", 0)
    }
    if p["min_letters"] <= len(word) <= p["max_letters"] and not has_cyrillic(word):
        ended = [
            (p["model_weight"] * (letters + model.cost(tail + "$")), form, mask)
            for form, (mask, letters, tail, _) in _partial(word).items()
        ]
        complete = sorted(
            (letters + _prior(mask), letters, form, mask) for letters, form, mask in ended
        )
        for cost, letters, form, mask in complete[: p["keyed"]]:
            if cost > complete[0][0] + p["margin"]:
                break
            k = _word_key(form)
            if not k:
                continue
            old_letters, old_form, old_mask = best.get(k, (math.inf, "", 0))
            if letters < old_letters or (k == folded and not old_form):
                best[k] = (letters, form, old_mask | mask)
            else:
                best[k] = (old_letters, old_form, old_mask | mask)
    fold_weight = math.exp(-_conventions()[FOLD].cost)
    found = {
        k: (
            letters - math.log(_weight(mask) + (fold_weight if k == folded else 0.0)),
            form,
            set(_bits(mask)) or {FOLD},
        )
        for k, (letters, form, mask) in best.items()
    }
    ranked = sorted(found.items(), key=lambda kv: (kv[1][0], kv[0]))[: p["per_word"]]
    top = ranked[0][1][0]
    out = []
    for n, (k, (cost, form, ids)) in enumerate(ranked):
        if cost > top + p["margin"]:
            break
        if not form:
            # The key's folding: its Cyrillic form is needed only where it
            # stands for the word in another reading's text; readings() shows it.
            form = k if n == 0 else _key_form(k)
            text = word if n == 0 else form
        else:
            text = form
        out.append(WordReading(word, form, k, tuple(sorted(ids)), round(cost, 6), text))
    return tuple(out)


def _words(text: str) -> Iterator[tuple[int, int, str]]:
    """The Latin words of lowercase ``text``: (start, end, word), possessives cut off."""
    plain = text.isascii()
    for m in _WORD.finditer(text):
        word = m.group()
        if not plain and (not _LATIN.search(word) or has_cyrillic(word)):
            continue
        end = m.end()
        if len(word) > 3 and word.endswith(_POSSESSIVES):
            word, end = word[:-2], end - 2
        yield m.start(), end, word


def _recase(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _texts(name: str) -> tuple[str, list[tuple[int, int, str, tuple[WordReading, ...]]]]:
    text = clean(name) if not name.isascii() else name
    # The capital İ of the 2021 Kazakh Latin alphabet is the capital of i;
    # str.lower() gives i and a combining dot, which would split the word.
    low = text.lower().replace("i\u0307", "i")
    if len(low) != len(text):
        text = low
    found = [(s, e, text[s:e], _read_word(w)) for s, e, w in _words(low)]
    return text, found


def _compose(text: str, words: list[tuple[int, int, str, WordReading]], *, key_text: bool) -> str:
    """``text`` with each word replaced: by what stands for it in the key
    (``key_text``), or by its Cyrillic form; in the case it was written in."""
    out, last = [], 0
    for start, end, original, reading in words:
        out.append(text[last:start])
        chosen = reading.text if key_text else reading.form
        out.append(original if chosen == reading.word else _recase(chosen, original))
        last = end
    out.append(text[last:])
    return "".join(out)


def key(name: str) -> str:
    """Return the variant key of ``name``: equal for every spelling of the name.

    Each Latin word is read back to the name it most plausibly writes (see
    :func:`readings`), so spellings in any romanization system or press
    convention share the key of the Cyrillic original. The key folds script,
    case, diacritics, apostrophes, hyphens and punctuation, and keeps apart
    the names that differ: gender endings, distinct letters, distinct
    digraphs. Words keep their order.

    >>> key("Тоқаев") == key("Toqaev") == key("Tokayev") == key("Tokajew")
    True
    >>> key("Kassym-Jomart") == key("Qasym-Zhomart") == key("Касым-Жомарт")
    True
    >>> key("Nazarbayev"), key("Nazarbayeva")
    ('nazarbaev', 'nazarbaeva')
    >>> key("Darja") == key("Дарья"), key("Victor Kim")
    (True, 'viktor kim')

    Raises ``TypeError`` if ``name`` is not a ``str``.
    """
    require_str(name, "name")
    if not _LATIN.search(name):
        return fold_key(name)
    text, found = _texts(name)
    if not found:
        return fold_key(text)
    joined: list[str] = []
    last = 0
    for start, end, _, options in found:
        # Each word stands in as a key the folding keeps as it is, apart by
        # spaces or punctuation (which the folding turns into one space) or
        # by the hyphens it deletes last: then nothing is left to fold.
        gap = text[last:start].translate(_deleted()[0])
        piece = _piece(options[0])
        if piece is None or any(c.isalnum() or c in _deleted()[1] for c in gap):
            break
        if joined and gap:
            joined.append(" ")
        joined.append(piece)
        last = end
    else:
        if not any(c.isalnum() or c in _deleted()[1] for c in text[last:]):
            return "".join(joined)
    best = [(s, e, w, options[0]) for s, e, w, options in found]
    return fold_key(_compose(text, best, key_text=True))


@cache
def _deleted() -> tuple[dict[int, None], frozenset[str]]:
    """The characters the folding deletes in its last phase, after every other
    rule has run (the hyphens of rule R26), as a ``str.translate`` table; and
    those it deletes earlier (apostrophes, the middle dot), after which rules
    can read across the place they stood (Bau·yrzhan): words apart by them
    are folded together."""
    last = _folding()["phases"][-1]
    rules = [r for r in _folding()["rules"] if "delete" in r]
    late = "".join(r["delete"] for r in rules if r["phase"] == last)
    early = "".join(r["delete"] for r in rules if r["phase"] != last)
    return dict.fromkeys(map(ord, late)), frozenset(early)


@lru_cache(maxsize=1 << 16)
def _piece(reading: WordReading) -> str | None:
    """The word's key, if the folding keeps it as it is (so a text of such
    keys needs no folding), else ``None``."""
    k = reading.key
    if k.isascii() and k.isalnum() and k not in _JOINED and fold_key(k) == k:
        return k
    return None


def readings(text: str) -> list[Reading]:
    """The plausible ways to read ``text``, the most plausible first.

    Each Latin word is read by every convention that explains it (the
    romanization systems, the press conventions of other languages, English
    spelling, and the key's own folding); Cyrillic words have one reading.
    The first reading is the one :func:`key` uses; the others read one word
    otherwise. At most ``max_readings`` readings, ``per_word`` per word
    (``data/readings.json``).

    >>> r = readings("Tokajew")[0]
    >>> r.form, r.key, "de-press" in r.conventions
    ('Токаев', 'tokaev', True)
    >>> [r.key for r in readings("Назарбаев")]
    ['nazarbaev']

    Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    require_str(text, "text")
    base, choices = _choices(text)
    out = []
    for words in choices:
        chosen = tuple(
            replace(r, word=w, form=_recase(_key_form(r.key) if r.form == r.key else r.form, w))
            for _, _, w, r in words
        )
        cost = _cost(words)
        ids = set(chosen[0].conventions) if chosen else set()
        for r in chosen[1:]:
            ids &= set(r.conventions)
        key_text = _compose(base, words, key_text=True)
        out.append(
            Reading(
                form=_compose(base, words, key_text=False),
                key=fold_key(key_text),
                conventions=tuple(sorted(ids)),
                cost=cost,
                words=chosen,
                text=key_text,
            )
        )
    out.sort(key=lambda r: r.cost)
    return out


Choice = list[tuple[int, int, str, WordReading]]


def _choices(text: str) -> tuple[str, list[Choice]]:
    """``text`` as the readings see it, and the ways to read its words that
    :func:`readings` ranks: each word's best reading, then the cheapest
    single-word changes, chosen before any text is composed, so a long text
    costs one sort, not a text per alternative."""
    base, found = _texts(text)
    best = [(s, e, w, options[0]) for s, e, w, options in found]
    changes = sorted(
        (other.cost - options[0].cost, n, k)
        for n, (_, _, _, options) in enumerate(found)
        for k, other in enumerate(options[1:], 1)
    )[: policy()["max_readings"] - 1]
    choices = [best]
    for _, n, k in changes:
        s, e, w, options = found[n]
        choices.append([*best[:n], (s, e, w, options[k]), *best[n + 1 :]])
    return base, choices


def _cost(words: Choice) -> float:
    """The cost of a text read with ``words``: the sum of the words' costs."""
    return round(sum(r.cost for _, _, _, r in words), 6)


def reading_texts(text: str) -> list[tuple[float, str]]:
    """The cost and text of each of :func:`readings`, in its order, without
    the rest of a reading: what :func:`kznames.match` parses, for a
    fraction of the work.

    >>> [(cost, text) for cost, text in reading_texts("Tokajew")] == [
    ...     (r.cost, r.text) for r in readings("Tokajew")
    ... ]
    True

    Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    require_str(text, "text")
    base, choices = _choices(text)
    ranked = [(_cost(words), _compose(base, words, key_text=True)) for words in choices]
    ranked.sort(key=lambda r: r[0])
    return ranked
