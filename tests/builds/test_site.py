"""Strict builds of this site and of fixture sites, checked by selector."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests import searchable
from tests.posts import BODY, DROP, authoring_example, knee, post_text
from tests.sites import build, make_site

KNEE = "blog/2024/01/17/knee-pain-self-massage-stretch/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """This site, built strictly once for the module."""
    result = build(make_site(tmp_path_factory.mktemp("site")))
    assert result.returncode == 0, result.output
    return result


def test_knee_post_has_three_cards_where_the_marker_is(site):
    """The knee post shows its routine as three cards, between the prose."""
    page = site.page(KNEE)
    article = page.select_one("article.md-content__inner")
    assert page.select_one("h1").get_text(strip=True) == "Knee Pain? Try This Self Massage + Stretch"
    assert [li["id"] for li in article.select("#routine li.routine-step")] == ["step-1", "step-2", "step-3"]
    before = article.select_one("#routine").find_previous_sibling("p").get_text()
    after = article.select_one("#routine").find_next_sibling("p").get_text()
    assert before.startswith("Without further ado")
    assert after.startswith("Remember, the goal is to calm your nervous system")
    assert "<!-- routine -->" not in str(article)


def test_every_routine_post_renders_its_cards(site):
    """The neck and strength posts render too; the nutrition post has no routine."""
    neck = site.page("blog/2023/12/13/cranky-neck-movement-flow/")
    assert len(neck.select("li.routine-step")) == 5
    assert neck.select_one("#step-2 breath-timer")["hold"] == "2"
    strength = site.page("blog/2024/01/03/strength-training-active-recovery-workout/")
    assert [d.get_text().replace("\xa0", " ") for d in strength.select(".routine-step__dose")][1:3] == [
        "2 sets of 10 reps, 30 s rest", "2 sets of 6 reps each side, hold 3 s on each rep, 30 s rest",
    ]
    assert site.page("blog/2024/01/31/basic-nutrition-tips-holiday-hype/").select("#routine") == []


def test_routines_carry_their_paper_header_and_qr_codes(site):
    """For print: the post's title, the site's name and address as a QR code, and one code per step with a video moment."""
    knee = site.page(KNEE)
    paper = knee.select_one("#routine .routine__paper")
    assert paper.select_one(".routine__paper-title").get_text() == "Knee Pain? Try This Self Massage + Stretch"
    assert "DIY Workout Recovery · https://example.org/" + KNEE in paper.get_text()
    assert paper.select_one("svg.qr title").get_text() == "QR code: https://example.org/" + KNEE
    assert [f.figcaption.get_text() for f in knee.select(".routine-step__qr")] == ["Video at 0:45", "Video at 2:10", "Video at 4:30"]
    neck = site.page("blog/2023/12/13/cranky-neck-movement-flow/")
    assert neck.select_one(".routine__paper svg.qr") and not neck.select(".routine-step__qr")
    assert knee.select_one("follow-along button[data-do=print]").get_text(" ", strip=True) == "Print routine"


def test_list_pages_show_excerpts_not_cards(site):
    """The blog index, categories and archive show prose excerpts only."""
    for path in ("blog/", "blog/category/knee/", "blog/archive/2024/"):
        page = site.page(path)
        assert page.select("article.md-post"), path
        assert page.select(".routine-step") == [], path
    assert {a.get_text(strip=True) for a in site.page("blog/").select(".md-post__content h2 a")} >= {
        "Knee Pain? Try This Self Massage + Stretch",
    }


def test_previous_and_next_posts_are_linked(site):
    """The knee post links the strength post before it and the nutrition post after."""
    footer = site.page(KNEE).select_one("nav.md-footer__inner")
    prev, nxt = footer.select_one("a.md-footer__link--prev"), footer.select_one("a.md-footer__link--next")
    assert "Strength Training" in prev.get_text() and "Basic Nutrition Tips" in nxt.get_text()


def test_search_index_includes_the_cards(site):
    """Search reads the knee post's step cards, each a sub-result under its title, and wrote its index."""
    step = searchable.sections(site.page(KNEE))["step-2-title"]
    assert step.startswith("Step 2: Contract and relax") and "Breathe out for 8 counts" in step
    entry = json.loads((site.site / "pagefind" / "pagefind-entry.json").read_text())
    indexed = [f for f in site.site.rglob("*.html") if "data-pagefind-body" in f.read_text(encoding="utf-8")]
    assert entry["languages"]["en"]["page_count"] == len(indexed) > 10


