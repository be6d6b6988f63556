"""HTML pages of a site, rendered on request through the site's CMS skin.

Bodies come from the model (lists, news, detail pages) and texts.compose (HTML documents);
every href of model.page_links is emitted, so the served link graph is the modelled one.
"""
from __future__ import annotations

import random
from functools import lru_cache
from html import escape

from .cms import scheme_for
from .model import News, Page, Site, calendar_url, menu_links, page_links
from .texts import compose, cz_date

MONTHS = ("leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "září", "říjen",
          "listopad", "prosinec")


def _desc(item) -> str:
    if isinstance(item, News):
        return "Aktualita z dění v obci."
    return {"notice": "Dokument zveřejněný na úřední desce.",
            "authority_notice": "Písemnost jiného úřadu zveřejněná na úřední desce.",
            "hearing_notice": "Dokument zveřejněný na úřední desce.",
            "minutes": "Zápis a usnesení z jednání zastupitelstva.",
            "resolutions": "Usnesení zastupitelstva.",
            "tender": "Veřejná zakázka malého rozsahu.",
            "budget": "Rozpočet a rozpočtový výhled.", "budget_outlook": "Rozpočet a rozpočtový výhled.",
            "closing_account": "Závěrečný účet.", "invitation": "Pozvánka na akci."}.get(
        item.spec.doc_type, "Dokument ke stažení.")


def _body(site: Site, page: Page, links: list[tuple[str, str]]) -> tuple[str, set[str]]:
    sch = scheme_for(site.cms)
    done: set[str] = set()
    out: list[str] = [f"<h2>{escape(page.title)}</h2>"]

    def a(href: str, text: str) -> str:
        done.add(href)
        return f'<a href="{escape(href)}">{escape(text)}</a>'

    if page.kind == "home":
        out.append(f"<p>Vítejte na oficiálních stránkách – {escape(site.name)}. Najdete zde úřední desku, "
                   f"dokumenty, strategické dokumenty a aktuality.</p>")
        news = sorted(site.news, key=lambda n: n.published, reverse=True)[:3]
        out.append('<div class="aktuality"><h3>Aktuality</h3><ul>' + "".join(
            f"<li>{a(n.path, n.title)} ({cz_date(n.published)})</li>" for n in news) + "</ul></div>")
        notices = site.docs_in("uredni_deska")[:3]
        out.append('<div class="deska"><h3>Z úřední desky</h3><ul>' + "".join(
            f"<li>{a(d.target, d.spec.title)}</li>" for d in notices) + "</ul></div>")
        if site.external_links:
            out.append('<div class="odkazy"><h3>Odkazy</h3><ul>' + "".join(
                f"<li>{a(h, t)}</li>" for h, t in site.external_links) + "</ul></div>")
    elif page.kind == "list":
        items = []
        for it in page.items:
            if isinstance(it, News):
                href, title, date_cz, label = it.path, it.title, cz_date(it.published), ""
            else:
                href, title, date_cz, label = it.target, it.spec.title, cz_date(it.published), it.size_label
            done.add(href)
            items.append(sch.list_item(site, href, title, date_cz, label, _desc(it)))
        out.append(sch.list_block(items) if items else "<p>V této sekci nejsou žádné dokumenty.</p>")
        pager = [(h, t) for h, t in links[9:] if t.isdigit()]
        done.update(h for h, _ in pager)
        if page.page_count > 1:
            out.append(sch.pager(pager, page.page_no))
    elif page.kind == "news":
        n = page.news
        rng = random.Random(n.seed)
        out.append(f'<p class="datum">Zveřejněno: {cz_date(n.published)}</p>')
        out.append(f"<p>{escape(n.title)}. " + rng.choice([
            "Prosíme občany o trpělivost a respektování dopravního značení.",
            "Děkujeme všem, kteří se zapojili a poslali své podněty.",
            "Více informací poskytne obecní úřad v úředních hodinách."]) + "</p>")
        if n.docs:
            out.append("<p>Související dokumenty: " + ", ".join(a(d.target, d.spec.title) for d in n.docs) + "</p>")
    elif page.kind == "detail":
        d = page.doc
        out.append(f'<p class="vytvoreno">Vytvořeno / změněno: {cz_date(d.published)} / {cz_date(d.published)}</p>')
        if d.section == "uredni_deska":
            out.append(f'<p class="deska">Úřední deska od-do: {cz_date(d.published)} – neurčeno</p>')
        out.append(f"<p>{escape(_desc(d))}</p>")
        out.append('<div class="odkazy souvisejici"><h3>Přílohy</h3><ul>' + "".join(
            f"<li>{a(x.url, x.spec.title)} <span>{escape(x.size_label)}</span></li>" for x in page.items)
            + "</ul></div>")
    elif page.kind == "htmldoc":
        c = compose(page.doc.spec)
        out.append('<div class="editor">')
        out.append(f"<p><strong>{escape(c.org_line)}</strong></p>")
        out += [f"<p>{escape(line)}</p>" for line in c.cover_lines]
        for head, paras in c.sections:
            if head:
                out.append(f"<h3>{escape(head)}</h3>")
            out += [f"<p>{escape(p)}</p>" for p in paras]
        if c.table:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in r) + "</tr>"
                                           for r in c.table) + "</table>")
        out.append("</div>")
    elif page.section == "urad":
        out.append(f"<p>{escape(site.office_name)} – úřední hodiny: pondělí a středa 8:00–17:00. "
                   f"Podatelna přijímá podání i elektronicky.</p>")
        kontakt = site.menu_urls["kontakt"]
        out.append(f"<p>{a(kontakt, 'Kontakty a úřední hodiny')}</p>")
    elif page.section == "kontakt":
        out.append(f"<p>Adresa: {escape(site.name)}, {escape(site.office_name)}. IČ: {site.org_id:08d}. "
                   f"ID datové schránky: {site.site_id[-6:]}x.</p>")
    elif page.section == "kalendar":
        out.append("<ul><li>Masopustní průvod (1. 3.)</li><li>Pálení čarodějnic (30. 4.)</li>"
                   "<li>Rozsvícení vánočního stromu (30. 11.)</li></ul>")
    for h, _ in links[:9]:
        done.add(h)
    rest = [(h, t) for h, t in links if h not in done]
    if rest:
        out.append('<ul class="dalsi-odkazy">' + "".join(f"<li>{a(h, t)}</li>" for h, t in rest) + "</ul>")
    return "".join(out), done


