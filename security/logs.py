"""Structured logs: one JSON object per line, with e-mail addresses and secrets redacted.

`RedactFilter` sits on the handlers, so whatever any logger writes — a message, its
arguments, extra fields or a traceback — loses e-mail addresses (subscribers' above all)
and `password=…`-style secrets before it is formatted. `JsonLinesFormatter` writes the
record as JSON with its extra fields (`extra={"event": …}`) as keys of their own.
"""

import json
import logging
import re
from datetime import UTC, datetime

# Possessive quantifiers and the look-behind keep both patterns linear on long input (a
# 10 kB Host header is logged too): a match is only tried where a word starts.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++(?:@|%40)[\w-]++(?:\.[\w-]++)+", re.IGNORECASE)
SECRET = re.compile(
    r"(?P<name>(?:password|passwd|secret|token|api[_-]?key|sessionid|authorization)\w{0,40}+)"
    r"(?P<separator>['\"]?\s*+[=:]\s*+['\"]?)(?:(?:bearer|basic|token)\s++)?[^\s&,;'\"]++",
    re.IGNORECASE,
)
REDACTED_EMAIL = "[email]"
REDACTED_SECRET = "[redacted]"
STANDARD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def redact(text: str) -> str:
    text = EMAIL.sub(REDACTED_EMAIL, text)
    return SECRET.sub(rf"\g<name>\g<separator>{REDACTED_SECRET}", text)


def extra_fields(record):
    return {name: value for name, value in vars(record).items() if name not in STANDARD_ATTRIBUTES}


class RedactFilter(logging.Filter):
    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = ()
        for name, value in extra_fields(record).items():
            if isinstance(value, str):
                setattr(record, name, redact(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def _json_value(value):
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(str(value))


class JsonLinesFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({name: _json_value(value) for name, value in extra_fields(record).items()})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)
