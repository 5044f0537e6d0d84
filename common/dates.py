"""The site's time zone, day boundaries and date formats (stored in UTC, shown in ICT).

Every page, PDF, e-mail and message that shows a time converts it here (`local`) and writes
it with these formats, so a time reads the same on a badge, in the press kit and at the desk,
and the "ICT" printed next to it is true whatever zone the server process runs in.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

ICT = ZoneInfo("Asia/Ho_Chi_Minh")

DATE_FORMAT = "%d/%m/%Y"  # 03/02/2026: day first, as Vietnam writes dates
SHORT_DATE_FORMAT = "%d/%m"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"
# What <input type="datetime-local"> sends and shows.
DATETIME_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
# Spreadsheets and logs: sorts as text.
SORTABLE_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def local(moment: datetime) -> datetime:
    """`moment` (aware) as ICT wall-clock time."""
    return timezone.localtime(moment, ICT)


MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def format_date(value: date | datetime, language: str = "vi") -> str:
    """03/02/2026, or in English "3 February 2026"; a datetime is converted to ICT first."""
    if isinstance(value, datetime):
        value = local(value)
    if language == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime(DATE_FORMAT)


def format_time(moment: datetime, *, seconds: bool = False) -> str:
    """09:30 (or 09:30:15) in ICT."""
    return local(moment).strftime(f"{TIME_FORMAT}:%S" if seconds else TIME_FORMAT)


def format_datetime(moment: datetime) -> str:
    """03/02/2026 09:30 in ICT."""
    return local(moment).strftime(DATETIME_FORMAT)


def format_span(start: datetime, end: datetime) -> str:
    """03/02/2026 09:00–11:00 within a day, else 03/02/2026 09:00 – 04/02/2026 17:00 (ICT)."""
    if local(start).date() == local(end).date():
        return f"{format_datetime(start)}–{format_time(end)}"
    return f"{format_datetime(start)} – {format_datetime(end)}"


def local_day_bounds(day) -> tuple[datetime, datetime]:
    """Start of `day` and of the next day, in the site's time zone (ICT)."""
    midnight = datetime.min.time()
    start = timezone.make_aware(datetime.combine(day, midnight), ICT)
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), midnight), ICT)
