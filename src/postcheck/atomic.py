"""Output that can do no harm: report files written whole or not at all, never over an input, a
link or a device, and nothing left behind when a run is stopped (postcheck/interrupt.py).

A report file is written to a hidden temporary file beside it and renamed over it once
complete, so a reader never sees half a report and a crash leaves the old one. Where the report
may go is decided before anything is read (`plan_output`): a folder, an input of the run, a
symbolic link or anything but a regular file is refused, and `--force` only lets a report be
written *through* a link or *into* a device, never rename over either. SIGTERM and SIGHUP are
turned into an exception for the run's lifetime (`interrupt.signals_raised`), as Python does for
SIGINT, so the temporary file is removed on every way a run can be stopped but SIGKILL (and a
second signal, which kills at once: something is stuck).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from postcheck.interrupt import signals_held


class OutputError(ValueError):
    """A report that cannot be written where it was asked for (exit 2); the message names it."""


@dataclass(frozen=True)
class Target:
    """Where one report goes, decided before the run reads anything.

    `write_to` is the file renamed over (the link's target, with --force through a link), or,
    when `direct`, a device or pipe opened and written in place: never replaced by a rename."""

    path: Path  # as the user gave it, for messages
    write_to: Path
    direct: bool = False
    identity: tuple[int, int] | None = None  # (device, inode) of the file there now, if any


def plan_output(path: Path, protected: Iterable[Path] = (), force: bool = False) -> Target:
    """Where a report named `path` may be written, or an OutputError saying why not.

    `protected` are the run's inputs and settings files, compared by device and inode, so no
    spelling (`./a.yaml`, `../x/a.yaml`) and no hard link can make the report replace one."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return _new_file(path, path)
    except OSError as error:  # ENOTDIR: a file where a folder should be; EACCES; ELOOP
        raise OutputError(f"{path}: cannot write a report there: {_why(error)}") from None
    if stat.S_ISLNK(found.st_mode):
        return _through_link(path, protected, force)
    return _existing(path, path, found, protected, force)


def _new_file(path: Path, write_to: Path) -> Target:
    """A report file not there yet: its folder must be, as postcheck never creates folders."""
    folder = write_to.parent
    if not folder.is_dir():
        kind = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(
            f"{path}: the folder {folder} {kind}; postcheck does not create folders for reports"
        )
    return Target(path, write_to)


def _through_link(path: Path, protected: Iterable[Path], force: bool) -> Target:
    """A symbolic link: refused, since renaming over it would replace the link itself (as
    root, `-o /dev/stdout` replaced the system's link); with --force, written through."""
    if not force:
        raise OutputError(
            f"{path}: is a symbolic link (to {os.readlink(path)}); the report would replace "
            "it. Name the file it points to, or give --force to write through the link"
        )
    try:
        followed = os.stat(path)
    except FileNotFoundError:  # a dangling link: the report becomes the file it names
        return _new_file(path, Path(os.path.realpath(path)))
    except OSError as error:
        raise OutputError(f"{path}: cannot follow the link: {_why(error)}") from None
    if not stat.S_ISREG(followed.st_mode):  # a device or pipe: opened through the link
        return _existing(path, path, followed, protected, force)
    real = Path(os.path.realpath(path))
    if _identity(real) != _key(followed):
        # a link that does not resolve by name (/proc/self/fd/1 to a deleted file): in place
        _refuse_inputs(path, followed, protected)
        return Target(path, path, direct=True, identity=_key(followed))
    return _existing(path, real, followed, protected, force)


def _existing(
    path: Path, write_to: Path, found: os.stat_result, protected: Iterable[Path], force: bool
) -> Target:
    if stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{path}: is a folder; name a file for the report")
    if not stat.S_ISREG(found.st_mode):
        if not force:
            raise OutputError(
                f"{path}: is {_kind(found.st_mode)}, not a regular file; give --force to "
                "write the report into it (it is never replaced), or -o - for standard output"
            )
        return Target(path, write_to, direct=True, identity=_key(found))
    _refuse_inputs(path, found, protected)
    return Target(path, write_to, identity=_key(found))


def _refuse_inputs(path: Path, found: os.stat_result, protected: Iterable[Path]) -> None:
    """Never over an input or a settings file, --force or not: the report would lose it."""
    for other in protected:
        if _identity(other) == _key(found):
            same = "" if os.path.abspath(other) == os.path.abspath(path) else f" ({other})"
            raise OutputError(f"{path}: the report would overwrite an input of this run{same}")


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _key(found: os.stat_result) -> tuple[int, int]:
    return found.st_dev, found.st_ino


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        return _key(os.stat(path))
    except OSError:
        return None


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


@contextmanager
def writer(target: Target) -> Iterator[IO[str]]:
    """The stream for a planned report: atomic for a file, in place for a device (--force)."""
    if target.direct:
        with direct_writer(target) as stream:
            yield stream
    else:
        with atomic_writer(target.write_to, shown=target.path) as stream:
            yield stream


@contextmanager
def direct_writer(target: Target) -> Iterator[IO[str]]:
    """A device or pipe, opened as it is (never created, never renamed over)."""
    try:
        # not blocking: a pipe no process reads is an error now, not a wait for ever
        handle = os.open(target.write_to, os.O_WRONLY | os.O_NOCTTY | os.O_TRUNC | os.O_NONBLOCK)
    except OSError as error:
        why = "no process is reading the pipe" if error.errno == errno.ENXIO else _why(error)
        raise OutputError(f"cannot write {target.path}: {why}") from None
    os.set_blocking(handle, True)
    stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
    try:
        yield stream
        _finish(stream, target.path)
    finally:
        _close_quietly(stream)


@contextmanager
def atomic_writer(path: Path, shown: Path | None = None) -> Iterator[IO[str]]:
    """A text stream to a temporary file beside `path`, renamed over it only on success.

    The temporary file is removed however the body ends: an error, SIGINT, or SIGTERM and
    SIGHUP under `signals_raised`. Failures name `shown` (the path as the user gave it)."""
    shown = shown or path
    temporary: str | None = None
    try:
        with signals_held():  # no signal between creating the file and knowing its name
            try:
                handle, temporary = tempfile.mkstemp(
                    prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
                )
            except OSError as error:
                raise OutputError(f"cannot write {shown}: {_why(error)}") from None
        # mkstemp makes the file private (0600); a report should have the mode any new file
        # gets here, or keep the mode of the file it replaces.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            _finish(stream, shown)
        _replace(temporary, path, shown)
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def _finish(stream: IO[str], shown: Path) -> None:
    """Everything on disk before the rename: a full disk is an error here, not a short file."""
    try:
        stream.flush()
        if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            os.fsync(stream.fileno())
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {_why(error)}") from None


def _replace(temporary: str, path: Path, shown: Path) -> None:
    """The rename, unless what is there became a link or a device while the run went on."""
    try:
        now = path.lstat()
    except FileNotFoundError:
        now = None
    if now is not None and not stat.S_ISREG(now.st_mode):
        raise OutputError(f"{shown}: was replaced by {_kind(now.st_mode)} during the run")
    try:
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {_why(error)}") from None


def _close_quietly(stream: IO[str]) -> None:
    with suppress(OSError):  # the error that matters was raised already (_finish, the body)
        stream.close()


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def silence_stdout() -> None:
    """Standard output pointed at /dev/null once writing to it has failed, so that nothing
    written later (Python's flush at exit, a half-written ZIP closing) fails again with
    "Exception ignored" and a traceback."""
    with suppress(OSError, ValueError, AttributeError):  # a test's stream has no descriptor
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
