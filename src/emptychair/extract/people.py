"""Find the people an article mentions and who they are.

No trained NER ships for most of our languages, so people are found the way a reader of wire copy finds
them: runs of capitalised words that the knowledge base knows, or that a title ("utenriksminister Børge
Brende"), an apposition ("Jamie Shea, a former NATO official") or a speech verb ("said Oana Lungescu")
marks as a person; then surnames, genitives ("Tillersons") and pronouns that point back to them; and role
phrases without a name ("the Pentagon chief", "USAs utenriksminister"), resolved through the knowledge base
on the article's date.

`find(doc, kb)` runs before dating (it needs no date); `resolve(doc, kb)` runs after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..doc import Doc, Entity, PersonMention
from ..kb.officeholders import KnowledgeBase
from ..model import Span
from ..textutil import fold, surname

TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
INITIAL_GAP = re.compile(r"\. ?$")
COORDINATION_WORD = re.compile(r"(?<!\w)(?:and|or|og|eller|und|oder|et|ou|y|o|och|samt|ni|e)(?!\w)", re.I)
APPOSITION = re.compile(r",\s+(?:(?:a|an|the|en|et|ei|der|die|das|le|la|el|un|una|une)\s+)?")


@dataclass
class Run:
    """Consecutive capitalised words."""
    start: int
    end: int
    words: list[str]
    possessive: bool = False
    plain: Optional[str] = None   # the last word as written, if it was read as a genitive ("Tillersons")


@dataclass
class RolePhrase:
    span: Span
    function: str
    title: str
    country: Optional[str]
    organization: Optional[str]
    former: bool
    sentence: int
    acting: bool = False


def find(doc: Doc, kb: KnowledgeBase) -> None:
    """Name and title mentions, linked to the knowledge base where the name alone says who it is."""
    lang = doc.lang
    roles = _role_phrases(doc)
    runs = _without_titles(_name_runs(doc), roles, doc.text)
    by_surname: dict[str, int] = {}
    by_name: dict[tuple, int] = {}   # "Félix Tshisekedi" again, without the title that made it a person
    pending: list[tuple[Run, int]] = []   # single words that may be surnames of people named later
    for run in runs:
        sent = doc.sentence_at(run.start)
        role = _role_for(run, roles, doc.text)
        words = tuple(fold(w) for w in run.words)
        ids = _kb_ids(kb, words)
        if not ids and len(words) > 1 and any("-" in w for w in words):   # "Jean-Noël Barrot" as "Jean Noel Barrot"
            ids = _kb_ids(kb, tuple(part for w in words for part in w.split("-") if part))
        if not ids and run.plain:   # "Pistorius" is a name ending in s, not the genitive of "Pistoriu"
            plain = words[:-1] + (fold(run.plain),)
            ids = _kb_ids(kb, plain)
            if ids:
                run.words[-1], run.possessive, run.plain, words = run.plain, False, None, plain
        if len(words) == 1 and run.plain and words[0] not in by_surname and fold(run.plain) in by_surname:
            run.words[-1], run.possessive, run.plain, words = run.plain, False, None, (fold(run.plain),)
        if len(words) == 1 and not ids and words[0] not in by_surname:
            pending.append((run, sent))
            continue
        if len(words) == 1 and words[0] in by_surname:
            entity = by_surname[words[0]]
            kind = "surname"
        elif len(words) == 1 and ids:
            ids = _in_office_near(kb, ids, doc)
            if not ids:
                continue
            entity = _entity_for(doc, kb, ids, run, role, by_surname)
            kind = "surname"
        elif words in by_name and not role:
            entity, kind = by_name[words], "name"
        elif ids or role or _looks_like_person(doc, run, sent):
            entity = _entity_for(doc, kb, ids, run, role, by_surname)
            kind = "name"
            by_name.setdefault(words, entity)
        else:
            continue
        if role:
            _apply_role(doc.entities[entity], role)
        doc.persons.append(PersonMention(Span(run.start, run.end), sent, entity, kind, run.possessive,
                                         role.span if role else None))
    for run, sent in pending:   # "Shea" before "Jamie Shea" is rare, but a surname may precede its KB match
        key = fold(run.words[0])
        if key not in by_surname and run.plain and fold(run.plain) in by_surname:   # "sagte Kornelius"
            key, run.possessive = fold(run.plain), False
        if key in by_surname:
            doc.persons.append(PersonMention(Span(run.start, run.end), sent, by_surname[key], "surname",
                                             run.possessive))
    doc.persons.sort(key=lambda m: m.span.start)
    doc.roles = roles  # role-only phrases are resolved once the date is known
    _names_as_written(doc, kb)


def _names_as_written(doc: Doc, kb: KnowledgeBase) -> None:
    """A person is named as the article names them ("Selenskyj", "Sergueï Lavrov"): the longest full name it
    writes; the knowledge base's spelling only when the article writes no full name and agrees on the surname."""
    written: dict[int, str] = {}
    for m in doc.persons:
        if m.kind == "name" and not m.possessive:
            text = doc.text[m.span.start:m.span.end]
            text = re.sub(r"(?:’s|'s|:s)$", "", text)
            if len(text.split()) >= 2 and len(text) > len(written.get(m.entity, "")):
                written[m.entity] = text
    for i, entity in enumerate(doc.entities):
        if i in written:
            entity.name = written[i]
        elif entity.kb_id and entity.name:
            surnames = {fold(doc.text[m.span.start:m.span.end]).rstrip("s") for m in doc.persons
                        if m.entity == i and m.kind in ("surname", "name")}
            known = {fold(w).rstrip("s") for w in entity.name.split()}   # "Lula" is in "Luiz Inácio Lula da Silva"
            if surnames and fold(surname(entity.name)).rstrip("s") not in surnames and not surnames <= known:
                entity.name = next(doc.text[m.span.start:m.span.end] for m in doc.persons if m.entity == i
                                   and m.kind in ("surname", "name"))


