"""Rotating self check-in codes: HMAC(SECRET_KEY, session id, time window), 6 digits, nothing stored."""

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

WINDOW_SECONDS = 5 * 60
# Codes older than this many windows are answered "expired" rather than "wrong".
EXPIRED_LOOKBACK_WINDOWS = 24
GRACE = timedelta(minutes=15)
LATE_AFTER = timedelta(minutes=15)


def window_of(moment: datetime) -> int:
    return int(moment.timestamp()) // WINDOW_SECONDS


def code_for(session_id: int, window: int) -> str:
    message = f"sinau-checkin:{session_id}:{window}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:4], 'big') % 1_000_000:06d}"


def current_code(session_id: int, now: datetime | None = None) -> str:
    return code_for(session_id, window_of(now or timezone.now()))


def seconds_left(now: datetime | None = None) -> int:
    now = now or timezone.now()
    return WINDOW_SECONDS - int(now.timestamp()) % WINDOW_SECONDS


def match(session_id: int, code: str, now: datetime) -> str | None:
    """ "current" when the code is this or the previous window's, "expired" when older, else None."""
    window = window_of(now)
    for offset in (0, 1):
        if hmac.compare_digest(code_for(session_id, window - offset), code):
            return "current"
    for offset in range(2, EXPIRED_LOOKBACK_WINDOWS + 1):
        if hmac.compare_digest(code_for(session_id, window - offset), code):
            return "expired"
    return None


def normalize(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())
