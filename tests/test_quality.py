"""The quality ratchet: extraction F1 on our own annotated articles must not fall below the pinned floors:
tests/corpus (short articles covering the phrasings) and tests/heldout, tests/heldout2 (realistic articles written
blind, in two rounds)."""
import tomllib

import pytest

from emptychair.evaluate import evaluate_dir

from conftest import CORPUS

FLOORS = tomllib.loads((CORPUS.parent / "quality_floors.toml").read_text())
HELDOUT = CORPUS.parent / "heldout"            # first blind round: h01-h08
HELDOUT_FLOORS = tomllib.loads((CORPUS.parent / "heldout_floors.toml").read_text())
HELDOUT2 = CORPUS.parent / "heldout2"          # second blind round, written after the first was used: h09-h14
HELDOUT2_FLOORS = tomllib.loads((CORPUS.parent / "heldout2_floors.toml").read_text())
SETS = [(CORPUS, FLOORS, lang) for lang in sorted(FLOORS)] + \
       [(HELDOUT, HELDOUT_FLOORS, lang) for lang in sorted(HELDOUT_FLOORS)] + \
       [(HELDOUT2, HELDOUT2_FLOORS, lang) for lang in sorted(HELDOUT2_FLOORS)]


@pytest.fixture(scope="module", params=SETS, ids=[f"{d.name}-{lang}" for d, _, lang in SETS])
def scores(request):
    directory, floors, language = request.param
    return language, floors, evaluate_dir(directory / language)


@pytest.mark.parametrize("part", ["events", "quotes", "claims"])
def test_f1_at_or_above_floor(scores, part):
    language, floors, s = scores
    f1 = getattr(s, part).f1
    floor = floors[language][part]
    assert f1 >= floor, f"{language} {part} F1 {f1:.3f} fell below the floor {floor}\n" + "\n".join(s.log)


def test_every_language_with_a_corpus_has_floors():
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} == set(FLOORS)
    assert {p.name for p in HELDOUT.iterdir() if p.is_dir()} == set(HELDOUT_FLOORS) == set(FLOORS)
    assert {p.name for p in HELDOUT2.iterdir() if p.is_dir()} == set(HELDOUT2_FLOORS)


def test_corpus_has_distractors_and_undated_articles():
    import json
    sizes = {}
    for lang in FLOORS:
        golds = [json.loads(p.read_text()) for p in (CORPUS / lang).glob("*.json")]
        sizes[lang] = len(golds)
        assert len(golds) >= 12, lang
        assert sum(not g["gold"]["events"] for g in golds) >= 2, f"{lang}: distractors yield no event"
        assert sum(g["published"] is None for g in golds) >= 1, f"{lang}: undated articles exercise dating"
    assert sizes["en"] + sizes["nb"] >= 40
