"""Prove that a database made by an older commit migrates forward with every row intact.

    python scripts/check_migrations_forward.py [--from REV] [--database-url URL]

It exports REV (default: the last commit before the app layout moved models between apps) into
a temporary folder, migrates a fresh database with that code and fills it with `load_demo`,
fingerprints every table (row count and a hash of all rows in primary-key order), then
migrates the same database with the code of this checkout and fingerprints it again. Every
table that existed before must hold exactly the same rows afterwards, and the models that moved
to another app must read those rows through the ORM. Exit status 1 on any difference.

Without --database-url it uses a temporary SQLite file; with a PostgreSQL URL it creates and
drops its own database next to the one named.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# The last commit with the old layout (Organization in events, CheckIn in accreditation, ...).
OLD_LAYOUT = "6c892bc"

# Reads COLUMNS (table -> columns) when set: later migrations may add columns, and the rows are
# compared on the columns they had before.
FINGERPRINT = r"""
import hashlib, json
from django.db import connection
COLUMNS = json.loads(%r)
with connection.cursor() as cursor:
    tables = sorted(connection.introspection.table_names(cursor))
    result = {}
    for table in tables:
        if table in ("django_migrations",):
            continue
        columns = COLUMNS.get(table) or [
            c.name for c in connection.introspection.get_table_description(cursor, table)
        ]
        order = ", ".join(connection.ops.quote_name(c) for c in columns)
        cursor.execute(f"SELECT {order} FROM {connection.ops.quote_name(table)} ORDER BY {order}")
        digest = hashlib.sha256()
        count = 0
        for row in cursor.fetchall():
            digest.update(repr(tuple(str(v) for v in row)).encode())
            count += 1
        result[table] = {"rows": count, "sha256": digest.hexdigest(), "columns": columns}
print("FINGERPRINT" + json.dumps(result))
"""

# Rows of every model that moves, written with the old code (the demo data has few of some).
OLD_LAYOUT_SEED = r"""
from accreditation.models import Accreditation, Badge, CheckIn
from events.models import MediaContact, PressRelease
accreditation = Accreditation.objects.filter(status="approved").first()
badge = Badge.objects.filter(accreditation=accreditation).first()
PressRelease.objects.create(event=accreditation.event, title="Thông cáo báo chí", body="Nội dung")
MediaContact.objects.create(event=accreditation.event, name="Nguyễn Thị Mai Hương", phone="0900")
CheckIn.objects.create(
    event=accreditation.event, accreditation=accreditation, badge=badge, code=badge.code,
    desk="Bàn 1", result="accepted",
)
CheckIn.objects.create(event=accreditation.event, code="PC1XXXX", desk="Bàn 2", result="invalid")
"""

# Read through the new models: the moved ones must see the rows the old code wrote.
ORM_READ = r"""
import json
from django.contrib.contenttypes.models import ContentType
from checkin.models import CheckIn
from organizations.models import Membership, Organization
from press.models import MediaContact, PressRelease, PressReleaseAttachment
counts = {
    "events_organization": Organization.objects.count(),
    "events_membership": Membership.objects.count(),
    "events_pressrelease": PressRelease.objects.count(),
    "events_pressreleaseattachment": PressReleaseAttachment.objects.count(),
    "events_mediacontact": MediaContact.objects.count(),
    "accreditation_checkin": CheckIn.objects.count(),
}
labels = sorted(
    f"{ct.app_label}.{ct.model}"
    for ct in ContentType.objects.filter(
        model__in=["organization", "membership", "pressrelease", "pressreleaseattachment",
                   "mediacontact", "checkin"]
    )
)
print("ORM" + json.dumps({"counts": counts, "content_types": labels}))
"""


def run(code_dir: Path, env: dict, *args: str, stdin: str | None = None) -> str:
    python = sys.executable
    result = subprocess.run(
        [python, "manage.py", *args],
        cwd=code_dir,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed in {code_dir}")
    return result.stdout


def tagged(output: str, tag: str) -> dict:
    for line in output.splitlines():
        if line.startswith(tag):
            return json.loads(line[len(tag) :])
    raise SystemExit(f"no {tag} line in output:\n{output}")


def postgres_database(url: str, name: str) -> tuple[str, str]:
    """(URL of a scratch database named `name`, URL of the maintenance database)."""
    parts = urlsplit(url)
    return (
        urlunsplit(parts._replace(path=f"/{name}")),
        urlunsplit(parts._replace(path="/postgres")),
    )


def psql(admin_url: str, sql: str) -> None:
    subprocess.run(["psql", admin_url, "-q", "-c", sql], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="rev", default=OLD_LAYOUT)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="migrate-forward-") as tmp:
        tmp = Path(tmp)
        old_code = tmp / "old"
        old_code.mkdir()
        archive = subprocess.run(
            ["git", "archive", options.rev], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_code)], input=archive, check=True)

        admin_url = None
        if options.database_url.startswith("postgres"):
            database_url, admin_url = postgres_database(
                options.database_url, "presscenter_migrate_forward"
            )
            psql(admin_url, "DROP DATABASE IF EXISTS presscenter_migrate_forward")
            psql(admin_url, "CREATE DATABASE presscenter_migrate_forward")
        else:
            database_url = f"sqlite:///{tmp / 'forward.sqlite3'}"
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tmp / "media"),
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        try:
            run(old_code, env, "migrate", "--noinput")
            run(old_code, env, "load_demo")
            run(old_code, env, "shell", stdin=OLD_LAYOUT_SEED)
            before = tagged(run(old_code, env, "shell", stdin=FINGERPRINT % "{}"), "FINGERPRINT")
            run(ROOT, env, "migrate", "--noinput")
            columns = json.dumps({table: old["columns"] for table, old in before.items()})
            after = tagged(run(ROOT, env, "shell", stdin=FINGERPRINT % columns), "FINGERPRINT")
            orm = tagged(run(ROOT, env, "shell", stdin=ORM_READ), "ORM")
        finally:
            if admin_url:
                psql(admin_url, "DROP DATABASE IF EXISTS presscenter_migrate_forward")

    problems = []
    for table, old in before.items():
        new = after.get(table)
        if table == "django_content_type":
            continue  # checked below: moved models' content types change app on purpose
        if new is None:
            problems.append(f"{table}: table is gone")
        elif new != old:
            problems.append(f"{table}: {old['rows']} rows before, {new['rows']} after, or changed")
    for table, count in orm["counts"].items():
        if count != before[table]["rows"]:
            problems.append(
                f"{table}: the ORM reads {count} rows, the table held {before[table]['rows']}"
            )
    expected_labels = sorted(
        [
            "checkin.checkin",
            "organizations.membership",
            "organizations.organization",
            "press.mediacontact",
            "press.pressrelease",
            "press.pressreleaseattachment",
        ]
    )
    if orm["content_types"] != expected_labels:
        problems.append(f"content types: {orm['content_types']} instead of {expected_labels}")
    rows = sum(t["rows"] for t in before.values())
    if problems:
        print("Migrating forward lost or changed data:")
        print("\n".join(f"- {p}" for p in problems))
        return 1
    print(
        f"migrated forward from {options.rev}: {len(before)} tables, {rows} rows intact; "
        f"moved models read their rows through the new apps: {orm['counts']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
