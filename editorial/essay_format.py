"""Parse plain-text opinion essays (lead, "Briefly:" key points, numbered body, author trailer)."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from itertools import groupby

BULLET = "•"

_BRIEFLY = re.compile(r"briefly\s*:?", re.IGNORECASE)
_SECTION = re.compile(r"(?P<number>[0-9]{1,3})\.?(?:\s+(?P<word>\S+))?")
_DISCLAIMER = re.compile(
    r"opinions expressed.*do not necessarily reflect|editorial position", re.IGNORECASE
)
_SUBSCRIBE = re.compile(r"subscribe\.?", re.IGNORECASE)
_BORN = re.compile(r"\bborn in\b\D*([0-9]{4})\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EDUCATION = re.compile(r"graduated|candidate|degree|professor|university|faculty", re.IGNORECASE)


class EssayFormatError(ValueError):
    """One readable sentence saying what is wrong, shown to the user as a one-line command error."""


@dataclass(frozen=True)
class AuthorCard:
    name: str
    birth_year: int | None
    education: str
    position: str
    email: str


@dataclass(frozen=True)
class ParsedEssay:
    lead: str
    key_points: list[str]
    body_html: str
    disclaimer: str
    author_card: AuthorCard | None


@dataclass(frozen=True)
class _Paragraph:
    text: str
    indented: bool

    @property
    def bullet(self) -> str | None:
        return self.text.removeprefix(BULLET).lstrip() if self.text.startswith(BULLET) else None


def parse_essay(text: str) -> ParsedEssay:
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise EssayFormatError("The essay is empty.")
    briefly_at = _briefly_index(paragraphs)
    if briefly_at == 0:
        raise EssayFormatError('The essay has no lead paragraph before the "Briefly:" line.')
    key_points, block_end = _key_points(paragraphs[briefly_at + 1 :])
    if not key_points:
        raise EssayFormatError('The "Briefly:" block has no "•" bullet points.')
    body, disclaimer, author_card = _split_trailer(paragraphs[briefly_at + 1 + block_end :])
    if not body:
        raise EssayFormatError('The essay has no body paragraphs after the "Briefly:" block.')
    return ParsedEssay(
        lead="\n\n".join(paragraph.text for paragraph in paragraphs[:briefly_at]),
        key_points=key_points,
        body_html=_render_body(body),
        disclaimer=disclaimer,
        author_card=author_card,
    )


def _paragraphs(text: str) -> list[_Paragraph]:
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [
        _Paragraph(text=" ".join(" ".join(group).split()), indented=group[0][0].isspace())
        for group in _line_groups(lines)
    ]


def _line_groups(lines: Iterable[str]) -> Iterator[list[str]]:
    """Group non-blank lines into paragraphs; a blank line or a bullet line starts a new one."""
    group: list[str] = []
    for line in lines:
        is_blank = not line.strip()
        if group and (is_blank or line.lstrip().startswith(BULLET)):
            yield group
            group = []
        if not is_blank:
            group.append(line)
    if group:
        yield group


def _briefly_index(paragraphs: list[_Paragraph]) -> int:
    for index, paragraph in enumerate(paragraphs):
        if _BRIEFLY.fullmatch(paragraph.text):
            return index
    raise EssayFormatError('The essay has no "Briefly:" line introducing its key points.')


def _key_points(paragraphs: list[_Paragraph]) -> tuple[list[str], int]:
    """Return the bullets (with their indented follow-ups) and where the block ends."""
    points: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.bullet is not None:
            points.append(paragraph.bullet)
        elif paragraph.indented and points:
            points[-1] += "\n\n" + paragraph.text
        else:
            return points, index
    return points, len(paragraphs)


def _split_trailer(
    paragraphs: list[_Paragraph],
) -> tuple[list[_Paragraph], str, AuthorCard | None]:
    """Separate the body from the trailing disclaimer, author card and "Subscribe" line."""
    if paragraphs and _SUBSCRIBE.fullmatch(paragraphs[-1].text):
        paragraphs = paragraphs[:-1]
    card_at = _author_card_index(paragraphs)
    body_end = card_at - 1 if card_at and _is_disclaimer(paragraphs[card_at - 1]) else card_at
    disclaimer = paragraphs[body_end].text if body_end < card_at else ""
    author_card = _author_card(paragraphs[card_at:]) if card_at < len(paragraphs) else None
    return paragraphs[:body_end], disclaimer, author_card


def _author_card_index(paragraphs: list[_Paragraph]) -> int:
    """Index of the trailing author card's name bullet, or len(paragraphs) if there is none."""
    name_at = _last_bullet_with_follow_ups(paragraphs)
    if name_at is None:
        return len(paragraphs)
    after_disclaimer = name_at > 0 and _is_disclaimer(paragraphs[name_at - 1])
    follow_ups = [paragraph.text for paragraph in paragraphs[name_at + 1 :]]
    if after_disclaimer or any(_BORN.search(line) or _EMAIL.search(line) for line in follow_ups):
        return name_at
    return len(paragraphs)


def _last_bullet_with_follow_ups(paragraphs: list[_Paragraph]) -> int | None:
    """Index of the last bullet if only indented, non-bullet paragraphs follow it."""
    for index in range(len(paragraphs) - 1, -1, -1):
        if paragraphs[index].bullet is not None:
            return index
        if not paragraphs[index].indented:
            return None
    return None


def _is_disclaimer(paragraph: _Paragraph) -> bool:
    return paragraph.bullet is None and bool(_DISCLAIMER.search(paragraph.text))


def _author_card(paragraphs: list[_Paragraph]) -> AuthorCard:
    birth_year, email, education, position = None, "", [], []
    for line in (paragraph.text for paragraph in paragraphs[1:]):
        if born := _BORN.search(line):
            birth_year = int(born[1])
        elif address := _EMAIL.search(line):
            email = address[0]
        elif _EDUCATION.search(line):
            education.append(line)
        else:
            position.append(line)
    return AuthorCard(
        name=paragraphs[0].bullet or "",
        birth_year=birth_year,
        education=" ".join(education),
        position=" ".join(position).removesuffix("."),
        email=email,
    )


def _render_body(paragraphs: list[_Paragraph]) -> str:
    html: list[str] = []
    for tag, blocks in groupby(_body_blocks(paragraphs), key=lambda block: block[0]):
        texts = [escape(text, quote=False) for _, text in blocks]
        if tag == "li":
            html.append("<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>")
        else:
            html.extend(f"<{tag}>{text}</{tag}>" for text in texts)
    return "\n".join(html)


def _body_blocks(paragraphs: list[_Paragraph]) -> Iterator[tuple[str, str]]:
    """Yield (tag, text) pairs; a heading's dangling word ("2. The") opens the next block."""
    dangling = ""
    for paragraph in paragraphs:
        if section := _SECTION.fullmatch(paragraph.text):
            if dangling:
                yield "p", dangling
            yield "h2", f"{section['number']}."
            dangling = section["word"] or ""
        else:
            tag, text = (
                ("p", paragraph.text) if paragraph.bullet is None else ("li", paragraph.bullet)
            )
            yield tag, f"{dangling} {text}".strip()
            dangling = ""
    if dangling:
        yield "p", dangling
