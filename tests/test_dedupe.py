"""dedupe(): one label per spelling of one entity, every row kept, no chaining."""

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import Registry, dedupe, dedupe_detail, transliterate

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


def test_ids_of_different_people_with_one_name_differ():
    labels = dedupe(["Петров Иван Сергеевич", "Петров Иван Иванович"], registry=EMPTY)
    assert labels == ["person:petrov-ivan", "person:petrov-ivan-2"]


def test_an_oversized_block_is_split_by_given_name(monkeypatch):
    module = sys.modules["kznames.dedupe"]
    monkeypatch.setattr(module, "MAX_BLOCK", 2)
    sizes = []
    merge = module._Clusters.merge_block

    def recording(self, names):
        sizes.append(len(names))
        merge(self, names)

    monkeypatch.setattr(module._Clusters, "merge_block", recording)
    names = ["Ivan Petrov", "I. Petrov", "Oleg Petrov", "O. Petrov", "Anna Petrov"]
    labels = dedupe(names, registry=EMPTY)
    assert sorted(sizes) == [1, 2, 2]  # one surname block of 5, split by initial
    assert labels[0] == labels[1] != labels[2] == labels[3] != labels[4]


@given(st.lists(st.one_of(st.none(), st.text(max_size=20)), max_size=15))
def test_any_list(names):
    labels = dedupe(names, registry=EMPTY)
    assert len(labels) == len(names)
    for name, label in zip(names, labels, strict=True):
        assert (label is None) == (name is None or not name.strip())
    again = dedupe(names, registry=EMPTY)
    assert labels == again


def test_bad_input():
    with pytest.raises(TypeError, match="names must hold str or None"):
        dedupe(["Tokayev", 3])
    with pytest.raises(ValueError, match="kind must be one of"):
        dedupe(["Tokayev"], kind="city")
    with pytest.raises(ValueError, match="kind must be one of"):
        dedupe(["Tokayev"], kind=None)
