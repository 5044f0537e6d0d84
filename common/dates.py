"""The site's time zone and day boundaries (times are stored in UTC, shown in ICT)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def local_day_bounds(day) -> tuple[datetime, datetime]:
    """Start of `day` and of the next day, in the site's time zone (ICT)."""
    midnight = datetime.min.time()
    start = timezone.make_aware(datetime.combine(day, midnight))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), midnight))
