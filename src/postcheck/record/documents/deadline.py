"""A time limit on reading one document (`limits.document_seconds`), so one slow file costs the
run an input error, not the rest of the run.

How the limit is enforced, and why:
- In the main thread, with no other real-time timer running, a SIGALRM timer
  (`signal.setitimer`) raises `TooSlow` in the reading code wherever it is: inside
  BeautifulSoup, markdown-it, python-docx or pdfminer, which postcheck cannot ask to stop. The
  handler runs between Python bytecodes, so a single long C call (one regex search, one lxml
  parse) finishes first; the readers' own searches are kept linear for that reason.
- Anywhere else (a thread, or under another timer such as a test runner's), a signal cannot
  be used: then the readers call `check()` at their own steps (each PDF page, Word paragraph,
  HTML block, line joined into blocks, and between stages), and the limit is kept at those
  steps only: a parser's own work (BeautifulSoup's, markdown-it's) runs to its end.
`TooSlow` derives from BaseException, as KeyboardInterrupt does, so that the parsers' own
`except Exception` handlers (pdfminer has many) cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TooSlow(BaseException):
    """Reading the document took longer than its time limit."""


_local = threading.local()  # each thread's deadline (time.monotonic()), None when unlimited


def check() -> None:
    """Raise TooSlow if this thread's document is past its deadline; cheap, call it often."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TooSlow


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Run the block under a time limit: TooSlow is raised in it once `seconds` have passed."""
    _local.deadline = time.monotonic() + seconds
    alarm = _can_use_alarm()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if alarm else None
    try:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        _local.deadline = None  # first: an alarm arriving from here on does nothing
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _can_use_alarm() -> bool:
    """Whether a SIGALRM timer may be set: only the main thread receives signals, and an
    ITIMER_REAL already running belongs to someone else."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if getattr(_local, "deadline", None) is not None:
        raise TooSlow