def test_search_reads_every_word_of_every_card_and_no_control(site):
    """Each step's search entry has its card's words (dose, equipment, cues, text), not its buttons."""
    neck = "blog/2023/12/13/cranky-neck-movement-flow/"
    page = site.page(neck)
    entries = searchable.sections(page)
    for card in page.select("li.routine-step"):
        text = entries[f"{card['id']}-title"]
        shown = [card.select_one(".routine-step__dose"), card.select_one(".routine-step__equipment"),
                 *card.select(".routine-step__cues li"), *card.select(".routine-step__text p"), *card.select(".breath-timer__fallback p")]
        for element in filter(None, shown):
            words = " ".join(element.get_text(" ", strip=True).split()).removeprefix("Equipment: ")
            assert words in text, (card["id"], words)
        assert "Watch this step" not in text and "Start" not in text
    everything = searchable.text(page)
    for control in ("Start routine", "Print routine", "not medical advice", "Scan to open", "Play video", "Expert hands"):
        assert control not in everything, control
    assert "Do the flow once in the morning" in everything


def test_written_posts_carry_the_cards_and_player_once(site):
    """The page readers get has the full cards and the video facade, each once."""
    html = (site.site / KNEE / "index.html").read_text()
    page = site.page(KNEE)
    assert len(page.select("#routine li.routine-step .routine-step__kind")) == 3
    assert page.select_one("figure#video video-facade")
    assert page.select_one("figure#video script[type='application/ld+json']")
    assert html.count('id="routine-title"') == 1 and html.count('id="step-1-title"') == 1


def test_no_request_leaves_for_web_fonts(site):
    """System fonts: no stylesheet or preconnect to Google Fonts."""
    html = (site.site / KNEE / "index.html").read_text()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_a_new_post_from_the_contract_alone_renders(tmp_path):
    """An author copying the contract's complete example gets three cards, no code change."""
    body = "Intro.\n\n<!-- more -->\n\nMore.\n\n<!-- routine -->\n\nClosing.\n"
    text = authoring_example().rstrip("\n").removesuffix("Closing prose...").rstrip()
    text = text[: text.index("\n---\n", 4) + 5] + "\n" + body
    result = build(make_site(tmp_path, {"blog/posts/knee.md": text}))
    assert result.returncode == 0, result.output
    page = result.page("blog/2024/01/17/knee-pain-try-this-self-massage--stretch/")
    assert len(page.select("#routine li.routine-step")) == 3
    assert page.select_one("#step-2 breath-timer")["exhale"] == "8"


def test_cards_go_last_without_a_marker(tmp_path):
    """With no <!-- routine --> the cards follow the article body."""
    body = "Intro.\n\n<!-- more -->\n\nThe last paragraph.\n"
    result = build(make_site(tmp_path, {"blog/posts/knee.md": post_text(knee(video=DROP, **{
        f"routine.steps.{n}.video_at": DROP for n in (1, 2, 3)}), body)}))
    assert result.returncode == 0, result.output
    article = result.page("blog/2024/01/17/knee-pain-try-this-self-massage--stretch/").select_one("article")
    last = [el for el in article.find_all(recursive=False) if el.name in ("p", "section")]
    assert [el.name for el in last[-2:]] == ["p", "section"] and last[-1]["id"] == "routine"


def test_headings_in_a_step_text_sit_under_its_card(tmp_path):
    """A step's `## Setup` is a sub-heading of its card: just below its h3, no id, so the body's `## Setup` keeps its own."""
    text = "## Setup\n\nLie on your side.\n\n### Then\n\nRoll slowly."
    body = "Intro.\n\n<!-- more -->\n\n## Setup\n\nFind a quiet spot.\n\n<!-- routine -->\n"
    result = build(make_site(tmp_path, {"blog/posts/knee.md": post_text(knee(**{"routine.steps.1.text": text}), body)}))
    assert result.returncode == 0, result.output
    url = "blog/2024/01/17/knee-pain-try-this-self-massage--stretch/"
    page = result.page(url)
    card_text = page.select_one("#step-1 .routine-step__text")
    assert [(h.name, h.get_text(), h.get("id")) for h in card_text.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == [
        ("h4", "Setup", None), ("h5", "Then", None)]
    ids = [el["id"] for el in page.select("[id]")]
    assert sorted(set(ids)) == sorted(ids), "every id on the page is unique"
    assert page.select_one("article h2#setup").get_text(strip=True).startswith("Setup")
    step = searchable.sections(page)["step-1-title"]
    assert "Setup" in step and "Roll slowly." in step, "the card's headings stay in its search entry"


@pytest.mark.parametrize("options", [
    "      minify_html: true\n",
    "      minify_html: true\n      htmlmin_opts: {remove_comments: true}\n",
])
def test_html_minification_keeps_the_cards(tmp_path, options):
    """A site that adds HTML minification, comments stripped or not, still has its cards."""
    root = make_site(tmp_path, {"blog/posts/knee.md": post_text(knee(video=DROP, **{
        f"routine.steps.{n}.video_at": DROP for n in (1, 2, 3)}))})
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("plugins:\n", "plugins:\n  - minify:\n" + options, 1))
    result = build(root)
    assert result.returncode == 0, result.output
    page = result.page("blog/2024/01/17/knee-pain-try-this-self-massage--stretch/")
    assert len(page.select("#routine li.routine-step")) == 3


