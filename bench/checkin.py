"""Check-in benchmark: the real endpoint against a bare Django view, same server, same run.

Serves the project with gunicorn on 127.0.0.1 (a fresh SQLite database in a temporary folder,
or BENCH_DATABASE_URL), then sends, for 1 desk and for 8 concurrent desks, 2,000 scans of
distinct badges followed by 500 repeats, to:
- POST /api/v1/checkins/ (token auth, permission check, row lock, exactly-once rule), and
- POST /bench/bare-checkin/ (no auth, one indexed lookup, one insert: bench/_server_urls.py).
Prints p50/p95/p99 latency, scans per second, errors, and the throughput ratio.

    .venv/bin/python -m bench.checkin      (BENCH_SCANS=2000 BENCH_REPEATS=500 BENCH_WORKERS=3)
"""

import http.client
import itertools
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANS = int(os.environ.get("BENCH_SCANS", "2000"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "500"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
DESK_COUNTS = (1, 8)


def _server_env(folder: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench._server_settings",
        SECRET_KEY="bench-only-secret",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        STATIC_MANIFEST="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
        SQLITE_PATH=str(folder / "bench.sqlite3"),
        MEDIA_ROOT=str(folder / "media"),
        # Workers keep their database connection, as a production deployment would.
        CONN_MAX_AGE="600",
        # One desk token sends thousands of scans a minute here; the production limit is lower.
        THROTTLE_CHECKIN="1000000/min",
    )
    env.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    return env


def setup_database(out: Path) -> None:
    """Child process: migrate, then create an event, a desk user with a token, and badges."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from accreditation.badges import badge_serial, new_badge_code
    from accreditation.models import (
        Accreditation,
        AccreditationStatus,
        Badge,
        JournalistProfile,
        MediaOutlet,
    )
    from events.models import Event, EventStatus
    from organizations.models import Membership, MembershipRole, Organization

    now = timezone.now()
    organization = Organization.objects.create(name="Bench", slug="bench")
    event = Event.objects.create(
        organization=organization,
        title="Bench event",
        slug="bench-event",
        kind="press_conference",
        status=EventStatus.PUBLISHED,
        starts_at=now,
        ends_at=now + timezone.timedelta(hours=3),
        online_url="https://example.org/live",
    )
    user = get_user_model().objects.create_user("desk", password="bench-pass-123")
    Membership.objects.create(user=user, organization=organization, role=MembershipRole.FRONT_DESK)
    token = Token.objects.create(user=user)
    outlet = MediaOutlet.objects.create(name="Báo Bench", kind="newspaper")
    count = SCANS * len(DESK_COUNTS) + 100  # one fresh set per scenario, plus warm-up badges
    profiles = JournalistProfile.objects.bulk_create(
        JournalistProfile(full_name=f"Nguyễn Văn {i}", email=f"j{i}@example.org", outlet=outlet)
        for i in range(count)
    )
    accreditations = Accreditation.objects.bulk_create(
        Accreditation(
            event=event, journalist=p, category="writer", status=AccreditationStatus.APPROVED
        )
        for p in profiles
    )
    badges = Badge.objects.bulk_create(
        Badge(
            accreditation=a,
            code=new_badge_code(),
            serial=badge_serial(a, 1),
            issued_at=now,
        )
        for a in accreditations
    )
    out.write_text(
        json.dumps({"event": event.pk, "token": token.key, "codes": [b.code for b in badges]})
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before it was ready")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start in time")


def _post(port: int, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def run_load(port, path, bodies, headers, desks) -> dict:
    """Send `bodies` from `desks` threads, each taking the next body; time every request."""
    latencies: list[float] = []
    statuses: Counter = Counter()
    results: Counter = Counter()
    lock = threading.Lock()
    counter = itertools.count()

    def desk():
        while True:
            index = next(counter)
            if index >= len(bodies):
                return
            started = time.perf_counter()
            try:
                status, data = _post(port, path, bodies[index], headers)
            except OSError:
                status, data = 599, b"{}"
            elapsed = time.perf_counter() - started
            result = json.loads(data).get("result", "?") if status == 200 else "error"
            with lock:
                latencies.append(elapsed)
                statuses[status] += 1
                results[result] += 1

    threads = [threading.Thread(target=desk) for _ in range(desks)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {
        "n": len(latencies),
        "rate": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": pct(95),
        "p99": pct(99),
        "errors": sum(n for s, n in statuses.items() if s != 200),
        "results": dict(results),
    }


def _bodies(codes: list[str], event: int, desks: int) -> list[bytes]:
    rng = random.Random(4)
    sequence = codes + rng.sample(codes, min(REPEATS, len(codes)))
    return [
        json.dumps({"code": code, "event": event, "desk": f"Desk {i % desks + 1}"}).encode()
        for i, code in enumerate(sequence)
    ]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-checkin-"))
    env = _server_env(folder)
    server = None
    try:
        data_file = folder / "data.json"
        subprocess.run(
            [sys.executable, "-m", "bench.checkin", "--setup", str(data_file)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        data = json.loads(data_file.read_text())
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        _wait_for(port, server)
        api_headers = {
            "Content-Type": "application/json",
            "Authorization": f"Token {data['token']}",
        }
        bare_headers = {"Content-Type": "application/json"}
        event, codes = data["event"], data["codes"]
        warm = _bodies(codes[-100:], event, 1)[:100]
        run_load(port, "/bench/bare-checkin/", warm, bare_headers, 4)
        run_load(port, "/api/v1/checkins/", warm, api_headers, 4)

        database = "PostgreSQL" if "DATABASE_URL" in env else "SQLite (WAL, IMMEDIATE)"
        print(f"check-in benchmark · gunicorn {WORKERS} sync workers · {database}")
        print(f"{SCANS} distinct badges then {REPEATS} repeats per run\n")
        header = f"{'endpoint':<24}{'desks':>6}{'scans/s':>10}{'p50 ms':>9}{'p95 ms':>9}"
        print(header + f"{'p99 ms':>9}{'errors':>8}  results")
        ratios = {}
        for scenario, desks in enumerate(DESK_COUNTS):
            own_codes = codes[scenario * SCANS : (scenario + 1) * SCANS]
            bodies = _bodies(own_codes, event, desks)
            rows = [
                ("bare view", run_load(port, "/bench/bare-checkin/", bodies, bare_headers, desks)),
                (
                    "POST /api/v1/checkins/",
                    run_load(port, "/api/v1/checkins/", bodies, api_headers, desks),
                ),
            ]
            for name, row in rows:
                shown = row["results"] if name != "bare view" else {}
                print(
                    f"{name:<24}{desks:>6}{row['rate']:>10.1f}{row['p50']:>9.1f}{row['p95']:>9.1f}"
                    f"{row['p99']:>9.1f}{row['errors']:>8}  {shown}"
                )
            ratios[desks] = rows[1][1]["rate"] / rows[0][1]["rate"]
        print()
        for desks, ratio in ratios.items():
            verdict = "meets" if ratio >= 0.6 else "misses"
            print(
                f"throughput ratio, {desks} desk(s): {ratio:.2f} of the bare view"
                f" ({verdict} the 0.60 goal)"
            )
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--setup":
        setup_database(Path(sys.argv[2]))
    else:
        main()
