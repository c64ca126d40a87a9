"""``write_atomic`` replaces only regular files: links are followed, devices and FIFOs written through, the
rest refused; a failure leaves everything as it was. Device nodes are made in a temporary folder (never
/dev itself) and the test skips where the system does not allow them."""

import errno
import os
import stat
import threading
import time

import pytest

from reformlab.atomic import write_atomic
from reformlab.errors import ReformlabError


def _no_temporary_left(folder):
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_new_and_existing_regular_files(tmp_path):
    target = tmp_path / "out.html"
    assert write_atomic(target, "first") == target
    write_atomic(target, "second")
    assert target.read_text() == "second"
    _no_temporary_left(tmp_path)


def test_a_replaced_file_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "out.html"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(ReformlabError, match="does not exist"):
        write_atomic(tmp_path / "no" / "out.html", "x")


def test_dash_writes_to_standard_output(tmp_path, capfdbinary, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert str(write_atomic("-", "héllo\n")) == "-"
    assert capfdbinary.readouterr().out == "héllo\n".encode()
    assert not (tmp_path / "-").exists()


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "reports" / "2026-12-01.html"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    _no_temporary_left(tmp_path)
    _no_temporary_left(real.parent)


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "latest.html"
    link.symlink_to(tmp_path / "target.html")
    write_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "target.html").read_text() == "new"


def test_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(ReformlabError, match="cannot write"):
        write_atomic(loop, "x")
    assert loop.is_symlink()


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep").write_text("keep")
    with pytest.raises(ReformlabError, match="is a folder"):
        write_atomic(folder, "x")
    assert folder.is_dir() and (folder / "keep").read_text() == "keep"
    _no_temporary_left(tmp_path)


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_read_only_file_is_refused_and_kept(tmp_path, mode):
    target = tmp_path / "frozen.html"
    target.write_text("old")
    target.chmod(mode)
    try:
        with pytest.raises(ReformlabError, match="read-only"):
            write_atomic(target, "new")
        assert stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        target.chmod(0o644)
    assert target.read_text() == "old"
    _no_temporary_left(tmp_path)


def test_fifo_with_a_reader_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    payload = "x" * 200_000  # larger than a pipe buffer: the write must go on until the reader has it all
    received = []
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is present before the write starts

    def read_all():
        os.set_blocking(fd, True)
        data, deadline = b"", time.monotonic() + 10
        while len(data) < len(payload) and time.monotonic() < deadline:
            chunk = os.read(fd, 65536)  # b"" until the writer opens its end
            data += chunk
            if not chunk:
                time.sleep(0.01)
        received.append(data)

    reader = threading.Thread(target=read_all)
    reader.start()
    write_atomic(fifo, payload)
    reader.join(timeout=10)
    os.close(fd)
    assert received == [payload.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    _no_temporary_left(tmp_path)


def test_fifo_without_a_reader_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReformlabError, match="nobody is reading"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _device(tmp_path, name, kind, major, minor):
    """A device node in ``tmp_path``, or skip when this system does not allow making or opening one."""
    node = tmp_path / name
    try:
        os.mknod(node, 0o666 | kind, os.makedev(major, minor))
    except (PermissionError, OSError) as exc:
        if exc.errno in (errno.EPERM, errno.EACCES, errno.EINVAL, errno.ENOSYS):
            pytest.skip(f"cannot make device nodes here: {exc}")
        raise
    return node


def _openable(node) -> None:
    try:
        os.close(os.open(node, os.O_WRONLY))
    except OSError as exc:  # e.g. a folder on a nodev mount
        pytest.skip(f"device nodes cannot be opened here: {exc}")


def test_character_device_is_written_through_never_replaced(tmp_path):
    node = _device(tmp_path, "mynull", stat.S_IFCHR, 1, 3)  # the null device's numbers, in a private node
    _openable(node)
    before = os.lstat(node)
    write_atomic(node, "<html>" + "x" * 300_000)
    after = os.lstat(node)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    _no_temporary_left(tmp_path)


def test_full_device_gives_a_clear_error_and_survives(tmp_path):
    node = _device(tmp_path, "myfull", stat.S_IFCHR, 1, 7)  # the "full" device: every write fails
    _openable(node)
    with pytest.raises(ReformlabError, match="No space left"):
        write_atomic(node, "x")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    _no_temporary_left(tmp_path)


def test_block_device_is_refused(tmp_path):
    node = _device(tmp_path, "mydisk", stat.S_IFBLK, 240, 0)  # a number reserved for local use: no disk
    with pytest.raises(ReformlabError, match="block device"):
        write_atomic(node, "x")
    assert stat.S_ISBLK(os.lstat(node).st_mode)


def test_symlink_to_a_device_writes_through(tmp_path):
    node = _device(tmp_path, "mynull", stat.S_IFCHR, 1, 3)
    _openable(node)
    link = tmp_path / "out.html"
    link.symlink_to(node)
    write_atomic(link, "x")
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(node).st_mode)


def test_check_output_refuses_early_and_writes_nothing(tmp_path):
    from reformlab.atomic import check_output

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ReformlabError, match="is a folder"):
        check_output(folder)
    with pytest.raises(ReformlabError, match="does not exist"):
        check_output(tmp_path / "missing" / "out.html")
    check_output(tmp_path / "new.html")
    check_output("-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
