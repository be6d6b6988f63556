"""The newsletter digest: grouped new items with links, changed items with what changed, markup escaped."""
from transforms.bundle_changes import diff_rows
from transforms.digest import build_section, render_html, render_markdown


def _section():
    before = [{"practice_id": "gp_1", "title": "Old", "municipality_name": "Tábor", "size_class": "town",
               "source_url": "https://example.cz/1"}]
    after = [{"practice_id": "gp_2", "title": "Chytré lavičky <b>[beta]</b>", "municipality_name": "Písek",
              "size_class": "town", "source_url": "https://example.cz/praxe?id=2&x=1"}]
    changes = diff_rows(before, after, ["practice_id"])
    return build_section("good_practices", {r["practice_id"]: r for r in after},
                         {r["practice_id"]: r for r in before}, changes, ["good_practices.csv"])


def test_new_items_are_grouped_and_linked_and_removed_ones_keep_their_label():
    section = _section()
    md = render_markdown("2025-03-11-abcdef012345", "2025-03-11", "2025-03-10-0123456789ab", [section])
    assert "### New — town" in md
    assert "[Chytré lavičky \\<b\\>\\[beta\\]\\</b\\> — Písek](https://example.cz/praxe?id=2&x=1)" in md
    assert "- [Old — Tábor](https://example.cz/1)" in md.split("### Removed")[1]


def test_the_html_digest_escapes_what_the_sources_wrote():
    html = render_html("b", "2025-03-11", None, [_section()])
    assert "&lt;b&gt;[beta]&lt;/b&gt;" in html and "<b>[beta]" not in html
    assert 'href="https://example.cz/praxe?id=2&amp;x=1"' in html
