"""Words a pattern cannot match without: the cheap first pass of the prefilter.

Python's `re` tries every branch of a large alternation at every position, which costs about a millisecond
per article for our trigger patterns. Every match of `skip(?:s|ped)?` contains "skip", and every match of
`(?:is|are) absent` contains "absent"; testing for such words with `in` on the lower-cased text costs a few
microseconds. Only texts that contain one go on to the real patterns.

`required_words(p)` returns a set of words such that every match of `p` contains at least one of them
(empty when no such set is found; the caller then runs the pattern itself).
"""
from __future__ import annotations

MIN_LENGTH = 3


def required_words(pattern: str) -> set[str]:
    words = _alternatives(pattern)
    return {w.lower() for w in words} if words else set()


def _alternatives(pattern: str) -> set[str] | None:
    """Any-of set for a pattern with top-level branches: the union of each branch's set."""
    out: set[str] = set()
    for branch in _split(pattern):
        words = _sequence(branch)
        if not words:
            return None
        out |= words
    return out


def _sequence(branch: str) -> set[str] | None:
    """The best any-of set among the branch's required items (literal runs and non-optional groups)."""
    candidates: list[set[str]] = []
    i, run = 0, ""
    while i < len(branch):
        c = branch[i]
        if c.isalpha():
            run += c
            i += 1
            continue
        if run:
            if c in "?*" or branch.startswith("{0", i):
                run = run[:-1]
            if len(run) >= MIN_LENGTH:
                candidates.append({run})
            run = ""
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
            if body.startswith("?:"):
                body = body[2:]
            elif body.startswith("?P<"):
                body = body[body.index(">") + 1:]
            if not optional and not lookaround:
                words = _alternatives(body)
                if words:
                    candidates.append(words)
            i = end + 1
        else:
            i += 1
    if len(run) >= MIN_LENGTH:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda ws: (min(map(len, ws)), -len(ws)))


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


class Gate:
    """A cheap test in front of a set of costly patterns: which stretches of text could they match in?"""

    def __init__(self, patterns: list[str]):
        import re
        words, residual = set(), []
        for p in patterns:
            found = required_words(p)
            if found:
                words |= found
            else:
                residual.append(re.sub(r"\(\?P<\w+>", "(?:", p))   # names may repeat across patterns
        self.words = frozenset(words)
        self._words_re = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None
        self._residual_re = re.compile("(?:" + "|".join(residual) + ")", re.I) if residual else None

    def open(self, text: str) -> bool:
        """False only if no pattern can match anywhere in `text`."""
        return bool((self._words_re and self._words_re.search(text.lower())) or
                    (self._residual_re and self._residual_re.search(text)))

    def positions(self, text: str) -> list[int]:
        """Where in `text` a pattern may start matching nearby (word hits and residual matches)."""
        out = [m.start() for m in self._words_re.finditer(text.lower())] if self._words_re else []
        if self._residual_re:
            out.extend(m.start() for m in self._residual_re.finditer(text))
        return sorted(out)
