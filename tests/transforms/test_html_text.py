from transforms.extraction import extract
from transforms.html_text import decode_html

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">
<title>Úřední deska | Obec Kněžice</title></head><body><nav><a href="/">Domů</a> <a href="/kontakt">Kontakt</a></nav>
<h1>Oznámení o přerušení dodávky elektřiny</h1>
<p>Vážení občané, dne 12. 3. 2024 bude v obci Kněžice přerušena dodávka elektřiny z důvodu údržby vedení.
Přerušení potrvá od 7:30 do 15:00 hodin. Děkujeme za pochopení; žluťoučký kůň úpěl ďábelské ódy.</p>
<p>Další odstavec s textem o opravách, který je dostatečně dlouhý na to, aby jej extraktor považoval za obsah.</p>
<footer>Patička webu obce</footer></body></html>"""


def test_html_cp1250_main_text_and_title():
    data = PAGE.encode("cp1250")
    for ct in ("text/html; charset=windows-1250", "text/html", "text/html; charset=ISO-8859-1", None):
        r = extract(data, ct, "d-123")
        assert r.file_format == "html" and r.extraction_status == "ok"
        assert "přerušena dodávka elektřiny" in r.text, ct
        assert "ďábelské" in r.text
        assert "Patička" not in r.text
        assert r.title == "Oznámení o přerušení dodávky elektřiny"
        assert r.meta["encoding"] == "cp1250"


def test_header_utf8_wins_when_valid():
    data = PAGE.replace("windows-1250", "utf-8").encode("utf-8")
    text, enc = decode_html(data, "text/html; charset=utf-8")
    assert enc == "utf-8" and "Kněžice" in text


def test_lxml_fallback_when_trafilatura_finds_nothing():
    r = extract(b"<html><head><title>Kontakty</title></head><body><div>Tel. 123</div></body></html>", "text/html")
    assert r.extraction_status == "ok" and "Tel. 123" in r.text and r.title == "Kontakty"
