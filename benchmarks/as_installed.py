"""What every benchmark does before it starts postcheck as a process.

An installed postcheck runs from bytecode: pip compiles it at install time. A shell with
PYTHONDONTWRITEBYTECODE set (some containers set it) makes an editable checkout compile
postcheck's sixty modules from source on every start, about 0.18 s here, which no installed
user pays. The benchmarks unset it for the processes they start and say so.
"""

from __future__ import annotations

import os
import sys


def run_as_installed() -> None:
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print(
            "(PYTHONDONTWRITEBYTECODE unset for the processes measured: an installed postcheck "
            "runs from bytecode)",
            file=sys.stderr,
        )
