"""testimony link: people and incidents across documents."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import warnings

import pandas as pd
import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables
from pipeline.link.names import parse_name, sound_key
from pipeline.link.output import LINK_COLUMNS, LINK_TABLES
from pipeline.link.review import DECISIONS, REVIEW

# Two ways of writing one person's name: they must come out alike.
VARIANTS = [
    ("Бахыт Туменова", "Bakhyt Tumenova"),
    ("Мария Ковалёва", "Мария Ковалева"),
    ("Нурлан Эсенов", "Нурлан Есенов"),
    ("Ахметова Гульнара", "Гульнара Ахметова"),
    ("Сидоровой М.В.", "М. В. Сидорова"),
    ("Наталья Юрьевна Гринкевич", "Natalia Grinkevich"),
]


@pytest.mark.parametrize("one, other", VARIANTS)
def test_name_variants_share_surname_and_first_initial(one, other):
    a, b = parse_name(one), parse_name(other)
    assert a.surname == b.surname and a.first_initial == b.first_initial


def test_sound_key_folds_transliteration():
    assert sound_key("Жанаозен") == sound_key("Zhanaozen")
    assert sound_key("Иванов") != sound_key("Ивашов")


def _doc(doc_id, text, people, events, date="2021-07-01"):
    rows = []
    for event in events:
        start = text.index(event["trigger"])
        rows.append(event | {"start": start, "end": start + len(event["trigger"])})
    return GoldDocument(doc_id, text, dt.date.fromisoformat(date),
                        [{"name": n, "forms": f} for n, f in people], rows, "test")


DETAINED_A = _doc(
    "a", "12 июня 2021 года в Алматы на площади Республики задержали Бахыт Туменову.",
    [("Бахыт Туменова", ["Бахыт Туменову"])],
    [{"trigger": "задержали", "type": "detention", "date_start": "2021-06-12",
      "date_end": "2021-06-12", "date_precision": "day", "place": "площадь Республики",
      "persons": ["Бахыт Туменова"]}])
DETAINED_B = _doc(
    "b", "В июне в Алматы полиция задержала активистку Б. Туменову у акимата.",
    [("Б. Туменова", ["Б. Туменову"])],
    [{"trigger": "задержала", "type": "detention", "date_start": "2021-06-01",
      "date_end": "2021-06-30", "date_precision": "month", "place": "Алматы",
      "persons": ["Б. Туменова"]}])
# Same surname, same day, another city and another man: neither he nor his detention
# is hers.
NAMESAKE = _doc(
    "c", "12 июня 2021 года в Караганде задержали Марата Туменова.",
    [("Марат Туменов", ["Марата Туменова"])],
    [{"trigger": "задержали", "type": "detention", "date_start": "2021-06-12",
      "date_end": "2021-06-12", "date_precision": "day", "place": "Караганда",
      "persons": ["Марат Туменов"]}])


def _person_of(result, doc_id):
    rows = result.person_events[result.person_events["doc_id"] == doc_id]
    return rows["person_id"].iloc[0]


def _incident_of(result, doc_id):
    rows = result.event_incidents[result.event_incidents["doc_id"] == doc_id]
    return rows["incident_id"].iloc[0]


@pytest.fixture(scope="module")
def linked():
    return link("test", write=False, tables=gold_tables([DETAINED_A, DETAINED_B, NAMESAKE]))


def test_variants_link_to_one_person_and_one_incident(linked):
    assert _person_of(linked, "a") == _person_of(linked, "b")
    assert _incident_of(linked, "a") == _incident_of(linked, "b")
    person = linked.people[linked.people["person_id"] == _person_of(linked, "a")].iloc[0]
    assert person["name"] == "Бахыт Туменова"
    assert person["variants"] == "Б. Туменова; Бахыт Туменова"
    assert person["n_documents"] == 2
    incident = linked.incidents[linked.incidents["incident_id"] == _incident_of(linked, "a")]
    incident = incident.iloc[0]
    assert incident["n_sources"] == 2 and incident["date_precision"] == "day"
    assert incident["place"] == "площадь Республики" and pd.isna(incident["conflicts"])


def test_namesake_links_to_neither(linked):
    assert _person_of(linked, "c") not in {_person_of(linked, "a"), _person_of(linked, "b")}
    assert _incident_of(linked, "c") != _incident_of(linked, "a")


def test_one_document_writes_valid_tables(tmp_path):
    alone = _doc("only", "Ничего не произошло.", [], [])
    result = link(tmp_path, tmp_path, tables=gold_tables([alone]))
    assert result.people.empty and result.incidents.empty
    for name in LINK_TABLES:
        frame = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(frame.columns) == LINK_COLUMNS[name]
        assert list(pd.read_csv(tmp_path / f"{name}.csv").columns) == LINK_COLUMNS[name]
    single = link(tmp_path, tmp_path, tables=gold_tables([DETAINED_A]))
    assert list(single.incidents["n_sources"]) == [1]
    assert list(single.people["n_documents"]) == [1]


def test_a_decision_survives_reruns(tmp_path):
    tables = gold_tables([DETAINED_A, DETAINED_B])
    first = link(tmp_path, tmp_path, tables=tables)
    assert _incident_of(first, "a") == _incident_of(first, "b")
    review = pd.read_csv(tmp_path / f"{REVIEW}.csv", dtype=str, keep_default_na=False)
    pair = first.event_pairs.iloc[0]
    decided = pd.concat([review, pd.DataFrame([{
        "kind": "incident", "left": pair["left"], "right": pair["right"],
        "decision": "different", "note": "two detentions"}])], ignore_index=True)
    decided.to_csv(tmp_path / f"{REVIEW}.csv", index=False)
    (tmp_path / f"{REVIEW}.xlsx").unlink()
    second = link(tmp_path, tmp_path, tables=tables)
    assert _incident_of(second, "a") != _incident_of(second, "b")
    log = pd.read_csv(tmp_path / DECISIONS, dtype=str)
    assert list(log["decision"]) == ["different"]
    # The review file was written anew; the decision holds on the run after, and the
    # log is not written twice.
    third = link(tmp_path, tmp_path, tables=tables)
    assert _incident_of(third, "a") != _incident_of(third, "b")
    assert len(pd.read_csv(tmp_path / DECISIONS, dtype=str)) == 1


def _written(folder, docs):
    """The gold documents as a `testimony run` output folder (Parquet and CSV)."""
    from pipeline.tables import TABLES, write_tables

    tables = gold_tables(docs)
    write_tables(folder, {name: getattr(tables, name).to_dict("records") for name in TABLES})
    return folder


def test_load_gives_people_and_incidents_and_joins_their_ids(tmp_path):
    import pipeline

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B, NAMESAKE])
    before = pipeline.load(out)
    assert not before.linked and before.people.empty and before.incidents.empty
    assert before.events["incident_id"].isna().all()
    link(out)
    tables = pipeline.load(out)
    assert tables.linked
    events = tables.events.set_index("doc_id")
    assert events.loc["a", "incident_id"] == events.loc["b", "incident_id"]
    assert events.loc["c", "incident_id"] != events.loc["a", "incident_id"]
    incident = tables.incidents.set_index("incident_id").loc[events.loc["a", "incident_id"]]
    assert incident["n_sources"] == 2 and incident["type"] == "detention"
    assert str(tables.incidents["n_sources"].dtype) == "Int64"
    assert isinstance(tables.incidents["type"].dtype, pd.CategoricalDtype)
    named = tables.mentions[tables.mentions["type"] == "PER"].set_index("doc_id")
    tumenova = tables.people.set_index("person_id").loc[named.loc["a", "person_id"]]
    assert tumenova["name"] == "Бахыт Туменова" and tumenova["n_documents"] == 2
    assert named.loc["b", "person_id"] == named.loc["a", "person_id"]
    assert set(tables.person_events["person_id"]) == set(tables.people["person_id"])


def test_load_warns_when_documents_came_after_the_link(tmp_path):
    import pipeline

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B])
    link(out)
    _written(out, [DETAINED_A, DETAINED_B, NAMESAKE])  # a later run added a document
    with pytest.warns(UserWarning, match="1 new"):
        tables = pipeline.load(out)
    assert pd.isna(tables.events.set_index("doc_id").loc["c", "incident_id"])


def test_report_counts_incidents_with_their_sources(tmp_path):
    from pipeline.research.report import write_report

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B, NAMESAKE])
    unlinked = write_report(out, tmp_path / "before.html").read_text(encoding="utf-8")
    assert "Not linked" in unlinked
    link(out)
    page = write_report(out, tmp_path / "after.html").read_text(encoding="utf-8")
    assert "telling 2 incidents (1 told by more than one document)" in page
    section = page.split('id="incidents"', 1)[1].split("</section>", 1)[0]
    # detention: 2 incidents (Туменова's, told twice; her namesake's), 1 told by several,
    # 3 events telling them.
    assert "<th>detention</th><td class=num>2</td><td class=num>1</td><td class=num>2</td>" \
           "<td class=num>3</td>" in section
    assert "площадь Республики" in section and "Бахыт Туменова" in section


def test_link_command_writes_the_tables_and_says_what_it_found(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.link import INCIDENT_THRESHOLD, PERSON_THRESHOLD

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B, NAMESAKE])
    done = CliRunner().invoke(main, ["link", str(out), "-o", str(tmp_path / "links")])
    assert done.exit_code == 0, done.output
    assert "2 people (1 in more than one document), 2 incidents (1 told by more than one " \
           "document)" in done.output
    for name in LINK_TABLES:
        assert (tmp_path / "links" / f"{name}.parquet").exists()
    assert (tmp_path / "links" / f"{REVIEW}.xlsx").exists()
    helped = CliRunner().invoke(main, ["link", "--help"]).output
    assert f"[default: {PERSON_THRESHOLD}]" in helped
    assert f"[default: {INCIDENT_THRESHOLD}]" in helped
    missing = CliRunner().invoke(main, ["link", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def _told(doc_id: str, name: str, form: str, city: str = "Алматы", day: str = "2022-01-05"):
    """A one-sentence statement of a detention, naming a person as ``form``."""
    text = f"{int(day[-2:])} января 2022 года в городе {city} полиция задержала {form}."
    return _doc(doc_id, text, [(name, [form])], [{
        "trigger": "задержала", "type": "detention", "date_start": day, "date_end": day,
        "date_precision": "day", "place": city, "persons": [name]}])


# The same person written two ways in two statements of the same detention.
LINKED_VARIANTS = [
    ("Ксения Орлова", "Ксюша Орлова"),            # a short first name
    ("Александр Петров", "Саша Петров"),          # one of both genders, read by the surname
    ("Рустам Юсупов", "Р. Юсупов"),               # an initial
    ("Юсупов Рустам", "Рустам Юсупов"),           # surname first
    ("Дмитрий Сергеевич Волков", "Д. С. Волков"),  # patronymic and initials
    ("Елена Лукашевич", "Е. Лукашевич"),          # a -вич surname, a woman's
    ("Наталья Гринько", "Natalia Grinko"),        # Latin letters
    ("Алёна Бережная", "Алена Бережная"),         # ё written е
]
def _two_statements(one: str, other: str, **thresholds):
    """The links of two statements of one detention (same city and day), naming its
    detainee ``one`` in the first and ``other`` in the second."""
    return link("test", write=False, tables=gold_tables([_told("x", one, one), _told("y", other, other)]),
                **thresholds)


# Two people that the same detention in the same city on the same day does not make one.
KEPT_APART = [
    ("Павел Ткачук", "Павел Ткаченко"),           # surnames close by Jaro-Winkler, not a typo
    ("Татьяна Гринько", "Тамара Гринько"),        # same surname, another first name
    ("Олег Волков", "Ольга Волкова"),             # a man and a woman
]


@pytest.mark.parametrize("one, other", LINKED_VARIANTS)
def test_name_variants_link_across_documents(one, other):
    result = _two_statements(one, other)
    assert _person_of(result, "x") == _person_of(result, "y")


@pytest.mark.parametrize("one, other", KEPT_APART)
def test_different_people_stay_apart(one, other):
    result = _two_statements(one, other)
    assert _person_of(result, "x") != _person_of(result, "y")


def test_namesakes_the_same_day_in_two_cities_stay_apart_and_go_to_review(tmp_path):
    # Everything alike but the city: the names alone would join them.
    docs = [_told("x", "Игорь Петрович Семёнов", "Игорь Петрович Семёнов", "Алматы"),
            _told("y", "Игорь Петрович Семенов", "Игорь Петрович Семенов", "Шымкент")]
    result = link(tmp_path, tmp_path, tables=gold_tables(docs))
    assert _person_of(result, "x") != _person_of(result, "y")
    review = pd.read_csv(tmp_path / f"{REVIEW}.csv", dtype=str, keep_default_na=False)
    kept = review[review["note"].str.contains("two cities on one day")]
    assert len(kept) == 1 and kept.iloc[0]["kind"] == "person"



def _penalty(doc_id: str, sentence: str, trigger: str, kind: str, person: tuple[str, str],
             day: str, city: str, values: dict):
    """A one-sentence statement of a penalty imposed on one person (``{}`` in ``sentence``)."""
    name, form = person
    return _doc(doc_id, sentence.format(form), [(name, [form])], [{
        "trigger": trigger, "type": kind, "date_start": day, "date_end": day,
        "date_precision": "day", "place": city, "persons": [name]} | values])


_BYN = {"currency": "BYN"}
# Penalties the same day in the same city, in short sentences of one formula, imposed on
# two people: two penalties, not one told twice. Each row: kind, city, day, then the two
# statements (sentence, trigger, person, values).
PENALTIES_APART = [
    ("fine", "Гомель", "2021-04-14",
     ("14 апреля 2021 года в Гомеле суд оштрафовал {} на 30 базовых величин за пикет.",
      "оштрафовал", ("Валентин Зуевский", "Валентина Зуевского"),
      {"amount_min": 30, "amount_max": 30} | _BYN),
     ("Суд Гомеля 14 апреля 2021 года оштрафовал {} на 45 базовых величин за одиночный пикет.",
      "оштрафовал", ("Анатолий Гусаковский", "Анатолия Гусаковского"),
      {"amount_min": 45, "amount_max": 45} | _BYN)),
    ("custody", "Гомель", "2021-04-14",
     ("14 апреля 2021 года в Гомеле суд арестовал {} на 10 суток за участие в акции.",
      "арестовал", ("Кристина Беловежская", "Кристину Беловежскую"),
      {"term_min": 10, "term_max": 10, "term_unit": "day"}),
     ("Суд Гомеля 14 апреля 2021 года арестовал {} на 15 суток за участие в уличной акции.",
      "арестовал", ("Светлана Рябинина", "Светлану Рябинину"),
      {"term_min": 15, "term_max": 15, "term_unit": "day"})),
    ("fine", "Ош", "2023-03-02",
     ("В Оше 2 марта 2023 года суд назначил {} штраф в 5000 сомов за публикацию.",
      "штраф", ("Бактыгуль Алиева", "Бактыгуль Алиевой"),
      {"amount_min": 5000, "amount_max": 5000, "currency": "KGS"}),
     ("Суд Оша 2 марта 2023 года назначил {} штраф в 10000 сомов за публикацию в сети.",
      "штраф", ("Нурбек Осмонов", "Нурбеку Осмонову"),
      {"amount_min": 10000, "amount_max": 10000, "currency": "KGS"})),
]


@pytest.mark.parametrize("kind, city, day, one, other", PENALTIES_APART)
def test_penalties_of_two_people_stay_two_incidents(kind, city, day, one, other):
    (sentence, trigger, person, values), (sentence2, trigger2, person2, values2) = one, other
    docs = [_penalty("x", sentence, trigger, kind, person, day, city, values),
            _penalty("y", sentence2, trigger2, kind, person2, day, city, values2)]
    # Apart even at a lenient threshold: the day, the city and the formula agree, the
    # people and the sums do not.
    result = link("test", write=False, tables=gold_tables(docs), incident_threshold=0.5)
    assert _incident_of(result, "x") != _incident_of(result, "y")
    # The same person's penalty told in the other statement's words is one incident.
    docs[1] = _penalty("y", sentence2, trigger2, kind, person, day, city, values)
    result = link("test", write=False, tables=gold_tables(docs))
    assert _incident_of(result, "x") == _incident_of(result, "y")


# Two statements of one detention and a third added by a later run, as `testimony run`
# writes them: an archive of partitioned Parquet parts (OUT/NAME/part-*.parquet).
TOLD_TWICE = {
    "first": "3 августа 2021 года в Алматы на площади Республики полиция задержала "
             "Марата Жумабаева, вышедшего с плакатом.",
    "second": "Наш сотрудник Марат Жумабаев был задержан 3 августа 2021 года на площади "
              "Республики в Алматы.",
}
LATER = {"third": "15 сентября 2021 года в Шымкенте оштрафовали Айгерим Нурланову на 50 000 тенге."}


def test_link_reads_and_load_joins_an_archive_of_parts(tmp_path):
    import pipeline
    from pipeline.batch.run import run_batch

    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TOLD_TWICE.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch(sorted(texts.glob("*.txt")), out).n_failed == 0
    assert (out / "events").is_dir() and not (out / "events.parquet").exists()
    link(out)
    tables = pipeline.load(out)
    assert tables.linked
    detentions = tables.events[tables.events["type"] == "detention"].set_index("doc_id")
    assert detentions.loc["first", "incident_id"] == detentions.loc["second", "incident_id"]
    named = tables.mentions[tables.mentions["type"] == "PER"]
    assert named.groupby("doc_id")["person_id"].first().nunique() == 1
    # A selection keeps the joined ids; a later run adds a document the link has not seen.
    selected = pipeline.load(out, tables=["events"], columns=["doc_id", "event_id", "type"])
    assert selected.events["incident_id"].notna().all() and selected.mentions is None
    # The later run is the real command in its own process, as a user runs it.
    (texts / "third.txt").write_text(LATER["third"], encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(texts), "-o", str(out),
                           "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    with pytest.warns(UserWarning, match="1 new"):
        later = pipeline.load(out)
    assert later.events.set_index("doc_id").loc[["third"], "incident_id"].isna().all()


def _cli(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_load_withholds_the_ids_of_a_document_extracted_anew_since_the_link(tmp_path):
    """event_id is a position in its document: once a statement is edited and run
    again, its old ids would name other events (here a fine in another city would
    take the detention's incident). Its ids are withheld, with a warning, however
    the tables are selected; the unchanged document keeps its ids."""
    import pipeline

    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TOLD_TWICE.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    _cli("run", str(texts), "-o", str(out), "-q")
    _cli("link", str(out))
    linked = pipeline.load(out)
    detentions = linked.events[linked.events["type"] == "detention"].set_index("doc_id")
    incident = detentions.loc["first", "incident_id"]
    assert detentions.loc["second", "incident_id"] == incident
    person = linked.mentions[linked.mentions["doc_id"] == "first"]["person_id"].dropna().iloc[0]

    (texts / "second.txt").write_text(LATER["third"] + " " + TOLD_TWICE["second"],
                                      encoding="utf-8")
    _cli("run", str(texts), "-o", str(out), "-q")
    for selection in ({}, {"tables": ["events"], "filters": [("type", "==", "fine")]},
                      {"tables": ["events", "mentions"], "filters": [("doc_id", "==", "second")]}):
        with pytest.warns(UserWarning, match="1 changed .*run `testimony link` again"):
            tables = pipeline.load(out, **selection)
        second = tables.events[tables.events["doc_id"] == "second"]
        assert "fine" in set(second["type"]) and second["incident_id"].isna().all()
        if tables.mentions is not None:
            named = tables.mentions[tables.mentions["doc_id"] == "second"]
            assert named["person_id"].isna().all()
    with pytest.warns(UserWarning, match="1 changed"):
        tables = pipeline.load(out)
    first = tables.events[tables.events["doc_id"] == "first"]
    assert list(first.loc[first["type"] == "detention", "incident_id"]) == [incident]
    assert person in set(tables.mentions.loc[tables.mentions["doc_id"] == "first", "person_id"])
    assert "second" not in set(tables.person_events["doc_id"])
    assert "first" in set(tables.person_events["doc_id"])

    _cli("link", str(out))  # linked again: nothing withheld, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        relinked = pipeline.load(out)
    second = relinked.events[relinked.events["doc_id"] == "second"]
    assert second["incident_id"].notna().all()
    fine = second.loc[second["type"] == "fine", "incident_id"].iloc[0]
    assert fine != incident


def test_load_withholds_every_id_when_the_link_does_not_say_what_it_linked(tmp_path):
    import json

    import pipeline

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B])
    link(out)
    manifest = json.loads((out / "link.json").read_text(encoding="utf-8"))
    manifest["documents"] = sorted(manifest["documents"])  # as the first version wrote it
    (out / "link.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.warns(UserWarning, match="does not record what its 2 documents"):
        tables = pipeline.load(out)
    assert tables.events["incident_id"].isna().all() and tables.person_events.empty


# (doc_id, name) pairs that a key joined with " | " alone would confuse: a doc_id
# may hold " | " (it is a file's stem), and a backslash.
KEYS_APART = [
    (("a | b", "Иван Петров"), ("a", "b | Иван Петров")),
    (("отчёт | 2021", "Анна Иванова"), ("отчёт", "2021 | Анна Иванова")),
    (("a\\", "| b"), ("a\\ |", "b")),
    (("a \\| b", "c"), ("a | b", "c")),
    (("x | ", "y"), ("x", " | y")),
]


@pytest.mark.parametrize("one, other", KEYS_APART)
def test_record_keys_of_different_records_differ_and_read_back(one, other):
    from pipeline.link.records import event_key, key_parts, person_key

    assert person_key(*one) != person_key(*other)
    for doc_id, name in (one, other):
        assert key_parts(person_key(doc_id, name)) == (doc_id, name)
        assert key_parts(event_key(doc_id, 7)) == (doc_id, "7")
    assert event_key(one[0], 1) != event_key(other[0], 1) or one[0] == other[0]


def test_doc_ids_holding_the_separator_link_as_any_others():
    """The documents of `linked` under doc_ids holding " | ": the same people and
    incidents, and an event naming no one takes the people of its own document."""
    renamed = {"a": "заявление | a", "b": "заявление", "c": "заявление | a | c"}
    docs = [GoldDocument(renamed[d.doc_id], d.text, d.doc_date, d.people, d.events, d.origin)
            for d in (DETAINED_A, DETAINED_B, NAMESAKE)]
    result = link("test", write=False, tables=gold_tables(docs))
    a, b, c = (renamed[d] for d in "abc")
    assert _person_of(result, a) == _person_of(result, b) != _person_of(result, c)
    assert _incident_of(result, a) == _incident_of(result, b) != _incident_of(result, c)


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads in Linux /proc")
def test_link_leaves_no_engine_threads_behind():
    """DuckDB's threads must end with link(): a batch forked later in the same process
    would inherit them mid-work (its workers crashed)."""
    tables = gold_tables([DETAINED_A, DETAINED_B, NAMESAKE])
    link("test", write=False, tables=tables)  # whatever starts once per process
    before = _threads()
    link("test", write=False, tables=tables)
    assert _threads() == before


# Values compared as intervals with open ends: `более 400` (min 400, max null) is at least
# 400, `до 30 суток` (max 30) at most 30. Each row: the comparison, the two sides' values,
# the level the pair reaches.
BOUNDED_VALUES = [
    ("count", {"count_min": 400, "count_max": None}, {"count_min": 1000, "count_max": 1000}, "agrees"),
    ("count", {"count_min": 400, "count_max": None}, {"count_min": 400, "count_max": 400}, "agrees"),
    ("count", {"count_min": 400, "count_max": None}, {"count_min": 100, "count_max": 100}, "both crowds"),
    ("count", {"count_min": None, "count_max": 10}, {"count_min": 3, "count_max": 3}, "agrees"),
    ("count", {"count_min": None, "count_max": 10}, {"count_min": 30, "count_max": 30}, "else"),
    ("count", {"count_min": 5, "count_max": 5}, {"count_min": 6, "count_max": 6}, "agrees"),
    ("count", {"count_min": 5, "count_max": 5}, {"count_min": 9, "count_max": 9}, "else"),
    ("count", {"count_min": 20, "count_max": None}, {"count_min": None, "count_max": 10}, "else"),
    ("count", {"count_min": None, "count_max": None}, {"count_min": 3, "count_max": 3}, "missing"),
    ("term", {"term_min": None, "term_max": 30, "term_unit": "day"},
     {"term_min": 15, "term_max": 15, "term_unit": "day"}, "same"),
    ("term", {"term_min": None, "term_max": 10, "term_unit": "day"},
     {"term_min": 15, "term_max": 15, "term_unit": "day"}, "else"),
    ("term", {"term_min": 5, "term_max": None, "term_unit": "year"},
     {"term_min": 7, "term_max": 7, "term_unit": "year"}, "same"),
    ("term", {"term_min": 10, "term_max": 18, "term_unit": "day"},
     {"term_min": 15, "term_max": 15, "term_unit": "day"}, "same"),
    ("term", {"term_min": 10, "term_max": 10, "term_unit": "day"},
     {"term_min": 15, "term_max": 15, "term_unit": "day"}, "else"),
    ("amount", {"amount_min": 300000, "amount_max": None, "currency": "KZT"},
     {"amount_min": 500000, "amount_max": 500000, "currency": "KZT"}, "same"),
    ("amount", {"amount_min": None, "amount_max": 100, "currency": "KZT"},
     {"amount_min": 80, "amount_max": 80, "currency": "KZT"}, "same"),
    ("amount", {"amount_min": None, "amount_max": 100, "currency": "KZT"},
     {"amount_min": 80, "amount_max": 80, "currency": "RUB"}, "else"),
    ("amount", {"amount_min": 80900, "amount_max": 80900, "currency": "KZT"},
     {"amount_min": 83000, "amount_max": 83000, "currency": "KZT"}, "same"),
    ("amount", {"amount_min": 80900, "amount_max": 80900, "currency": "KZT"},
     {"amount_min": 90000, "amount_max": 90000, "currency": "KZT"}, "else"),
]


def _level_reached(comparison: str, left: dict, right: dict) -> str:
    """The level of the incident model's ``comparison`` a pair reaches, by the model's own SQL
    run in DuckDB (the engine linking runs on)."""
    import duckdb

    from pipeline.link.incidents import COMPARISONS

    levels = next(c for c in COMPARISONS if c["output_column_name"] == comparison)["comparison_levels"]
    cases = " ".join(f"WHEN {level['sql_condition']} THEN '{level['label_for_charts']}'"
                     for level in levels if level["sql_condition"] != "ELSE")
    dtypes = {"count": "Int64", "term": "Float64", "amount": "Float64"}
    row = {}
    for side, values in (("l", left), ("r", right)):
        for name, value in values.items():
            if name in ("date_start", "date_end", "doc_date"):
                row[f"{name}_{side}"] = pd.Series([value], dtype="datetime64[ns]").dt.date
                continue
            dtype = dtypes.get(name.split("_")[0], "string") if name.endswith(("_min", "_max")) else "string"
            row[f"{name}_{side}"] = pd.Series([value], dtype=dtype)
    pair = pd.DataFrame(row)  # noqa: F841 (read by DuckDB by name)
    with duckdb.connect() as connection:
        return connection.sql(f"SELECT CASE {cases} ELSE 'else' END FROM pair").fetchall()[0][0]


@pytest.mark.parametrize("comparison, left, right, level", BOUNDED_VALUES)
def test_one_sided_values_compare_as_open_intervals(comparison, left, right, level):
    assert _level_reached(comparison, left, right) == level
    assert _level_reached(comparison, right, left) == level  # either way round


# Sources of one incident disagree only when their values cannot both be true. Each row:
# the values the sources give (low, high, unit), then whether the incident notes a conflict.
CONSENSUS = [
    ("one term twice", [(15.0, 15.0, "day"), (15.0, 15.0, "day")], False),
    ("two terms", [(10.0, 10.0, "day"), (15.0, 15.0, "day")], True),
    ("до 30 суток and 15", [(None, 30.0, "day"), (15.0, 15.0, "day")], False),
    ("до 10 суток and 15", [(None, 10.0, "day"), (15.0, 15.0, "day")], True),
    ("a range and a value in it", [(10.0, 18.0, "day"), (15.0, 15.0, "day")], False),
    ("another unit", [(15.0, 15.0, "day"), (15.0, 15.0, "month")], True),
    ("более 400 and 1000", [(400.0, None), (1000.0, 1000.0)], False),
    ("более 400 and 200", [(400.0, None), (200.0, 200.0)], True),
    ("более 400 and до 1000", [(400.0, None), (None, 1000.0)], False),
    ("from 300 000 and up to 100", [(300000.0, None, "KZT"), (None, 100.0, "KZT")], True),
]


@pytest.mark.parametrize("case, values, conflict", CONSENSUS)
def test_sources_conflict_only_on_values_that_cannot_both_hold(case, values, conflict):
    from pipeline.link.consensus import consensus_value

    assert consensus_value(values)[1] is conflict, case
    assert consensus_value(values[::-1])[1] is conflict, case


# An event its statement gives no date lies before the statement's own date. Each row:
# the two sides (dates as start, end, precision, and the statement's date), the level.
def _dated(start=None, end=None, precision=None, statement=None) -> dict:
    return {"date_start": start, "date_end": end or start, "date_precision": precision,
            "doc_date": statement}


UNDATED = [
    ("a day three weeks before the statement", _dated(statement="2021-07-01"),
     _dated("2021-06-12", precision="day", statement="2021-06-14"), "before the statement"),
    ("a month before the statement", _dated(statement="2021-06-20"),
     _dated("2021-06-01", "2021-06-30", "month", "2021-08-01"), "before the statement"),
    ("a statement dated a few days early", _dated(statement="2021-07-01"),
     _dated("2021-07-04", precision="day"), "before the statement"),
    ("a yearly report's reach", _dated(statement="2022-01-20"),
     _dated("2021-02-03", precision="day"), "before the statement"),
    ("after the statement was written", _dated(statement="2021-07-01"),
     _dated("2021-09-10", precision="day"), "undated, beyond the statement"),
    ("years before the statement", _dated(statement="2021-07-01"),
     _dated("2017-03-08", precision="day"), "undated, beyond the statement"),
    ("a statement without a date", _dated(), _dated("2021-06-12", precision="day"), "missing"),
    ("neither dated", _dated(statement="2021-07-01"), _dated(statement="2021-07-02"), "missing"),
    ("both dated, one day", _dated("2021-06-12", precision="day"),
     _dated("2021-06-12", precision="day", statement="2021-06-14"), "same day"),
    ("both dated, a night apart", _dated("2021-06-12", precision="day"),
     _dated("2021-06-13", precision="day"), "a night apart"),
]


@pytest.mark.parametrize("case, left, right, level", UNDATED)
def test_an_undated_event_is_bounded_by_its_statements_date(case, left, right, level):
    assert _level_reached("date", left, right) == level, case
    assert _level_reached("date", right, left) == level, case  # either way round


def _one_event(doc_id: str, text: str, people: list, event: dict, date: str = "2021-07-01"):
    return _doc(doc_id, text, people, [event], date)


# A document's events of one happening found as two (a crowd counted, and apart, someone
# among it), with a second statement naming that someone: one incident for all three.
def test_a_crowd_and_one_of_its_people_told_apart_are_one_incident():
    crowd = _doc(
        "report", "15 мая 2021 года в Гродно у здания суда милиция задержала около 40 человек. "
                  "Среди задержанных был студент Данила Вербицкий.",
        [("Данила Вербицкий", ["Данила Вербицкий"])],
        [{"trigger": "задержала", "type": "detention", "date_start": "2021-05-15",
          "date_end": "2021-05-15", "date_precision": "day", "place": "Гродно",
          "count_min": 40, "count_max": 40},
         {"trigger": "задержанных", "type": "detention", "date_start": "2021-05-15",
          "date_end": "2021-05-15", "date_precision": "day", "place": "Гродно",
          "persons": ["Данила Вербицкий"]}], "2021-05-20")
    own = _one_event(
        "mother", "Моего сына Даниила Вербицкого задержали 15 мая 2021 года в Гродно.",
        [("Даниил Вербицкий", ["Даниила Вербицкого"])],
        {"trigger": "задержали", "type": "detention", "date_start": "2021-05-15",
         "date_end": "2021-05-15", "date_precision": "day", "place": "Гродно",
         "persons": ["Даниил Вербицкий"]}, "2021-05-25")
    result = link("test", write=False, tables=gold_tables([crowd, own]))
    incidents = set(result.event_incidents["incident_id"])
    assert len(incidents) == 1, result.event_incidents
    # Two crowds of one day in one document are not joined by this rule.
    two = _doc(
        "two", "15 мая 2021 года в Гродно задержали 40 человек, в Лиде задержали 12 человек.",
        [], [{"trigger": "задержали", "type": "detention", "date_start": "2021-05-15",
              "date_end": "2021-05-15", "date_precision": "day", "place": "Гродно",
              "count_min": 40, "count_max": 40},
             {"trigger": "задержали 12", "type": "detention", "date_start": "2021-05-15",
              "date_end": "2021-05-15", "date_precision": "day", "place": "Лида",
              "count_min": 12, "count_max": 12}])
    result = link("test", write=False, tables=gold_tables([two, own]))
    assert result.event_incidents["incident_id"].nunique() >= 2


# One-person detentions the same day in the same city, people whose first names differ
# in full: two detentions. Each row: city, day, then the two people (name, form).
SINGLE_DETENTIONS_APART = [
    ("Гродно", "2021-03-25", ("Андрей Соколовский", "Андрея Соколовского"),
     ("Анна Соколовская", "Анну Соколовскую")),
    ("Бишкек", "2022-04-08", ("Тимур Абенов", "Тимура Абенова"),
     ("Руслан Абенов", "Руслана Абенова")),
    ("Шымкент", "2021-01-19", ("Айжан Сапарова", "Айжан Сапарову"),
     ("Дана Ермекова", "Дану Ермекову")),
]


@pytest.mark.parametrize("city, day, one, other", SINGLE_DETENTIONS_APART)
def test_two_people_detained_alone_the_same_day_are_two_incidents(city, day, one, other):
    docs = [_told("x", *one, city=city, day=day), _told("y", *other, city=city, day=day)]
    result = link("test", write=False, tables=gold_tables(docs))
    assert _incident_of(result, "x") != _incident_of(result, "y")
    # One of them told by both statements (in another form of the name) is one detention.
    name, _ = one
    docs[1] = _told("y", name, name, city=city, day=day)
    result = link("test", write=False, tables=gold_tables(docs))
    assert _incident_of(result, "x") == _incident_of(result, "y")


# A statement that gives no date for a happening another tells with one: linked by the
# people, the place and the statement's own date; not when the statement was written
# before the other's date.
def test_an_undated_telling_links_within_its_statements_reach():
    dated = _one_event(
        "dated", "3 апреля 2022 года в Караколе сотрудники ГКНБ провели обыск у журналиста "
                 "Бакыта Осмоналиева.", [("Бакыт Осмоналиев", ["Бакыта Осмоналиева"])],
        {"trigger": "обыск", "type": "search", "date_start": "2022-04-03",
         "date_end": "2022-04-03", "date_precision": "day", "place": "Каракол",
         "persons": ["Бакыт Осмоналиев"]}, "2022-04-05")

    def undated(statement: str):
        return _one_event(
            "undated", "У Бакыта Осмоналиева в Караколе прошел обыск, изъяли телефон.",
            [("Бакыт Осмоналиев", ["Бакыта Осмоналиева"])],
            {"trigger": "обыск", "type": "search", "place": "Каракол",
             "persons": ["Бакыт Осмоналиев"]}, statement)

    result = link("test", write=False, tables=gold_tables([dated, undated("2022-05-10")]))
    assert _incident_of(result, "dated") == _incident_of(result, "undated")
    result = link("test", write=False, tables=gold_tables([dated, undated("2021-11-10")]))
    assert _incident_of(result, "dated") != _incident_of(result, "undated")


# A statement naming someone in two halves the tagger left apart (a first name alone, a
# surname alone), and another naming them in full: one person. Each row: the halves, the
# full name elsewhere, and whether they are one.
HALVES = [
    (("Азамат", "Токтосунова"), "Азамат Токтосунов", True),    # a genitive read as her name
    (("Гульнара", "Бекова"), "Гульнара Бекова", True),
    (("Нурлан", "Осмонов"), "Бакыт Осмонов", False),            # no one named in full so
    (("Айгуль", "Исаков"), "Айгуль Исакова", False),            # a man's surname, her name
]


@pytest.mark.parametrize("halves, whole, one", HALVES)
def test_halves_of_a_name_in_one_statement_join_when_another_names_them_in_full(halves, whole,
                                                                                  one):
    from pipeline.link import halves_of_one_name
    from pipeline.link.records import document_context, event_places, person_records

    first, surname = halves
    split = _doc("split", f"{surname} рассказал(а), что {first} задержали в Оше.",
                 [(first, [first]), (surname, [surname])], [])
    full = _doc("full", f"В Оше задержали {whole}.", [(whole, [whole])], [])
    tables = gold_tables([split, full])
    context = document_context(tables)
    persons = person_records(tables, event_places(tables, context), context)
    pairs = {frozenset(persons.loc[list(p), "name"]) for p in halves_of_one_name(persons)}
    assert (frozenset(halves) in pairs) is one


# Names written two ways that must come out alike (the initial included): Latin letters
# for sounds Russian writes with one letter, and patronymics.
VARIANTS_ROUND4 = [
    ("Жанна Утегенова", "Zhanna Utegenova"),     # Ж / Zh: one initial
    ("Евгения Ланская", "Yevgenia Lanskaya"),    # Е / Ye
    ("Хадиша Орынбаева", "Khadisha Orynbayeva"),  # Х / Kh
    ("Чолпон Асанова", "Cholpon Asanova"),       # Ч / Ch
    ("Швец И. О.", "Ирина Олеговна Швец"),       # an indeclinable surname first, initials
]


@pytest.mark.parametrize("one, other", VARIANTS_ROUND4)
def test_names_in_two_alphabets_share_surname_and_initial(one, other):
    a, b = parse_name(one), parse_name(other)
    assert (a.surname, a.first_initial) == (b.surname, b.first_initial)


# A first name with a patronymic is no surname, whichever gender (``-вна`` beside a
# woman's name, ``-вич`` beside a man's); a ``-вич`` after a woman's name is her surname.
# Each row: the name, and the word that is its surname, or None (then the other word is
# its patronymic).
FIRST_AND_PATRONYMIC = [
    ("Вера Павловна", None),
    ("Зульфия Рашидовна", None),
    ("Анна Сергеевна", None),
    ("Тимур Ильич", None),
    ("Мария Саввична", None),       # a woman's -ична, read in its spoken form -ишна
    ("Дарья Кузьминична", None),
    ("Вера Богданович", "Богданович"),
]


@pytest.mark.parametrize("name, surname", FIRST_AND_PATRONYMIC)
def test_a_patronymic_beside_a_first_name_is_no_surname(name, surname):
    parsed = parse_name(name)
    assert parsed.surname == (parse_name(surname).surname if surname else None)
    assert (parsed.patronymic is None) == (surname is not None)


# The same person in two statements of one detention, written two more ways.
LINKED_VARIANTS_ROUND4 = [
    ("Жанна Утегенова", "Zhanna Utegenova"),       # Latin letters, Ж / Zh
    ("Евгений Лисицын", "Yevgeny Lisitsyn"),        # Latin letters, Е / Ye
    ("Дмитрий Гаврилов", "Дима Гаврилов"),          # a short first name
    ("Алла Викторовна Рудь", "А. В. Рудь"),         # a short indeclinable surname, initials
    ("Швец Ирина Олеговна", "Ирина Швец"),          # surname first; patronymic left out
    ("Алесь Данилович", "А. Данилович"),            # a -вич surname that reads as a patronymic
]
# Namesakes who differ by the patronymic only: the same detention's day and city do not
# make them one (a patronymic is for life).
KEPT_APART_ROUND4 = [
    ("Сергей Петрович Орлов", "Сергей Иванович Орлов"),
    ("Орлов С. П.", "Орлов С. И."),
    ("Марина Олеговна Лис", "Марина Андреевна Лис"),
    ("Карина Тимуровна Ли", "К. А. Ли"),
]


@pytest.mark.parametrize("one, other", LINKED_VARIANTS_ROUND4)
def test_more_name_variants_link_across_documents(one, other):
    result = _two_statements(one, other)
    assert _person_of(result, "x") == _person_of(result, "y")


@pytest.mark.parametrize("one, other", KEPT_APART_ROUND4)
def test_namesakes_by_patronymic_stay_apart_and_so_do_their_detentions(one, other):
    # Low thresholds: the names, day and city alone would join them (the rule must).
    result = _two_statements(one, other, person_threshold=0.5, incident_threshold=0.5)
    assert _person_of(result, "x") != _person_of(result, "y")
    assert _incident_of(result, "x") != _incident_of(result, "y")


# One person detained on two days in one city, both told to the day: two detentions when
# the days are two or more apart, one when a night apart (an arrest at midnight).
# Each row: person, city, the two days, whether one incident.
TWO_DAYS = [
    ("Игнат Ворошилов", "Самара", "2021-05-07", "2021-05-09", False),
    ("Игнат Ворошилов", "Самара", "2021-05-07", "2021-05-21", False),
    ("Ляззат Омарова", "Тараз", "2022-01-06", "2022-01-07", True),
    ("Ляззат Омарова", "Тараз", "2022-01-06", "2022-01-06", True),
]


@pytest.mark.parametrize("name, city, one, other, same", TWO_DAYS)
def test_one_persons_detentions_days_apart_are_two(name, city, one, other, same):
    docs = [_told("x", name, name, city=city, day=one), _told("y", name, name, city=city,
                                                                day=other)]
    result = link("test", write=False, tables=gold_tables(docs))
    assert _person_of(result, "x") == _person_of(result, "y")
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# One-person detentions the same day in the same city, one person named by an initial:
# other initials are other people (``Б. Сейткали``, ``Айдана Мусина``).
INITIALS_APART = [
    ("Тараз", "2021-09-03", ("Б. Сейткали", "Б. Сейткали"), ("Айдана Мусина", "Айдану Мусину")),
    ("Гродно", "2020-11-15", ("С. Войтехович", "С. Войтеховича"),
     ("Павел Кривицкий", "Павла Кривицкого")),
]


@pytest.mark.parametrize("city, day, one, other", INITIALS_APART)
def test_people_with_other_initials_detained_alone_are_two_incidents(city, day, one, other):
    docs = [_told("x", *one, city=city, day=day), _told("y", *other, city=city, day=day)]
    result = link("test", write=False, tables=gold_tables(docs), incident_threshold=0.5)
    assert _incident_of(result, "x") != _incident_of(result, "y")


# Months side by side are near in days but say no more than that they follow one another:
# not the level of two days told a night apart.
MONTHS = [
    ("March, April", _dated("2020-03-01", "2020-03-31", "month"),
     _dated("2020-04-01", "2020-04-30", "month"), "within a month"),
    ("a day, the next month", _dated("2020-03-31", precision="day"),
     _dated("2020-04-01", "2020-04-30", "month"), "within a month"),
    ("two days a night apart", _dated("2020-03-31", precision="day"),
     _dated("2020-04-01", precision="day"), "a night apart"),
    # Two days apart are two happenings (incidents.other_days): not a night apart either.
    ("two days two days apart", _dated("2020-03-30", precision="day"),
     _dated("2020-04-01", precision="day"), "within a month"),
]


@pytest.mark.parametrize("case, left, right, level", MONTHS)
def test_months_side_by_side_are_not_a_night_apart(case, left, right, level):
    assert _level_reached("date", left, right) == level, case
    assert _level_reached("date", right, left) == level, case


# A first name with a patronymic alone (``Вера Павловна``) and a surname alone in one
# statement, and initials that fit in another: one person; initials that do not fit: not.
HALVES_BY_INITIALS = [
    ("Вера Павловна", "Кузьмина", "В. П. Кузьмина", True),
    ("Вера Павловна", "Кузьмина", "В. А. Кузьмина", False),
    ("Вера Павловна", "Кузьмина", "Кузьмина В.", True),
]


@pytest.mark.parametrize("first, surname, whole, one", HALVES_BY_INITIALS)
def test_halves_of_a_name_join_by_initials_named_elsewhere(first, surname, whole, one):
    from pipeline.link import halves_of_one_name
    from pipeline.link.records import document_context, event_places, person_records

    split = _doc("split", f"{surname} рассказала, что {first} задержали в Оше.",
                 [(first, [first]), (surname, [surname])], [])
    full = _doc("full", f"В Оше задержали {whole}.", [(whole, [whole])], [])
    tables = gold_tables([split, full])
    context = document_context(tables)
    persons = person_records(tables, event_places(tables, context), context)
    pairs = {frozenset(persons.loc[list(p), "name"]) for p in halves_of_one_name(persons)}
    assert (frozenset((first, surname)) in pairs) is one


# A -вич word beside a first name is read as a surname only when the collection names
# it as the surname of someone with that first initial, and no statement writes it as a
# patronymic beside a surname. Each row: the name, the collection's other names, whether
# the -вич word is its surname.
SURNAME_NAMED_ELSEWHERE = [
    ("Олег Петрович", ["О. Петрович"], True),
    ("Олег Петрович", ["Н. Петрович"], False),                    # another initial
    ("Олег Петрович", ["Петрович"], False),                       # a surname alone
    ("Олег Петрович", ["О. Петрович", "Игорь Петрович Дронов"], False),  # a patronymic elsewhere
    ("Алесь Романович", ["А. Романович", "Анна Романович"], True),
]


@pytest.mark.parametrize("name, others, surname", SURNAME_NAMED_ELSEWHERE)
def test_a_vich_word_is_a_surname_only_when_named_so_for_that_initial(name, others, surname):
    from pipeline.link.records import document_context, event_places, person_records

    docs = [_doc("one", f"В Бресте задержали {name}.", [(name, [name])], [])]
    docs += [_doc(f"other{k}", f"В Бресте задержали {o}.", [(o, [o])], [])
             for k, o in enumerate(others)]
    tables = gold_tables(docs)
    context = document_context(tables)
    persons = person_records(tables, event_places(tables, context), context)
    record = persons[persons["name"] == name].iloc[0]
    assert isinstance(record["surname"], str) is surname
    assert isinstance(record["patronymic"], str) is not surname


# One-person detentions the same day in one city, one person named in Cyrillic letters,
# the other in Latin ones: initials of one letter in two alphabets (Ukrainian and
# Belarusian Г is H in Latin letters) are no rule for two people; other letters, or
# Г and Х in one alphabet, are. Each row: city, day, the two (name, form), one incident.
INITIALS_ACROSS_ALPHABETS = [
    ("Гомель", "2021-03-12", ("Галина Мицкевич", "Галину Мицкевич"),
     ("H. Mitskevich", "H. Mitskevich"), True),
    ("Пинск", "2020-09-20", ("Г. Сацук", "Г. Сацук"), ("Halyna Satsuk", "Halyna Satsuk"), True),
    ("Пинск", "2020-09-20", ("Г. Сацук", "Г. Сацук"), ("Х. Сацук", "Х. Сацук"), False),
    ("Гомель", "2021-03-12", ("Галина Мицкевич", "Галину Мицкевич"),
     ("V. Mitskevich", "V. Mitskevich"), False),
]


@pytest.mark.parametrize("city, day, one, other, same", INITIALS_ACROSS_ALPHABETS)
def test_initials_of_one_letter_in_two_alphabets_are_no_rule_for_two_people(city, day, one,
                                                                           other, same):
    docs = [_told("x", *one, city=city, day=day), _told("y", *other, city=city, day=day)]
    result = link("test", write=False, tables=gold_tables(docs), incident_threshold=0.5)
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# Pairs above the threshold that a rule keeps apart go to the review file, with the rule
# in the note (low thresholds: the names, day and city alone would join them).
# Each row: the two statements, the kind of pair, the rule.
KEPT_APART_FOR_REVIEW = [
    ([_told("x", "Роман Ильич Зуев", "Роман Ильич Зуев", "Орёл"),
      _told("y", "Роман Олегович Зуев", "Роман Олегович Зуев", "Орёл")],
     "person", "two patronymics"),
    ([_told("x", "Глеб Сорокин", "Глеба Сорокина", "Курск", "2022-01-10"),
      _told("y", "Глеб Сорокин", "Глеба Сорокина", "Курск", "2022-01-14")],
     "incident", "days apart"),
    ([_told("x", "Т. Жумагулов", "Т. Жумагулова", "Актобе"),
      _told("y", "Ерлан Жумагулов", "Ерлана Жумагулова", "Актобе")],
     "incident", "other people"),
]


@pytest.mark.parametrize("docs, kind, rule", KEPT_APART_FOR_REVIEW)
def test_pairs_a_rule_keeps_apart_go_to_review_with_the_rule(tmp_path, docs, kind, rule):
    link(tmp_path, tmp_path, tables=gold_tables(docs), person_threshold=0.5,
         incident_threshold=0.5)
    review = pd.read_csv(tmp_path / f"{REVIEW}.csv", dtype=str, keep_default_na=False)
    kept = review[review["note"].str.contains(rule)]
    assert len(kept) == 1 and kept.iloc[0]["kind"] == kind, review[["kind", "note"]]


def test_link_help_shows_the_thresholds_the_link_uses(monkeypatch):
    from click.testing import CliRunner

    import pipeline.link
    from pipeline.cli import main

    # The help reads the constants link() defaults to, whatever they are set to.
    monkeypatch.setattr(pipeline.link, "PERSON_THRESHOLD", 0.9375)
    monkeypatch.setattr(pipeline.link, "INCIDENT_THRESHOLD", 0.8125)
    helped = CliRunner().invoke(main, ["link", "--help"]).output
    assert "[default: 0.9375]" in helped and "[default: 0.8125]" in helped


def test_link_learn_says_when_the_collection_is_too_small_to_learn_from(tmp_path):
    """``--learn`` on a handful of statements runs, links as without it, and says the
    shipped u was kept (too few records to re-estimate it), in its output and manifest."""
    import json

    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.link.output import MANIFEST

    out = _written(tmp_path / "out", [DETAINED_A, DETAINED_B, NAMESAKE])
    plain = CliRunner().invoke(main, ["link", str(out), "-o", str(tmp_path / "plain")])
    learned = CliRunner().invoke(main, ["link", str(out), "-o", str(tmp_path / "learned"), "--learn"])
    assert plain.exit_code == 0 and learned.exit_code == 0, learned.output
    assert "shipped u kept for people 3 records" in learned.output and " u " not in plain.output
    assert plain.output.split(";")[0] == learned.output.split(";")[0]  # the same links
    manifest = json.loads((tmp_path / "learned" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["learn"]["people"] == {"records": 3, "u_reestimated": False}


def test_link_learn_re_estimates_u_on_a_large_collection(tmp_path):
    """On a collection large enough (the synthetic corpus: invented statements of shared
    stories), ``testimony link --learn`` re-estimates u: it says so, its manifest records
    it, and the review file's match probabilities differ from the shipped parameters'."""
    import json

    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.link.engine import MIN_RECORDS_TO_TRAIN
    from pipeline.link.output import MANIFEST
    from pipeline.link.synthetic import make_corpus
    from pipeline.tables import TABLES, write_tables

    tables = make_corpus(int(MIN_RECORDS_TO_TRAIN * 1.5), seed=7).tables
    out = tmp_path / "out"
    write_tables(out, {name: getattr(tables, name).to_dict("records") for name in TABLES})
    runs = {}
    for name, flags in (("learned", ["--learn"]), ("shipped", [])):
        done = CliRunner().invoke(main, ["link", str(out), "-o", str(tmp_path / name), *flags])
        assert done.exit_code == 0, done.output
        runs[name] = done.output
    assert "u re-estimated on this collection for people and incidents" in runs["learned"]
    manifest = json.loads((tmp_path / "learned" / MANIFEST).read_text(encoding="utf-8"))
    assert all(how["u_reestimated"] and how["records"] >= MIN_RECORDS_TO_TRAIN
               for how in manifest["learn"].values())
    review = {name: pd.read_csv(tmp_path / name / f"{REVIEW}.csv") for name in runs}
    assert not review["learned"]["match_probability"].equals(review["shipped"]["match_probability"])