def resolve(doc: Doc, kb: KnowledgeBase) -> None:
    """After dating: role-only phrases and ambiguous surnames become people; pronouns point back."""
    lo, hi = _when(doc)
    named_roles = {m.role_span for m in doc.persons if m.role_span}
    for role in doc.roles:
        if role.span in named_roles or role.former or lo is None or doc.in_quote(role.span.start):
            continue
        if doc.lang.generic_role_re.search(doc.text[max(0, role.span.start - 12):role.span.start]):
            continue   # "a U.S. secretary of state": any holder
        where = role.country or role.organization
        if not where:   # "presidenten", "le chef de l'État", "der Minister": the one the article just named
            entity = _role_antecedent(doc, kb, role, lo, hi)
            if entity is not None:
                possessive = bool(re.search(r"(?:’s|'s)$", doc.text[role.span.start:role.span.end]))
                doc.persons.append(PersonMention(role.span, role.sentence, entity, "role", possessive, role.span))
            continue
        holders = {t.person for t in kb.holders(role.function, where, lo, hi)}
        if len(holders) != 1:
            continue
        person = holders.pop()
        entity = next((i for i, e in enumerate(doc.entities) if e.kb_id == person), None)
        if entity is None:
            doc.entities.append(Entity(kb.names[person], kb_id=person))
            entity = len(doc.entities) - 1
        _apply_role(doc.entities[entity], role)
        possessive = bool(re.search(r"(?:’s|'s)$", doc.text[role.span.start:role.span.end]))
        doc.persons.append(PersonMention(role.span, role.sentence, entity, "role", possessive, role.span))
    for entity in doc.entities:
        if entity.kb_id and lo is not None:
            term = kb.office_on(entity.kb_id, lo, hi, entity.role_function)
            if term and not entity.former:
                entity.role_title = term.office
                entity.role_function = entity.role_function if entity.role_function in term.functions \
                    else term.functions[0]
                entity.country = term.country
                entity.organization = term.organization
    doc.persons.sort(key=lambda m: m.span.start)
    _pronouns(doc)
    _plural_pronouns(doc)


