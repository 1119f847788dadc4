"""``find_entities()``: the people, places and organisations named in a text.

The text is cut into words with their offsets. Spans of capitalised words
(with the linking words ``of``, ``the``, ``and`` inside) are looked up in the
registry, longest first, through :meth:`Registry.lookup`: any spelling,
script, word order, case ending, former name or acronym. A span the registry
does not know is a person when it has the shape of a person's name: a word
with a surname or patronymic ending beside other capitalised words or
initials (``Rinat Zaitov``, ``Асем Жапишева``), or a listed given name beside
another capitalised word (``Руслан Желдибай``). A surname alone then refers
to the person named in full before it in the same text (also in the other,
Kazakh or Russian, form of the surname: ``Нигматуллин`` after ``Нұрлан
Нығматулин``), else to the registry's one person of that surname, else to a
person of its own.

People outside the registry get an id made from their name's keys
(``person:zaitov-rinat``), so every text gives them the same id. The work is
linear in the length of the text: each word starts at most ``MAX_SPAN``
lookups, and a span is only looked up when its words are known to the
registry or shaped like a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from kznames._check import require_str
from kznames._text import has_cyrillic
from kznames.given_names import Listing, listing
from kznames.match import match, person_id, readings
from kznames.names import parse_name, patronymic_gender, surname_ending, titles, word_key
from kznames.part_similarity import compare_keys, core
from kznames.registry import Entity, Lookup, Registry, require_registry
from kznames.resolve import (
    _LINKING_WORDS,
    LANGUAGES,
    _form_key,
    _index,
    base_forms,
    closest,
    elision_end,
    lookup,
)

MAX_SPAN = 7
# The shortest word (as a key) read as a one-letter misspelling of a place.
_MIN_FUZZY = 6
_LETTER = r"[^\W\d_]"
_TOKEN = re.compile(
    rf"(?P<initial>(?<!{_LETTER})[^\W\d_a-zа-яё]{_LETTER}?\.(?:-?[^\W\d_a-zа-яё]{_LETTER}?\.)*)"
    rf"|(?P<word>{_LETTER}+(?:[-'’ʼ·]{_LETTER}+)*)"
)
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
# What may stand between two words of one name: spaces, a slash ("RFE/RL"),
# or a possessive and spaces ("Kazakhstan's Democratic Choice": only taken
# when the registry has a name written so).
_GAP = re.compile(r"(?P<possessive>['’ʼ]s)?[ \t\u00a0]+|/")
_TOUCH = re.compile(r"(?P<possessive>)")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming an entity: offsets into the text, the entity's id
    and kind, and the registry entity when there is one."""

    start: int
    end: int
    text: str
    entity_id: str
    kind: str
    entity: Entity | None = None


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    key: str
    initial: bool

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str, start: int, end: int, words: dict[str, tuple[str, str]]) -> list[_Token]:
    """The words and initials of ``text[start:end]``. ``words`` maps each word seen in
    the text to one copy of it and its key, so a word that repeats costs one string."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        begin, stop = m.start(), m.end()
        if m.lastgroup == "word":
            # d'Aktau: the name is Aktau (the test first: most words have no apostrophe)
            elided = elision_end(word) if "'" in word or "’" in word or "ʼ" in word else 0
            bare = _POSSESSIVE.sub("", word) if len(word) - elided > 3 else word
            begin += elided
            stop -= len(word) - len(bare)
            word = bare[elided:]
        seen = words.get(word)
        if seen is None:
            seen = words[word] = (word, word_key(word))
        out.append(_Token(begin, stop, seen[0], seen[1], m.lastgroup == "initial"))
    return out


def _name_shaped(token: _Token) -> bool:
    return bool(surname_ending(token.key)[1] or patronymic_gender(token.text))


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a line or follows a sentence's end, and so
    may be capitalised for that alone. Looks back over spaces and quotes only."""
    k = start
    while k > 0 and text[k - 1] in ' \t\u00a0"“«(':
        k -= 1
    while k > 0 and text[k - 1] in "'\"’”»)":
        k -= 1
    return k == 0 or text[k - 1] in "\n.!?…:"