def test_broken_posts_fail_the_build_with_one_line_each(tmp_path):
    """A folder of broken posts: every problem on its own line, no traceback, no site."""
    docs = {
        "blog/posts/a.md": post_text(knee(**{"routine.steps.2.breath.exhale": "eight", "routine.steps.1.knd": "x"})),
        "blog/posts/b.md": "---\ntitle: [Broken\ndate: 2024-01-01\n---\n\nBody\n",
        "blog/posts/c.md": post_text(knee(series="nope", date=DROP)),
        "about.md": "---\ntitle: About: us\n---\n\nAbout\n",
    }
    result = build(make_site(tmp_path, docs))
    assert result.returncode == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("docs/")]
    assert lines == [
        'docs/about.md:2: front matter: is not valid YAML (mapping values are not allowed in this context); '
        "check the indentation, and quote values that contain ': ' or start with a symbol",
        'docs/blog/posts/a.md:24: routine.steps[1].knd: unknown field; did you mean "kind"?',
        'docs/blog/posts/a.md:32: routine.steps[2].breath.exhale: must be a number of counts > 0 and <= 60, got "eight"',
        "docs/blog/posts/b.md:3: front matter: is not valid YAML (did not find expected ',' or ']'); "
        "check the indentation, and quote values that contain ': ' or start with a symbol",
        "docs/blog/posts/c.md: date: is required (the publishing date, like 2024-01-17)",
        'docs/blog/posts/c.md:5: series: unknown series, got "nope"; known: diy-recovery',
    ]
    assert "6 problems in posts" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_sites_styles_and_scripts_are_one_file_each(site):
    """Every page loads one stylesheet and one script of the site's own, holding every part in order; the parts are not served."""
    links = [link["href"] for link in site.page(KNEE).select("link[rel=stylesheet]")]
    own = [href for href in links if "/site." in href]
    assert len(own) == 1 and len(links) == 3, links  # Material's main and palette, and ours
    text = (site.site / KNEE / own[0]).resolve().read_text()
    for rule in (".routine-step", ".breath-timer", ".post-video__offline", ".follow__bar", ".site-search__input", "@media print"):
        assert rule in text, rule
    assert text.index(".routine") < text.index(".site-search"), "in the order extra_css lists them"
    assert not list((site.site / "assets" / "stylesheets").glob("routine*.css"))
    scripts = [s["src"] for s in site.page(KNEE).select("script[src]") if "/site." in s["src"]]
    assert len(scripts) == 1 and not list((site.site / "assets" / "javascripts").glob("follow-along*"))
    text = (site.site / KNEE / scripts[0]).resolve().read_text()
    order = [text.index(f'customElements.define("{name}"') for name in ("breath-timer", "video-facade", "follow-along")]
    assert order == sorted(order) and "site-search__open" in text


def test_a_stylesheet_listed_but_missing_is_one_line(tmp_path):
    root = make_site(tmp_path, {})
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("  - assets/stylesheets/print.css\n", "  - assets/stylesheets/prnt.css\n"))
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "mkdocs.yml: extra_css: assets/stylesheets/prnt.css is not in overrides/ or docs/; fix the path" in result.output


def test_a_heading_titled_like_a_card_leaves_the_card_its_address(tmp_path):
    """`## Step 2` and `## Routine` in the prose: #step-2 and #routine still land on the cards, the contents on the headings."""
    text = post_text(knee()).replace("<!-- more -->", "<!-- more -->\n\n## Routine\n\nWhy this routine.\n\n## Step 2\n\nA note.\n")
    root = make_site(tmp_path, {"blog/posts/knee.md": text})
    result = build(root)
    assert result.returncode == 0, result.output
    page = BeautifulSoup(next((root / "site" / "blog").glob("*/*/*/*/index.html")).read_text(), "html.parser")
    assert page.select_one("#step-2").name == "li" and page.select_one("#routine").name == "section"
    assert [h.get("id") for h in page.select("article h2") if h.get_text(strip=True).rstrip("¶") in ("Routine", "Step 2")] == ["routine-1", "step-2-1"]
    contents = [a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")]
    assert "#routine-1" in contents and "#step-2-1" in contents