def _role_antecedent(doc: Doc, kb: KnowledgeBase, role: RolePhrase, lo: date, hi: date) -> Optional[int]:
    """The latest person named in the three sentences before who holds (or is titled) that role."""
    for m in sorted((m for m in doc.persons if m.span.end <= role.span.start and role.sentence - m.sentence <= 3
                     and m.kind != "plural" and not doc.in_quote(m.span.start)), key=lambda m: -m.span.start):
        entity = doc.entities[m.entity]
        functions = {entity.role_function}
        if entity.kb_id:
            term = kb.office_on(entity.kb_id, lo, hi, role.function)
            functions |= set(term.functions) if term else set()
        if role.function in functions:
            return m.entity
    return None


def _when(doc: Doc) -> tuple[Optional[date], Optional[date]]:
    if doc.published:
        return doc.published, doc.published
    if doc.window:
        return doc.window
    return None, None


# -- names -----------------------------------------------------------------------------------------------

def _name_runs(doc: Doc) -> list[Run]:
    lang, text = doc.lang, doc.text
    runs: list[Run] = []
    current: Optional[Run] = None
    pending_particles: list[str] = []
    last_end = -10
    for m in TOKEN.finditer(text):
        word = m.group().rstrip("’'-")
        start, end = m.start(), m.start() + len(word)
        elided = lang.elisions and lang.elision_re.match(word)   # "d'Emmanuel": the article is not the word
        if elided:
            word, start = word[elided.end():], start + elided.end()
        gap = text[last_end:start]
        joinable = current is not None and (gap == " " or (INITIAL_GAP.match(gap) and len(current.words[-1]) == 1))
        if _is_name_word(word, lang):
            if joinable:
                current.words.extend(pending_particles)
                current.words.append(word)
                current.end = end
            else:
                if current:
                    runs.append(current)
                current = Run(start, end, [word])
            pending_particles = []
        elif word in lang.name_particles and joinable and not pending_particles:
            pending_particles = [word]
            last_end = end
            continue
        else:
            if current:
                runs.append(current)
            current, pending_particles = None, []
        last_end = end
    if current:
        runs.append(current)
    out = []
    places = [Span(m.start(), m.end()) for m in lang.place_re.finditer(text)]
    for run in runs:
        if all(len(w) == 1 for w in run.words):
            continue
        if doc.in_quote(run.start) or any(Span(run.start, run.end).overlaps(p) for p in places):
            continue
        while len(run.words) > 1 and lang.country_re.fullmatch(run.words[0]):   # "Tysklands Boris Pistorius"
            run.start = doc.text.index(run.words[1], run.start + len(run.words[0]))
            run.words.pop(0)
        _strip_genitive(run, lang, doc.text)
        if _is_place_or_org(" ".join(run.words), doc):
            continue
        out.append(run)
    return out


def _without_titles(runs: list[Run], roles: list[RolePhrase], text: str) -> list[Run]:
    """Languages that capitalise nouns put the title in the run ("Außenminister Johann Wadephul"): the name
    starts after the title."""
    out = []
    for run in runs:
        for role in roles:
            if role.span.start <= run.start < role.span.end < run.end:
                rest = text[role.span.end:run.end]
                skip = len(rest) - len(rest.lstrip())
                words = rest.split()
                if not words:
                    break
                run = Run(role.span.end + skip, run.end, words, run.possessive, run.plain)
                break
        if run.words:
            out.append(run)
    return out


PARTICLE_HYPHEN = re.compile(r"(?:al|el|ul|ad|as|ash|az|bin|ben|ibn|abu|bou|ben|de|di|da|van|von)-[^\W\d_]", re.I)


def _is_name_word(word: str, lang) -> bool:
    if not word[0].isupper() and "-" in word and PARTICLE_HYPHEN.match(word) and word[word.index("-") + 1].isupper():
        return True   # "al-Sisi", "el-Sisi", "bin-Salman"
    if not word[0].isupper() or word.lower() in lang.months or word.lower() in lang.weekdays:
        return False
    if len(word) > 1 and word.isupper() and len(word) > 3:
        return False  # acronyms and shouted datelines (BRUSSELS, NATO)
    head = word.split("-")[0]
    base = word.rstrip("s") if word.endswith("s") else word
    return word not in lang.not_names and head not in lang.not_names and \
        _strip(word, lang) not in lang.not_names and base not in lang.not_names


