"""Running manage.py in a fresh process under the production settings, as a server would."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k3y-" + "x7Qp9Lm2Zr5Tw8Ys1Vb4Nc6Hd0Jf3Gk" * 2,
    "ALLOWED_HOSTS": "columns.example.org",
    "SITE_URL": "https://columns.example.org",
    "SUBSCRIBER_KEY": "cHJvZHVjdGlvbi10ZXN0LWtleS1mb3Itc3Vic2NyaWI=",
}


def run_manage(*args, **environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_in_production(tmp_path, code, **environment):
    """What `code`, run in `manage.py shell` under the production settings, printed last as
    JSON; `environment` adds to or overrides the production variables."""
    variables = PRODUCTION | {"COLUMNIST_VAR_DIR": str(tmp_path)} | environment
    result = run_manage("shell", "--no-imports", "-c", code, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
