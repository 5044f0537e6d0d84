"""The tiny release format: escaped first, then **bold**, *italic*, paragraphs and breaks."""

import random

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from common.pdf_fonts import register_fonts
from common.pdf_text import escape, rich_paragraphs
from common.richtext import to_html


def test_html_escapes_user_markup_before_adding_its_own():
    html = to_html('<script>alert("x")</script> & **đậm** *nghiêng*')
    assert html == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "<strong>đậm</strong> <em>nghiêng</em></p>"
    )


def test_blank_lines_make_paragraphs_and_single_newlines_make_breaks():
    assert to_html("một\nhai\n\n\nba\r\n") == "<p>một<br>hai</p><p>ba</p>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**a *b** c*", "<p><strong>a *b</strong> c*</p>"),
        ("*a **b** c*", "<p>*a <strong>b</strong> c*</p>"),
        ("2*3*4 = 24", "<p>2*3*4 = 24</p>"),
        ("**a *b* c**", "<p><strong>a <em>b</em> c</strong></p>"),
        ("** not bold **", "<p>** not bold **</p>"),
    ],
)
def test_markers_that_do_not_pair_stay_literal_and_tags_always_nest(text, expected):
    assert to_html(text) == expected


def test_control_characters_are_dropped():
    assert escape("a\x00b\x1bc") == "abc"


def test_random_text_always_makes_valid_reportlab_markup():
    fonts = register_fonts()
    style = ParagraphStyle("t", fontName=fonts.family)
    alphabet = ["*", "**", "<", ">", "&", "&amp;", "\n", "\n\n", " ", "a", "ễ", "<b>", '"', "'"]
    rng = random.Random(6)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        for markup in rich_paragraphs(text):
            Paragraph(markup, style).wrap(300, 1000)  # raises ValueError on bad markup
