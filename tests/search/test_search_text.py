from search.highlight import excerpt, highlight
from search.text import clean_query, fold, search_terms


def test_queries_are_made_printable_one_line_and_short():
    assert clean_query("  a\x00b\n\tc\ud800d  ") == "a b c d"
    assert len(clean_query("слова " * 5_000)) == 200


def test_terms_are_distinct_folded_words():
    assert search_terms("БЕЛАРУСЬ, беларусь; <Лукашэнка> ' OR 1=1 --") == [
        "беларусь",
        "лукашэнка",
        "or",
        "1",
    ]
    assert search_terms("&|!():*") == []
    assert len(search_terms(" ".join(f"w{n}" for n in range(50)))) == 8


def test_folding_treats_every_script_alike():
    assert fold("ЎЖЫЦЦЁ Straße") == fold("ўжыццё strasse")


def test_highlighting_escapes_everything_but_its_own_marks():
    marked = highlight("<b>Свабода</b> & свабоДА", ["свабода"])

    assert marked == "&lt;b&gt;<mark>Свабода</mark>&lt;/b&gt; &amp; <mark>свабоДА</mark>"


def test_highlighting_without_terms_only_escapes():
    assert highlight("<i>x</i>", []) == "&lt;i&gt;x&lt;/i&gt;"


def test_the_excerpt_is_the_passage_around_the_first_match():
    body = "<p>" + " ".join(["пачатак"] * 100) + " адліга " + " ".join(["канец"] * 100) + "</p>"

    passage = excerpt(body, ["адліга"])

    assert passage.startswith("… пачатак")
    assert passage.endswith("канец …")
    assert "адліга" in passage
    assert len(passage) < 260
    assert excerpt(body, ["адсутнае"]) == ""
