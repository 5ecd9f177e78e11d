"""A bounded load test of `postcheck serve`: a few hundred checks from a few concurrent clients
against a local server, beside the same checks done in-process without HTTP (the baseline).

The server runs in a child process (this script with --serve), so the clients' threads do not
share its interpreter. Each client keeps one HTTP connection and session, takes its CSRF token
once, and posts the seeds in turn to /api/check. Printed: requests per second, median and
slowest response, failures (any status but 200, or no answer; there must be none), and the
baseline's rate and median. Exit status 1 if any request failed.

    python benchmarks/bench_web.py [--requests 200] [--clients 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from postcheck.config import Config, Settings
from postcheck.web.service import Checker, Upload

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
AS_OF = dt.date(2026, 11, 23)
START_SECONDS = 60


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, took: float, failure: str | None) -> None:
        with self.lock:
            self.seconds.append(took)
            if failure:
                self.failures.append(failure)


def _config() -> Config:
    return Config(Settings(as_of=AS_OF))


def serve(port: int) -> None:
    """The child process: the app for the bundled rules, on 127.0.0.1."""
    import uvicorn

    from postcheck.web import create_app

    uvicorn.run(create_app(_config()), host="127.0.0.1", port=port, log_level="warning")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(base: str, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"the server exited with status {child.returncode}")
        try:
            if httpx.get(f"{base}/api/options", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {START_SECONDS} s")


def client(base: str, count: int, offset: int, timings: Timings) -> None:
    """One client: one connection and session, `count` checks of the seeds in turn."""
    with httpx.Client(base_url=base, timeout=120) as http:
        token = http.get("/api/token").json()["token"]
        seeds = itertools.islice(itertools.cycle(SEEDS), offset, None)
        for seed in itertools.islice(seeds, count):
            started = time.perf_counter()
            failure = None
            try:
                response = http.post(
                    "/api/check",
                    files=[("files", (seed.name, seed.read_bytes()))],
                    headers={"X-CSRF-Token": token},
                )
                if response.status_code != 200:
                    failure = f"{seed.name}: HTTP {response.status_code} {response.text[:200]}"
                elif not response.json()["violations"]:
                    failure = f"{seed.name}: no findings in the answer"
            except httpx.HTTPError as error:
                failure = f"{seed.name}: {type(error).__name__}: {error}"
            timings.add(time.perf_counter() - started, failure)


def over_http(requests: int, clients: int) -> tuple[Timings, float]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        _wait_until_up(base, child)
        client(base, 2, 0, Timings())  # warm-up, untimed: the first check loads the splitter
        timings = Timings()
        shares = [requests // clients + (i < requests % clients) for i in range(clients)]
        threads = [
            threading.Thread(target=client, args=(base, share, i, timings))
            for i, share in enumerate(shares)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return timings, time.perf_counter() - started
    finally:
        child.terminate()
        child.wait(10)


def in_process(checker: Checker, requests: int, threads: int) -> tuple[Timings, float]:
    """The baseline: the same checks, and the JSON made from them, with no HTTP in between,
    from `threads` threads at once (the checker's lock serialises the judging)."""
    timings = Timings()

    def work(count: int, offset: int) -> None:
        seeds = itertools.islice(itertools.cycle(SEEDS), offset, None)
        for seed in itertools.islice(seeds, count):
            began = time.perf_counter()
            with tempfile.TemporaryDirectory() as workdir:
                upload = Upload(seed.name, seed.read_bytes())
                done = checker.check([upload], "auto", AS_OF, Path(workdir))
            checker.report(done, "json")
            timings.add(time.perf_counter() - began, None if done.violations else "no findings")

    shares = [requests // threads + (i < requests % threads) for i in range(threads)]
    workers = [threading.Thread(target=work, args=(n, i)) for i, n in enumerate(shares)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return timings, time.perf_counter() - started


def _line(name: str, timings: Timings, wall: float) -> str:
    done = len(timings.seconds)
    return (
        f"{name:<22} {done:>5} requests  {done / wall:7.1f} req/s  "
        f"median {statistics.median(timings.seconds) * 1000:7.1f} ms  "
        f"slowest {max(timings.seconds) * 1000:7.1f} ms  failures {len(timings.failures)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        serve(options.serve)
        return
    if not SEEDS:
        raise SystemExit("no seeds in ../shared/seeds")
    if not 1 <= options.clients <= 16 or not 1 <= options.requests <= 5_000:
        raise SystemExit("--clients is 1 to 16 and --requests 1 to 5,000: the test is bounded")
    print(f"{options.requests} checks of {len(SEEDS)} seeds; {options.clients} clients over HTTP")
    http, http_wall = over_http(options.requests, options.clients)
    checker = Checker(_config())
    in_process(checker, 2, 1)  # warm-up: the first check loads the sentence splitter
    serial, serial_wall = in_process(checker, options.requests, 1)
    threaded, threaded_wall = in_process(checker, options.requests, options.clients)
    print(_line(f"HTTP, {options.clients} clients", http, http_wall))
    print(_line("in-process, 1 thread", serial, serial_wall))
    print(_line(f"in-process, {options.clients} threads", threaded, threaded_wall))
    ratio = (len(http.seconds) / http_wall) / (len(serial.seconds) / serial_wall)
    print(f"HTTP rate / in-process rate (1 thread): {ratio:.2f}")
    for failure in [*http.failures, *serial.failures, *threaded.failures][:10]:
        print(f"  failed: {failure}")
    if http.failures or serial.failures or threaded.failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
