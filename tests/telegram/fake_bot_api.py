"""A fake Telegram Bot API on 127.0.0.1, and helpers for the Telegram tests."""

import json
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django_tasks import default_task_backend

from telegram.tasks import follow

TOKEN = "123456:test-secret-token"
SITE = "https://columns.example"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@dataclass
class Call:
    token: str
    method: str
    payload: dict


class FakeBotApi:
    """Records every call and answers with the refusal set for its chat, else the next
    scripted (status, body) for its method, else Telegram's success answer. Sent messages
    are numbered from 101, in a channel whose numeric id is -100 and whose username is the
    one asked for."""

    def __init__(self):
        self.calls: list[Call] = []
        self.scripts: dict[str, deque] = {}
        self.refusals: dict[str, tuple] = {}
        self.next_message_id = 101
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                _empty, bot, method = self.path.split("/", 2)
                length = int(self.headers["Content-Length"])
                payload = json.loads(self.rfile.read(length))
                api.calls.append(Call(bot.removeprefix("bot"), method, payload))
                status, body = api.answer(method, payload)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def script(self, method: str, *answers):
        self.scripts.setdefault(method, deque()).extend(answers)

    def refuse(self, chat_id: str, status: int, body: dict):
        """Answer every call about `chat_id` with this refusal."""
        self.refusals[chat_id] = (status, body)

    def answer(self, method: str, payload: dict):
        if payload.get("chat_id") in self.refusals:
            return self.refusals[payload["chat_id"]]
        if self.scripts.get(method):
            return self.scripts[method].popleft()
        if method == "deleteMessage":
            return 200, {"ok": True, "result": True}
        if method == "sendMessage":
            message_id, self.next_message_id = self.next_message_id, self.next_message_id + 1
        else:
            message_id = payload.get("message_id")
        chat = {"id": -100, "type": "channel", "username": payload["chat_id"].lstrip("@")}
        return 200, {"ok": True, "result": {"message_id": message_id, "chat": chat}}

    def methods(self) -> list[str]:
        return [call.method for call in self.calls]

    def sent(self, method: str = "sendMessage") -> list[dict]:
        return [call.payload for call in self.calls if call.method == method]


def queued_follows():
    """The `follow` tasks waiting in the dummy backend."""
    return [result for result in default_task_backend.results if result.task.func == follow.func]
