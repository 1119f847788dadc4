"""dedupe(): one label per spelling of one entity, every row kept, no chaining."""

import gc
import random
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from hostile import hostile_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kznames import Entity, Registry, dedupe, dedupe_detail, match_many, transliterate
from kznames.dedupe import _describe, _elements, _suffix, _surname_candidates
from kznames.match import _Batch, best_reading
from kznames.match import readings as match_readings
from kznames.registry import KINDS

EMPTY = Registry()


def test_every_row_comes_out_in_order_with_none_for_missing_values():
    names = ["Tokayev", None, "", "   ", "Tokayev", "Токаев"]
    labels = dedupe(names, registry=EMPTY)
    assert len(labels) == len(names)
    assert labels[1:4] == [None, None, None]
    assert labels[0] == labels[4] == labels[5]


def test_spellings_in_every_script_and_system_are_one_cluster():
    cyrillic = "Жапишева Асем"
    names = [cyrillic, "Asem Zhapisheva", "ZHAPISHEVA Asem", "A. Zhapisheva"]
    names += [transliterate(cyrillic, s) for s in ("ru-icao", "kk-latin-2021", "ru-mvd-310")]
    assert len(set(dedupe(names, registry=EMPTY))) == 1


def test_ambiguous_links_do_not_chain_different_people():
    labels = dedupe(["Nazarbayev", "N. Nazarbayev", "Nazarbayeva"], registry=EMPTY)
    assert labels[0] == labels[1] != labels[2]
    family = ["Nursultan Nazarbayev", "Dariga Nazarbayeva", "Aisultan Nazarbayev", "Nazarbayev"]
    labels = dedupe(family, registry=EMPTY)
    assert len(set(labels[:3])) == 3


def test_father_and_son_stay_apart():
    labels = dedupe(
        ["Петров Иван Сергеевич", "Петров Иван Иванович", "Ivan Sergeevich Petrov"], registry=EMPTY
    )
    assert labels[0] == labels[2] != labels[1]


def test_the_registry_names_its_entities():
    labels = dedupe(["Qasym-Zhomart Toqaev", "TOKAYEV Kassym-Jomart", "K. Tokayev", "Tokayev"])
    assert set(labels) == {"person:tokayev-kassym-jomart"}
    places = dedupe(["Alma-Ata", "Almaty", "Алматы", "Akmolinsk", "Tselinograd"], kind="place")
    assert places == ["place:almaty"] * 3 + ["place:astana"] * 2
    orgs = dedupe(["ЦИК", "OSK", "Central Election Commission", "Nur Otan", "Amanat"], kind="org")
    assert orgs == ["org:central-election-commission"] * 3 + ["org:amanat"] * 2


def test_detail_gives_clusters_names_entities_and_reasons():
    result = dedupe_detail(["Tokayev", "Тоқаев", "Rinat Zaitov", "Rinat Zaitov", None])
    by_id = {c.id: c for c in result.clusters}
    tokayev = by_id["person:tokayev-kassym-jomart"]
    assert tokayev.members == (0, 1) and tokayev.entity is not None
    assert tokayev.name == "Kassym-Jomart Tokayev"
    assert by_id["person:zaitov-rinat"].members == (2, 3)
    assert [m.why for m in result.members][3:] == ["same text as row 2", "missing"]
    assert result.labels == dedupe(["Tokayev", "Тоқаев", "Rinat Zaitov", "Rinat Zaitov", None])


def test_the_cluster_is_named_by_its_fullest_spelling():
    names = ["Соловьёва О.В.", "Соловьёва О.В.", "СОЛОВЬЁВА Ольга", "Соловьёва Ольга Викторовна"]
    result = dedupe_detail(names, registry=EMPTY)
    (cluster,) = result.clusters
    assert cluster.name == "Соловьёва Ольга Викторовна"
    assert cluster.id == "person:soloveva-olga"


