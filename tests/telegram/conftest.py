"""A fake Telegram Bot API on 127.0.0.1, and the settings that point the site at it."""

import socket
import threading

import pytest

from .fake_bot_api import SITE, TOKEN, FakeBotApi


@pytest.fixture
def bot_api(settings):
    fake = FakeBotApi()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    settings.TELEGRAM_BOT_TOKEN = TOKEN
    settings.TELEGRAM_API_URL = fake.url
    settings.SITE_URL = SITE
    yield fake
    fake.server.shutdown()
    fake.server.server_close()
    thread.join()


@pytest.fixture
def closed_port_url():
    """The address of a port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
