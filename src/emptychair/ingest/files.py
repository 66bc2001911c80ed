"""Read articles from files: JSON Lines, JSON, plain text and HTML (README, "Input").

Readers yield an `Article` or, for input that can't be read, a `Bad` saying which record and why; a bad
record never stops the others.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from ..errors import InputError
from ..model import Article

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".txt": "text", ".text": "text",
            ".html": "html", ".htm": "html"}
PUBLISHED = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class Bad:
    id: str
    source: str
    error: InputError


Item = Union[Article, Bad]


def read(paths: Iterable[str], max_bytes: int) -> Iterator[Item]:
    for name in paths:
        if name == "-":
            yield from _jsonl(sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from _file(child, max_bytes)
        elif path.exists():
            yield from _file(path, max_bytes)
        else:
            yield Bad(name, name, InputError("not_found", f"{name}: no such file or directory"))


def _file(path: Path, max_bytes: int) -> Iterator[Item]:
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind == "jsonl":
            with path.open("rb") as fh:
                yield from _jsonl(fh, str(path), max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too_large", f"{size / 1e6:.1f} MB is more than the limit of {max_bytes / 1e6:.1f} MB "
                                          "per article; raise it with --max-bytes if this is really one article")
        raw = path.read_bytes()
        text = decode(raw)
        if kind is None:
            kind = "json" if text.lstrip().startswith(("{", "[")) else "html" if text.lstrip().startswith("<") \
                else "text"
        if kind == "json":
            yield from _json(text, path)
        elif kind == "html":
            yield Article(id=path.stem, html=text, source=str(path))
        else:
            yield Article(id=path.stem, text=text, source=str(path))
    except InputError as exc:
        yield Bad(path.stem, str(path), exc)
    except OSError as exc:
        yield Bad(path.stem, str(path), InputError("unreadable", f"{path}: {exc.strerror or exc}"))


def _jsonl(fh: IO[bytes], source: str, max_bytes: int) -> Iterator[Item]:
    line_no = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        line_no += 1
        where = f"{source}:{line_no}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):   # skip the rest of the oversized line
                raw = fh.readline(1 << 20)
            yield Bad(where, where, InputError("too_large", f"line is more than the limit of {max_bytes / 1e6:.1f} "
                                                             "MB per article; raise it with --max-bytes"))
            continue
        if not raw.strip():
            continue
        try:
            value = json.loads(decode(raw).strip())
        except InputError as exc:
            yield Bad(where, where, exc)
            continue
        except json.JSONDecodeError as exc:
            yield Bad(where, where, InputError("bad_json", f"not a JSON object ({exc.msg} at column {exc.colno}); "
                                                           "each line must be one article record"))
            continue
        try:
            yield from _records(value, where)
        except InputError as exc:
            yield Bad(_id_of(value, where), where, exc)


def _id_of(value, where: str) -> str:
    """The record's own id when it has a usable one, else where it was read."""
    if isinstance(value, dict) and isinstance(value.get("id"), (str, int)) and value.get("id") != "":
        return str(value["id"])
    return where


def _json(text: str, path: Path) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("bad_json", f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items, 1):
        where = f"{path}" if len(items) == 1 else f"{path}#{i}"
        try:
            yield from _records(item, where, default_id=path.stem if len(items) == 1 else f"{path.stem}-{i}")
        except InputError as exc:
            yield Bad(_id_of(item, where), where, exc)


def _records(value, where: str, default_id: str | None = None) -> Iterator[Article]:
    if not isinstance(value, dict):
        raise InputError("bad_record", f"expected a JSON object with \"id\" and \"text\", got {type(value).__name__}")
    yield article_from_dict(value, where, default_id)


def article_from_dict(value: dict, where: str = "", default_id: str | None = None) -> Article:
    """An `Article` from an article record (README, "Input"), checking each field."""
    article_id = value.get("id", default_id or where)
    if not isinstance(article_id, (str, int)) or article_id == "":
        raise InputError("bad_record", "\"id\" should be a non-empty string")
    text, html = value.get("text"), value.get("html")
    for name, field in (("text", text), ("html", html)):
        if field is not None and not isinstance(field, str):
            raise InputError("bad_record", f"\"{name}\" should be a string")
    if text is None and html is None:
        raise InputError("no_text", "the record has neither \"text\" nor \"html\"")
    published = value.get("published")
    if published is not None and (not isinstance(published, str) or not _real_date(published)):
        raise InputError("bad_published", f"\"published\" is {published!r}; use a real date as YYYY-MM-DD, YYYY-MM, "
                                          "YYYY, or null")
    for name in ("language", "title", "url"):
        if value.get(name) is not None and not isinstance(value.get(name), str):
            raise InputError("bad_record", f"\"{name}\" should be a string or null")
    return Article(id=str(article_id), text=text or "", html=html, url=value.get("url"),
                   language=value.get("language"), published=published, title=value.get("title"), source=where)


def _real_date(value: str) -> bool:
    if not PUBLISHED.fullmatch(value):
        return False
    padded = value + "-01" * (2 - value.count("-"))
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise InputError("binary", "looks like binary data (NUL bytes), not text; give articles as UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("invalid_utf8", f"not valid UTF-8 (byte {exc.start}); convert it first, for example "
                                         "with iconv -f latin1 -t utf-8") from None
