"""Throughput and memory of `emptychair extract` on one core.

    python benchmarks/throughput.py [--articles 20000] [--share 0.1] [--languages en,nb]

Streams a realistic mix through the library: most articles carry no attendance content (generated from the
filler sentences below, some naming NATO or a meeting without anyone attending), and a share (default 10%)
are the project's annotated articles (tests/corpus), which do. Reports articles/s over the whole stream,
sentences/s on the articles that carry events, the prefilter's rejection rate and peak memory (max RSS).
The language identifier's model and the knowledge base are loaded before timing starts.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from emptychair import extract  # noqa: E402
from emptychair.extract.sentences import split  # noqa: E402
from emptychair.language import data  # noqa: E402

FILLER = {
    "en": [
        "Heavy rain is forecast for the west coast through the weekend.",
        "The central bank left interest rates unchanged on Thursday.",
        "Shares in the shipping group fell 4 percent after the results.",
        "The home side scored twice in the last ten minutes to win the derby.",
        "Officials said the new bridge would open to traffic in the spring.",
        "The museum will show the collection for the first time since its restoration.",
        "Ticket prices for the festival rose by a fifth compared with last year.",
        "Police closed the motorway for several hours after a lorry overturned.",
        "The city council approved the budget after a long meeting on Tuesday.",
        "Analysts expect inflation to ease slowly over the coming months.",
        "The company said it would hire 300 engineers at its new plant.",
        "NATO's annual report described the state of the alliance's air defences.",
        "The minister presented the plan at a press conference in the capital.",
        "Farmers warned that the dry summer would cut the harvest sharply.",
        "A new study links poor sleep with higher blood pressure in adults.",
        "The opposition called for an inquiry into the hospital's finances.",
    ],
    "nb": [
        "Det er ventet kraftig regn på Vestlandet i helgen.",
        "Norges Bank holdt renten uendret torsdag.",
        "Aksjen falt fire prosent etter at resultatet ble lagt fram.",
        "Hjemmelaget scoret to ganger de siste ti minuttene og vant derbyet.",
        "Den nye brua åpner for trafikk til våren, opplyser kommunen.",
        "Museet viser samlingen for første gang etter restaureringen.",
        "Billettprisene til festivalen har økt med en femdel siden i fjor.",
        "Politiet stengte E6 i flere timer etter at en lastebil veltet.",
        "Bystyret vedtok budsjettet etter et langt møte tirsdag.",
        "Økonomer venter at prisveksten vil avta sakte de neste månedene.",
        "Selskapet skal ansette 300 ingeniører ved den nye fabrikken.",
        "NATOs årsrapport beskriver tilstanden til alliansens luftvern.",
        "Statsråden la fram planen på en pressekonferanse i Oslo.",
        "Bøndene advarer om at den tørre sommeren gir en svak avling.",
        "En ny studie knytter dårlig søvn til høyere blodtrykk hos voksne.",
        "Opposisjonen krever gransking av sykehusets økonomi.",
    ],
}


def filler_article(rng: random.Random, i: int) -> dict:
    language = rng.choice(sorted(FILLER))
    paragraphs = ["\n".join(" ".join(rng.choice(FILLER[language]) for _ in range(rng.randint(2, 4)))
                            for _ in range(1)) for _ in range(rng.randint(4, 9))]
    return {"id": f"filler-{i}", "language": None, "published": "2025-06-02", "title": None,
            "text": "\n\n".join(paragraphs)}


def corpus_articles(languages: list[str] | None = None) -> list[dict]:
    out = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*/*.json")):
        if languages and path.parent.name not in languages:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["gold"]["events"]:
            out.append({k: gold.get(k) for k in ("id", "url", "language", "published", "title", "text")})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--share", type=float, default=0.1, help="share of articles with attendance content")
    parser.add_argument("--languages", help="comma-separated: take the event articles only from these corpora "
                        "(the core issue's benchmark used en,nb); the filler is English and Norwegian either way")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    rng = random.Random(7)
    events_articles = corpus_articles(args.languages.split(",") if args.languages else None)
    stream = []
    for i in range(args.articles):
        if rng.random() < args.share:
            stream.append(dict(rng.choice(events_articles), language=None))
        else:
            stream.append(filler_article(rng, i))
    for article in events_articles[:3] + stream[:3]:   # load models, language data and the knowledge base
        extract(dict(article, language=None))

    started = time.process_time()
    wall = time.perf_counter()
    passed = 0
    for article in stream:
        record = extract(article)
        passed += bool(record.events or record.quotes or record.claims)
    cpu = time.process_time() - started
    wall = time.perf_counter() - wall

    sentences = sum(len(split(a["text"], data.load(a["language"]))) for a in events_articles)
    started = time.process_time()
    rounds = 5
    for _ in range(rounds):
        for article in events_articles:
            extract(article)
    event_cpu = time.process_time() - started

    result = {
        "articles": len(stream),
        "articles_per_cpu_second": round(len(stream) / cpu),
        "articles_per_wall_second": round(len(stream) / wall),
        "with_output": passed,
        "event_articles": len(events_articles),
        "event_sentences_per_cpu_second": round(sentences * rounds / event_cpu),
        "event_articles_per_cpu_second": round(len(events_articles) * rounds / event_cpu),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "python": sys.version.split()[0],
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