def find_entities(
    text: str, lang: str | None = None, registry: Registry | None = None
) -> list[Mention]:
    """Find every mention of a person, place or organisation in ``text``.

    Each mention has its offsets, its text, an entity id (the registry's, or
    one made from a person's name) and kind. Works on English, Russian and
    Kazakh text and on the German, French, Spanish and Dutch spellings of
    Kazakh names, with the German genitive ``-s`` (``Kasachstans``) and the
    French or Italian elided article before a name (``d'Aktau``). ``lang``
    may name the text's language (``"en"``, ``"ru"``, ``"kk"``, ``"de"``,
    ``"fr"``, ``"es"``, ``"nl"``) to choose which case endings are read: with
    ``None`` the script of each word decides (Russian and Kazakh endings on
    Cyrillic words, Kazakh ones and the German genitive on Latin words).

    >>> text = "NUR-SULTAN -- Interim President Qasym-Zhomart Toqaev won. Toqaev's rival..."
    >>> for m in find_entities(text):
    ...     print(m.start, m.end, m.text, m.entity_id)
    0 10 NUR-SULTAN place:astana
    32 52 Qasym-Zhomart Toqaev person:tokayev-kassym-jomart
    58 64 Toqaev person:tokayev-kassym-jomart

    Raises ``TypeError`` for a non-``str`` text or lang, ``ValueError`` for an
    unknown lang.
    """
    require_str(text, "text")
    if lang is not None:
        require_str(lang, "lang")
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)} or None, got {lang!r}")
    return _Finder(text, require_registry(registry), lang).run()


