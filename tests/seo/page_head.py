"""Reading what a page tells search engines: its meta and link tags and its JSON-LD."""

import json
import re
from html.parser import HTMLParser

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "content" in attributes:
            key = attributes.get("property") or attributes.get("name")
            self.meta.setdefault(key, []).append(attributes["content"])
        elif tag == "link":
            self.links.append(attributes)


def head_tags(response) -> HeadTags:
    parser = HeadTags()
    parser.feed(response.content.decode().partition("</head>")[0])
    return parser


def meta(response, key):
    """The content of the one meta tag named (or with the property) `key`, else None."""
    contents = head_tags(response).meta.get(key, [])
    assert len(contents) <= 1, (key, contents)
    return contents[0] if contents else None


def link_hrefs(response, rel):
    return [link["href"] for link in head_tags(response).links if link.get("rel") == rel]


def structured_data(response) -> dict:
    """Every JSON-LD object on the page, by its @type."""
    objects = [json.loads(text) for text in JSON_LD.findall(response.content.decode())]
    return {data["@type"]: data for data in objects}


def empty_values(data, path="$"):
    """Paths of the empty strings, lists, dicts and None anywhere in `data`."""
    if data in ("", None, [], {}):
        return [path]
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in empty_values(value, f"{path}.{key}")]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in empty_values(value, f"{path}[{i}]")]
    return []
