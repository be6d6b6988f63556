from spiders.robots import quote_rule

UA = "smartharvest/0.1 (+https://github.com/smartharvest)"


def test_quotes_the_wildcard_group_rule():
    text = "User-agent: Googlebot\nAllow: /\n\nUser-agent: *\nDisallow: /\n"
    assert quote_rule(text, UA, "http://x/") == '"User-agent: *" … "Disallow: /"'


def test_prefers_our_named_group_and_the_longest_rule():
    text = "User-agent: *\nDisallow: /\n\nUser-agent: smartharvest\nDisallow: /a\nDisallow: /a/b*\n"
    assert quote_rule(text, UA, "http://x/a/b/c") == '"User-agent: smartharvest" … "Disallow: /a/b*"'
    assert quote_rule(text, UA, "http://x/z") is None


def test_no_rule():
    assert quote_rule("", UA, "http://x/") is None
