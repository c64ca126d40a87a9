"""The one error type users see: what went wrong, where (file, line, field), and how to fix it."""

from __future__ import annotations

from pathlib import Path


class ReformlabError(Exception):
    """An input or usage problem, reported to the user as one message and exit code 2.

    Every layer raises this (or a subclass) for anything a user can get wrong; the CLI prints
    :meth:`message` without a traceback. Constructors store their arguments and do nothing else.

    Args:
        problem: what is wrong, in one sentence ("votes must be whole numbers, got '12.5'").
        file: the file the problem is in, if any.
        line: 1-based line number in ``file``, if known.
        field: the field, column, option or path concerned ("votes", "--seats", "bodies.majilis.size").
        fix: what the user should do about it ("write the votes as integers").

    >>> print(ReformlabError("votes must not be negative", file="v.csv", line=3, field="votes",
    ...                      fix="correct the count").message())
    v.csv, line 3, field 'votes': votes must not be negative. Fix: correct the count.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.file = None if file is None else str(file)
        self.line = line
        self.field = field
        self.fix = fix

    def where(self) -> str:
        """The location part of the message: ``file, line N, field 'x'`` (empty when unknown)."""
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    def message(self) -> str:
        """The whole message as shown to the user."""
        where = self.where()
        text = f"{where}: {self.problem}" if where else self.problem
        if not text.endswith((".", "?", "!")):
            text += "."
        if self.fix:
            fix = self.fix if self.fix.endswith((".", "?", "!")) else self.fix + "."
            text += f" Fix: {fix}"
        return text

    def __str__(self) -> str:
        return self.message()


def nearest(name: str, choices, *, n: int = 3) -> list[str]:
    """Names among ``choices`` closest to ``name`` (for "did you mean" hints).

    >>> nearest("dhont", ["d_hondt", "hare", "droop"])
    ['d_hondt']
    """
    import difflib

    choices = list(choices)
    found = difflib.get_close_matches(name, choices, n=n, cutoff=0.5)
    if not found:
        lowered = {c.lower().replace("-", "_"): c for c in choices}
        found = difflib.get_close_matches(name.lower().replace("-", "_"), list(lowered), n=n, cutoff=0.5)
        found = [lowered[f] for f in found]
    return found


def did_you_mean(name: str, choices) -> str:
    """A fix sentence naming the nearest valid choices, or listing them all when none is close."""
    close = nearest(name, choices)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    from reformlab.ordering import natural_key

    names = sorted(map(str, choices), key=natural_key)
    shown = ", ".join(names[:12]) + (f", ... ({len(names) - 12} more)" if len(names) > 12 else "")
    return "choose one of: " + shown


def unknown_name(what: str, name, choices, *, file: str | Path | None = None, line: int | None = None,
                 field: str | None = None, fix: str | None = None, problem: str | None = None) -> ReformlabError:
    """The one "unknown X" error: names the kind and the name, and suggests the nearest valid ones.

    Every "did you mean" in reformlab is written here (``tests/test_unknown_names.py`` checks that no
    other module spells one out). ``fix``, when given, comes first ("declare it under 'bodies'"), then "or
    did you mean ..."; with no ``choices`` the fix is ``fix`` alone. ``problem`` replaces the default
    sentence ``unknown {what} {name!r}`` where the file or the law says it otherwise ("no built-in scenario
    'x'"); collecting loaders take the error's ``problem`` and ``fix`` as one of their problems.

    >>> print(unknown_name("party", "Otn", ["Otan", "Asar"], field="--align").message())
    field '--align': unknown party 'Otn'. Fix: did you mean 'Otan'?
    >>> print(unknown_name("scenario", "kz-2099", ["kz-2007"], problem="no built-in scenario 'kz-2099'").message())
    no built-in scenario 'kz-2099'. Fix: did you mean 'kz-2007'?
    """
    hint = did_you_mean(str(name), [str(c) for c in choices]) if choices else None
    text = " or ".join(p for p in (fix, hint) if p)
    return ReformlabError(problem or f"unknown {what} {name!r}", file=file, line=line, field=field,
                          fix=text or None)