def test_ids_of_different_people_with_one_name_differ_by_their_own_spelling():
    names = ["Петров Иван Сергеевич", "Петров Иван Иванович", "Петров Иван Иванович"]
    labels = dedupe(names, registry=EMPTY)
    assert labels[0] != labels[1] == labels[2]
    assert all(re.fullmatch("person:petrov-ivan-[0-9a-f]{6}", label) for label in labels)
    assert dedupe(names[::-1], registry=EMPTY) == labels[::-1]
    assert dedupe(names[:1], registry=EMPTY) == ["person:petrov-ivan"]
    # A person outside the registry whose id is an entity's gets a suffix.
    registry = Registry([Entity("person:ivanov-petr", "person", "Oleg Sidorov")])
    labels = dedupe(["Ivanov Petr", "Oleg Sidorov", "Sidorov O."], registry=registry)
    assert labels[1:] == ["person:ivanov-petr"] * 2
    assert re.fullmatch("person:ivanov-petr-[0-9a-f]{6}", labels[0])


def test_a_suffix_grows_only_where_two_hashes_begin_alike():
    # Three digests of one base id, in sorted order, each with its neighbours.
    assert _suffix("123456789a", None, "abcdef0123") == "123456"
    assert _suffix("abcdef0123", "123456789a", "abcdef0199") == "abcdef012"
    assert _suffix("abcdef0199", "abcdef0123", None) == "abcdef019"


def test_a_surname_typo_joins_only_when_the_rest_agrees_in_full():
    names = ["Petrov Ivan Sergeevich", "Petrob Ivan Sergeevich", "Petrob Ivan Olegovich"]
    labels = dedupe(names, registry=EMPTY)
    assert labels[0] == labels[1] != labels[2]


