"""Each request's id, and log records that carry it.

`RequestIdMiddleware` (baliprocess.middleware) gives every request an id,
sends it back as `X-Request-ID` and keeps it in a context variable for the
duration of the request; `RequestIdFilter` copies it onto every log record,
so an error's log lines, its e-mail to ADMINS and the 500 page a user sees
all carry the same id, which the user can quote.
"""

import contextvars
import logging
import re
import uuid

_current = contextvars.ContextVar("request_id", default="")

# An id a trusted proxy sent (nginx's $request_id is 32 hex digits): kept only
# when it looks like one, so a client cannot write arbitrary text into the logs.
_WELL_FORMED = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def new_request_id(proposed: str = "") -> str:
    return proposed if _WELL_FORMED.match(proposed or "") else uuid.uuid4().hex


def current_request_id() -> str:
    return _current.get()


def set_request_id(request_id: str) -> contextvars.Token:
    return _current.set(request_id)


def reset_request_id(token: contextvars.Token) -> None:
    _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ('-' outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get() or "-"
        return True
