"""Find what could run in a page or stored HTML: event-handler attributes, script-bearing
URLs, srcdoc, refreshes, and executable scripts that are not the site's own."""

import json
import re
from html.parser import HTMLParser

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "ping"}
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:", "data:")
IGNORED_IN_URLS = re.compile(r"[\x00-\x20]")
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}


def is_script_url(value: str) -> bool:
    return IGNORED_IN_URLS.sub("", value).lower().startswith(SCRIPT_SCHEMES)


class Audit(HTMLParser):
    def __init__(self, nonce=None):
        super().__init__(convert_charrefs=True)
        self.nonce = nonce
        self.problems = []
        self.tags = set()
        self._script = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self._check_attribute(tag, name, value or "")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.problems.append(f"<meta http-equiv=refresh content={dict(attrs).get('content')}>")
        if tag == "script":
            self._script = dict(attrs)
            self._script_text = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def _check_attribute(self, tag, name, value):
        if (
            name.startswith("on")
            or (name in URL_ATTRIBUTES and is_script_url(value))
            or name == "srcdoc"
            or (name == "style" and "__xss" in value)
        ):
            self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self._check_script(self._script, "".join(self._script_text))
            self._script = None

    def _check_script(self, attributes, text):
        if attributes.get("type") in DATA_BLOCK_TYPES:
            try:
                json.loads(text)
            except ValueError:
                self.problems.append(f"a JSON data block that does not parse: {text[:200]!r}")
        elif "src" in attributes:
            if is_script_url(attributes["src"]) or "//" in attributes["src"]:
                self.problems.append(f"<script src={attributes['src']!r}>")
        elif self.nonce is None or attributes.get("nonce") != self.nonce or "__xss" in text:
            self.problems.append(f"an inline script: {text[:200]!r}")


def audit(html: str, nonce=None) -> Audit:
    parser = Audit(nonce)
    parser.feed(html)
    parser.close()
    return parser


def csp_nonce(response):
    match = re.search(r"'nonce-([^']+)'", response.headers.get("Content-Security-Policy", ""))
    return match.group(1) if match else None
