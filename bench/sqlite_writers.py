"""The SQLite default under 8 concurrent writers for a minute: no "database is locked".

Serves the project with gunicorn (3 sync workers, as in bench.checkin) on a fresh SQLite file,
then 8 desks post check-ins for BENCH_WRITERS_SECONDS (default 60): every scan, accepted or
not, inserts a row, so all 8 write all the time. The baseline, measured in the same run, is one
desk for a fifth of that time. Prints scans/s, latencies and every error by status; any 5xx or
connection error (which is what "database is locked" becomes) fails the benchmark.

    .venv/bin/python -m bench.sqlite_writers      (BENCH_WRITERS_SECONDS=60)
"""

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from bench import checkin

SECONDS = float(os.environ.get("BENCH_WRITERS_SECONDS", "60"))
WRITERS = 8


def run_for(port, bodies, headers, desks, seconds) -> dict:
    """`desks` threads post the bodies round-robin for `seconds`; count statuses and time each."""
    deadline = time.monotonic() + seconds
    counter = itertools.count()
    statuses: Counter = Counter()
    latencies: list[float] = []
    lock = threading.Lock()

    def desk():
        while time.monotonic() < deadline:
            body = bodies[next(counter) % len(bodies)]
            started = time.perf_counter()
            try:
                status, _data = checkin._post(port, "/api/v1/checkins/", body, headers)
            except OSError:
                status = 599
            with lock:
                statuses[status] += 1
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=desk) for _ in range(desks)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "n": len(latencies),
        "rate": len(latencies) / wall,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "statuses": dict(statuses),
    }


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-writers-"))
    env = checkin._server_env(folder)
    env.pop("DATABASE_URL", None)  # this benchmark is about the SQLite default
    server = None
    try:
        data_file = folder / "data.json"
        subprocess.run(
            [sys.executable, "-m", "bench.checkin", "--setup", str(data_file)],
            cwd=checkin.ROOT,
            env=env,
            check=True,
        )
        data = json.loads(data_file.read_text())
        port = checkin._free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(checkin.WORKERS),
                "--log-level",
                "warning",
            ],
            cwd=checkin.ROOT,
            env=env,
        )
        checkin._wait_for(port, server)
        headers = {"Content-Type": "application/json", "Authorization": f"Token {data['token']}"}
        # Distinct badges first, then the same ones again: every scan is an insert either way.
        bodies = checkin._bodies(data["codes"], data["event"], WRITERS)
        baseline = run_for(port, bodies, headers, 1, max(5.0, SECONDS / 5))
        loaded = run_for(port, bodies, headers, WRITERS, SECONDS)
        print(f"SQLite (WAL, IMMEDIATE, busy timeout) · gunicorn {checkin.WORKERS} workers")
        print(
            f"{'writers':>8}{'seconds':>9}{'scans':>8}{'scans/s':>9}{'p50 ms':>8}{'p95 ms':>8}"
            "  statuses"
        )
        for desks, row, seconds in (
            (1, baseline, max(5.0, SECONDS / 5)),
            (WRITERS, loaded, SECONDS),
        ):
            print(
                f"{desks:>8}{seconds:>9.0f}{row['n']:>8}{row['rate']:>9.1f}{row['p50']:>8.1f}"
                f"{row['p95']:>8.1f}  {row['statuses']}"
            )
        ratio = loaded["rate"] / baseline["rate"]
        print(f"\nthroughput of {WRITERS} writers against 1: {ratio:.2f}x")
        failures = {s: n for s, n in loaded["statuses"].items() if s != 200}
        assert not failures, f"{sum(failures.values())} failed writes: {failures}"
        print("no failed writes: no 'database is locked', no 5xx")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
