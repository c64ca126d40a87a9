"""The ``reformlab`` command: a thin shell over the library; each command lives in ``reformlab.commands``.

Every problem a user can cause is a :class:`~reformlab.errors.ReformlabError`; the group below turns it
into one message on stderr and exit code 2, never a traceback. Set ``REFORMLAB_DEBUG=1`` to see
tracebacks of unexpected errors.
"""

from __future__ import annotations

import os
import sys

import click
import typer
import typer.core
import typer.exceptions
from rich.console import Console
from rich.markup import escape

from reformlab import __version__
from reformlab.errors import ReformlabError

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class _Group(typer.core.TyperGroup):
    """Click group that reports :class:`ReformlabError` as a message and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # keep registration order in --help
        return list(self.commands)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReformlabError as exc:
            err_console.print(f"[bold red]error:[/] {escape(exc.message())}", markup=True, highlight=False)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; no partial output was written.")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.exceptions.Abort, click.ClickException,
                typer.exceptions.TyperException):  # usage errors: the framework prints them, exit 2
            raise
        except Exception as exc:  # a bug, not a user error: say so briefly
            if os.environ.get("REFORMLAB_DEBUG"):
                raise
            err_console.print(
                f"[bold red]internal error:[/] {type(exc).__name__}: {exc}\n"
                "This is a bug in reformlab; rerun with REFORMLAB_DEBUG=1 for the traceback and report it.",
                markup=True,
                highlight=False,
            )
            raise typer.Exit(3) from None


app = typer.Typer(
    cls=_Group,
    name="reformlab",
    help="Constitutions as executable rules: who can pass, who can block, and how a reform moves power.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reformlab {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Constitutions as executable rules: who can pass, who can block, and how a reform moves power."""


#: Command modules in the order ``--help`` lists them; each has ``register(app)``.
COMMAND_MODULES = ("report", "demo", "allocate", "power", "show", "validate", "listing", "analysis", "risk", "process",
                   "serve")


def _register() -> None:
    """Attach each command module's commands (the modules own their commands)."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"reformlab.commands.{name}").register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    app(prog_name="reformlab")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
