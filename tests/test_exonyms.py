"""Exonyms in the registry, the German genitive and French elision where names are looked up."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kznames import Entity, Exonym, Registry, find_entities, resolve
from kznames.registry import _with_exonyms
from kznames.resolve import elision_end

KAZAKHSTAN = "place:kazakhstan"


def found(text, lang=None):
    return [(m.text, m.entity_id) for m in find_entities(text, lang=lang)]


@pytest.mark.parametrize(
    "name",
    [
        "Kasachstan",  # German (CLDR de)
        "Kazajistán",  # Spanish (CLDR es)
        "Kazachstan",  # Dutch, Polish (CLDR nl, pl)
        "Kazakstan",  # Swedish (CLDR sv)
        "Cazaquistão",  # Portuguese (CLDR pt)
        "Kazakistan",  # Italian, Turkish (CLDR it, tr)
        "Qozogʻiston",  # Uzbek Latin (CLDR uz)
        "Қазоқистон",  # Tajik (CLDR tg)
    ],
)
def test_the_country_in_other_languages(name):
    assert resolve(name).id == KAZAKHSTAN


def test_exonyms_carry_their_languages_and_source():
    country = Registry.default()[KAZAKHSTAN]
    german = next(e for e in country.exonyms if e.name == "Kasachstan")
    assert "de" in german.languages and german.source.startswith("CLDR ")
    shymkent = Registry.default()["place:shymkent"]
    geonames = next(e for e in shymkent.exonyms if e.name == "Cimkent")
    assert geonames.languages == () and geonames.source.startswith("GeoNames 1518980 ")
    # Polish Szymkent keys like Shymkent itself, so it needs no exonym.
    assert resolve("Szymkent").id == resolve("Cimkent").id == "place:shymkent"


def test_every_exonym_finds_its_own_entity():
    registry = Registry.default()
    for entity in registry:
        for exonym in entity.exonyms:
            assert registry.lookup(exonym.name).entity == entity, exonym.name


@pytest.mark.parametrize(
    # CLDR 49 names of Kazakhstan's neighbours in the languages above: they are
    # not Kazakhstan, and no place of it.
    "name",
    [
        *("Usbekistan", "Kirgisistan", "Tadschikistan", "Russland", "Mongolei"),
        *("Ouzbékistan", "Kirghizstan", "Turkménistan", "Tadjikistan", "Russie"),
        *("Uzbekistán", "Kirguistán", "Oezbekistan", "Kirgizië", "Kirgistan", "Kirghizistan"),
        *("Özbekistan", "Kırgızistan", "Tádžikistán", "Узбекистан", "Киргизия"),
        *("Usbekistans", "Kirgisistans", "d'Ouzbékistan", "l'Ouzbékistan", "dell'Uzbekistan"),
    ],
)
def test_other_countries_stay_apart(name):
    assert resolve(name) is None


def test_german_genitive_and_french_elision_in_resolve():
    assert resolve("Kasachstans").id == KAZAKHSTAN
    assert resolve("Almatys").id == "place:almaty"
    assert resolve("d'Aktau").id == "place:aktau"
    assert resolve("d’Astana").id == "place:astana"
    assert resolve("D'Aktau").id == "place:aktau"
    # Oural is the Ural river in French (l'Oural): not an exonym of the city Oral.
    assert resolve("l'Oural") is None and resolve("Oural") is None


def test_elision_needs_a_capital_after_the_apostrophe():
    """A soft sign romanized as an apostrophe is no elision: D'yachenko, L'vov."""
    assert elision_end("d'Aktau") == 2
    assert elision_end("dell'Uzbekistan") == 5
    assert elision_end("D'yachenko") == elision_end("L’vov") == 0
    assert elision_end("Aktau") == elision_end("") == 0


def test_german_genitive_in_a_real_sentence():
    # https://orf.at/stories/3285656/ (ORF, 2022)
    text = "Kasachstans Hauptstadt heißt wieder Astana und nicht mehr Nur-Sultan."
    assert found(text) == [
        ("Kasachstans", KAZAKHSTAN),
        ("Astana", "place:astana"),
        ("Nur-Sultan", "place:astana"),
    ]
    # https://www.faz.net/aktuell/politik/ausland/kasachstans-hauptstadt-nur-sultan-heisst-wieder-astana-18324386.html
    text = "Nasarbajew ließ die Stadt im Norden Kasachstans während seiner Zeit an der Macht"
    assert ("Kasachstans", KAZAKHSTAN) in found(text)
    assert ("Kasachstans", KAZAKHSTAN) in found(text, lang="de")


def test_french_elision_in_a_real_sentence():
    # AFP via https://www.tendanceouest.com/actualite-86731-astana-kazakhstan-afp-hollande-au-kazakhstan-pour-une-visite-officielle-de-deux-jours
    text = (
        "une rencontre avec la communauté française d'Astana, "
        "François Hollande s'envolera en fin d'après-midi pour Almaty"
    )
    mentions = find_entities(text)
    astana = next(m for m in mentions if m.entity_id == "place:astana")
    assert (astana.start, astana.text) == (text.index("Astana"), "Astana")
    assert [m.entity_id for m in mentions if m.kind == "place"] == ["place:astana", "place:almaty"]
    # https://fr.aroundus.com/p/8375548-oral: the city, then the river, which is no city.
    text = "Oral se trouve au confluent de l'Oural et du Tchagan"
    assert found(text, lang="fr") == [("Oral", "place:oral")]


def test_look_alikes_stay_apart():
    assert resolve("Astana").id == "place:astana"
    assert resolve("Astana Square").id == "place:astana-square"
    assert resolve("Astanas").id == "place:astana"
    assert found("The Astana Times reported.") == []  # a newspaper; Times is no genitive
    assert found("Die Kasachen wählen.", lang="de") == []


def test_exonyms_in_a_registry_file(tmp_path):
    records = [
        {
            "id": "place:x",
            "kind": "place",
            "name": "X",
            "exonyms": [{"name": "Iks", "languages": ["de"], "source": "made up for a test"}],
        },
        {"id": "place:y", "kind": "place", "name": "Y", "exonyms": "Igrek|Ypsilon"},
    ]
    registry = Registry.from_records(records)
    assert registry["place:x"].exonyms == (Exonym("Iks", ("de",), "made up for a test"),)
    assert [e.name for e in registry["place:y"].exonyms] == ["Igrek", "Ypsilon"]
    assert registry.lookup("Ypsilon").entity.id == "place:y"
    path = tmp_path / "places.csv"
    path.write_text("id,kind,name,exonyms\nplace:z,place,Z,Zet|Zett\n", encoding="utf-8")
    assert Registry.from_file(path).lookup("Zett").entity.id == "place:z"


@pytest.mark.parametrize(
    ("exonyms", "message"),
    [
        ([{"name": "Iks", "lang": "de"}], "unknown field.*'lang'"),
        ([{"languages": ["de"]}], "'exonyms' entry"),
        ([{"name": "Iks", "source": 1}], "'source'"),
        (5, "'exonyms'"),
    ],
)
def test_a_wrong_exonym_is_an_error_naming_the_field(exonyms, message):
    record = {"id": "place:x", "kind": "place", "name": "X", "exonyms": exonyms}
    with pytest.raises(ValueError, match=message):
        Registry.from_records([record])


_ELIDED = st.text(alphabet="dlqusAKTaktDLQ'’ʼ -", max_size=40)


@given(_ELIDED)
def test_elided_words_keep_offsets_right(text):
    """Whatever the apostrophes, every mention is the text at its offsets."""
    for mention in find_entities(text):
        assert text[mention.start : mention.end] == mention.text
    assert 0 <= elision_end(text) < max(len(text), 1)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "place:nowhere", "exonyms": ["Nirgendwo"]}, "line 3: no entity has the id"),
        ({"id": "place:x", "exonyms": [], "kind": "place"}, "line 3: a record must have"),
        ({"id": "place:x", "exonyms": 5}, "line 3: 'exonyms' must be"),
    ],
)
def test_an_exonyms_file_names_the_line_of_a_wrong_record(record, message):
    entities = {"place:x": Entity("place:x", "place", "X")}
    with pytest.raises(ValueError, match=message):
        _with_exonyms(entities, [(3, record)], "exonyms.jsonl")


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        # As CLDR's subdivision names write them (benchmarks/data/cldr_subdivisions_kz.tsv).
        ("Ostkasachstan", "place:east-kazakhstan-region"),  # de
        ("Nordkasachstan", "place:north-kazakhstan-region"),  # de
        ("Oblys de Karaganda", "place:karaganda-region"),  # fr
        ("Kazakhstan occidental", "place:west-kazakhstan-region"),  # fr
        ("Obwód karagandzki", "place:karaganda-region"),  # pl
        ("Obwód pawłodarski", "place:pavlodar-region"),  # pl
        ("Karagandı Eyaleti", "place:karaganda-region"),  # tr
        ("Kızılorda Eyaleti", "place:kyzylorda-region"),  # tr
        ("Provincia de Karagandá", "place:karaganda-region"),  # es
        ("Regione di Qaraǧandy", "place:karaganda-region"),  # it
        ("Oblast Qarağandı", "place:karaganda-region"),  # nl
        ("Akmola Eyaleti", "place:akmola-region"),  # tr
        ("Východokazašská oblast", "place:east-kazakhstan-region"),  # cs
        ("Žambylská oblast", "place:jambyl-region"),  # cs
        ("Cazaquistão Ocidental", "place:west-kazakhstan-region"),  # pt
        ("Cazaquistão do Norte", "place:north-kazakhstan-region"),  # pt
        ("Östkazakstan", "place:east-kazakhstan-region"),  # sv
        ("Västkazakstan", "place:west-kazakhstan-region"),  # sv
        ("Vest-Kasakhstan oblast", "place:west-kazakhstan-region"),  # da, nb
        ("Pohjois-Kazakstanin alue", "place:north-kazakhstan-region"),  # fi
        ("Provincia Kazahstanul de Est", "place:east-kazakhstan-region"),  # ro
        ("Kosztanaji terület", "place:kostanay-region"),  # hu
        ("Караганды облусу", "place:karaganda-region"),  # ky
        ("Астана қаласы", "place:astana"),  # kk: the city Astana
    ],
)
def test_the_regions_in_other_languages(name, entity_id):
    assert resolve(name).id == entity_id


def test_region_exonyms_carry_their_languages_and_source():
    region = Registry.default()["place:karaganda-region"]
    polish = next(e for e in region.exonyms if e.name == "Obwód karagandzki")
    assert polish.languages == ("pl",)
    assert polish.source.startswith("CLDR subdivision names") and "kzkar" in polish.source
    # One name written by two locales carries both.
    west = Registry.default()["place:west-kazakhstan-region"]
    nordic = next(e for e in west.exonyms if e.name == "Vest-Kasakhstan oblast")
    assert nordic.languages == ("da", "nb") and "kzzap" in nordic.source


def test_a_region_and_its_city_stay_apart():
    # The CLDR names of Karaganda Region that spell the city (Qaraghandy, Karagandy) are
    # left out: they are the city's names.
    assert resolve("Qaraghandy").id == resolve("Karagandy").id == "place:karaganda"
    for name in ("Oblys de Karaganda", "Obwód karagandzki", "Karagandı Eyaleti"):
        assert resolve(name).id == "place:karaganda-region"
    assert resolve("Pawlodar").id == "place:pavlodar"
    assert resolve("Obwód pawłodarski").id == "place:pavlodar-region"
    # The cities of republican significance keep their own names; their regions theirs.
    assert resolve("Almatı").id == "place:almaty"
    assert resolve("Almatı Eyaleti").id == "place:almaty-region"
    # South Kazakhstan is the Turkistan region's former name: no exonym of it.
    registry = Registry.default()
    south = ("Südkasachstan", "Cazaquistão do Sul", "Jihokazašská oblast", "Sydkazakstan")
    assert not set(south) & {e.name for e in registry["place:turkistan-region"].exonyms}


def test_a_cldr_name_given_to_the_wrong_region_is_left_out():
    # CLDR nb names kzvos (East Kazakhstan) "Vest Kazakhstan region", West Kazakhstan's
    # name: it stays West Kazakhstan's, and is no exonym of the east.
    registry = Registry.default()
    east = {e.name for e in registry["place:east-kazakhstan-region"].exonyms}
    assert "Vest Kazakhstan region" not in east
    assert resolve("Vest Kazakhstan region").id == "place:west-kazakhstan-region"


def test_a_region_exonym_in_a_sentence():
    # Sentences written for the test with CLDR's German and Turkish names. The mention
    # finder takes runs of capitalised words: names with a small-letter word
    # (Obwód karagandzki, Kazakhstan occidental) resolve but are not found in text.
    text = "Das Kraftwerk liegt in Ostkasachstan, nahe der Grenze zu Russland."
    assert ("Ostkasachstan", "place:east-kazakhstan-region") in found(text, lang="de")
    text = "Karagandı Eyaleti valisi yeni maden projesini açıkladı."
    assert found(text) == [("Karagandı Eyaleti", "place:karaganda-region")]
