"""Located messages about content: ``path:line:col: severity: message``, collected per file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from toolkaart.content.yamlsource import Located, Position
from toolkaart.i18n.catalog import counted, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in a content file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @property
    def located(self) -> str:
        """Where and what, without the (English) severity word of ``str()``, which editors and
        the command line expect: for a page that lists errors and warnings under Dutch headings."""
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """Raised when content cannot be loaded; carries every located problem found."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


#: Diagnostics reported per file; beyond this one line says how many more there are.
MAX_DIAGNOSTICS_PER_FILE = 200


class ContentFile:
    """One content file being loaded: its display path, positions and diagnostics sink."""

    def __init__(self, path: str, sink: list[Diagnostic]) -> None:
        self.path = path
        self.sink = sink
        self.located: Located | Position = Position(1, 1)
        self.reported = 0
        self.suppressed_errors = 0

    def report(self, severity: Severity, position: Position, message: str) -> None:
        self.reported += 1
        if self.reported <= MAX_DIAGNOSTICS_PER_FILE:
            self.sink.append(Diagnostic(self.path, position.line, position.col, severity, message))
        elif severity == "error":
            self.suppressed_errors += 1

    def summary(self) -> list[Diagnostic]:
        """A last line saying how many problems were not listed, so the count is honest."""
        if self.reported <= MAX_DIAGNOSTICS_PER_FILE:
            return []
        hidden = self.reported - MAX_DIAGNOSTICS_PER_FILE
        severity: Severity = "error" if self.suppressed_errors else "warning"
        message = t("content.file.more", problems=counted("problem", hidden))
        return [Diagnostic(self.path, 1, 1, severity, message)]

    def at(self, loc: tuple[str | int, ...]) -> Position:
        if isinstance(self.located, Located):
            return self.located.locate(loc)[0]
        return self.located

    def key_at(self, loc: tuple[str | int, ...]) -> Position:
        if isinstance(self.located, Located):
            return self.located.key_position(loc) or self.at(loc)
        return self.located
