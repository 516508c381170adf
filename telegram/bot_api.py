"""Calls to the Telegram Bot API: POST {TELEGRAM_API_URL}/bot{token}/{method} with JSON.

Every failure becomes a `BotApiError` that says whether trying again may help (an
unreachable or overloaded API, flood control with its `retry_after`) or not (Telegram
refused the request itself: no such chat, the bot may not post there, a message too old to
delete). The token is cut out of every error, so that it reaches no log and no admin page.
"""

import json
from datetime import timedelta
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from django.conf import settings

# Telegram's answer to a wrong token: worth retrying, the editors may be fixing the token.
UNAUTHORIZED = 401
TOO_MANY_REQUESTS = 429


class BotApiError(Exception):
    def __init__(self, method: str, description: str, *, retry_after=None, permanent=False):
        super().__init__(f"{method}: {hide_token(description)}")
        self.description = description
        self.retry_after = retry_after
        self.permanent = permanent

    def retry_delay(self, attempt: int) -> timedelta | None:
        """How long to wait before attempt `attempt + 1`: longer each time, never sooner
        than Telegram's `retry_after`; None when trying again is pointless."""
        if self.permanent or attempt >= settings.TELEGRAM_MAX_ATTEMPTS:
            return None
        backoff = settings.TELEGRAM_RETRY_DELAY * 2 ** (attempt - 1)
        return max(backoff, timedelta(seconds=self.retry_after or 0))


def hide_token(text: str) -> str:
    token = settings.TELEGRAM_BOT_TOKEN
    return text.replace(token, "<token>") if token else text


def connected() -> bool:
    return bool(settings.TELEGRAM_BOT_TOKEN)


def call(method: str, payload: dict):
    """The `result` of a successful call; raises BotApiError for anything else."""
    url = f"{settings.TELEGRAM_API_URL}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    request = Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urlopen(request, timeout=settings.TELEGRAM_TIMEOUT) as response:
            answer = json.load(response)
    except HTTPError as error:
        answer = error_answer(error)
    except (OSError, ValueError) as error:
        raise BotApiError(method, str(error) or type(error).__name__) from error
    if not isinstance(answer, dict):
        raise BotApiError(method, "the answer is not a JSON object")
    if not answer.get("ok"):
        raise refusal(method, answer)
    return answer.get("result")


def error_answer(error: HTTPError) -> dict:
    """Telegram's JSON account of a refusal, or one made from the status line."""
    try:
        answer = json.load(error)
    except (OSError, ValueError):
        answer = None
    if not isinstance(answer, dict):
        answer = {"description": f"HTTP {error.code}"}
    return {**answer, "ok": False, "error_code": error.code}


def refusal(method: str, answer: dict) -> BotApiError:
    code = answer.get("error_code")
    parameters = answer.get("parameters")
    retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
    permanent = (
        isinstance(code, int)
        and 400 <= code < 500
        and code not in {UNAUTHORIZED, TOO_MANY_REQUESTS}
    )
    return BotApiError(
        method,
        str(answer.get("description") or f"error {code}"),
        retry_after=retry_after if isinstance(retry_after, int) else None,
        permanent=permanent,
    )
