"""Structured logs: one JSON object per line, for journald, a container runtime or a log shipper.

Used by the production settings (LOGGING) and by gunicorn.conf.py (its error and access logs), so
the web server, Django and Celery all write the same shape::

    {"time": "2026-12-02T03:40:00.123+00:00", "level": "INFO", "logger": "sinau.jobs",
     "message": "...", "process": 1234, ...extra fields..., "exception": "Traceback ..."}

gunicorn's access lines become fields (method, path, status, bytes, duration_ms, remote_addr,
user_agent) instead of one formatted string. Fields passed with `extra=` are kept when they are
JSON-serialisable (others are written as their repr).
"""

from __future__ import annotations

import datetime as dt
import json
import logging

# Attributes every LogRecord has: not repeated as "extra" fields.
_RECORD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

# gunicorn's access-log atoms (see its docs) → our field names.
_ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "h": "remote_addr",
    "a": "user_agent",
    "f": "referer",
    "H": "protocol",
}


def _jsonable(value):
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            atoms = record.args
            entry["message"] = f"{atoms.get('m', '')} {atoms.get('U', '')} {atoms.get('s', '')}"
            for atom, name in _ACCESS_FIELDS.items():
                value = atoms.get(atom)
                if value not in (None, "-", ""):
                    entry[name] = int(value) if name in {"status", "bytes"} and str(value).isdigit() else value
            if "D" in atoms:  # microseconds
                entry["duration_ms"] = round(int(atoms["D"]) / 1000, 1)
        else:
            entry["message"] = record.getMessage()
        entry["process"] = record.process
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_") and key not in entry:
                entry[key] = _jsonable(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=repr)
