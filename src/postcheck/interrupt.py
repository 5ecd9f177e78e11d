"""Stopping a run cleanly: SIGTERM and SIGHUP become an exception, as SIGINT already is, so
every cleanup on the way out runs (the atomic writer removes its temporary file) and the exit
status says which signal stopped the run (exit_codes.py: 129, 130, 143)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# each signal that stops a run, with the handler it has when nobody changed it
_DEFAULT_HANDLERS: dict[int, object] = {
    signal.SIGINT: signal.default_int_handler,
    **dict.fromkeys(STOPPING, signal.SIG_DFL),
}


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised where the run is, like KeyboardInterrupt for SIGINT: a
    BaseException, so no `except Exception` swallows it and every cleanup on the way runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


@contextmanager
def signals_raised() -> Iterator[None]:
    """While the body runs, SIGTERM and SIGHUP raise Interrupted, and SIGINT KeyboardInterrupt
    as Python's own handler does; the handlers before come back afterwards. Only signals left
    at their default are taken: one ignored (nohup, a background job) stays ignored.

    A second signal while the run is stopping kills it at once, as if no handler were set:
    cleanup takes milliseconds, so a second Ctrl-C means something is stuck. A process forked
    meanwhile that sets no handlers of its own dies of the signal quietly, with no traceback;
    a --jobs worker, which gets Ctrl-C with the whole process group, notes it instead
    (note_stop_signals) and the run stops in the parent."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a caller in a thread has its own
        return
    owner = os.getpid()
    stopping = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if stopping or os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        stopping = True
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    earlier = {}
    for signum, default in _DEFAULT_HANDLERS.items():
        current = signal.getsignal(signum)
        if current is default:
            earlier[signum] = current
            signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, previous in earlier.items():
            signal.signal(signum, previous)


@contextmanager
def signals_held() -> Iterator[None]:
    """Signals that stop a run are delivered only after the body (where the OS allows)."""
    held = {signal.SIGINT, *STOPPING}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


# A --jobs worker process notes the signal that stops the run instead of dying of it. Killed at
# once, a worker can die while it writes a batch's result back to the run; the process pool then
# waits for the rest of that message for ever (concurrent.futures cannot tell a half-written
# result from a slow one) and Ctrl-C hangs the run. A worker that notes the signal stops between
# records, so only whole results, or the Interrupted that ended the batch, go back.
_noted: int | None = None


def note_stop_signals() -> None:
    """In a worker process: the signals that stop a run are noted for raise_if_stopped. One
    ignored when the run started (nohup) stays ignored."""
    for signum in (signal.SIGINT, *STOPPING):
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _note)


def _note(signum: int, frame: FrameType | None) -> None:
    global _noted
    if _noted is None:
        _noted = signum


def raise_if_stopped() -> None:
    """Interrupted, if a noted signal asked the run to stop (a worker calls this between
    records, and each batch it is given after that ends at once)."""
    if _noted is not None:
        raise Interrupted(_noted)
