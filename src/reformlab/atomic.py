"""Write output files whole or not at all, and never replace anything but a regular file.

What ``-o PATH`` does depends on what PATH is (the rules of a careful shell redirection, made safe):

- ``-``: the content goes to standard output.
- a regular file you may write, or a new name in an existing folder: the content goes to a temporary file
  beside it and is renamed over it, so readers see the old file or the whole new one, never a part. A
  replaced file keeps its permission bits.
- a symlink: it is followed, and the file it points to is written as above (the link stays a link, the way
  ``>`` and editors treat links); a dangling link creates its target.
- a character device (a terminal, ``/dev/null``) or a FIFO with a reader: written through, in place; the
  node itself is never replaced. A FIFO nobody reads is refused rather than waited on.
- a folder, a block device (a disk), a socket, a FIFO without a reader, a read-only file: refused with a
  message saying why; nothing is touched. A file is read-only when you lack write permission or when no
  write bit is set at all (so even root does not silently replace a file someone made read-only).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from reformlab.errors import ReformlabError

STDOUT = "-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _refuse(target: Path, problem: str, fix: str) -> ReformlabError:
    return ReformlabError(f"cannot write '{target}': {problem}", field="--output", fix=fix)


def _os_error(target: Path, exc: OSError, fix: str = "choose a path you can write to") -> ReformlabError:
    return _refuse(target, exc.strerror or str(exc), fix)


def write_atomic(path: str | Path, content: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``content`` to ``path`` whole or not at all; only a regular file is ever replaced.

    See the module docstring for what each kind of path gets. On any failure, including
    ``KeyboardInterrupt``, the temporary file is removed and the target is left as it was.

    Returns:
        The path given (``Path("-")`` for standard output).

    Raises:
        ReformlabError: the folder does not exist or cannot be written, or the path is a folder, a block
            device, a socket, a FIFO nobody reads, or a read-only file.
    """
    data = content.encode(encoding) if isinstance(content, str) else content
    if str(path) == STDOUT:
        _write_stdout(data)
        return Path(STDOUT)
    target = Path(path)
    status = _checked(target)
    if status is None or stat.S_ISREG(status.st_mode):
        _replace(target, Path(os.path.realpath(target)), data, status)
    else:
        _write_through(target, data, fifo=stat.S_ISFIFO(status.st_mode))
    return target


def check_output(path: str | Path) -> None:
    """Raise now what :func:`write_atomic` would refuse for ``path`` (a missing folder, a folder, a disk, a
    read-only file), so that a long computation does not end in a refusal. Writes nothing.

    Raises:
        ReformlabError: as :func:`write_atomic` would (a FIFO's reader can only be checked when writing).
    """
    if str(path) != STDOUT:
        _checked(Path(path))


def _checked(target: Path) -> os.stat_result | None:
    """The status of what ``target`` names (symlinks followed; ``None`` for a new file), once it is known to
    be writable as output: a regular file or a new name in an existing folder, a character device or a FIFO."""
    try:
        status = os.stat(target)  # follows symlinks: the kind of what will actually be written
    except (FileNotFoundError, NotADirectoryError):  # a new file (its folder is checked below)
        status = None
    except OSError as exc:  # a symlink loop, no permission
        raise _os_error(target, exc) from None
    if status is None or stat.S_ISREG(status.st_mode):
        real = Path(os.path.realpath(target))
        if not real.parent.is_dir():
            raise _refuse(
                target, f"folder '{real.parent}' does not exist", "create the folder first or choose another output path"
            )
        if status is not None and (not os.access(real, os.W_OK) or not status.st_mode & 0o222):
            raise _refuse(target, "the file is read-only", "make it writable (chmod u+w) or choose another path")
    elif stat.S_ISDIR(status.st_mode):
        raise _refuse(target, "it is a folder", f"give a file name inside it, e.g. {target / 'out'}")
    elif not (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        kind = "a block device (a disk)" if stat.S_ISBLK(status.st_mode) else "a socket or other special file"
        raise _refuse(target, f"it is {kind}, not a file", "choose a regular file as output")
    return status


def _write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (some test runners)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    else:
        stream.write(data)
    sys.stdout.flush()


def _write_through(target: Path, data: bytes, *, fifo: bool) -> None:
    """Write into a character device or FIFO in place (opening without creating or truncating)."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | (os.O_NONBLOCK if fifo else 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise _refuse(target, "it is a FIFO that nobody is reading", "start the reader first") from None
        raise _os_error(target, exc) from None
    try:
        if fifo:
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise _os_error(target, exc, "choose another output") from None
    finally:
        os.close(fd)


def _replace(target: Path, real: Path, data: bytes, status: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``real`` (the target, symlinks resolved) and rename it over."""
    folder = real.parent  # checked by _checked: exists; the file, if any, is writable
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _os_error(target, exc, "choose a folder you can write to") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp creates 0600; a report is a normal file, a replaced one keeps its mode
        os.replace(tmp, real)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _os_error(target, exc) from None
        raise
