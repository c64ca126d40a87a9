"""CLI commands, one module per command (or family); each module has ``register(app)``.

Registering a command must stay cheap (``reformlab --help`` imports every command module): a module imports
at its top only typer and the standard library, and what its command needs (the model, pandas, rich)
inside the command's body.
"""

from __future__ import annotations


class LazyConsole:
    """A :class:`rich.console.Console` made on first use, so importing a command module does not load rich.

    >>> console = LazyConsole(highlight=False, width=20)
    >>> console.width
    20
    """

    def __init__(self, **options) -> None:
        self._options = options
        self._console = None

    def __getattr__(self, name: str):
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)
