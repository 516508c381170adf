"""The shape of the house (ARCHITECTURE.md): small modules, and a blog app of one job.
Which app may import which is checked by `lint-imports` in `make lint`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["authors", "backups", "blog", "config", "edition", "editorial", "feeds", "fediverse"]
APPS += ["library", "mirrors", "newsletter", "pagecache", "search", "security", "seo", "telegram"]
MAX_MODULE_LINES = 300
MAX_BLOG_MODULES = 25


def app_modules(app):
    return [
        path
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def test_no_app_module_is_over_300_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for app in APPS
        for path in app_modules(app)
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_blog_holds_at_most_25_modules():
    assert len(app_modules("blog")) <= MAX_BLOG_MODULES
