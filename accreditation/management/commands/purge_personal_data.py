"""Delete letters, photos and ID numbers whose purpose is over (run daily from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from accreditation.services import personal_data_purge


class Command(BaseCommand):
    help = (
        "Delete assignment letters, journalists' photos and press-card/permit numbers "
        "PERSONAL_DATA_RETENTION_DAYS after the events they were collected for. Audit "
        "decisions are kept. Safe to run repeatedly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: PERSONAL_DATA_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
        if days < 0:
            self.stderr.write("--days must be 0 or more.")
            raise SystemExit(2)
        result = personal_data_purge(retention_days=days)
        self.stdout.write(
            f"Purged {result.letters} assignment letters, {result.photos} photos and the ID "
            f"numbers of {result.id_numbers} profiles (retention: {days} days)."
        )
