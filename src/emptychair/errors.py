"""Exceptions emptychair raises. Each message says what went wrong and what to do about it.

    EmptychairError
    ├── InputError            one input record can't be read (bad JSON, binary, too large, no body);
    │                         the run goes on and the record carries the reason
    ├── UnsupportedLanguage   no data file for the article's language
    ├── LanguageDataError     a language data file breaks its schema (names the file and the entry)
    └── KnowledgeBaseError    a knowledge-base file breaks its rules (names the file and the line)
"""
from __future__ import annotations

from pathlib import Path


class EmptychairError(Exception):
    code = "error"


class InputError(EmptychairError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class UnsupportedLanguage(EmptychairError):
    code = "unsupported_language"

    def __init__(self, language: str, supported: list[str]):
        super().__init__(f"language {language!r} is not supported (supported: {', '.join(supported)}); "
                         "set the record's \"language\" if it was detected wrongly, or add a data file for it "
                         "(docs/languages.md)")
        self.language = language


class LanguageDataError(EmptychairError):
    code = "language_data"

    def __init__(self, path: Path, entry: str, message: str):
        super().__init__(f"{path}: {entry}: {message}")


class KnowledgeBaseError(EmptychairError):
    code = "knowledge_base"

    def __init__(self, path, line, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