class _Finder:
    """The state of one call: the text's words, and the people named so far."""

    def __init__(self, text: str, registry: Registry, lang: str | None) -> None:
        self.text = text
        self.registry = registry
        self.lang = lang
        self.tokens: list[_Token] = []
        self.words: dict[str, tuple[str, str]] = {}
        self.index = _index(registry)
        self.people: dict[str, tuple[str, Entity | None]] = {}
        # The gender of the person of each surname in ``people``, and those surnames
        # by the core of their skeletons (kznames.part_similarity.core): the
        # earlier surnames a word may write in their other form.
        self.genders: dict[str, str | None] = {}
        self.cores: dict[str, set[str]] = {}
        # The stems of the surnames in ``people``, kept as people are added:
        # rebuilding them for every lone word would make the work quadratic.
        self.stems: set[str] = set()
        self.given: dict[str, tuple[str, Entity | None] | None] = {}
        self.mentions: list[Mention] = []
        # Lookups and known words already settled in this text: names repeat.
        self.lookups: dict[str, Lookup] = {}
        self.knowns: dict[str, bool] = {}

    def _lookup(self, span: str) -> Lookup:
        found = self.lookups.get(span)
        if found is None:
            found = self.lookups[span] = lookup(self.registry, span, lang=self.lang)
        return found

    def _base_forms(self, token: _Token) -> list[str]:
        return base_forms(token.key, not token.text.isascii(), self.lang)

    def _knows(self, token: _Token) -> bool:
        """Whether the word, or the word without a case ending, is in a registry name."""
        found = self.knowns.get(token.text)
        if found is None:
            words = self.index.words
            found = token.key in words or any(b in words for b in self._base_forms(token))
            self.knowns[token.text] = found
        return found

    def run(self) -> list[Mention]:
        """Read the text a line at a time (no name spans a line break), so the
        memory for words is one line's."""
        for line in _LINE.finditer(self.text):
            self.tokens = _tokens(self.text, line.start(), line.end(), self.words)
            start = 0
            while start < len(self.tokens):
                end = self._run_end(start)
                if self.tokens[start].capital:
                    self._capitalised_run(start, end)
                start = end + 1
        return self.mentions

    def _run_end(self, start: int) -> int:
        """The last token of the run of capitalised words (and linking words) from ``start``."""
        end = start
        if not self.tokens[start].capital:
            return end
        while (
            end + 1 < len(self.tokens)
            and (self.tokens[end + 1].capital or self.tokens[end + 1].key in _LINKING_WORDS)
            and self._gap(end) is not None
        ):
            end += 1
        while end > start and not self.tokens[end].capital:
            end -= 1
        return end

    def _emit(self, i: int, j: int, entity_id: str, kind: str, entity: Entity | None) -> None:
        start, end = self.tokens[i].start, self.tokens[j].end
        self.mentions.append(Mention(start, end, self.text[start:end], entity_id, kind, entity))

    def _capitalised_run(self, a: int, b: int) -> None:
        """Registry names first, longest first; then people by the shape of their names."""
        uncovered: list[int] = []
        i = a
        while i <= b:
            hit = self._registry_hit(i, min(b, i + MAX_SPAN - 1))
            if hit is None:
                uncovered.append(i)
                i += 1
                continue
            j, entity_id, kind, entity = hit
            self._flush(uncovered)
            uncovered = []
            self._emit(i, j, entity_id, kind, entity)
            i = j + 1
        self._flush(uncovered)

    def _gap(self, k: int) -> re.Match[str] | None:
        """What joins token ``k`` to the next one in a name, or ``None``: an initial
        may touch the next word (``Қ.Тоқаев``)."""
        start, end = self.tokens[k].end, self.tokens[k + 1].start
        if start == end and self.tokens[k].initial:
            return _TOUCH.match(self.text, start)
        return _GAP.fullmatch(self.text, start, end)

    def _possessive_inside(self, i: int, j: int) -> bool:
        for k in range(i, j):
            gap = self._gap(k)
            if gap is not None and gap.group("possessive"):
                return True
        return False

    def _after_a_name(self, i: int, found: Lookup) -> bool:
        """Whether a place read through a case ending follows a word that is not a
        registry name: ``Досыма Сатпаева`` is a person's name in the genitive, not
        the town Satpayev."""
        if not found.how.startswith("inflected") or i == 0 or self._gap(i - 1) is None:
            return False
        before = self.tokens[i - 1]
        return (
            before.capital
            and not _starts_sentence(self.text, before.start)
            and not before.initial
            and before.key not in titles()
            and before.key not in _LINKING_WORDS
            and not self._knows(before)
        )

    def _other_given_name(self, i: int, found: Lookup) -> bool:
        """Whether a registry person's surname alone follows a listed given name (see
        :meth:`_given_cue`) that is not theirs: ``Erlan Smailov`` and ``Ерлан
        Смайылов`` are another person than the Prime Minister, Alikhan Smailov,
        so the two words are left to be found as a person of their own; ``Kasym
        Tokayev`` is the President. A capitalised word no lexicon lists is not
        enough: it may be capitalised for beginning a sentence or for being a
        German noun (``Staatschef Tokajew``)."""
        entity = found.entity
        if entity is None or i == 0 or self._gap(i - 1) is None:
            return False
        before = self.tokens[i - 1]
        if before.initial or self._given_cue(before) is None:
            return False
        span = self.text[before.start : self.tokens[i].end]
        return not match(span, entity.name).same

    def _inside_other_name(self, j: int, last: int) -> bool:
        """Whether the word after a hit continues a name the registry does not know:
        ``Astana`` in ``The Astana Times`` names the newspaper, not the city."""
        if j >= last:
            return False
        gap, after = self._gap(j), self.tokens[j + 1]
        return (
            gap is not None
            and gap.group().strip() != "/"
            and not gap.group("possessive")
            and after.capital
            and not after.initial
            and after.key not in titles()
            and after.key not in _LINKING_WORDS
            and not self._continues(after)
        )

    def _continues(self, token: _Token) -> bool:
        """Whether the word, or the word without a case ending other than the German
        genitive, is in a registry name: a genitive does not continue the name before it,
        and an English plural is not one (``Times`` in ``The Astana Times``)."""
        words = self.index.words
        bases = base_forms(token.key, not token.text.isascii(), self.lang, genitive=False)
        return token.key in words or any(b in words for b in bases)

    def _registry_hit(self, i: int, last: int) -> tuple[int, str, str, Entity | None] | None:
        tokens = self.tokens
        if tokens[i].key in titles() or tokens[i].key in _LINKING_WORDS:
            return None
        for j in range(last, i - 1, -1):
            if tokens[j].key in _LINKING_WORDS:
                continue
            words = [t for t in tokens[i : j + 1] if not t.initial and t.key not in _LINKING_WORDS]
            if not words or not all(map(self._knows, words)):
                continue
            span = self.text[tokens[i].start : tokens[j].end]
            if self._possessive_inside(i, j) and _form_key(span) not in self.index.possessive:
                continue
            found = self._lookup(span)
            if found.entity is None:
                found = self._owned(i, span) or found
            kind = found.entity.kind if found.entity is not None else None
            linked = len(words) < j - i + 1 - sum(t.initial for t in tokens[i : j + 1])
            if kind == "person" and linked:
                continue  # a linking word inside: "Asem Zhapisheva and Mariya" is two people
            if found.entity is not None and len(words) == 1 and found.entity.kind == "person":
                if self._other_given_name(i, found):
                    return None
                # A surname alone is the person the text named in full before, if any.
                earlier = self._earlier_person(words[0], registry_surname=True)
                if earlier is not None and earlier[0] != found.entity.id:
                    return j, earlier[0], "person", earlier[1]
            # A Latin word read through an ending (the German genitive: "im Norden
            # Kasachstans", "Kasachstans Hauptstadt") neither is a Russian given name's
            # genitive nor begins a longer name, though German writes nouns capitalised.
            latin_inflected = found.how.startswith("inflected") and not has_cyrillic(span)
            if (
                kind == "place"
                and not latin_inflected
                and (self._inside_other_name(j, last) or self._after_a_name(i, found))
            ):
                return None
            if found.entity is not None:
                if found.entity.kind == "person":
                    self._remember(span, found.entity.id, found.entity)
                return j, found.entity.id, found.entity.kind, found.entity
            if len(words) == 1 and found.candidates:
                earlier = self._earlier_person(words[0])
                if earlier is not None:
                    return j, earlier[0], "person", earlier[1]
        return None

    def _owned(self, i: int, span: str) -> Lookup | None:
        """``OSCE’s Parliamentary Assembly``: a part named after its owner's possessive,
        found as the owner's name and the part's together (``OSCE Parliamentary Assembly``)."""
        owner = self.mentions[-1] if self.mentions else None
        if owner is None or owner.entity is None or i == 0:
            return None
        gap = self._gap(i - 1)
        if owner.end != self.tokens[i - 1].end or gap is None or not gap.group("possessive"):
            return None
        found = self._lookup(f"{owner.text} {span}")
        if found.entity is not None and found.entity.parent == owner.entity.id:
            return found
        return None

    def _flush(self, positions: list[int]) -> None:
        """People among the capitalised words no registry name covered."""
        # Runs of neighbouring words; a title or a linking word splits a run, as
        # no name holds one.
        groups: list[list[int]] = [[]]
        for p in positions:
            breaks = self._breaks_name(self.tokens[p])
            if breaks or (groups[-1] and groups[-1][-1] != p - 1):
                groups.append([])
            if not breaks:
                groups[-1].append(p)
        for words in filter(None, groups):
            span = _person_span([self.tokens[p] for p in words]) or self._given_name_span(words)
            if span is None:
                if len(words) == 1:
                    self._single(words[0])
                continue
            i, j = words[span[0]], words[span[1]]
            text = self.text[self.tokens[i].start : self.tokens[j].end]
            if i == j:
                earlier = self._earlier_person(self.tokens[i])
                if earlier is not None:
                    self._emit(i, j, earlier[0], "person", earlier[1])
                continue
            reading = readings(text)[0]
            entity_id = person_id(reading.surname, reading.given, text)
            self._remember(text, entity_id, None)
            self._emit(i, j, entity_id, "person", None)

    def _given_name_span(self, positions: list[int]) -> tuple[int, int] | None:
        """A listed given name and the capitalised word after it (``Руслан Желдибай``),
        or before it (``Желдибай Руслан``, as Kazakh lists write names) when that word
        is capitalised as a name (see :meth:`_capitalised_for_itself`): the first and last
        index among ``positions``, or ``None``. Runs of more than three words are
        left alone, as :func:`_person_span` leaves those of more than four."""
        if len(positions) > 3:
            return None
        tokens = [self.tokens[p] for p in positions]
        for k, token in enumerate(tokens):
            entry = self._given_cue(token)
            if entry is None:
                continue
            if k + 1 < len(tokens) and not tokens[k + 1].initial:
                return k, k + 1
            before = tokens[k - 1] if k else None
            if (
                before
                and not entry.ordinary
                and not before.initial
                and self._capitalised_for_itself(before)
            ):
                return k - 1, k
        return None

    def _capitalised_for_itself(self, token: _Token) -> bool:
        """Whether a word before a given name is capitalised as a name: it does not begin
        a sentence, or the lexicon lists it as a surname (``Kim Viktor``)."""
        entry = listing(token.key)
        return not _starts_sentence(self.text, token.start) or bool(entry and entry.surname)

    def _given_cue(self, token: _Token) -> Listing | None:
        """The lexicon's listing of a word if it is a given name that shows a person:
        not an ordinary word capitalised for beginning a sentence or for being a German
        noun (``Roman``, ``Will``), and not a word of a place's or organisation's
        registry name unless it is a registry person's given name too (``Astana``).
        An ordinary word shows a person only before the surname: after a capitalised
        word it is more often the end of another name (``Central Asia``)."""
        entry = listing(token.key)
        if entry is None or token.initial:
            return None
        if entry.ordinary and (self.lang == "de" or _starts_sentence(self.text, token.start)):
            return None
        return entry if token.key in self.index.given or not self._knows(token) else None

    def _single(self, p: int) -> None:
        """One capitalised word nothing else claimed: the given name or surname of a
        person named in full before (``Darigha`` after ``Darigha Nazarbaeva``,
        ``Желдибай`` after ``Руслан Желдибай``), or the given name of the one
        registry person of that given name whose family name the text has named
        (``Nazarbaev's daughter, Darigha``), or a one-letter misspelling of a city
        or region (``Atyrai``)."""
        token = self.tokens[p]
        person = self.given.get(token.key) or self._earlier_person(token)
        if person is not None:
            self._emit(p, p, person[0], "person", person[1])
            return
        family = {i for i, stem in self.index.given.get(token.key, ()) if stem in self.stems}
        if len(family) == 1:
            entity = self.registry[family.pop()]
            self._emit(p, p, entity.id, entity.kind, entity)
            return
        if len(token.key) < _MIN_FUZZY or token.initial:
            return
        near = {
            entity_id
            for name, ids in self.index.prominent.items()
            if abs(len(name) - len(token.key)) <= 1
            and Levenshtein.distance(name, token.key, score_cutoff=2) <= 1
            for entity_id in ids
        }
        if len(near) == 1:
            entity = self.registry[near.pop()]
            self._emit(p, p, entity.id, entity.kind, entity)

    @staticmethod
    def _breaks_name(token: _Token) -> bool:
        return token.key in titles() or token.key in _LINKING_WORDS

    def _remember(self, span: str, entity_id: str, entity: Entity | None) -> None:
        """Note a person named in full, under the keys of their surname and given name
        (a given name two people share is noted as unusable)."""
        parsed = parse_name(span)
        if parsed.surname:
            surname = word_key(parsed.surname)
            self.people[surname] = (entity_id, entity)
            self.genders[surname] = parsed.gender
            self.stems.add(surname_ending(surname)[0])
            self.cores.setdefault(core(surname), set()).add(surname)
        for given in parsed.given[:1]:
            given_key = word_key(given)
            seen = self.given.get(given_key, (entity_id, entity))
            self.given[given_key] = (entity_id, entity) if seen and seen[0] == entity_id else None

    def _earlier_person(
        self, token: _Token, registry_surname: bool = False
    ) -> tuple[str, Entity | None] | None:
        """The person named in full earlier whose surname this word is (any case ending),
        else the one whose surname it writes in its other form (:meth:`_variant_person`;
        ``registry_surname``: the word is known as a registry person's surname)."""
        forms = (token.key, *self._base_forms(token))
        for candidate in forms:
            if candidate in self.people:
                return self.people[candidate]
        return self._variant_person(token, forms, registry_surname)

    def _variant_person(
        self, token: _Token, forms: tuple[str, ...], registry_surname: bool = False
    ) -> tuple[str, Entity | None] | None:
        """The person named earlier whose surname the word, or the word without a case
        ending (``forms``), writes in its other form: ``Нигматуллин`` after ``Нұрлан
        Нығматулин``, ``Султанбаевым`` after ``Руслан Сұлтанбай``.

        The candidates are the earlier surnames with the core of a form; each is
        compared by :func:`kznames.part_similarity.compare_keys` and kept when the
        alternations alone explain the difference: a typo (``Tokarev``, ``Kasanov``)
        counts in :func:`kznames.match` only when the rest of the name agrees, and a
        word alone has no rest. A form whose ending shows the other gender than the
        person's is not theirs (``Назарбаева``). The person is taken when no other
        scores within the policy's ``resolve_margin`` of them, as :func:`kznames.resolve`
        decides (:func:`kznames.resolve.closest`); else none, never a guess. A word
        the registry knows (unless as a registry person's surname, ``registry_surname``)
        or a listed given name is never read so."""
        candidates = [(form, self.cores.get(core(form), set())) for form in forms]
        known = self._knows(token) and not registry_surname
        if not any(s for _, s in candidates) or known or any(map(listing, forms)):
            return None
        scores: dict[str, float] = {}
        found: dict[str, tuple[str, Entity | None]] = {}
        for form, surnames in candidates:
            gender = surname_ending(form)[1]
            for surname in surnames:
                person_gender = self.genders[surname]
                if gender and person_gender and gender != person_gender:
                    continue
                alike = compare_keys(form, surname)
                if alike.similar and not alike.typos:
                    entity_id = self.people[surname][0]
                    found[entity_id] = self.people[surname]
                    scores[entity_id] = max(scores.get(entity_id, 0.0), alike.score)
        near = closest(scores)[1]
        return found[near[0]] if len(near) == 1 else None


def _person_span(words: list[_Token]) -> tuple[int, int] | None:
    """The indexes of the first and last word of a person's name among ``words``.

    A name is one to three words (or initials) with a surname or patronymic
    ending at one end or, between a given name and a surname, a patronymic:
    ``Rinat Zaitov``, ``Zaitov Rinat``, ``Ivan Petrovich Sidorov``,
    ``A. Zaitov``. A single shaped word may be a surname named before.
    """
    shaped = [k for k, t in enumerate(words) if not t.initial and _name_shaped(t)]
    if not shaped or len(words) > 4:
        return None
    if len(words) == 1:
        return (0, 0)
    last, first = shaped[-1], shaped[0]
    if last == len(words) - 1 and len(words) <= 3:
        return (0, last)
    if first == 0 and len(words) <= 3:
        return (0, len(words) - 1)
    if len(words) == 3 and patronymic_gender(words[1].text):
        return (0, 2)
    return None