def _strip(word: str, lang) -> str:
    for g in lang.genitives:
        if len(g) > 1 and word.endswith(g):
            return word[: -len(g)]
    return word


def _strip_genitive(run: Run, lang, text: str) -> None:
    """"Hegseth’s", "Tillersons", "USA:s": read the name without its genitive ending, and remember it."""
    last = run.words[-1]
    for g in sorted(lang.genitives, key=len, reverse=True):
        if not g or not last.endswith(g) or len(last) <= len(g) + 1:
            continue
        if g in ("’", "'"):   # "Jones’" is a genitive only after s
            if last[-2] != "s":
                continue
        elif g == "s" and not last[-2].islower():
            continue
        run.words[-1] = last[: -len(g)]
        run.possessive = True
        if g == "s":
            run.plain = last   # "Fens" may be a name, not the genitive of "Fen"
        break


def _is_place_or_org(name: str, doc: Doc) -> bool:
    lang = doc.lang
    if lang.place_re.fullmatch(name) or lang.org_re.fullmatch(name) or lang.weak_org_re.fullmatch(name):
        return True
    m = lang.country_re.fullmatch(name)
    return bool(m)


def _in_office_near(kb: KnowledgeBase, ids: set[str], doc: Doc, years: int = 3) -> set[str]:
    """A bare surname ("Hague", "Rubio") names a knowledge-base person only if they held office within a few
    years of the article's date: "the summit in The Hague" is not William Hague in 2025."""
    if doc.published is None:
        return ids
    lo = doc.published.replace(year=doc.published.year - years, day=1)
    hi = doc.published.replace(year=doc.published.year + 1, day=1)
    return {p for p in ids if any(t.overlaps(lo, hi) for t in kb.terms_of(p))}


def _kb_ids(kb: KnowledgeBase, words: tuple[str, ...]) -> set[str]:
    ids = kb.lookup(words)
    if ids or len(words) < 3:
        return ids
    for n in range(len(words) - 1, 1, -1):   # "Jonas Gahr Støre" is known as a longer or shorter name
        for i in range(len(words) - n + 1):
            ids = kb.lookup(words[i:i + n])
            if ids:
                return ids
    return set()


def _entity_for(doc: Doc, kb: KnowledgeBase, ids: set[str], run: Run, role: Optional[RolePhrase],
                by_surname: dict[str, int]) -> int:
    if run.plain and not ids:
        run.words[-1], run.possessive = run.plain, False
    person = _choose(kb, ids, role, doc)
    if person:
        for i, e in enumerate(doc.entities):
            if e.kb_id == person:
                return i
    name = kb.names[person] if person else " ".join(run.words)
    key = fold(surname(name))
    if not person and key in by_surname and len(run.words) > 1:
        existing = doc.entities[by_surname[key]]
        if existing.name and fold(existing.name).split()[0] == fold(run.words[0]):
            return by_surname[key]
    doc.entities.append(Entity(name, kb_id=person))
    index = len(doc.entities) - 1
    by_surname.setdefault(key, index)
    if run.words:
        by_surname.setdefault(fold(run.words[-1]), index)
    if person:
        for alias in kb.aliases_of.get(person, ()):
            by_surname.setdefault(fold(alias.split()[-1]), index)
    return index


def _choose(kb: KnowledgeBase, ids: set[str], role: Optional[RolePhrase], doc: Doc) -> Optional[str]:
    """Pick one person among namesakes: the one whose office fits the title, then the date."""
    if len(ids) <= 1:
        return next(iter(ids), None)
    ranked = sorted(ids)
    if role:
        fitting = [p for p in ranked if kb.terms_of(p, role.function)]
        if len(fitting) == 1:
            return fitting[0]
        ranked = fitting or ranked
    if doc.published:
        current = [p for p in ranked if kb.office_on(p, doc.published)]
        if len(current) == 1:
            return current[0]
    return None


