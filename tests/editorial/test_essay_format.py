import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import editorial
from editorial.essay_format import AuthorCard, EssayFormatError, ParsedEssay, parse_essay

REFERENCE_ESSAY = Path(editorial.__file__).parent / "demo" / "essay.txt"
KNOWN_TAGS = re.compile(r"</?(?:p|h2|ul|li)>")


def essay(body: str, trailer: str = "") -> str:
    return f"Lead paragraph.\n\nBriefly:\n\n  • A key point.\n\n{body}\n\n{trailer}"


@pytest.fixture(scope="module")
def reference() -> ParsedEssay:
    return parse_essay(REFERENCE_ESSAY.read_text(encoding="utf-8"))


def test_reference_lead_is_the_two_opening_paragraphs(reference):
    assert reference.lead == (
        "But Lukashenka did not manage to jump out of the rut "
        "(or he did not want to, relying on his own strength).\n\nWhy?"
    )


def test_reference_key_points_keep_their_follow_ups(reference):
    assert len(reference.key_points) == 4
    second = reference.key_points[1]
    assert "put all its eggs in one basket" in second
    assert "\n\nBut under Nazarbayev" in second


def test_reference_body_has_seven_numbered_sections(reference):
    assert re.findall(r"<h2>(.*?)</h2>", reference.body_html) == [f"{n}." for n in range(1, 8)]


def test_reference_section_openings(reference):
    lines = reference.body_html.split("\n")
    after = {line: lines[index + 1] for index, line in enumerate(lines) if line.startswith("<h2>")}
    assert after["<h2>1.</h2>"] == (
        "<p>Different geographical, and therefore, geopolitical position of the countries.</p>"
    )
    assert after["<h2>2.</h2>"].startswith("<p>The Belarusian leadership put all its eggs")


def test_reference_body_excludes_the_trailer(reference):
    for trailer_text in ("opinions expressed", "karbalevich@gmail.com", "He was born", "Subscribe"):
        assert trailer_text not in reference.body_html
    assert reference.body_html.endswith(
        "jump out of the rut, he became strongly attached to the Russian "
        '"Titanic", which is speeding towards the iceberg.</p>'
    )
    assert "the frog from Kondrat Krapiva" in reference.body_html.split("\n")[-1]


def test_reference_disclaimer_and_author_card(reference):
    assert reference.disclaimer == (
        "The opinions expressed in the blogs represent the views of the authors themselves "
        "and do not necessarily reflect the editorial position."
    )
    assert reference.author_card == AuthorCard(
        name="Valer Karbalevich",
        birth_year=1955,
        education=(
            "Graduated from the history faculty of BSU, candidate of historical sciences, "
            "associate professor."
        ),
        position="Radio Svaboda political commentator",
        email="karbalevich@gmail.com",
    )


def test_crlf_and_bom_parse_the_same(reference):
    text = REFERENCE_ESSAY.read_text(encoding="utf-8")
    assert parse_essay("\ufeff" + text.replace("\n", "\r\n")) == reference


def test_body_text_is_html_escaped():
    parsed = parse_essay(essay("Tom & Jerry <script>alert(1)</script>"))
    assert parsed.body_html == "<p>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_body_bullets_share_one_list():
    parsed = parse_essay(essay("Intro.\n\n• First\n\n• Second\n\nOutro."))
    assert parsed.body_html == (
        "<p>Intro.</p>\n<ul><li>First</li><li>Second</li></ul>\n<p>Outro.</p>"
    )


def test_bullet_lines_split_paragraphs_without_blank_lines():
    parsed = parse_essay("Lead.\n\nBriefly:\n• One\n  wrapped\n• Two\n\nBody.")
    assert parsed.key_points == ["One wrapped", "Two"]
    assert parsed.body_html == "<p>Body.</p>"


def test_dangling_heading_word_without_a_next_paragraph_is_kept():
    parsed = parse_essay(essay("1.\n\nText.\n\n2. Conclusion"))
    assert parsed.body_html == "<h2>1.</h2>\n<p>Text.</p>\n<h2>2.</h2>\n<p>Conclusion</p>"


def test_author_card_without_disclaimer_and_lone_subscribe():
    card = "• Jane Roe\n\n    She was born in 1980.\n\n    Columnist.\n\n    jane@example.org"
    parsed = parse_essay(essay("Body.", card + "\n\nSubscribe"))
    assert parsed.body_html == "<p>Body.</p>"
    assert parsed.disclaimer == ""
    assert parsed.author_card == AuthorCard("Jane Roe", 1980, "", "Columnist", "jane@example.org")
    assert parse_essay(essay("Body.", "Subscribe")).body_html == "<p>Body.</p>"


def test_trailing_body_bullet_is_not_mistaken_for_an_author_card():
    parsed = parse_essay(essay("Body.\n\n• Last point\n\n    More detail."))
    assert parsed.author_card is None
    assert "Last point" in parsed.body_html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        (" \n\t\n ", "empty"),
        ("Lead.\n\n• Point\n\nBody.", 'no "Briefly:" line'),
        ("Briefly:\n\n• Point\n\nBody.", "no lead"),
        ("Lead.\n\nBriefly:\n\nBody.", 'no "•" bullet points'),
        ("Lead.\n\nBriefly:\n\n• Point", "no body"),
        (essay("", "Subscribe"), "no body"),
    ],
)
def test_format_errors_explain_the_problem(text, message):
    with pytest.raises(EssayFormatError, match=re.escape(message)):
        parse_essay(text)


ESSAY_LINES = st.sampled_from(
    [
        "",
        "Briefly:",
        "• bullet",
        "    follow-up",
        "1.",
        "2. The",
        "Subscribe",
        "The opinions expressed do not necessarily reflect the editorial position.",
        "    He was born in 1955.",
        "    someone@example.com",
        "\r\n",
        "\ufeff",
    ]
)


PIECES = st.one_of(ESSAY_LINES, st.text())
ESSAY_LIKE = st.builds(
    lambda head, tail: "\n\n".join([*head, "Briefly:", "• point", *tail]),
    st.lists(PIECES, max_size=5),
    st.lists(PIECES, max_size=25),
)


@given(st.one_of(st.text(), ESSAY_LIKE))
def test_any_text_parses_or_raises_essay_format_error(text):
    with contextlib.suppress(EssayFormatError):
        assert isinstance(parse_essay(text), ParsedEssay)


@given(st.text(st.characters() | st.sampled_from("<>&•\n ")))
def test_inserted_text_is_always_escaped_in_the_body(fragment):
    parsed = parse_essay(essay(f"First body paragraph.\n\n{fragment}\n\nLast body paragraph."))
    assert "<" not in KNOWN_TAGS.sub("", parsed.body_html)
    assert parsed.body_html.count("&lt;") == fragment.count("<")
