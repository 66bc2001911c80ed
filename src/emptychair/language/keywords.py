"""Words a pattern cannot match without: the cheap first pass of the prefilter.

Python's `re` tries every branch of a large alternation at every position, which costs about a millisecond
per article for our trigger patterns. Every match of `skip(?:s|ped)?` contains "skip", and every match of
`(?:is|are) absent` contains "absent"; testing for such words with `in` on the lower-cased text costs a few
microseconds. Only texts that contain one go on to the real patterns.

`required_words(p)` returns a set of words such that every match of `p` contains at least one of them
(empty when no such set is found; the caller then runs the pattern itself).
"""
from __future__ import annotations

import re

MIN_LENGTH = 3


COMMON: frozenset = frozenset()


def required_words(pattern: str, common: frozenset = frozenset()) -> set[str]:
    """Lower-case words; see `required_anchors` for where they must sit in a word."""
    return {w for w, _, _ in required_anchors(pattern, common)}


def required_anchors(pattern: str, common: frozenset = frozenset()) -> set[tuple[str, bool, bool]]:
    """(word, starts a word, ends a word) triples such that every match of `pattern` contains one of the
    words, at a word start or end where the flags say so. Empty when no such set is found. Among several
    possible sets, one without the language's `common` words is preferred: it lets fewer texts through."""
    global COMMON
    COMMON = frozenset(w.lower() for w in common)
    try:
        found = _alternatives(pattern, True, True)
    finally:
        COMMON = frozenset()
    return {(w.lower(), a, b) for w, a, b in found} if found else set()


def _alternatives(pattern: str, initial: bool, final: bool) -> set | None:
    """Any-of set for a pattern with top-level branches: the union of each branch's set. `initial` and
    `final`: whether the pattern's start and end sit at a word boundary."""
    out: set = set()
    for branch in _split(pattern):
        words = _sequence(branch, initial, final)
        if not words:
            return None
        out |= words
    return out


def _sequence(branch: str, initial: bool, final_end: bool) -> set | None:
    """The best any-of set among the branch's required items (literal runs and non-optional groups)."""
    candidates: list[set] = []
    i, run, run_initial = 0, "", initial
    at_start = initial
    while i < len(branch):
        c = branch[i]
        if c.isalpha():
            if not run:
                run_initial = at_start
            run += c
            i += 1
            continue
        if run:
            optional_last = c in "?*" or branch.startswith("{0", i)
            if optional_last:
                run = run[:-1]
            final = not optional_last and (c == " " or branch.startswith("\\s", i) or branch.startswith("(?!\\w)", i))
            if len(run) >= MIN_LENGTH:
                candidates.append({(run, run_initial, final)})
            run = ""
        at_start = c == " " or branch.startswith("\\s", i)
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(branch, i)
        elif c == "(":
            end = _group_end(branch, i)
            body = branch[i + 1:end]
            after = branch[end + 1:end + 3]
            optional = after[:1] in ("?", "*") or after.startswith("{0")
            lookaround = body.startswith(("?=", "?!", "?<=", "?<!"))
            if body.startswith(("?=", "?<=")) and not optional:
                # "zu(?=\s+... (?:treffen|gipfel) ... reisen)": the words a positive lookaround needs are in the
                # text next to the match, which is all the gate promises (a stretch of text to look at)
                ahead = _alternatives(body[2:] if body[1] == "=" else body[3:], False, False)
                if ahead:
                    candidates.append(ahead)
            if body.startswith("?:"):
                body = body[2:]
            elif body.startswith("?P<"):
                body = body[body.index(">") + 1:]
            if not optional and not lookaround:
                # "(?:boykottier|schwänz)(?:t|en)": a word ending the group need not end a word
                words = _alternatives(body, at_start_before(branch, i), _word_end_at(branch, end + 1, final_end))
                if words:
                    candidates.append(words)
            i = end + 1
            at_start = False
        else:
            i += 1
    if len(run) >= MIN_LENGTH:
        candidates.append({(run, run_initial, final_end)})
    if not candidates:
        return None
    # a set without common words; then words of four letters or more; then the fewest words (the verb of
    # "runs the (session|meeting|talks|...)", not its many objects); then the longest
    return max(candidates, key=lambda ws: (not any(w.lower() in COMMON for w, _, _ in ws),
                                           min(len(w) for w, _, _ in ws) >= 4, -len(ws),
                                           min(len(w) for w, _, _ in ws)))