def _rows(n, seed):
    """``n`` generated names, some of them repeated."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from dedupe_data import generate

    return [name for name, _ in generate(n, seed=seed)]


def _generated(n, seed):
    return list(dict.fromkeys(_rows(n, seed)))


def test_the_candidates_of_a_block_hold_every_pair_match_calls_the_same():
    names = _generated(3000, seed=11)
    batch = _Batch()
    elements, _ = _elements(names, {}, _describe(batch, "person", {}))
    blocks = defaultdict(list)
    for element in elements:
        for surname in {r[0] for r in element.readings}:
            blocks[surname].append(element)
    same = 0
    for surname, members in blocks.items():
        found = _surname_candidates(batch, surname, members)
        for i, j in combinations(range(len(members)), 2):
            if _same_through(batch.values[surname], members[i].name, members[j].name):
                same += 1
                assert (i, j) in found, (members[i].name, members[j].name)
    assert same > 500


def _same_through(surname, a, b):
    """Whether match() calls ``a`` and ``b`` the same through readings of this
    surname (another reading of a spelling may join them in another block)."""
    left = [r for r in match_readings(a) if r.surname == surname]
    right = [r for r in match_readings(b) if r.surname == surname]
    return bool(left and right) and best_reading(left, right)[0][1]


def test_a_big_surname_block_is_not_compared_all_against_all():
    given = ["Арман", "Ерлан", "Нұрлан", "Серік", "Болат", "Марат", "Дәулет", "Асқар"]
    fathers = ["Кемел", "Асан", "Омар", "Сәкен", "Бақыт", "Жанат", "Ахмет", "Рахат"]
    names = [f"Ахметов {g} {f}ұлы" for g in given for f in fathers]
    names += [f"Ахметов {g}" for g in given] + [
        f"Ахметов {g[0]}. {f[0]}." for g in given for f in fathers
    ]
    batch = _Batch()
    elements, _ = _elements(names, {}, _describe(batch, "person", {}))
    (surname,) = {r[0] for e in elements for r in e.readings}
    found = _surname_candidates(batch, surname, elements)
    everything = len(elements) * (len(elements) - 1) // 2
    assert len(found) < everything / 5
    assert all(
        (i, j) in found
        for i, j in combinations(range(len(elements)), 2)
        if batch.pair(elements[i].name, elements[j].name)[1]
    )


def test_the_order_of_the_rows_does_not_change_the_clusters():
    names = _generated(2000, seed=5)
    shuffled = random.Random(1).sample(names, len(names))

    def partition(labels, rows):
        groups = defaultdict(set)
        for name, label in zip(rows, labels, strict=True):
            groups[label].add(name)
        return sorted(map(sorted, groups.values()))

    assert partition(dedupe(names), names) == partition(dedupe(shuffled), shuffled)


# Generated names with many ids of one base, and names that tie for a cluster's
# name on fullness, frequency and length.
SHUFFLED = [
    *_rows(1500, seed=13),
    *["Петров Иван Сергеевич", "Петров Иван Иванович", "Petrov Ivan Olegovich"],
    *["Иванова А.", "Ivanova A.", "Ivanova Aida", "Ivanova Aiza", "ИВАНОВА Аида"],
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.large_base_example])
@given(st.permutations(SHUFFLED))
def test_every_row_gets_the_same_id_whatever_the_order_of_the_rows(rows):
    expected = dict(zip(SHUFFLED, dedupe(SHUFFLED), strict=True))
    assert dict(zip(rows, dedupe(rows), strict=True)) == expected
    shown = {c.id: c.name for c in dedupe_detail(SHUFFLED).clusters}
    assert {c.id: c.name for c in dedupe_detail(rows).clusters} == shown


def test_progress_is_reported_and_the_collector_state_restored():
    calls = []
    gc.disable()
    try:
        dedupe(["Ivan Petrov", "I. Petrov"], progress=lambda *a: calls.append(a))
        assert not gc.isenabled()
    finally:
        gc.enable()
    dedupe(["Ivan Petrov"])
    assert gc.isenabled()
    assert calls[0] == ("parsing", 2, 2)
    assert calls[-1][0] == "comparing" and calls[-1][1] == calls[-1][2]


@given(st.lists(st.one_of(st.none(), st.text(max_size=20)), max_size=15))
def test_any_list(names):
    labels = dedupe(names, registry=EMPTY)
    assert len(labels) == len(names)
    for name, label in zip(names, labels, strict=True):
        if name is None or not name.strip():
            assert label is None
    again = dedupe(names, registry=EMPTY)
    assert labels == again


def test_bad_input():
    with pytest.raises(TypeError, match="names must hold str or None"):
        dedupe(["Tokayev", 3])
    with pytest.raises(ValueError, match="kind must be one of"):
        dedupe(["Tokayev"], kind="city")
    with pytest.raises(ValueError, match="kind must be one of"):
        dedupe(["Tokayev"], kind=None)
    with pytest.raises(TypeError, match="progress must be callable"):
        dedupe(["Tokayev"], progress="yes")


@pytest.mark.parametrize("function", [dedupe, dedupe_detail])
@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("Tokayev", r"names must be an iterable of names \(str or None\), not a str"),
        (b"Tokayev", r"names must be an iterable of names \(str or None\), not bytes"),
        (None, r"names must be an iterable of names \(str or None\), not NoneType"),
        (3, r"names must be an iterable of names \(str or None\), not int"),
    ],
)
def test_names_must_be_an_iterable_of_names(function, names, message):
    with pytest.raises(TypeError, match=message):
        function(names)


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        (None, r"pairs must be an iterable of \(str, str\) tuples, not NoneType"),
        ("ab", r"pairs must be an iterable of \(str, str\) tuples, not a str"),
        (7, r"pairs must be an iterable of \(str, str\) tuples, not int"),
    ],
)
def test_match_many_names_its_argument(pairs, message):
    with pytest.raises(TypeError, match=message):
        match_many(pairs)
    assert match_many(iter([("Tokayev", "Токаев")])) == match_many([("Tokayev", "Токаев")])


def test_a_value_without_a_letter_is_missing():
    no_letter = ["123", "456", "!!!", "😀", "\u200b", "\t", "\u3000", "\xa0", "ь", "ʼ", "\x00"]
    for kind in KINDS:
        assert dedupe([*no_letter, "Tokayev"], kind=kind, registry=EMPTY)[:-1] == [None] * 11
    result = dedupe_detail(["!!!", "Ivan Petrov"], registry=EMPTY)
    assert [m.why for m in result.members] == ["missing", "the cluster's name"]
    assert [c.members for c in result.clusters] == [(1,)]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.none(), hostile_texts()), max_size=12), st.sampled_from(KINDS))
def test_hostile_values(names, kind):
    labels = dedupe(names, kind=kind, registry=EMPTY)
    assert labels == dedupe_detail(names, kind=kind, registry=EMPTY).labels
    for name, label in zip(names, labels, strict=True):
        if name is None or not any(c.isalpha() for c in name):
            assert label is None
        if label is not None:
            assert label.startswith(f"{kind}:") and re.search("[a-z]", label.partition(":")[2])


# Real names of settlements of Kazakhstan (GeoNames alternate names, CC BY 4.0;
# benchmarks/data/dedupe_real_places.tsv): each row one place's spellings.
PLACE_VARIANTS = [
    ["Karaganda", "Karagandy", "Karagandi", "Қарағанды", "Qarağandı"],
    ["Ozernyy", "Ozernoye", "Ozernyj", "Озерный"],
    ["Ural'sk", "Uralsk", "Ural’sk", "Уральск"],
    ["Kzyl-Orda", "Kyzyl Orda", "Кызылорда", "Қызыл Орда"],
    ["Shymkent", "Chimkent", "Чимкент", "Шымкент"],
]


def test_the_spellings_of_a_place_group_without_a_registry():
    names = [name for variants in PLACE_VARIANTS for name in variants]
    labels = iter(dedupe(names, kind="place", registry=EMPTY))
    groups = [{next(labels) for _ in variants} for variants in PLACE_VARIANTS]
    assert all(len(g) == 1 for g in groups), groups
    assert len(set.union(*groups)) == len(PLACE_VARIANTS)


@pytest.mark.parametrize(
    "names",
    [
        ["Astana", "Astana Square"],
        ["Aktau", "Aktobe"],
        ["Aksu", "Aksai"],
        ["Taraz", "Talas"],
        ["Almaty", "Almaty Region"],
    ],
)
def test_different_places_stay_apart(names):
    assert len(set(dedupe(names, kind="place", registry=EMPTY))) == len(names)


def test_a_spelling_the_registry_does_not_know_joins_its_entity():
    names = ["Karaganda", "Karagandu", "Ust-Kamenogorsk", "Ust Kamenogorsk"]
    result = dedupe_detail(names, "place")
    assert [m.cluster for m in result.members] == ["place:karaganda"] * 2 + ["place:oskemen"] * 2
    assert result.members[1].why == "same entity as 'Karaganda'"


def test_two_registry_places_never_merge_by_similarity():
    # Aral (a town) and Oral (Uralsk, a city) are one letter apart: with an empty
    # registry they share a cluster; the registry keeps its two entities apart.
    assert len(set(dedupe(["Aral", "Oral", "Арал", "Орал"], kind="place"))) == 2


def test_a_place_block_too_large_is_grouped_by_keys(monkeypatch):
    names = ["Karaganda", "Karagandy"]
    assert len(set(dedupe(names, kind="place", registry=EMPTY))) == 1
    monkeypatch.setattr(sys.modules["kznames.dedupe"], "PLACE_BLOCK", 1)
    assert len(set(dedupe(names, kind="place", registry=EMPTY))) == 2


@settings(max_examples=10, deadline=None)
@given(st.permutations([name for variants in PLACE_VARIANTS for name in variants] + ["Aral"]))
def test_places_get_the_same_ids_whatever_the_order_of_the_rows(rows):
    names = [name for variants in PLACE_VARIANTS for name in variants] + ["Aral"]
    expected = dict(zip(names, dedupe(names, kind="place", registry=EMPTY), strict=True))
    assert dict(zip(rows, dedupe(rows, kind="place", registry=EMPTY), strict=True)) == expected


@pytest.mark.parametrize(
    "names",
    [
        # Real pairs of the development set (benchmarks/data/persons_dev.tsv):
        # the Kazakh and Russian forms of one person's surname, given name and
        # father's name, or a father's name on one side only.
        ["Бауыржан Амангелдіұлы Смайылов", "Бауыржан Амангельдинович Смаилов"],
        ["Құдайберген Сұлтанбай", "Султанбаев, Кудайберген Тауекелович"],
        ["Сағынбек Тоқабайұлы Тұрсынов", "Турсунов, Сагинбек Токабаевич"],
        ["Гүлнар Мұстақымқызы Ықсанова", "Иксанова, Гульнар Мустахимовна"],
    ],
)
def test_the_forms_of_one_name_meet_across_surname_blocks(names):
    assert len(set(dedupe(names, registry=EMPTY))) == 1
