"""The ``reformlab`` command: a thin shell over the library; each command lives in ``reformlab.commands``.

Every problem a user can cause is a :class:`~reformlab.errors.ReformlabError`; every command runs inside
:func:`_reported`, which turns it into one message on stderr and exit code 2, never a traceback. Set
``REFORMLAB_DEBUG=1`` to see tracebacks of unexpected errors. Only typer's public API is used (typer vendors
its own click since 0.26; the project does not depend on click). Start-up stays light: command modules
import what a command needs inside its body, so ``reformlab --help`` loads no model, no pandas.
"""

from __future__ import annotations

import functools
import os
import sys

import typer

from reformlab import __version__
from reformlab.commands.output import print_error
from reformlab.errors import ReformlabError


def _reported(command):
    """Run ``command`` so that a :class:`ReformlabError` is one message and exit code 2, a bug exit code 3.

    Only the command's own body runs inside: usage errors are raised by typer before it starts, and typer
    prints them (exit 2) itself.
    """

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ReformlabError as exc:
            print_error("error:", exc.message())
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            print_error("interrupted;", "no partial output was written.")
            raise typer.Exit(130) from None
        except BrokenPipeError:  # the reader stopped reading (``| head``): it has what it wanted
            _silence_stdout()
            raise typer.Exit(0) from None
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except Exception as exc:  # a bug, not a user error: say so briefly
            if os.environ.get("REFORMLAB_DEBUG"):
                raise
            print_error("internal error:", f"{type(exc).__name__}: {exc}\n"
                        "This is a bug in reformlab; rerun with REFORMLAB_DEBUG=1 for the traceback and report it.")
            raise typer.Exit(3) from None

    return run


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush into the closed pipe
    neither fails nor prints."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (captured): nothing to flush into a pipe
        pass


class ReformlabTyper(typer.Typer):
    """A :class:`typer.Typer` whose every command reports errors through :func:`_reported`."""

    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)

        def decorator(function):
            register(_reported(function))
            return function

        return decorator


app = ReformlabTyper(
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
COMMAND_MODULES = ("report", "demo", "allocate", "power", "show", "validate", "listing", "analysis", "claims",
                   "effects", "decompose", "risk", "process", "serve", "scores")


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
