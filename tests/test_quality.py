"""The quality ratchet: extraction F1 on our own annotated articles must not fall below the pinned floors."""
import tomllib

import pytest

from emptychair.evaluate import evaluate_dir

from conftest import CORPUS

FLOORS = tomllib.loads((CORPUS.parent / "quality_floors.toml").read_text())


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scores(request):
    return request.param, evaluate_dir(CORPUS / request.param)


@pytest.mark.parametrize("part", ["events", "quotes", "claims"])
def test_f1_at_or_above_floor(scores, part):
    language, s = scores
    f1 = getattr(s, part).f1
    floor = FLOORS[language][part]
    assert f1 >= floor, f"{language} {part} F1 {f1:.3f} fell below the floor {floor}\n" + "\n".join(s.log)


def test_every_language_with_a_corpus_has_floors():
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} == set(FLOORS)


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
