"""Write output files whole or not at all: write to a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reformlab.errors import ReformlabError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, content: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``content`` to ``path`` so that readers see the old file or the whole new one, never a part.

    The content goes to a temporary file in the same folder, is flushed and fsynced, and is renamed
    over the target (``os.replace`` is atomic on POSIX). On any failure, including ``KeyboardInterrupt``,
    the temporary file is removed and the target is left as it was.

    Raises:
        ReformlabError: the folder does not exist or cannot be written.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReformlabError(
            f"cannot write '{target}': folder '{folder}' does not exist",
            field="--output",
            fix="create the folder first or choose another output path",
        )
    data = content.encode(encoding) if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReformlabError(
            f"cannot write '{target}': {exc.strerror or exc}",
            field="--output",
            fix="choose a folder you can write to",
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; a report is a normal file
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise ReformlabError(
                f"cannot write '{target}': {exc.strerror or exc}",
                field="--output",
                fix="choose a path you can write to",
            ) from None
        raise
    return target