@lru_cache(maxsize=65536)  # every page of a 2,000-site web: serving is never a benchmark's bottleneck
def render_page(site: Site, page: Page) -> tuple[bytes, str]:
    """(body bytes, Content-Type) of one modelled page."""
    links = page_links(site, page)
    body, _ = _body(site, page, links)
    sch = scheme_for(site.cms)
    if page.encoding == "cp1250":
        html = sch.document(site, page, body, links, charset="windows-1250")
        return html.encode("cp1250", "xmlcharrefreplace"), "text/html; charset=windows-1250"
    return sch.document(site, page, body, links).encode("utf-8"), "text/html; charset=utf-8"


def render_calendar(site: Site, year: int, month: int) -> bytes:
    """The endless calendar: every month links the previous and the next one, forever."""
    prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
    next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
    page = Page(path=calendar_url(year, month), title=f"Kalendář akcí – {MONTHS[month - 1]} {year}",
                kind="static", section="kalendar_endless")
    links = menu_links(site)
    body = (f"<h2>{escape(page.title)}</h2><table class=\"kalendar\"><tr>"
            + "".join(f"<td>{d}</td>" for d in range(1, 29)) + "</tr></table>"
            + f'<p><a href="{escape(calendar_url(prev_y, prev_m))}">« předchozí měsíc</a> | '
              f'<a href="{escape(calendar_url(next_y, next_m))}">následující měsíc »</a></p>')
    return scheme_for(site.cms).document(site, page, body, links).encode("utf-8")