def _word_end_at(branch: str, i: int, final_end: bool) -> bool:
    if i >= len(branch):
        return final_end
    return branch[i] == " " or branch.startswith(("\\s", "(?!\\w)", "\\b"), i)


def at_start_before(branch: str, i: int) -> bool:
    return i == 0 or branch[i - 1] == " " or branch[max(0, i - 2):i] == "\\s"


def _split(pattern: str) -> list[str]:
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _group_end(pattern: str, i: int) -> int:
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(pattern) - 1


def _class_end(pattern: str, i: int) -> int:
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


WORD = re.compile(r"\w+")
_LAST: list = [None, "", []]


def prepared(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The lower-cased text and its (position, word) list; one text goes through several gates in a row, so
    the last one is kept."""
    if _LAST[0] is not text:
        lower = text.lower()
        _LAST[:] = [text, lower, [(m.start(), m.group()) for m in WORD.finditer(lower)]]
    return _LAST[1], _LAST[2]


class Gate:
    """A cheap test in front of a set of costly patterns: which stretches of text could they match in?"""

    def __init__(self, patterns: list[str], common: frozenset = frozenset()):
        anchors, residual = set(), []
        for p in patterns:
            found = required_anchors(p, common)
            if found:
                anchors |= found
            else:
                residual.append(re.sub(r"\(\?P<\w+>", "(?:", p))   # names may repeat across patterns
        self.words = frozenset(w for w, _, _ in anchors)
        self._needs: dict[str, tuple[bool, bool]] = {}
        for w, a, b in anchors:
            was = self._needs.get(w, (True, True))
            self._needs[w] = (was[0] and a, was[1] and b)
        # a text is read word by word: whole words and word starts are looked up in dicts, which is cheaper
        # than one large alternation; words that may sit inside another word get a small pattern of their own
        self._whole = {w for w, n in self._needs.items() if n == (True, True)}
        self._starts: dict[str, list[str]] = {}
        self._ends: dict[str, list[str]] = {}
        for w, n in self._needs.items():
            if n == (True, False):
                self._starts.setdefault(w[:3], []).append(w)
            elif n == (False, True):
                self._ends.setdefault(w[-3:], []).append(w)
        inner = sorted((w for w, n in self._needs.items() if n == (False, False)), key=len, reverse=True)
        self._inner_re = re.compile("|".join(map(re.escape, inner))) if inner else None
        self._words_re = bool(self.words)
        self._residual_re = re.compile("(?:" + "|".join(residual) + ")", re.I) if residual else None

    def _hits(self, text: str):
        lower, tokens = prepared(text)
        whole, starts, ends = self._whole, self._starts, self._ends
        for start, token in tokens:
            if token in whole:
                yield start
                continue
            found = starts.get(token[:3])
            if found and any(token.startswith(w) for w in found):
                yield start
                continue
            found = ends.get(token[-3:])
            if found and any(token.endswith(w) for w in found):
                yield start
        if self._inner_re:
            yield from (m.start() for m in self._inner_re.finditer(lower))

    def open(self, text: str) -> bool:
        """False only if no pattern can match anywhere in `text`."""
        if self._words_re and next(self._hits(text), None) is not None:
            return True
        return bool(self._residual_re and self._residual_re.search(text))

    def positions(self, text: str) -> list[int]:
        """Where in `text` a pattern may start matching nearby (word hits and residual matches)."""
        out = list(self._hits(text)) if self._words_re else []
        if self._residual_re:
            out.extend(m.start() for m in self._residual_re.finditer(text))
        return sorted(out)
