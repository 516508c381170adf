"""Telegram settings (telegram/): the bot that posts every column to the mapped channels."""

import os
from datetime import timedelta

# The bot's token from @BotFather; without it nothing is posted. It is read here only: the
# admin never shows it and error messages have it cut out.
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "")
# The Bot API, or a proxy or a local Bot API server in its place.
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
# Seconds one call may take before it counts as failed (and is retried later).
TELEGRAM_TIMEOUT = float(os.environ.get("TELEGRAM_TIMEOUT", "10"))
# Calls per change before giving up, and the pause before the first retry (doubling after).
TELEGRAM_MAX_ATTEMPTS = 8
TELEGRAM_RETRY_DELAY = timedelta(seconds=30)