def _looks_like_person(doc: Doc, run: Run, sentence: int) -> bool:
    """A multi-word capitalised run is a person when its context says so."""
    if len(run.words) < 2 or len(run.words) > 4:
        return False
    lang, text = doc.lang, doc.text
    after = text[run.end:run.end + 120]
    before = text[max(0, run.start - 40):run.start]
    app = APPOSITION.match(after)
    if app:
        rest = after[app.end():]
        head = re.split(r"[,.;]", rest, maxsplit=1)[0]
        if lang.coordination_re.match(" " + rest) and not rest.startswith(","):
            head = ""   # "Museum of Modern Art, and Indian Prime Minister Modi": the next item, not an apposition
        if lang.anonymous_re.search(head) or lang.role_re.search(head) or \
                re.search(r"(?i)\b(?:fellow|professor|analyst|researcher|director|expert|chief|head|leader|"
                          r"forsker|direktør|ekspert|leder|sjef|rådgiver)\b", head):
            return True
    if lang.speech_before_re.search(before):
        return True
    if lang.role_noun_before_re.search(before) or lang.apposition_before_re.search(text[max(0, run.start - 90):run.start]):
        return True   # "spokesman Mark Toner", "analyst Jane Holm", "the Kremlin spokesman, Dmitry Peskov"
    return bool(lang.speech_re.match(after.lstrip(" ,")))


# -- role phrases ------------------------------------------------------------------------------------------

def _role_phrases(doc: Doc) -> list[RolePhrase]:
    lang, text = doc.lang, doc.text
    out = []
    for m in doc.finditer(lang.role_re, lang.role_gate):
        role = lang.roles[int(m.lastgroup[1:])]
        start, end = m.start(), m.end()
        country, organization = role.country, role.organization
        head = text[max(0, start - 60):start]
        c = lang.country_before_re.search(head)
        if c:
            country = lang.countries.get(_country_key(c.group("c"), lang), country)
            start = start - len(head) + c.start()
        else:
            o = lang.org_before_re.search(head)
            if o:
                organization = lang.organizations[int(next(g for g, v in o.groupdict().items() if v)[1:])]
                start = start - len(head) + o.start()
        tail = text[end:end + 40]
        c = lang.country_after_re.match(tail)
        if c and not country:
            country = lang.countries.get(_country_key(c.group("c"), lang))
            end += c.end()
        if not country or country == role.country:   # an adjective inside or right after the title
            c = lang.country_re.search(text, m.start(), min(len(text), m.end() + 16))
            if c and lang.countries.get(_country_key(c.group("c"), lang)) and \
                    (c.start() < m.end() or re.match(r"[\s,]*$", text[m.end():c.start()])):
                country = lang.countries.get(_country_key(c.group("c"), lang))
                end = max(end, c.end())
        before = text[max(0, start - 25):start]
        former = bool(lang.former_re.search(before[-16:])) or bool(lang.former_re.search(text[start:end]))
        acting = bool(lang.acting_re.search(before[-16:]))
        out.append(RolePhrase(Span(start, end), role.function, role.title, country, organization, former,
                              doc.sentence_at(start), acting))
    return out


def _country_key(word: str, lang) -> str:
    key = word.casefold()
    if key in lang.countries:
        return key
    for g in sorted(lang.genitives, key=len, reverse=True):
        if g and key.endswith(g.casefold()) and key[: -len(g)] in lang.countries:
            return key[: -len(g)]
    return key


def _role_for(run: Run, roles: list[RolePhrase], text: str) -> Optional[RolePhrase]:
    """The title right before the name, or the apposition right after it."""
    for role in roles:
        gap = text[role.span.end:run.start]
        if 0 < len(gap) <= 3 and gap.strip(" ,") == "":
            return role
        gap = text[run.end:role.span.start]
        if run.end <= role.span.start and len(gap) <= 40 and APPOSITION.fullmatch(
                re.sub(r"(?:\w+\s+)?(?:\w+[’']s\s+)?$", "", gap) or "") and "," in gap \
                and not COORDINATION_WORD.search(gap):   # ", and Indian Prime Minister Modi": the next item
            return role
    return None


