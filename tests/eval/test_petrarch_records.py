"""Tests of the PETRARCH record reader and triple scoring used by the eval scripts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def load_module():
    spec = importlib.util.spec_from_file_location("petrarch_records", EVAL / "petrarch_records.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["petrarch_records"] = module
    spec.loader.exec_module(module)
    return module


pr = load_module()

SELF_CLOSED = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#  header comment with a stray <EventCoding...> tag
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode="ISR" targetcode="PSEGZACVL" />
<Text>
The stopover came as the US leader
prepared to attend the Beijing Olympics &amp; more.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>

<Sentence category="AFP" date="20080806" id="S2" evaluate="true">
<!-- Discard event on "1994" -->
<EventCoding noevents="True" />
<Text>
France condemned the allegations.
</Text>
<Sentence category="OTHER" date="20150101" id="S3" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	SpaceAfter=No
3	!	!	PUNCT	.	_	0	punct	_	_
</Parse>
</Sentences>
</Validation>
"""

NESTED = """<Sentences>
<!-- <Sentence id="commented-out"> -->
<Sentence date = "19950101" id ="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding sourcecode="---GOV" targetcode="" eventcode="023"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950101" id="DEMO-04" category="DEMO" sentence="false">
<EventCoding error="storydiscard"></EventCoding>
<Text>Something.</Text>
</Sentence>
</Sentences>
"""


def test_self_closed_layout():
    records = list(pr.parse_records(SELF_CLOSED))
    assert [r.id for r in records] == ["S1", "S2", "S3"]
    first = records[0]
    assert first.text == "The stopover came as the US leader prepared to attend the Beijing Olympics & more."
    assert first.published == "2008-08-04"
    assert [(c.source, c.target, c.event) for c in first.codings] == [("USA", "CHN", "042"),
                                                                      ("ISR", "PSEGZACVL", "190")]
    assert records[1].expects_no_events and records[1].codings[0].noevents
    assert records[2].text == "Boko Haram!"


def test_nested_layout_and_odd_codings():
    records = list(pr.parse_records(NESTED))
    assert [r.id for r in records] == ["DEMO-00", "DEMO-04"]
    demo = records[0]
    assert demo.category == "DEMO" and demo.enabled
    assert demo.codings[1].source == '"INJURY TOLL"' and not demo.codings[1].scorable
    assert pr.expected_triples(demo) == [("ARN", "GON", "06"), (None, None, "02")]
    assert not records[1].enabled and records[1].expects_no_events


def event(source, target, cameo):
    mention = lambda code: SimpleNamespace(code=code)  # noqa: E731
    return SimpleNamespace(source=mention(source), target=mention(target) if target else None, cameo=cameo)


def test_scoring_matches_multisets():
    record = list(pr.parse_records(SELF_CLOSED))[0]
    article = SimpleNamespace(events=(event("USAGOV", "CHN", "043"), event("USA", "CHN", "042"),
                                      event("ISRMIL", "PSE", "193")))
    score = pr.score_sentence(record, pr.produced_triples(article))
    assert len(score.matched) == 2 and not score.missed
    assert score.extra == [("USA", "CHN", "04")]
    summary = pr.summarise([score])
    assert summary["share"] == 1.0 and summary["extra"] == 1


def test_noevents_sentence_counts_extras_not_denominator():
    record = list(pr.parse_records(SELF_CLOSED))[1]
    score = pr.score_sentence(record, [("FRA", None, "11")])
    summary = pr.summarise([score])
    assert summary["expected"] == 0 and summary["share"] is None
    assert summary["extra"] == 1 and summary["noevents_sentences_with_events"] == 1


def test_code_records_uses_code_many_when_present():
    records = list(pr.parse_records(SELF_CLOSED))[:2]

    class Coder:
        def code(self, text, published=None):
            return SimpleNamespace(events=(), text=text, published=published)

    out = pr.code_records(Coder(), records)
    assert [a.published for a in out] == ["2008-08-04", "2008-08-06"]


@pytest.mark.skipif(not pr.SHARED.is_dir(), reason="../shared/data/petrarch-validation is absent")
def test_real_files_read():
    gsr = pr.read_records(pr.SHARED / "PETR2_GSR_validation.xml")
    unit = pr.read_records(pr.SHARED / "PETR.UnitTest.records.xml")
    assert len(gsr) == 78 and sum(1 for r in gsr if r.expects_no_events) == 12
    assert len(unit) == 284 and all(r.text for r in unit)
    assert sum(len(r.codings) for r in unit) == 385