def _apply_role(entity: Entity, role: RolePhrase) -> None:
    if role.former:
        entity.former = entity.former or not entity.role_function
        return
    entity.acting = entity.acting or role.acting
    entity.role_function = entity.role_function or role.function
    entity.role_title = entity.role_title or role.title
    entity.country = entity.country or role.country
    entity.organization = entity.organization or role.organization


# -- pronouns ----------------------------------------------------------------------------------------------

def _pronouns(doc: Doc) -> None:
    lang, text = doc.lang, doc.text
    words = lang.pronouns_subject | lang.pronouns_possessive
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)",
                         re.I)
    found = []
    for m in pattern.finditer(text):
        if doc.in_quote(m.start()):
            continue
        sent = doc.sentence_at(m.start())
        entity = antecedent(doc, sent, m.start())
        if entity is not None:
            found.append(PersonMention(Span(m.start(), m.end()), sent, entity, "pronoun",
                                       m.group().lower() in lang.pronouns_possessive))
            doc.persons.append(found[-1])
            doc.persons.sort(key=lambda p: p.span.start)


def antecedent(doc: Doc, sentence: int, pos: int) -> Optional[int]:
    """The salient person: the first subject of this sentence before the pronoun ("Xi's absence ... he"),
    else of the nearest earlier sentence that names anyone outside quotes."""
    same = [m for m in doc.persons if m.sentence == sentence and m.span.end <= pos and m.kind != "plural"
            and not doc.in_quote(m.span.start)]
    if same:
        last = same[-1]   # "after Trump said he would not attend": the one who says it
        if not last.possessive and last.kind != "pronoun" and doc.lang.speech_re.search(doc.text, last.span.end, pos) \
                and pos - last.span.end <= 40:
            return last.entity
        subjects = [m for m in same if not m.possessive]
        return (subjects or same)[0].entity
    seen = 0
    for back in range(sentence - 1, -1, -1):
        prior = [m for m in doc.persons if m.sentence == back and not doc.in_quote(m.span.start)
                 and m.kind != "plural"]
        if prior:
            subjects = [m for m in prior if not m.possessive] or prior
            # several people: the one the article has been about most, then the first named
            counts = {e: sum(1 for m in doc.persons if m.entity == e and m.span.start < pos) for e in
                      {m.entity for m in subjects}}
            return max(subjects, key=lambda m: (counts[m.entity], -m.span.start)).entity
        if not _quoted_sentence(doc, back):
            seen += 1
        if seen >= 3:
            break
    return None


def _quoted_sentence(doc: Doc, i: int) -> bool:
    s = doc.sentences[i]
    return any(q.start <= s.start + 2 and s.end - 2 <= q.end for q in doc.quote_spans)


def _plural_pronouns(doc: Doc) -> None:
    """"Begge skal delta", "Both will attend": everyone the sentence before named."""
    lang = doc.lang
    if not lang.pronouns_plural:
        return
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(lang.pronouns_plural, key=len, reverse=True)))
                         + r")(?!\w)", re.I)
    for m in pattern.finditer(doc.text):
        if doc.in_quote(m.start()):
            continue
        sent = doc.sentence_at(m.start())
        if sent == 0 or any(p.sentence == sent and p.span.end <= m.start() and not p.possessive
                            for p in doc.persons):
            continue   # "Healey and Vautrin both attended": the people just named
        prior = [p for p in doc.persons if p.sentence == sent - 1 and not p.possessive and p.kind != "plural"
                 and not doc.in_quote(p.span.start)]
        for entity in dict.fromkeys(p.entity for p in prior):
            doc.persons.append(PersonMention(Span(m.start(), m.end()), sent, entity, "plural"))
    doc.persons.sort(key=lambda p: p.span.start)
