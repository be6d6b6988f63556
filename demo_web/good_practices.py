"""Two replica good-practice ("inspiromat") catalogues with different page structures, plus their truth.

Facts relied on (../shared/domain/NOTES.md section 4 and the taxonomy's `good_practice_sources`,
`record_schemas.inspiromat_entry_proposed`, `municipality_size_classes`, `funding_programmes`):
- SMO ČR "SMART Česko: příklady dobré praxe" (2019) describes every example with one uniform form (name,
  municipality, description, benefits, costs, funding, timing, contact of the person responsible) and groups
  the examples thematically; paradnikraj.cz shows "Příklad dobré praxe" pages per theme. Replica (a), the
  catalogue "smart-cesko", is a Czech site in that style: a listing per thematic category with paging
  (`/priklady-dobre-praxe/?kategorie=<slug>&strana=N`) and one detail page per example
  (`/priklady-dobre-praxe/<slug>/`) whose form is a two-column table (label | value).
- The EU Smart Cities Marketplace and the ENRD Smart Villages portal list solutions with English fields
  (title, country, place, themes, summary, results, budget, funding, contact). Replica (b), the catalogue
  "smart-solutions-eu", is such a site: an HTML table listing `/solutions?page=N` with the same page as JSON at
  `/api/solutions?page=N`, and detail pages `/solutions/<id>` built from sections with headings, a definition
  list of key facts and a tag list. Mostly foreign places, a few Czech municipalities.
- The URL layouts, labels and page markup are this replica's own; the notes give the fields, not the markup.

Places: Czech municipalities are real (RÚIAN code, name, district, region, population from
data/seeds/municipalities via demo_web.registry); foreign places are real names with rounded populations.
People, e-mails and phone numbers are invented; every detail page carries a contact (personal data the harvest
must drop), and about a quarter of the descriptions name the contact person again in a sentence.

Truth (`truth_rows`): areas are the project's area codes used as labels only (none of their keyword lists is
used here); funding codes are the programme codes a practice's funding field names (the description never
names a programme); costs are in CZK, EUR converted at the fixed EUR_CZK rate below (a convention of the demo,
not a market rate; the parser uses the same constant). All texts come from this module's phrase lists (plain
Czech of municipal news, plain English of EU project summaries). Deterministic for a seed.
"""
from __future__ import annotations

import html
import json
import random
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from .registry import Municipality, choose_municipalities, load_kraje, size_class
from .routing import Reply

EUR_CZK = 25  # fixed conversion of the demo: 1 EUR = 25 CZK (the parser uses the same constant)
CZ_ID = "smart-cesko"
EU_ID = "smart-solutions-eu"
CZ_ROOT = "/priklady-dobre-praxe/"
EU_LIST = "/solutions"
EU_FEED = "/api/solutions"
CZ_PAGE_SIZE = 5
EU_PAGE_SIZE = 12
HTML_TYPE = "text/html; charset=utf-8"

# (slug, label) of the Czech catalogue's thematic categories, in menu order
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("doprava-a-mobilita", "Doprava a mobilita"), ("energetika", "Energetika a úspory"),
    ("zelen-a-voda", "Zeleň, voda a krajina"), ("odpady", "Odpady a oběhové hospodářství"),
    ("digitalni-obec", "Digitální obec a data"), ("obcane-a-komunita", "Občané, komunita a vzdělávání"),
    ("socialni-pece-a-zdravi", "Sociální péče a zdraví"), ("bezpecnost-a-krize", "Bezpečnost a krizové situace"),
    ("mistni-ekonomika", "Místní ekonomika"))


@dataclass(frozen=True)
class Theme:
    """One kind of solution with its texts in both languages; placeholders {v_kde} {rok} {n} {p} {place}."""

    key: str
    areas: tuple[str, ...]
    category: str
    tags: tuple[str, ...]
    cz_titles: tuple[str, ...]
    cz_what: tuple[str, ...]
    cz_more: tuple[str, ...]
    cz_benefits: tuple[str, ...]
    en_titles: tuple[str, ...]
    en_what: tuple[str, ...]
    en_more: tuple[str, ...]
    en_results: tuple[str, ...]
    cost: tuple[int, int]  # CZK
    n: tuple[int, int]
    cz_funding: tuple[tuple[str, str | None], ...]  # (as a municipality writes it, programme code or None)
    en_funding: tuple[tuple[str, str | None], ...]


REGIONAL = "dotační program {kraj}"  # filled with the region's genitive ("Pardubického kraje")
OWN_CZ = (("vlastní zdroje", None), ("rozpočet obce", None), ("vlastní zdroje obce", None))
OWN_EN = (("municipal budget", None), ("own funds", None))

THEMES: tuple[Theme, ...] = (
    Theme("lighting", ("energy",), "energetika", ("Energy", "Public lighting"),
          ("Chytré veřejné osvětlení", "Úsporné lampy s řízením na dálku", "Veřejné osvětlení, které v noci ztlumí"),
          ("V roce {rok} bylo {v_kde} vyměněno {n} starých výbojkových lamp za LED svítidla s dálkovou správou.",
           "Radnice nechala v roce {rok} osadit {n} pouličních lamp moduly, které podle provozu mění "
           "intenzitu světla."),
          ("Po půlnoci lampy samy ztlumí na třetinu výkonu a při pohybu chodce se znovu rozsvítí naplno.",
           "Poruchu jednotlivého svítidla hlásí systém technikům dřív, než si jí všimnou obyvatelé.",
           "Spotřeba elektřiny na osvětlení klesla zhruba o {p} procent.",
           "Údržbu zajišťuje místní firma, která má přístup do jednoduché webové aplikace.",
           "Na hlavní ulici přibyla i nasvícená místa pro přecházení."),
          ("nižší účet za elektřinu", "méně světla rušícího noční oblohu", "rychlejší odstranění poruch",
           "lepší viditelnost na přechodech"),
          ("Smart street lighting in {place}", "Dimmable LED street lights for {place}"),
          ("In {rok}, {place} replaced {n} old street lamps with LED fittings that can be dimmed remotely.",
           "The municipality of {place} fitted {n} street lights with wireless controllers in {rok}."),
          ("After midnight the lights dim to a third of their output and brighten again when someone walks by.",
           "Faulty lamps report themselves, so repair crews no longer wait for complaints.",
           "Residents were invited to a night walk to test the new light levels.",
           "A local firm maintains the network through a simple web application."),
          ("Electricity use for lighting fell by about {p} per cent.", "Fewer complaints about dark streets."),
          (600_000, 9_000_000), (40, 600),
          (("Modernizační fond", "MODERNIZACNI_FOND"), ("program EFEKT", "MPO_EFEKT"),
           ("z Modernizačního fondu (LIGHTPUB)", "MODERNIZACNI_FOND"), ("IROP", "IROP")),
          (("LIFE", "LIFE"), ("Interreg Central Europe", "INTERREG"), ("ERDF regional programme", None))),
    Theme("solar", ("energy", "buildings_housing_urban"), "energetika", ("Energy", "Energy communities"),
          ("Fotovoltaika na střechách obecních budov", "Sluneční elektrárna na škole a úřadu",
           "Sdílení elektřiny mezi obecními budovami"),
          ("V roce {rok} byly {v_kde} na střechy školy, úřadu a hasičské zbrojnice instalovány fotovoltaické panely "
           "o výkonu {n} kWp.",
           "Radnice v roce {rok} spustila sdílení elektřiny z vlastních slunečních elektráren mezi obecními budovami."),
          ("Přebytky elektřiny ze slunečných dnů se ukládají do baterie ve sklepě školy.",
           "Obecní budovy si teď většinu roku vyrobí podstatnou část spotřebované elektřiny samy.",
           "Výrobu i spotřebu lze sledovat na obrazovce ve vestibulu školy, takže se z ní stala i pomůcka do hodin "
           "fyziky.",
           "Do sdílení se postupně mohou zapojit i domácnosti, které mají panely na vlastních střechách.",
           "Úspora za první rok provozu dosáhla přibližně {p} procent nákladů na elektřinu."),
          ("nižší náklady na energie obecních budov", "menší závislost na cenách elektřiny",
           "ukázka pro občany, jak výroba funguje", "výuka ve škole na skutečném zařízení"),
          ("Rooftop solar and shared energy in {place}", "Community energy scheme of {place}"),
          ("In {rok}, {place} installed {n} kWp of solar panels on the school, the town hall and the fire station.",
           "Since {rok}, public buildings in {place} have shared the electricity produced on their own roofs."),
          ("Surplus power from sunny days is stored in a battery in the school basement.",
           "Households with their own panels can join the scheme step by step.",
           "A screen in the school lobby shows production and consumption in real time."),
          ("Energy bills of the public buildings dropped by roughly {p} per cent in the first year.",
           "Two neighbouring villages have asked to join."),
          (1_500_000, 25_000_000), (20, 400),
          (("Modernizační fond", "MODERNIZACNI_FOND"), ("z Národního plánu obnovy", "NPO"),
           ("Modernizační fond – KOMUENERG", "MODERNIZACNI_FOND"), ("úvěr", None)),
          (("Horizon 2020", "HORIZON_EUROPE"), ("LIFE Clean Energy Transition", "LIFE"),
           ("cooperative shares of residents", None))),
    Theme("green_roof", ("environment_climate", "buildings_housing_urban"), "zelen-a-voda",
          ("Nature-based solutions", "Climate adaptation"),
          ("Zelená střecha na kulturním domě", "Vertikální zahrada na fasádě školy",
           "Zelené střechy autobusových zastávek"),
          ("V roce {rok} byla {v_kde} střecha kulturního domu pokryta vegetací ze sukulentů a trav.",
           "Fasádu školní tělocvičny {v_kde} od roku {rok} pokrývá popínavá zeleň na nerezových lankách."),
          ("Zeleň v létě chrání budovu před přehříváním a zadrží část vody z přívalových dešťů.",
           "Rostliny vybírali zahradníci tak, aby snesly sucho i mráz.",
           "O zálivku se v prvních letech stará automatický systém napojený na nádrž s dešťovou vodou.",
           "Teplota v podkrovních místnostech klesla v parných dnech o několik stupňů.",
           "Žáci školy si na ploše zřídili i malé pozorovací stanoviště hmyzu."),
          ("chladnější budova v létě", "méně vody odtékající do kanalizace", "příjemnější vzhled ulice",
           "místo pro hmyz a ptáky"),
          ("Green roofs on public buildings in {place}", "Living wall on the school of {place}"),
          ("In {rok}, {place} covered the roof of its community centre with drought-tolerant plants.",
           "Since {rok}, climbing plants on steel cables have shaded the south wall of the school gym in {place}."),
          ("The planting keeps the building cooler in summer and holds back part of the rain from heavy storms.",
           "An automatic drip system fed from a rainwater tank waters the plants in the first years.",
           "Pupils use the roof for simple lessons about insects and plants."),
          ("Indoor temperatures on hot days fell by several degrees.", "Less water runs off into the sewers."),
          (300_000, 6_000_000), (100, 900),
          (("Operační program Životní prostředí", "OP_ZP"), ("Národní program Životní prostředí", "SFZP_NATIONAL"),
           (REGIONAL, "REGIONAL_GRANTS")),
          (("LIFE", "LIFE"), ("Interreg Europe", "INTERREG"), ("national climate adaptation grant", None))),
    Theme("rainwater", ("water_management", "environment_climate"), "zelen-a-voda", ("Water", "Climate adaptation"),
          ("Zadržování dešťové vody v zástavbě", "Retenční nádrže u obecních budov",
           "Vsakovací průlehy místo kanalizace"),
          ("V roce {rok} vznikly {v_kde} podél hlavní silnice vsakovací průlehy, do kterých se svádí voda ze střech "
           "a chodníků.",
           "Radnice v roce {rok} nechala u školy a sportovní haly zakopat podzemní nádrže o celkovém "
           "objemu {n} kubíků."),
          ("Zachycená voda slouží k zalévání obecní zeleně a ke splachování na toaletách školy.",
           "Při prudkých deštích už voda netopí sklepy v dolní části zástavby.",
           "Obyvatelé mohou od radnice získat sud na vodu ze střechy za symbolickou cenu.",
           "Řešení připravila krajinářská architektka spolu s místními zahrádkáři.",
           "Spotřeba pitné vody na zálivku klesla o {p} procent."),
          ("méně pitné vody na zálivku", "ochrana sklepů před zatopením", "vlhčí půda v parcích",
           "nižší poplatky za odvod srážkové vody"),
          ("Rainwater retention in {place}", "Swales instead of storm drains in {place}"),
          ("In {rok}, {place} built grassed swales along its main street that soak up water from roofs and pavements.",
           "Underground tanks holding {n} cubic metres were installed next to the school and sports hall of {place} "
           "in {rok}."),
          ("The collected water is used to water public green spaces and flush school toilets.",
           "Residents can buy a rain barrel from the town hall at a symbolic price.",
           "Cellars in the lower part of the village no longer flood after cloudbursts."),
          ("Drinking water used for watering fell by {p} per cent.", "No flooded cellars since the works."),
          (400_000, 8_000_000), (20, 300),
          (("OPŽP", "OP_ZP"), ("Národní program Životní prostředí", "SFZP_NATIONAL"),
           ("Program obnovy venkova", "MMR_NATIONAL")),
          (("LIFE", "LIFE"), ("Interreg", "INTERREG"), ("EEA and Norway Grants", "EEA_NORWAY"))),
    Theme("flood_warning", ("resilience_crisis", "water_management"), "bezpecnost-a-krize", ("Water", "Resilience"),
          ("Hlásiče hladiny potoka a varovný systém", "Varování před povodní přes mobil",
           "Povodňová čidla na potocích"),
          ("V roce {rok} bylo {v_kde} na potocích osazeno {n} čidel, která každých deset minut posílají výšku hladiny.",
           "Radnice v roce {rok} propojila hladinoměry na místním toku s bezdrátovým rozhlasem a rozesíláním zpráv."),
          ("Když voda překročí stanovenou mez, dostane povodňová komise upozornění do mobilu.",
           "Aktuální stav hladin je veřejně vidět na mapě na webu.",
           "Při poslední velké vodě měli lidé v ohrožených ulicích několik hodin na odvezení aut a cenností.",
           "Systém doplňuje digitální povodňový plán s mapou ohrožených domů.",
           "Data čidel využívá i sousední obec po proudu."),
          ("včasné varování obyvatel", "menší škody při velké vodě", "přehled o hladinách bez pochůzek",
           "lepší spolupráce s hasiči"),
          ("River level sensors and flood alerts in {place}", "Early flood warning for {place}"),
          ("In {rok}, {place} placed {n} water level sensors on its streams that report every ten minutes.",
           "Since {rok}, river gauges in {place} have been linked to sirens and text alerts."),
          ("When the water passes a set threshold, the emergency team gets an alert.",
           "Current levels are shown on a public map on the municipal website.",
           "The neighbouring municipality downstream uses the same data."),
          ("During the last flood, residents of low-lying streets had several hours to move cars and belongings.",
           "Damage from high water was far lower than in earlier floods."),
          (250_000, 4_000_000), (3, 25),
          (("OPŽP", "OP_ZP"), ("Operační program Životní prostředí", "OP_ZP"), (REGIONAL, "REGIONAL_GRANTS")),
          (("Interreg", "INTERREG"), ("Interreg Danube", "INTERREG"), ("national civil protection fund", None))),
    Theme("mobile_alerts", ("egovernment_services", "governance_participation"), "digitalni-obec",
          ("Digital services", "Citizen engagement"),
          ("Zprávy z radnice v mobilu", "Informování občanů přes SMS a aplikaci",
           "Obecní zpravodaj v mobilní aplikaci"),
          ("Od roku {rok} posílá radnice důležité zprávy lidem přímo do mobilní aplikace a formou SMS.",
           "V roce {rok} bylo {v_kde} spuštěno rozesílání zpráv o odstávkách vody, uzavírkách a svozu odpadu."),
          ("Zaregistrovat se lze na webu nebo vyplněním lístku na podatelně.",
           "K odběru se během prvního roku přihlásilo přes {p} procent domácností.",
           "Starší lidé bez chytrého mobilu dostávají stejné zprávy jako hlasovou zprávu na pevnou linku.",
           "Součástí aplikace je i hlášení závad, například rozbité lavičky nebo černé skládky, s "
           "fotografií a polohou.",
           "Venkovní rozhlas se tak používá jen pro opravdu naléhavé věci."),
          ("rychlejší informace pro občany", "méně hlášení rozhlasem", "přehled o závadách v obci",
           "zprávy dostanou i chalupáři"),
          ("Municipal alerts app in {place}", "Text message service of the town hall of {place}"),
          ("Since {rok}, the town hall of {place} has sent important notices straight to residents' mobiles.",
           "In {rok}, {place} launched an app that announces water outages, road closures and waste collection days."),
          ("People can sign up online or by filling in a slip at the front desk.",
           "Residents without a smartphone receive the same messages as a voice call.",
           "The app also lets people report broken benches or fly-tipping with a photo and location."),
          ("Within a year, more than {p} per cent of households had subscribed.",
           "Loudspeaker announcements are now kept for emergencies."),
          (30_000, 600_000), (1, 5),
          (("IROP", "IROP"), ("Integrovaný regionální operační program", "IROP")),
          (("Digital Europe", "DIGITAL_EUROPE"), ("Interreg Europe", "INTERREG"))),
    Theme("participatory_budget", ("governance_participation", "community_culture_leisure"), "obcane-a-komunita",
          ("Citizen engagement",),
          ("Participativní rozpočet", "Lidé rozhodují o části rozpočtu", "Hlasování o nápadech obyvatel"),
          ("Od roku {rok} vyčleňuje radnice každoročně část rozpočtu na nápady, které navrhnou a v hlasování vyberou "
           "sami obyvatelé.",
           "V roce {rok} se {v_kde} poprvé hlasovalo o {n} návrzích obyvatel na zlepšení veřejného prostoru."),
          ("Návrhy se podávají přes jednoduchý formulář na webu i v papírové podobě.",
           "Hlasovat mohou všichni obyvatelé starší patnácti let, a to elektronicky nebo v knihovně.",
           "Z vítězných návrhů vznikly mimo jiné nové lavičky u rybníka, pítko na náměstí a hřiště u školy.",
           "Hlasování se zúčastnilo přibližně {p} procent oprávněných obyvatel.",
           "Autoři návrhů spolupracují s úředníky i při samotné realizaci."),
          ("větší zájem lidí o dění v obci", "projekty, které lidé opravdu chtějí", "lepší vztah radnice a občanů"),
          ("Participatory budget of {place}", "Residents decide part of the budget in {place}"),
          ("Since {rok}, {place} has set aside part of its yearly budget for ideas proposed and chosen by residents.",
           "In {rok}, residents of {place} voted on {n} proposals to improve public spaces."),
          ("Proposals can be submitted through a short online form or on paper.",
           "Everyone over fifteen can vote online or at the library.",
           "Winning ideas so far include new benches by the pond, a drinking fountain and a playground."),
          ("About {p} per cent of eligible residents took part in the vote.",
           "The winning projects were built within a year."),
          (100_000, 3_000_000), (6, 40),
          (),
          (("URBACT", "INTERREG"),)),
    Theme("bike_sharing", ("mobility_transport",), "doprava-a-mobilita", ("Mobility", "Active travel"),
          ("Sdílená elektrokola", "Sdílená kola pro obyvatele i turisty", "Síť stanic sdílených kol"),
          ("V roce {rok} bylo {v_kde} rozmístěno {n} sdílených elektrokol na stanicích u nádraží, úřadu a koupaliště.",
           "Od roku {rok} si obyvatelé i návštěvníci mohou půjčit kolo přes mobilní aplikaci na kterékoli ze stanic."),
          ("První půlhodina jízdy je pro místní obyvatele zdarma.",
           "Kola se odemykají přes aplikaci a vracejí se na kteroukoli stanici.",
           "Provoz zajišťuje soukromý provozovatel, obec platí pevnou roční částku.",
           "Nejvíc výpůjček je ráno a odpoledne na trase mezi nádražím a průmyslovou zónou.",
           "Počet krátkých cest autem po centru podle průzkumu klesl o {p} procent."),
          ("méně aut v centru", "pohodlná cesta k vlaku", "atrakce pro turisty"),
          ("Shared e-bikes in {place}", "Bike sharing for residents and visitors of {place}"),
          ("In {rok}, {place} placed {n} shared e-bikes at stations by the railway station, the town hall and the "
           "swimming pool.",
           "Since {rok}, residents and visitors of {place} have been able to rent a bike through an app "
           "at any station."),
          ("Bikes are unlocked with the app and can be returned at any station.",
           "A private operator runs the service and the municipality pays a fixed yearly fee.",
           "Most rentals happen in the morning and afternoon between the station and the business park."),
          ("Short car trips in the centre fell by {p} per cent according to a survey.",
           "Visitors use the bikes to reach places the buses do not serve."),
          (500_000, 12_000_000), (10, 120),
          (("IROP", "IROP"), ("Interreg Česko–Polsko", "INTERREG")),
          (("Interreg Europe", "INTERREG"), ("Horizon 2020", "HORIZON_EUROPE"), ("ERDF regional programme", None))),
    Theme("demand_bus", ("mobility_transport", "social_services"), "doprava-a-mobilita", ("Mobility", "Rural services"),
          ("Autobus na zavolání", "Poptávková doprava do okolních osad", "Obecní minibus na objednávku"),
          ("Od roku {rok} jezdí {v_kde} malý autobus jen tehdy, když si ho někdo předem objedná telefonicky nebo "
           "v aplikaci.",
           "V roce {rok} nahradila radnice málo využívané spoje do odlehlých osad minibusem na objednávku."),
          ("Jízdu je potřeba objednat nejpozději hodinu předem.",
           "Službu využívají hlavně senioři, kteří jezdí k lékaři, na poštu a na nákup.",
           "Minibus má nízkou podlahu a vejde se do něj i invalidní vozík.",
           "Náklady na jednoho cestujícího jsou nižší než u pravidelné linky, která často jezdila prázdná.",
           "Objednávky se sbírají v jednoduchém systému, který sám navrhne trasu."),
          ("dostupnost lékaře a úřadu i bez auta", "méně prázdných spojů", "samostatnost seniorů"),
          ("Bus on demand for the hamlets around {place}", "Demand-responsive minibus in {place}"),
          ("Since {rok}, a small bus in {place} has run only when someone books a ride by phone or app.",
           "In {rok}, {place} replaced rarely used bus lines to outlying hamlets with an on-demand minibus."),
          ("Rides must be booked at least an hour in advance.",
           "Older people use it most, to reach the doctor, the post office and shops.",
           "The low-floor minibus also takes wheelchairs."),
          ("The cost per passenger is lower than that of the old fixed line, which often ran empty.",
           "Older residents can stay independent without a car."),
          (800_000, 5_000_000), (1, 3),
          (("IROP", "IROP"), ("Program rozvoje venkova", "CAP_RURAL"), (REGIONAL, "REGIONAL_GRANTS")),
          (("EAFRD / LEADER", "CAP_RURAL"), ("Interreg", "INTERREG"), ("regional transport authority", None))),
    Theme("parking", ("mobility_transport", "ict_infrastructure_data"), "doprava-a-mobilita", ("Mobility", "Data"),
          ("Senzory obsazenosti parkovišť", "Navigace na volná parkovací místa", "Chytré parkování u nádraží"),
          ("V roce {rok} bylo {v_kde} do povrchu parkovišť zabudováno {n} senzorů, které hlásí obsazenost jednotlivých "
           "míst.",
           "Od roku {rok} ukazují tabule u vjezdů do centra, kolik volných míst zbývá na každém parkovišti."),
          ("Informace o volných místech jsou také v mobilní aplikaci a na webu.",
           "Řidiči méně krouží po centru a hledají, kde zaparkovat.",
           "Data o obsazenosti pomohla radnici rozhodnout, kde zřídit nové parkoviště pro dojíždějící.",
           "Senzory mají baterii na deset let a komunikují bezdrátovou sítí.",
           "Obsazenost parkovišť u nádraží se přes den drží kolem {p} procent."),
          ("méně aut kroužících centrem", "podklady pro plánování parkování", "pohodlnější cesta k vlaku"),
          ("Parking sensors in {place}", "Guidance to free parking spaces in {place}"),
          ("In {rok}, {place} embedded {n} sensors in its car parks that report whether each space is free.",
           "Since {rok}, signs at the entrances to {place} have shown how many spaces are left in each car park."),
          ("The same information is available in an app and on the website.",
           "Occupancy data helped the council decide where to build a new park-and-ride.",
           "The sensors run on batteries that last ten years and use a low-power radio network."),
          ("Drivers spend less time circling the centre looking for a space.",
           "Occupancy near the station stays at about {p} per cent during the day."),
          (700_000, 9_000_000), (30, 400),
          (("IROP", "IROP"), ("Integrovaný regionální operační program", "IROP")),
          (("Horizon 2020", "HORIZON_EUROPE"), ("Connecting Europe Facility", "CEF"))),
    Theme("waste_chips", ("circular_economy_waste",), "odpady", ("Circular economy", "Waste"),
          ("Evidence odpadu podle domácností", "Čipy na popelnicích a platba za skutečné množství",
           "Motivační systém pro třídění odpadu"),
          ("Od roku {rok} má každá popelnice {v_kde} čip, podle kterého svozová firma eviduje, kolikrát byla vyvezena.",
           "V roce {rok} zavedla radnice systém, ve kterém domácnosti, které víc třídí, platí za odpad méně."),
          ("Pytle s tříděným odpadem jsou označené kódem domácnosti.",
           "Každá domácnost vidí v aplikaci, kolik odpadu vytřídila a jakou slevu na poplatku získala.",
           "Množství směsného odpadu za první dva roky kleslo o {p} procent.",
           "Svozová auta mají čtečky a váhy, data se přenášejí automaticky.",
           "Na změnu se obyvatelé mohli připravit na několika veřejných setkáních."),
          ("méně směsného odpadu", "spravedlivější poplatek", "vyšší podíl tříděného odpadu"),
          ("Pay-as-you-throw waste collection in {place}", "Tagged bins and fair waste fees in {place}"),
          ("Since {rok}, every bin in {place} has carried a tag that records each time it is emptied.",
           "In {rok}, {place} introduced a scheme in which households that sort more pay lower waste fees."),
          ("Bags of sorted waste carry a household code.",
           "Each household sees in an app how much it has sorted and what discount it has earned.",
           "Collection trucks weigh the bins and send the data automatically."),
          ("Mixed waste fell by {p} per cent within two years.", "Fees now follow what each household throws away."),
          (200_000, 4_000_000), (1, 5),
          (("OPŽP", "OP_ZP"), ("Operační program Životní prostředí", "OP_ZP")),
          (("LIFE", "LIFE"), ("Interreg Europe", "INTERREG"))),
    Theme("reuse_centre", ("circular_economy_waste", "community_culture_leisure"), "odpady",
          ("Circular economy", "Community"),
          ("Re-use centrum u sběrného dvora", "Komunitní kompostárna", "Obecní dílna na opravy věcí"),
          ("V roce {rok} vzniklo {v_kde} u sběrného dvora místo, kam lidé nosí věci, které ještě mohou "
           "posloužit jiným.",
           "Od roku {rok} zpracovává obecní kompostárna trávu a listí ze zahrad i z veřejné zeleně."),
          ("Nábytek, nádobí a hračky si může kdokoli zdarma odnést.",
           "Jednou měsíčně se v dílně scházejí dobrovolníci, kteří opravují kola, lampy a drobné spotřebiče.",
           "Kompost si obyvatelé mohou odebrat zdarma na jaře a na podzim.",
           "Za rok se tak podařilo vrátit do oběhu několik tun věcí.",
           "Objem odpadu odváženého na skládku se snížil o {p} procent."),
          ("méně odpadu na skládce", "levné vybavení pro rodiny", "místo pro setkávání sousedů"),
          ("Re-use centre at the recycling yard of {place}", "Community composting in {place}",
           "Repair café of {place}"),
          ("In {rok}, {place} opened a re-use point at its recycling yard where people leave items "
           "others can still use.",
           "Since {rok}, the municipal composting site of {place} has processed grass and leaves from gardens and "
           "parks."),
          ("Furniture, dishes and toys can be taken free of charge.",
           "Once a month volunteers repair bikes, lamps and small appliances.",
           "Residents can collect compost for free in spring and autumn."),
          ("Waste sent to landfill fell by {p} per cent.", "Several tonnes of goods found a second owner."),
          (150_000, 3_000_000), (1, 5),
          (("OPŽP", "OP_ZP"), ("Program rozvoje venkova", "CAP_RURAL")),
          (("LIFE", "LIFE"), ("EAFRD / LEADER", "CAP_RURAL"))),
    Theme("open_data", ("ict_infrastructure_data", "egovernment_services"), "digitalni-obec", ("Open data", "Data"),
          ("Otevřená data města", "Datový portál obce", "Rozklikávací rozpočet a otevřená data"),
          ("Od roku {rok} zveřejňuje radnice na svém datovém portálu rozpočet, smlouvy, výsledky měření a jízdní řády "
           "ve strojově čitelné podobě.",
           "V roce {rok} spustila radnice rozklikávací rozpočet, ve kterém lze dohledat každou platbu nad deset tisíc "
           "korun."),
          ("Každá datová sada má popis, datum aktualizace a uvedený odbor, který ji spravuje.",
           "Data využili studenti místní střední školy k mapě bezbariérových tras.",
           "Portál navštíví měsíčně několik stovek lidí.",
           "Publikované sady jsou zapsány i v národním katalogu otevřených dat.",
           "Počet žádostí o informace klesl o {p} procent."),
          ("průhledné hospodaření", "méně dotazů na úřad", "podklady pro studenty a firmy"),
          ("Open data portal of {place}", "Open budget and data portal in {place}"),
          ("Since {rok}, {place} has published its budget, contracts, sensor readings and timetables in "
           "machine-readable form.",
           "In {rok}, {place} launched an open budget where every payment above a set limit can be traced."),
          ("Each dataset has a description, an update date and the department that maintains it.",
           "Students of a local secondary school used the data to map step-free routes.",
           "The datasets are also listed in the national open data catalogue."),
          ("Freedom of information requests fell by {p} per cent.", "Local firms reuse the data in their own apps."),
          (80_000, 2_500_000), (1, 5),
          (("IROP", "IROP"),),
          (("Digital Europe", "DIGITAL_EUROPE"), ("Horizon 2020", "HORIZON_EUROPE"))),
    Theme("e_office", ("egovernment_services",), "digitalni-obec", ("Digital services",),
          ("Objednání na úřad přes internet", "Elektronické podání a platby poplatků",
           "Online formuláře místo přepážky"),
          ("Od roku {rok} se lidé mohou na úřad objednat přes internet a vybrat si čas, který jim vyhovuje.",
           "V roce {rok} spustila radnice portál, přes který lze zaplatit poplatky za odpad a psa a podat běžné "
           "žádosti."),
          ("Přihlášení je možné přes bankovní identitu.",
           "U přepážek se výrazně zkrátily fronty.",
           "Úředníci dostávají formuláře vyplněné a zkontrolované, takže méně času tráví přepisováním.",
           "Přes portál dnes přichází zhruba {p} procent všech plateb poplatků.",
           "Kdo internet nepoužívá, může vše vyřídit osobně jako dřív."),
          ("kratší čekání na úřadě", "úspora času úředníků", "vyřízení i mimo úřední hodiny"),
          ("Online appointments and e-services in {place}", "Paying local fees online in {place}"),
          ("Since {rok}, residents of {place} have been able to book an appointment at the town hall online.",
           "In {rok}, {place} launched a portal for paying local fees and filing common requests."),
          ("Residents log in with their bank identity.",
           "Those who do not use the internet can still do everything in person.",
           "Staff receive forms already filled in and checked."),
          ("About {p} per cent of all fee payments now arrive through the portal.",
           "Queues at the front desk have become much shorter."),
          (60_000, 1_500_000), (1, 5),
          (("IROP", "IROP"), ("z Národního plánu obnovy", "NPO")),
          (("Digital Europe", "DIGITAL_EUROPE"), ("ERDF regional programme", None))),
    Theme("senior_alarm", ("social_services", "health"), "socialni-pece-a-zdravi", ("Health and care", "Ageing"),
          ("Tísňová péče pro seniory", "Náramky s tlačítkem pro osamělé seniory",
           "Asistenční služba pro seniory žijící doma"),
          ("Od roku {rok} mohou senioři {v_kde} zdarma dostat náramek s tlačítkem, kterým v nouzi přivolají pomoc.",
           "V roce {rok} zapojila radnice {n} osamělých seniorů do služby tísňové péče s nepřetržitým dispečinkem."),
          ("Po stisku tlačítka se ozve dispečer, který podle situace zavolá sousedy, rodinu nebo záchranku.",
           "Náramek pozná i pád a sám spustí poplach.",
           "Službu zajišťuje registrovaný poskytovatel sociálních služeb, obec hradí měsíční poplatek.",
           "Díky službě mohou senioři déle bydlet ve svém domě.",
           "Rodiny oceňují, že mají o svých blízkých přehled."),
          ("delší samostatný život seniorů doma", "rychlá pomoc v nouzi", "klid pro rodiny"),
          ("Personal alarms for older residents of {place}", "Telecare for older people living alone in {place}"),
          ("Since {rok}, older residents of {place} have been able to get a free wristband with an alarm button.",
           "In {rok}, {place} enrolled {n} older people who live alone in a round-the-clock telecare service."),
          ("Pressing the button connects them to an operator who calls neighbours, family or an ambulance.",
           "The wristband also detects falls and raises the alarm by itself.",
           "A registered care provider runs the service and the municipality pays the monthly fee."),
          ("Older people can stay in their own homes for longer.", "Help arrives within minutes."),
          (100_000, 1_200_000), (8, 80),
          (("OPZ+", "OPZ"), (REGIONAL, "REGIONAL_GRANTS")),
          (("ESF+ regional programme", None), ("Interreg", "INTERREG"))),
    Theme("telehealth", ("health",), "socialni-pece-a-zdravi", ("Health and care", "Rural services"),
          ("Telemedicína v obci bez lékaře", "Zdravotní kiosek na úřadě", "Konzultace s lékařem na dálku"),
          ("Od roku {rok} funguje {v_kde} místnost, kde si lidé mohou změřit tlak a cukr a spojit se s lékařem přes "
           "obrazovku.",
           "V roce {rok} dohodla radnice s praktickou lékařkou ze sousedního města pravidelné konzultace na dálku."),
          ("Měření pomáhá zaškolená zdravotní sestra, která dojíždí dvakrát týdně.",
           "Výsledky se ukládají do zdravotní dokumentace pacienta.",
           "Lidé nemusejí kvůli kontrole jezdit desítky kilometrů.",
           "Za první rok se uskutečnilo přes {n} konzultací."),
          ("dostupnější zdravotní péče", "méně cest za lékařem", "včasné zachycení zdravotních potíží"),
          ("Telehealth room in {place}", "Remote doctor consultations in {place}"),
          ("Since {rok}, {place} has run a room where people can check their blood pressure and talk to a doctor on "
           "screen.",
           "In {rok}, {place} agreed with a general practitioner from the nearby town on regular remote "
           "consultations."),
          ("A trained nurse who visits twice a week helps with the measurements.",
           "Results are stored in the patient's health record.",
           "People no longer have to travel dozens of kilometres for a check-up."),
          ("More than {n} consultations took place in the first year.", "Health problems are caught earlier."),
          (200_000, 2_000_000), (100, 900),
          (("IROP", "IROP"), ("z Národního plánu obnovy", "NPO")),
          (("Interreg", "INTERREG"), ("EAFRD / LEADER", "CAP_RURAL"), ("Horizon 2020", "HORIZON_EUROPE"))),
    Theme("coworking", ("business_innovation", "labour_market"), "mistni-ekonomika", ("Local economy", "Jobs"),
          ("Coworkingové centrum v bývalé škole", "Sdílená kancelář pro místní podnikatele", "Podnikatelský inkubátor"),
          ("V roce {rok} vzniklo {v_kde} v přestavěné budově bývalé školy sdílené pracoviště s rychlým internetem.",
           "Od roku {rok} nabízí radnice začínajícím podnikatelům levné kanceláře a poradenství v obecním inkubátoru."),
          ("Místo k práci si lze pronajmout na den, týden nebo měsíc.",
           "Využívají ho lidé, kteří pracují na dálku a nechtějí denně dojíždět do velkého města.",
           "V prostorách se konají semináře o účetnictví a marketingu pro malé firmy.",
           "Obsazenost míst se drží kolem {p} procent.",
           "Několik firem, které tu začínaly, dnes zaměstnává místní lidi."),
          ("méně dojíždění", "nové firmy v obci", "využití prázdné budovy"),
          ("Coworking hub in the old school of {place}", "Business incubator of {place}"),
          ("In {rok}, {place} turned its former school into a shared workspace with fast internet.",
           "Since {rok}, {place} has offered start-ups cheap offices and advice in a municipal incubator."),
          ("Desks can be rented by the day, week or month.",
           "It is used by remote workers who no longer want to commute to the city every day.",
           "Workshops on accounting and marketing for small firms are held there."),
          ("Several firms that started there now employ local people.", "Desk occupancy stays at about {p} per cent."),
          (1_000_000, 15_000_000), (1, 5),
          (("IROP", "IROP"), ("OP TAK", "OP_TAK"), ("Program rozvoje venkova", "CAP_RURAL")),
          (("EAFRD / LEADER", "CAP_RURAL"), ("Interreg Europe", "INTERREG"), ("ERDF regional programme", None))),
    Theme("safe_crossings", ("public_safety", "mobility_transport"), "bezpecnost-a-krize", ("Safety", "Mobility"),
          ("Bezpečné přechody s výstražným osvětlením", "Radary a bezpečná cesta do školy",
           "Bezpečnější cesta dětí do školy"),
          ("V roce {rok} bylo {v_kde} nasvíceno a vybaveno blikajícími výstražnými prvky {n} přechodů pro chodce.",
           "Od roku {rok} měří radary u vjezdů rychlost a ukazují řidičům, jak rychle jedou."),
          ("Výstražná světla se rozblikají, jen když se k přechodu blíží chodec.",
           "Průměrná rychlost aut u školy klesla o několik kilometrů v hodině.",
           "Policie dostává souhrnná data o rychlosti, nikoli údaje o jednotlivých vozidlech.",
           "Bezpečnější trasu do školy navrhly děti spolu s rodiči na společné procházce.",
           "Počet nehod s chodci se od té doby snížil o {p} procent."),
          ("bezpečnější cesta dětí do školy", "nižší rychlost aut", "méně nehod"),
          ("Safer crossings in {place}", "Speed displays and safe routes to school in {place}"),
          ("In {rok}, {place} fitted {n} pedestrian crossings with lighting and flashing warning lights.",
           "Since {rok}, speed displays at the entrances to {place} have shown drivers how fast they are going."),
          ("The warning lights flash only when a pedestrian approaches the crossing.",
           "Children and parents designed the safer route to school on a joint walk.",
           "The police receive speed statistics, never data on single vehicles."),
          ("Accidents involving pedestrians fell by {p} per cent.",
           "Average car speeds near the school dropped by several kilometres per hour."),
          (150_000, 3_500_000), (2, 12),
          (("IROP", "IROP"), (REGIONAL, "REGIONAL_GRANTS")),
          (("national road safety fund", None), ("Interreg", "INTERREG"))),
    Theme("school_digital", ("education",), "obcane-a-komunita", ("Education", "Digital skills"),
          ("Digitální dílna a robotika ve škole", "Tablety a nová výuka na základní škole",
           "Technický kroužek pro děti z okolí"),
          ("V roce {rok} vybavila radnice základní školu učebnou s 3D tiskárnou, stavebnicemi robotů a notebooky.",
           "Od roku {rok} mají žáci {v_kde} k dispozici tablety a učitelé prošli kurzy, jak je smysluplně používat."),
          ("Odpoledne učebnu využívá kroužek pro děti z okolních obcí.",
           "Učitelé se o zkušenosti dělí se školami v sousedních obcích.",
           "Děti si samy naprogramovaly meteostanici, jejíž údaje jsou na webu školy.",
           "Zájem o technické obory mezi absolventy vzrostl o {p} procent.",
           "Část vybavení si půjčují i senioři na kurzech práce s počítačem."),
          ("moderní výuka", "zájem dětí o techniku", "učebna pro celou obec"),
          ("Digital workshop and robotics at the school of {place}", "Tablets and coding classes in {place}"),
          ("In {rok}, {place} equipped its primary school with a lab featuring a 3D printer, robot kits and laptops.",
           "Since {rok}, pupils in {place} have had tablets and their teachers have been trained to use them well."),
          ("In the afternoon the lab hosts a club for children from nearby villages.",
           "Pupils programmed a small weather station whose readings appear on the school website.",
           "Older residents also borrow the laptops at computer courses."),
          ("Interest in technical subjects among school leavers rose by {p} per cent.",
           "Three neighbouring schools now share the lab."),
          (300_000, 4_000_000), (1, 5),
          (("IROP", "IROP"), ("OP JAK", "OP_JAK")),
          (("Erasmus+", None), ("Interreg", "INTERREG"))),
    Theme("community_library", ("community_culture_leisure", "education"), "obcane-a-komunita",
          ("Community", "Culture"),
          ("Knihovna jako komunitní obývák", "Samoobslužná knihovna s výdejním boxem",
           "Komunitní centrum v bývalé hospodě"),
          ("V roce {rok} byla {v_kde} knihovna přestavěna na otevřený prostor pro setkávání, kurzy a práci.",
           "Od roku {rok} si lidé mohou vyzvednout rezervované knihy z výdejního boxu i mimo otevírací dobu."),
          ("Kromě knih si lze půjčit i nářadí, hry a měřák spotřeby elektřiny.",
           "Konají se tu kurzy práce s mobilem pro seniory a večery deskových her.",
           "Počet čtenářů se za dva roky zvýšil o {p} procent.",
           "Program připravují dobrovolníci z místních spolků.",
           "Prostor je bezbariérový a má dětský koutek."),
          ("místo pro setkávání všech generací", "víc čtenářů", "zázemí pro spolky"),
          ("Library as a community living room in {place}", "Self-service library lockers in {place}"),
          ("In {rok}, the library of {place} was rebuilt into an open space for meeting, learning and working.",
           "Since {rok}, residents of {place} have been able to collect reserved books from a locker outside opening "
           "hours."),
          ("Besides books, people can borrow tools, board games and an electricity meter.",
           "Smartphone courses for older people and board-game evenings are held there.",
           "Volunteers from local clubs plan the programme."),
          ("The number of readers rose by {p} per cent in two years.", "Local clubs meet there every week."),
          (200_000, 6_000_000), (1, 5),
          (("IROP", "IROP"), ("Program rozvoje venkova", "CAP_RURAL"), ("Program obnovy venkova", "MMR_NATIONAL")),
          (("EAFRD / LEADER", "CAP_RURAL"), ("Creative Europe", None))),
    Theme("air_quality", ("environment_climate", "ict_infrastructure_data"), "zelen-a-voda", ("Air quality", "Data"),
          ("Síť čidel kvality ovzduší", "Měření prachu v ulicích", "Levné senzory ovzduší na školách"),
          ("V roce {rok} bylo {v_kde} rozmístěno {n} malých čidel, která měří prach, teplotu a vlhkost vzduchu.",
           "Od roku {rok} ukazuje mapa na webu aktuální hodnoty prachu z čidel na školách a sloupech osvětlení."),
          ("Čidla odhalila ulice, kde se v zimě topí nevhodným palivem.",
           "Měření doplňuje oficiální stanici, která je v okrese jen jedna.",
           "Učitelé s daty pracují v hodinách přírodopisu a zeměpisu.",
           "Při zhoršení ovzduší dostanou školy a školky upozornění, aby děti zůstaly uvnitř.",
           "Radnice podle dat zaměřila kampaň na výměnu starých kotlů, do které se zapojilo {p} domácností."),
          ("přehled o ovzduší v každé čtvrti", "cílená opatření proti smogu", "data pro výuku"),
          ("Low-cost air quality sensors in {place}", "Street-level air monitoring in {place}"),
          ("In {rok}, {place} installed {n} small sensors that measure dust, temperature and humidity.",
           "Since {rok}, a map on the website of {place} has shown live dust readings from sensors on schools and "
           "lamp posts."),
          ("The sensors revealed streets where unsuitable fuel is burned in winter.",
           "They complement the single official station in the district.",
           "Teachers use the data in science and geography lessons."),
          ("Schools and nurseries get a warning to keep children indoors when the air gets worse.",
           "A boiler replacement campaign targeted the worst streets."),
          (150_000, 2_000_000), (8, 60),
          (("OPŽP", "OP_ZP"), ("TA ČR", "TACR")),
          (("Horizon 2020", "HORIZON_EUROPE"), ("Horizon Europe", "HORIZON_EUROPE"), ("LIFE", "LIFE"))),
    Theme("energy_management", ("energy", "buildings_housing_urban"), "energetika", ("Energy", "Buildings"),
          ("Energetický management obecních budov", "Dálkové odečty energií ve školách a na úřadě",
           "Řízení vytápění budov na dálku"),
          ("Od roku {rok} sleduje radnice spotřebu tepla, elektřiny a vody ve všech svých budovách pomocí dálkových "
           "odečtů.",
           "V roce {rok} bylo {v_kde} v {n} obecních budovách zavedeno řízení vytápění podle skutečného provozu."),
          ("Energetický manažer každý měsíc porovnává spotřebu budov a hledá odchylky.",
           "Tělocvična se už nevytápí o víkendech, kdy je zavřená.",
           "Únik vody ve školní kuchyni byl díky odečtům objeven během jednoho dne.",
           "Náklady na energie se za tři roky snížily o {p} procent.",
           "Výsledky radnice každoročně zveřejňuje ve zpravodaji."),
          ("nižší spotřeba energie", "rychlé odhalení poruch", "podklady pro další investice"),
          ("Energy management of public buildings in {place}", "Remote meter reading in the schools of {place}"),
          ("Since {rok}, {place} has tracked heat, electricity and water use in all its buildings through remote "
           "meter readings.",
           "In {rok}, {place} introduced heating control based on actual use in {n} public buildings."),
          ("An energy manager compares the buildings every month and looks for deviations.",
           "The gym is no longer heated at weekends when it is closed.",
           "A water leak in the school kitchen was found within a day thanks to the readings."),
          ("Energy costs fell by {p} per cent over three years.", "Results are published every year."),
          (200_000, 3_000_000), (3, 30),
          (("Modernizační fond", "MODERNIZACNI_FOND"), ("program EFEKT", "MPO_EFEKT"),
           ("z Národního plánu obnovy", "NPO")),
          (("Horizon 2020", "HORIZON_EUROPE"), ("LIFE", "LIFE"), ("ELENA facility", None))),
    Theme("crisis_prep", ("resilience_crisis", "public_safety"), "bezpecnost-a-krize", ("Resilience", "Safety"),
          ("Obec připravená na výpadek proudu", "Krizový sklad a záložní zdroj pro úřad",
           "Plán pro dlouhý výpadek elektřiny"),
          ("V roce {rok} pořídila radnice záložní zdroj elektřiny, který při výpadku napájí úřad, školu a čistírnu "
           "vody.",
           "Od roku {rok} je {v_kde} zpracovaný plán pro dlouhý výpadek elektřiny a vody, na kterém se podíleli i "
           "místní hasiči."),
          ("Škola slouží při výpadku jako místo, kde se lidé ohřejí, nabijí mobily a dozvědí se novinky.",
           "V krizovém skladu jsou lůžka, deky, voda a zásoby pro několik desítek lidí.",
           "Seznam lidí, kteří potřebují při krizi pomoc, se vede se souhlasem rodin.",
           "Cvičení s hasiči a sousedními obcemi se koná jednou za dva roky.",
           "Plán je shrnutý na jedné stránce, kterou dostala každá domácnost."),
          ("připravenost na výpadky", "fungující úřad a škola i v krizi", "jistota pro zranitelné obyvatele"),
          ("Blackout-ready {place}", "Backup power and emergency store in {place}"),
          ("In {rok}, {place} bought a backup generator that powers the town hall, the school and the sewage plant "
           "during outages.",
           "Since {rok}, {place} has had a plan for long power and water cuts, drawn up with the local fire brigade."),
          ("During an outage the school becomes a place to warm up, charge mobiles and get news.",
           "The emergency store holds beds, blankets, water and supplies for several dozen people.",
           "Drills with the fire brigade and neighbouring municipalities take place every two years."),
          ("The plan is summarised on one page delivered to every household.",
           "The town hall stayed open during a two-day outage."),
          (300_000, 5_000_000), (1, 5),
          ((REGIONAL, "REGIONAL_GRANTS"), ("Modernizační fond", "MODERNIZACNI_FOND")),
          (("Interreg", "INTERREG"), ("national civil protection fund", None))),
    Theme("village_shop", ("business_innovation", "social_services"), "mistni-ekonomika", ("Local economy",
                                                                                              "Rural services"),
          ("Obecní prodejna s bezobslužným provozem", "Pojízdná prodejna pro odlehlé osady",
           "Samoobslužný obchod na návsi"),
          ("V roce {rok} otevřela radnice v budově bývalé pošty obchod, který funguje i bez prodavače díky vstupu na "
           "kartu a samoobslužné pokladně.",
           "Od roku {rok} zajíždí dvakrát týdně do odlehlých osad pojízdná prodejna, kterou podporuje radnice."),
          ("Přes den je v obchodě prodavačka, večer a o víkendu nakupují lidé sami.",
           "Sortiment doplňují výrobky místních farmářů.",
           "Obchod slouží i jako výdejní místo zásilek.",
           "Bez obchodu by lidé museli za nákupem jezdit do {n} kilometrů vzdáleného města.",
           "Tržby pokryjí provoz, obec hradí jen nájem a energie."),
          ("nákup bez dojíždění", "odbyt pro místní farmáře", "místo, kde se lidé potkávají"),
          ("Self-service village shop in {place}", "Mobile shop for the hamlets of {place}"),
          ("In {rok}, {place} opened a shop in the former post office that also runs without staff thanks to card "
           "entry and a self-checkout.",
           "Since {rok}, a mobile shop supported by {place} has visited outlying hamlets twice a week."),
          ("Local farmers' products complement the range.",
           "The shop is also a parcel pick-up point.",
           "Without it, people would have to drive {n} kilometres to the nearest town."),
          ("Sales cover running costs and the municipality pays only rent and energy.",
           "The shop has become a meeting place."),
          (300_000, 3_000_000), (8, 25),
          (("Program rozvoje venkova", "CAP_RURAL"), (REGIONAL, "REGIONAL_GRANTS"),
           ("Podpora obnovy a rozvoje venkova", "MMR_NATIONAL")),
          (("EAFRD / LEADER", "CAP_RURAL"), ("regional rural grant", None))),
)
THEME_BY_KEY = {t.key: t for t in THEMES}
CATEGORY_LABEL = dict(CATEGORIES)

# Contact people: invented names; (male first, female first) and (male, female) surnames
CZ_FIRST_M = ("Petr", "Jan", "Martin", "Tomáš", "Pavel", "Jiří", "Josef", "Lukáš", "Michal", "David", "Ondřej")
CZ_FIRST_F = ("Jana", "Eva", "Hana", "Lenka", "Petra", "Lucie", "Kateřina", "Martina", "Alena", "Marie", "Zuzana")
CZ_LAST = (("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"),
           ("Procházka", "Procházková"), ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Horák", "Horáková"),
           ("Němec", "Němcová"), ("Pokorný", "Pokorná"), ("Pospíšil", "Pospíšilová"), ("Hájek", "Hájková"),
           ("Jelínek", "Jelínková"), ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"))
CZ_TITLES = ("Ing.", "Mgr.", "Bc.", "", "", "Ing. arch.")
CZ_ROLES = (("starosta", "starostka"), ("místostarosta", "místostarostka"),
            ("koordinátor projektu", "koordinátorka projektu"), ("vedoucí odboru rozvoje", "vedoucí odboru rozvoje"),
            ("referent investic", "referentka investic"))
EN_FIRST = ("Maria", "Jan", "Kaisa", "Lars", "Sophie", "Luca", "Anna", "Pieter", "Mikko", "Ana", "Tomasz", "Péter",
            "Nina", "Jonas", "Elena", "Marco", "Aoife", "Nikos", "Ingrid", "Paul")
EN_LAST = ("García", "de Vries", "Tamm", "Nilsson", "Dubois", "Rossi", "Kowalska", "Jansen", "Virtanen", "Silva",
           "Nowak", "Nagy", "Berg", "Schmidt", "Papadopoulos", "Murphy", "Peeters", "Horvat", "Lindqvist", "Ferreira")
EN_ROLES = ("Project Officer", "Smart City Coordinator", "Head of Development", "Mayor's Office", "Energy Manager")

CZ_CONTACT_SENTENCES = (
    "Bližší informace poskytne {jmeno}, tel. {tel}, e-mail {email}.",
    "Zájemci o zkušenosti se mohou obrátit na {jmeno} ({email}).",
    "Projekt na radnici koordinuje {jmeno}, telefon {tel}.",
    "Projekt koordinuje {jmeno}.",
)
EN_CONTACT_SENTENCES = (
    "For more information contact {name} at {email} or {phone}.",
    "Questions can be sent to {name} ({email}).",
    "{name} coordinates the project at the town hall.",
)

# Foreign places: (name, ISO 3166-1 alpha-2, region, rounded population)
FOREIGN_PLACES: tuple[tuple[str, str, str, int], ...] = (
    ("Santander", "ES", "Cantabria", 172_000), ("Valladolid", "ES", "Castilla y León", 298_000),
    ("Sant Cugat del Vallès", "ES", "Catalonia", 92_000), ("Lalín", "ES", "Galicia", 20_000),
    ("Alcalá del Júcar", "ES", "Castilla-La Mancha", 1_200), ("Évora", "PT", "Alentejo", 53_000),
    ("Mértola", "PT", "Alentejo", 6_200), ("Fundão", "PT", "Centro", 26_000),
    ("Lormes", "FR", "Bourgogne-Franche-Comté", 1_250), ("Grenoble", "FR", "Auvergne-Rhône-Alpes", 158_000),
    ("Loos-en-Gohelle", "FR", "Hauts-de-France", 6_800), ("Malaunay", "FR", "Normandie", 6_000),
    ("Feldheim", "DE", "Brandenburg", 130), ("Wildpoldsried", "DE", "Bayern", 2_600),
    ("Ludwigsburg", "DE", "Baden-Württemberg", 94_000), ("Darmstadt", "DE", "Hessen", 160_000),
    ("Güssing", "AT", "Burgenland", 3_800), ("Villach", "AT", "Kärnten", 63_000),
    ("Zwettl", "AT", "Niederösterreich", 10_800), ("Eindhoven", "NL", "Noord-Brabant", 238_000),
    ("Zwolle", "NL", "Overijssel", 130_000), ("Hoogeveen", "NL", "Drenthe", 55_000),
    ("Leuven", "BE", "Flemish Brabant", 102_000), ("Kortrijk", "BE", "West Flanders", 78_000),
    ("Kalundborg", "DK", "Zealand", 16_500), ("Samsø", "DK", "Central Denmark", 3_700),
    ("Umeå", "SE", "Västerbotten", 130_000), ("Vilhelmina", "SE", "Västerbotten", 6_700),
    ("Växjö", "SE", "Kronoberg", 95_000), ("Tampere", "FI", "Pirkanmaa", 244_000),
    ("Ii", "FI", "North Ostrobothnia", 9_800), ("Tartu", "EE", "Tartu County", 97_000),
    ("Kihnu", "EE", "Pärnu County", 700), ("Cēsis", "LV", "Vidzeme", 15_000),
    ("Birštonas", "LT", "Kaunas County", 4_300), ("Gdynia", "PL", "Pomorskie", 244_000),
    ("Łomża", "PL", "Podlaskie", 62_000), ("Nowe Warpno", "PL", "Zachodniopomorskie", 1_100),
    ("Hriňová", "SK", "Banská Bystrica", 7_600), ("Spišská Belá", "SK", "Prešov", 6_700),
    ("Trnava", "SK", "Trnava", 63_000), ("Kranj", "SI", "Upper Carniola", 56_000),
    ("Bohinj", "SI", "Upper Carniola", 5_200), ("Kővágóörs", "HU", "Veszprém", 800),
    ("Szeged", "HU", "Csongrád-Csanád", 160_000), ("Bolzano", "IT", "Trentino-South Tyrol", 107_000),
    ("Pescomaggiore", "IT", "Abruzzo", 50), ("Ferrara", "IT", "Emilia-Romagna", 130_000),
    ("Cloughjordan", "IE", "Tipperary", 600), ("Trikala", "GR", "Thessaly", 81_000),
    ("Osijek", "HR", "Osijek-Baranja", 96_000), ("Alba Iulia", "RO", "Alba", 64_000),
)
COUNTRY_NAMES = {"ES": "Spain", "PT": "Portugal", "FR": "France", "DE": "Germany", "AT": "Austria",
                 "NL": "Netherlands", "BE": "Belgium", "DK": "Denmark", "SE": "Sweden", "FI": "Finland",
                 "EE": "Estonia", "LV": "Latvia", "LT": "Lithuania", "PL": "Poland", "SK": "Slovakia",
                 "SI": "Slovenia", "HU": "Hungary", "IT": "Italy", "IE": "Ireland", "GR": "Greece", "HR": "Croatia",
                 "RO": "Romania", "CZ": "Czechia"}
CALLING_CODES = {"ES": "34", "PT": "351", "FR": "33", "DE": "49", "AT": "43", "NL": "31", "BE": "32", "DK": "45",
                 "SE": "46", "FI": "358", "EE": "372", "LV": "371", "LT": "370", "PL": "48", "SK": "421",
                 "SI": "386", "HU": "36", "IT": "39", "IE": "353", "GR": "30", "HR": "385", "RO": "40", "CZ": "420"}
TLDS = {"GR": "gr", "CZ": "cz"}


@dataclass(frozen=True)
class Contact:
    """The person responsible (invented): what the harvest must never keep."""

    name: str  # first and last name, without degrees
    display: str  # as the form writes it ("Ing. Jana Nováková")
    role: str
    email: str
    phone: str


@dataclass(frozen=True)
class Practice:
    """One catalogue entry: what the detail page shows and what the truth says."""

    practice_id: str  # the slug (Czech catalogue) or the numeric id (foreign catalogue)
    path: str
    theme: str
    title: str
    paragraphs: tuple[str, ...]  # the description as shown (may name the contact person)
    description: str  # the description without any sentence naming the contact (truth)
    benefits: tuple[str, ...]
    municipality_name: str
    municipality_code: str | None
    district: str | None
    region: str
    country: str
    population: int
    place_shown: str  # the municipality field as the page writes it
    population_shown: str
    category: str  # the Czech catalogue's category slug ("" in the foreign one)
    topics: tuple[str, ...]
    areas: tuple[str, ...]
    cost_shown: str | None
    cost_czk: int | None
    funding_texts: tuple[str, ...]
    funding_codes: tuple[str, ...]
    year_shown: str
    year: int
    contact: Contact


@dataclass
class Catalogue:
    """One replica site: its practices and how its pages are laid out."""

    catalogue_id: str
    name: str
    language: str
    start_path: str
    page_size: int
    practices: list[Practice] = field(default_factory=list)

    def by_path(self) -> dict[str, Practice]:
        return {p.path: p for p in self.practices}


# ------------------------------------------------------------------ small helpers
def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    """ASCII slug of a title, as WordPress-like catalogues build their URLs."""
    out, dash = [], False
    for ch in _ascii(text).lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def _thousands(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _kraj_genitive(kraj_name: str) -> str:
    """"Pardubický kraj" -> "Pardubického kraje", "Kraj Vysočina" -> "Kraje Vysočina" (as demo_web.registry.Kraj)."""
    for k in load_kraje():
        if k.name == kraj_name:
            return k.genitive
    return kraj_name


def _v_kde(m: Municipality) -> str:
    """Where a thing was done: "v obci Lhota", "ve městě Polička", "v městysi Pec" (no declension of the name)."""
    return {"města": "ve městě", "městyse": "v městysi"}.get(m.status_genitive, "v obci") + " " + m.name


def _fill(template: str, **values) -> str:
    return template.format(**values)


# ------------------------------------------------------------------ costs, funding, years, contacts
def _cz_cost(rng: random.Random, theme: Theme) -> tuple[str | None, int | None]:
    """A cost written the ways Czech municipalities write it, and its exact CZK value."""
    if rng.random() < 0.1:
        return None, None
    low, high = theme.cost
    amount = rng.randint(low, high)
    style = rng.choice(("mil", "mil", "plain", "plain", "cca", "milionu", "tis", "dph"))
    if style in ("mil", "cca", "milionu") and amount < 1_000_000:
        style = "tis" if style != "mil" else "plain"
    if style == "mil":
        tenths = max(10, round(amount / 100_000))
        return f"{tenths // 10},{tenths % 10} mil. Kč", tenths * 100_000
    if style == "cca":
        mil = max(1, round(amount / 1_000_000))
        return f"cca {mil} mil. Kč", mil * 1_000_000
    if style == "milionu":
        hundredths = round(amount / 10_000)
        return f"{hundredths // 100},{hundredths % 100:02d} milionu Kč", hundredths * 10_000
    if style == "tis" and amount < 1_000_000:
        thousands = round(amount / 1_000)
        return f"{thousands} tis. Kč", thousands * 1_000
    rounded = round(amount / 1_000) * 1_000
    sep = rng.choice((" ", "\u00a0", "."))
    suffix = " bez DPH" if style == "dph" else rng.choice(("", "", ",-"))
    if suffix == ",-":
        return f"{_thousands(rounded, sep)},- Kč", rounded
    return f"{_thousands(rounded, sep)} Kč{suffix}", rounded


def _eu_cost(rng: random.Random, theme: Theme, czech: bool) -> tuple[str | None, int | None]:
    """A budget written the ways EU project pages write it, and its CZK value at EUR_CZK."""
    if rng.random() < 0.12:
        return rng.choice((None, "n/a")), None
    low, high = theme.cost
    eur = rng.randint(low, high) // EUR_CZK
    if czech and rng.random() < 0.4:
        czk = round(eur * EUR_CZK / 1_000) * 1_000
        return f"CZK {czk:,}", czk
    if eur >= 1_000_000 and rng.random() < 0.5:
        tenths = round(eur / 100_000)
        text = rng.choice(("€{v} million", "EUR {v} million", "€ {v} m"))
        return text.format(v=f"{tenths / 10:.1f}"), tenths * 100_000 * EUR_CZK
    eur = round(eur / 1_000) * 1_000 or 1_000
    style = rng.choice(("EUR {c}", "EUR {c}", "€{c}", "€ {s}", "{c} EUR"))
    return style.format(c=f"{eur:,}", s=_thousands(eur, " ")), eur * EUR_CZK


def _funding(rng: random.Random, options: tuple[tuple[str, str | None], ...], own: tuple[tuple[str, str | None], ...],
             kraj_gen: str) -> list[tuple[str, str | None]]:
    """One or two programmes of the theme, often with the municipality's own money."""
    chosen: list[tuple[str, str | None]] = []
    if options and rng.random() < 0.85:
        chosen += rng.sample(options, k=min(len(options), rng.choice((1, 1, 2))))
    if not chosen or rng.random() < 0.5:
        chosen.append(rng.choice(own))
    return [(text.format(kraj=kraj_gen), code) for text, code in chosen]


def _year(rng: random.Random) -> tuple[int, str]:
    """(start year, the year as the form writes it); the truth year is the last year written."""
    start = rng.randint(2016, 2024)
    if rng.random() < 0.25 and start < 2024:
        end = start + rng.choice((1, 1, 2))
        return start, f"{start}–{min(end, 2025)}"
    return start, str(start)


def _phone_cz(rng: random.Random) -> str:
    head = rng.choice(("4", "5", "3", "6", "7"))
    digits = head + "".join(str(rng.randint(0, 9)) for _ in range(8))
    grouped = f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return rng.choice((f"+420 {grouped}", grouped))


def _phone_intl(rng: random.Random, country: str) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return f"+{CALLING_CODES[country]} {digits[:2]} {digits[2:5]} {digits[5:]}"


def _cz_contact(rng: random.Random, m: Municipality) -> Contact:
    female = rng.random() < 0.5
    first = rng.choice(CZ_FIRST_F if female else CZ_FIRST_M)
    last = rng.choice(CZ_LAST)[1 if female else 0]
    title = rng.choice(CZ_TITLES)
    role = rng.choice(CZ_ROLES)[1 if female else 0]
    domain = rng.choice(("{s}.cz", "obec-{s}.cz", "mesto-{s}.cz", "ou-{s}.cz")).format(s=slugify(m.name))
    if rng.random() < 0.5:
        domain = domain.replace("-", "")  # "obeckozlovice.cz" as often as "obec-kozlovice.cz"
    email = f"{slugify(first)}.{slugify(last)}@{domain}"
    name = f"{first} {last}"
    return Contact(name=name, display=f"{title} {name}".strip(), role=role, email=email, phone=_phone_cz(rng))


def _en_contact(rng: random.Random, place: str, country: str) -> Contact:
    first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
    tld = TLDS.get(country, country.lower())
    email = f"{slugify(first)}.{slugify(last).replace('-', '')}@{slugify(place).replace('-', '')}.{tld}"
    phone = _phone_cz(rng) if country == "CZ" else _phone_intl(rng, country)
    if country == "CZ" and not phone.startswith("+"):
        phone = "+420 " + phone
    name = f"{first} {last}"
    return Contact(name=name, display=name, role=rng.choice(EN_ROLES), email=email, phone=phone)


def _paragraphs(rng: random.Random, what: tuple[str, ...], more: tuple[str, ...], contact_sentence: str | None,
                values: dict) -> tuple[tuple[str, ...], str]:
    """(paragraphs as shown, description without the contact sentence)."""
    sentences = [_fill(rng.choice(what), **values)] + [_fill(s, **values) for s in
                                                       rng.sample(more, k=min(len(more), rng.choice((2, 3))))]
    clean = " ".join(sentences)
    if contact_sentence:
        sentences.insert(rng.randint(2, len(sentences)), contact_sentence)
    cut = rng.choice((1, 2))
    paras = (" ".join(sentences[:cut]), " ".join(sentences[cut:]))
    return tuple(p for p in paras if p), clean


# ------------------------------------------------------------------ the two catalogues
def _cz_practice(rng: random.Random, theme: Theme, m: Municipality, used: set[str]) -> Practice:
    start, year_shown = _year(rng)
    kraj_gen = _kraj_genitive(m.kraj_name)
    values = {"v_kde": _v_kde(m), "rok": start, "n": rng.randint(*theme.n), "p": rng.randint(12, 60)}
    contact = _cz_contact(rng, m)
    contact_sentence = None
    if rng.random() < 0.3:
        contact_sentence = rng.choice(CZ_CONTACT_SENTENCES).format(jmeno=contact.display, tel=contact.phone,
                                                                   email=contact.email)
    paragraphs, description = _paragraphs(rng, theme.cz_what, theme.cz_more, contact_sentence, values)
    base = rng.choice(theme.cz_titles)
    title = rng.choice(("{t} – {m}", "{m}: {t}", "{t} ({m})")).format(t=base, m=m.name)
    slug = slugify(f"{base} {m.name}")
    while slug in used:
        slug += "-2"
    used.add(slug)
    place = rng.choice(("{n}", "{n}", "{n}, okres {o}", "{n} (okres {o})")).format(n=m.name, o=m.okres)
    pop_shown = _thousands(m.population, rng.choice((" ", "\u00a0", "\u00a0"))) if m.population >= 1000 and \
        rng.random() < 0.85 else str(m.population)
    cost_shown, cost = _cz_cost(rng, theme)
    funding = _funding(rng, theme.cz_funding, OWN_CZ, kraj_gen) if rng.random() < 0.93 else []
    return Practice(
        practice_id=slug, path=f"{CZ_ROOT}{slug}/", theme=theme.key, title=title, paragraphs=paragraphs,
        description=description, benefits=tuple(rng.sample(theme.cz_benefits, k=rng.choice((2, 3)))),
        municipality_name=m.name, municipality_code=m.code, district=m.okres, region=m.kraj_name, country="CZ",
        population=m.population, place_shown=place, population_shown=pop_shown, category=theme.category,
        topics=(CATEGORY_LABEL[theme.category],), areas=theme.areas, cost_shown=cost_shown, cost_czk=cost,
        funding_texts=tuple(t for t, _ in funding), funding_codes=tuple(sorted({c for _, c in funding if c})),
        year_shown=year_shown, year=int(year_shown[-4:]), contact=contact)


def _eu_practice(rng: random.Random, theme: Theme, pid: int, place: tuple[str, str, str, int],
                 m: Municipality | None) -> Practice:
    name, country, region, population = place
    start, year_shown = _year(rng)
    values = {"place": name, "rok": start, "n": rng.randint(*theme.n), "p": rng.randint(12, 60)}
    contact = _en_contact(rng, name, country)
    contact_sentence = None
    if rng.random() < 0.3:
        contact_sentence = rng.choice(EN_CONTACT_SENTENCES).format(name=contact.name, email=contact.email,
                                                                   phone=contact.phone)
    paragraphs, description = _paragraphs(rng, theme.en_what, theme.en_more, contact_sentence, values)
    cost_shown, cost = _eu_cost(rng, theme, czech=m is not None)
    funding = _funding(rng, theme.en_funding, OWN_EN, "")
    if m is not None and rng.random() < 0.5:
        funding = [("IROP", "IROP")] + [f for f in funding if f[1] != "IROP"]
    pop_shown = rng.choice(("{p}", "{p}", "{p} inhabitants", "approx. {p}")).format(p=f"{population:,}")
    return Practice(
        practice_id=str(pid), path=f"{EU_LIST}/{pid}", theme=theme.key,
        title=_fill(rng.choice(theme.en_titles), place=name), paragraphs=paragraphs, description=description,
        benefits=tuple(_fill(r, **values) for r in theme.en_results), municipality_name=name,
        municipality_code=m.code if m else None, district=m.okres if m else None, region=region, country=country,
        population=population, place_shown=name, population_shown=pop_shown, category="", topics=theme.tags,
        areas=theme.areas, cost_shown=cost_shown, cost_czk=cost, funding_texts=tuple(t for t, _ in funding),
        funding_codes=tuple(sorted({c for _, c in funding if c})), year_shown=year_shown,
        year=int(year_shown[-4:]), contact=contact)


def _themes_in_turn(rng: random.Random, count: int) -> list[Theme]:
    """Every theme before any repeats, so every category has entries."""
    out: list[Theme] = []
    while len(out) < count:
        batch = list(THEMES)
        rng.shuffle(batch)
        out += batch
    return out[:count]


def build_cz_catalogue(seed: int) -> Catalogue:
    """The SMO-style Czech catalogue: real municipalities of every size class, a uniform form per example."""
    rng = random.Random(f"good-practices:{seed}:{CZ_ID}")
    count = rng.randint(42, 54)
    classes = rng.choices(("village_xs", "village", "small_town", "town", "city"), weights=(3, 4, 3, 2, 1), k=count)
    municipalities = choose_municipalities(rng, classes)
    used: set[str] = set()
    practices = [_cz_practice(rng, theme, m, used) for theme, m in zip(_themes_in_turn(rng, count), municipalities)]
    return Catalogue(CZ_ID, "SMART Česko – příklady dobré praxe", "cs", CZ_ROOT, CZ_PAGE_SIZE, practices)


def build_eu_catalogue(seed: int) -> Catalogue:
    """The EU-marketplace-style catalogue: mostly foreign places, a few Czech municipalities."""
    rng = random.Random(f"good-practices:{seed}:{EU_ID}")
    count = rng.randint(36, 48)
    czech = rng.randint(4, 6)
    places: list[tuple[tuple[str, str, str, int], Municipality | None]] = [
        (p, None) for p in rng.sample(FOREIGN_PLACES, count - czech)]
    for m in choose_municipalities(rng, rng.choices(("village", "small_town", "town", "city"), k=czech)):
        places.append(((m.name, "CZ", m.kraj_name, m.population), m))
    rng.shuffle(places)
    ids = sorted(rng.sample(range(1000, 9999), count), reverse=True)  # newest (highest id) first, as listed
    practices = [_eu_practice(rng, theme, pid, place, m)
                 for theme, pid, (place, m) in zip(_themes_in_turn(rng, count), ids, places)]
    return Catalogue(EU_ID, "Smart Solutions Marketplace", "en", f"{EU_LIST}?page=1", EU_PAGE_SIZE, practices)


def build_catalogues(seed: int = 2026) -> list[Catalogue]:
    """Both replicas for a seed (the same pages and truth for the same seed)."""
    return [build_cz_catalogue(seed), build_eu_catalogue(seed)]


def truth_rows(catalogues: list[Catalogue]) -> list[dict]:
    """One row per practice: what a perfect harvest of its detail page would know (plus the contact to avoid)."""
    rows = []
    for cat in catalogues:
        for p in cat.practices:
            rows.append({
                "catalogue_id": cat.catalogue_id, "path": p.path, "language": cat.language, "title": p.title,
                "description": p.description, "municipality_name": p.municipality_name,
                "municipality_code": p.municipality_code, "district": p.district, "region": p.region,
                "country": p.country, "population": p.population, "size_class": size_class(p.population),
                "areas": list(p.areas), "topics": list(p.topics), "funding_texts": list(p.funding_texts),
                "funding_codes": list(p.funding_codes), "cost_czk": p.cost_czk, "year": p.year,
                "contact_name": p.contact.name, "contact_email": p.contact.email, "contact_phone": p.contact.phone,
            })
    return rows


# ------------------------------------------------------------------ serving
def _page(lang: str, title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n<body>\n{body}\n'
            f"</body></html>\n").encode("utf-8")


def _ok(body: bytes, ctype: str = HTML_TYPE) -> Reply:
    return Reply(200, {"Content-Type": ctype}, body)


def _not_found(cat: Catalogue) -> Reply:
    if cat.language == "cs":
        body = _page("cs", "Stránka nenalezena", '<h1>404 – Stránka nenalezena</h1><p><a href="/">Úvod</a></p>')
    else:
        body = _page("en", "Page not found", '<h1>404 – Page not found</h1><p><a href="/">Home</a></p>')
    return Reply(404, {"Content-Type": HTML_TYPE}, body)


def _page_number(query: dict[str, list[str]], key: str) -> int | None:
    raw = query.get(key, ["1"])[0]
    return int(raw) if raw.isdigit() and not raw.startswith("0") else None


def respond(catalogue: Catalogue, path_qs: str) -> Reply:
    """The reply for one request target of a catalogue (GET semantics)."""
    parts = urlsplit(path_qs)
    if parts.path == "/robots.txt":
        return Reply(200, {"Content-Type": "text/plain; charset=utf-8"}, b"User-agent: *\nAllow: /\n")
    query = parse_qs(parts.query)
    if catalogue.language == "cs":
        return _cz_respond(catalogue, parts.path, query)
    return _eu_respond(catalogue, parts.path, query)


def _cz_chrome(inner: str) -> str:
    return ('<header class="hlavicka"><a class="logo" href="/">SMART Česko</a><nav><ul>'
            f'<li><a href="/">Úvod</a></li><li><a href="{CZ_ROOT}">Příklady dobré praxe</a></li>'
            '<li><a href="/o-projektu/">O projektu</a></li></ul></nav></header>\n'
            f'<main class="obsah">{inner}</main>\n<footer><p>Svaz měst a obcí – SMART Česko (replika pro testy)</p>'
            "</footer>")


def _cz_listing_url(category: str, page: int) -> str:
    return f"{CZ_ROOT}?kategorie={category}&strana={page}"


def _cz_respond(cat: Catalogue, path: str, query: dict[str, list[str]]) -> Reply:
    if path == "/":
        cats = "".join(f'<li><a href="{html.escape(_cz_listing_url(s, 1))}">{html.escape(label)}</a></li>'
                       for s, label in CATEGORIES)
        return _ok(_page("cs", "SMART Česko", _cz_chrome(
            "<h1>SMART Česko</h1><p>Inspirace pro obce a města: ověřená řešení, která už někde fungují.</p>"
            f'<p><a href="{CZ_ROOT}">Všechny příklady dobré praxe</a></p><ul class="kategorie">{cats}</ul>')))
    if path in (CZ_ROOT.rstrip("/"), "/o-projektu"):
        return Reply(301, {"Location": path + "/", "Content-Type": HTML_TYPE}, b"")
    if path == "/o-projektu/":
        return _ok(_page("cs", "O projektu – SMART Česko", _cz_chrome(
            "<h1>O projektu</h1><p>Sbírka příkladů, jak si obce poradily s energiemi, dopravou, vodou nebo "
            "službami pro občany.</p>")))
    if path == CZ_ROOT:
        if "kategorie" not in query:
            return _ok(_cz_index(cat))
        page = _page_number(query, "strana")
        slug = query["kategorie"][0]
        return _cz_listing(cat, slug, page) if page else _not_found(cat)
    by_path = cat.by_path()
    practice = by_path.get(path)
    if practice is None and path.startswith(CZ_ROOT) and (path + "/") in by_path:
        return Reply(301, {"Location": path + "/", "Content-Type": HTML_TYPE}, b"")  # WordPress adds the slash
    if practice is None:
        return _not_found(cat)
    return _ok(_cz_detail(cat, practice))


def _cz_index(cat: Catalogue) -> bytes:
    counts = {s: sum(p.category == s for p in cat.practices) for s, _ in CATEGORIES}
    items = "".join(f'<li><a href="{html.escape(_cz_listing_url(s, 1))}">{html.escape(label)}</a> ({counts[s]})</li>'
                    for s, label in CATEGORIES)
    return _page("cs", "Příklady dobré praxe – SMART Česko", _cz_chrome(
        f"<h1>Příklady dobré praxe</h1><p>Celkem {len(cat.practices)} příkladů v {len(CATEGORIES)} oblastech.</p>"
        f'<ul class="oblasti">{items}</ul>'))


def _cz_listing(cat: Catalogue, slug: str, page: int) -> Reply:
    members = [p for p in cat.practices if p.category == slug]
    if slug not in CATEGORY_LABEL or not members:
        return _not_found(cat)
    pages = (len(members) + cat.page_size - 1) // cat.page_size
    if page > pages:
        return _not_found(cat)
    chunk = members[(page - 1) * cat.page_size: page * cat.page_size]
    cards = "".join(
        f'<div class="karta"><h2><a href="{p.path}">{html.escape(p.title)}</a></h2>'
        f'<p class="misto">{html.escape(p.municipality_name)}, {html.escape(p.region)}</p>'
        f'<p class="upoutavka">{html.escape(p.paragraphs[0].split(". ")[0].rstrip("."))}.</p>'
        f'<p><a href="{p.path}">Číst dál</a></p></div>' for p in chunk)
    pager = []
    if page > 1:
        pager.append(f'<a rel="prev" href="{html.escape(_cz_listing_url(slug, page - 1))}">« Předchozí</a>')
    for n in range(1, pages + 1):
        pager.append(f"<span>{n}</span>" if n == page else
                     f'<a href="{html.escape(_cz_listing_url(slug, n))}">{n}</a>')
    if page < pages:
        pager.append(f'<a rel="next" href="{html.escape(_cz_listing_url(slug, page + 1))}">Další »</a>')
    label = CATEGORY_LABEL[slug]
    body = _cz_chrome(
        f'<p class="drobecky"><a href="/">Úvod</a> / <a href="{CZ_ROOT}">Příklady dobré praxe</a> / '
        f"{html.escape(label)}</p><h1>{html.escape(label)}</h1>"
        f'<div class="vypis">{cards}</div><div class="strankovani">{" ".join(pager)}</div>')
    return _ok(_page("cs", f"{label} – Příklady dobré praxe – SMART Česko", body))


def _row(label: str, value_html: str) -> str:
    return f'<tr><th scope="row">{label}</th><td>{value_html}</td></tr>'


def _cz_detail(cat: Catalogue, p: Practice) -> bytes:
    e = html.escape
    c = p.contact
    rows = [_row("Název", e(p.title)), _row("Obec", e(p.place_shown)), _row("Kraj", e(p.region)),
            _row("Počet obyvatel", e(p.population_shown)), _row("Oblast", e(CATEGORY_LABEL[p.category])),
            _row("Popis", "".join(f"<p>{e(x)}</p>" for x in p.paragraphs)),
            _row("Přínosy", "<ul>" + "".join(f"<li>{e(b)}</li>" for b in p.benefits) + "</ul>"),
            _row("Náklady", e(p.cost_shown) if p.cost_shown else "neuvedeno"),
            _row("Financování", e(", ".join(p.funding_texts)) if p.funding_texts else "–"),
            _row("Rok realizace", e(p.year_shown)),
            _row("Kontakt", f"{e(c.display)}, {e(c.role)}<br>e-mail: <a href=\"mailto:{e(c.email)}\">{e(c.email)}</a>"
                            f"<br>tel.: {e(c.phone)}")]
    related = [q for q in cat.practices if q.category == p.category and q.path != p.path][:3]
    more = "".join(f'<li><a href="{q.path}">{e(q.title)}</a></li>' for q in related)
    body = _cz_chrome(
        f'<p class="drobecky"><a href="/">Úvod</a> / <a href="{CZ_ROOT}">Příklady dobré praxe</a> / '
        f'<a href="{e(_cz_listing_url(p.category, 1))}">{e(CATEGORY_LABEL[p.category])}</a></p>'
        f'<article class="priklad"><h1>{e(p.title)}</h1><table class="karta-prikladu"><tbody>{"".join(rows)}'
        f"</tbody></table></article>"
        f'<aside class="dalsi"><h2>Další příklady z oblasti</h2><ul>{more}</ul></aside>')
    return _page("cs", f"{p.title} – Příklady dobré praxe – SMART Česko", body)


def _eu_chrome(inner: str) -> str:
    return ('<div class="site-header"><a class="brand" href="/">Smart Solutions Marketplace</a>'
            f'<a href="{EU_LIST}?page=1">Solutions</a> <a href="/about">About</a></div>\n'
            f'<div id="content" class="container">{inner}</div>\n'
            '<div class="site-footer">Replica of an EU solutions catalogue, built for tests.</div>')


def _eu_respond(cat: Catalogue, path: str, query: dict[str, list[str]]) -> Reply:
    if path == "/":
        return _ok(_page("en", "Smart Solutions Marketplace", _eu_chrome(
            "<h1>Smart Solutions Marketplace</h1><p>Solutions from cities and villages across Europe, ready to "
            f'be reused.</p><p><a class="button" href="{EU_LIST}?page=1">Browse all solutions</a></p>')))
    if path == "/about":
        return _ok(_page("en", "About", _eu_chrome("<h1>About</h1><p>A catalogue of replicable solutions.</p>")))
    if path in (EU_LIST, EU_FEED):
        page = _page_number(query, "page")
        pages = (len(cat.practices) + cat.page_size - 1) // cat.page_size
        if not page or page > pages:
            return _not_found(cat)
        chunk = cat.practices[(page - 1) * cat.page_size: page * cat.page_size]
        if path == EU_FEED:
            return _ok(_eu_feed(chunk, page, pages, len(cat.practices)), "application/json; charset=utf-8")
        return _ok(_eu_listing(chunk, page, pages))
    practice = cat.by_path().get(path)
    return _ok(_eu_detail(cat, practice)) if practice else _not_found(cat)


def _eu_feed(chunk: list[Practice], page: int, pages: int, total: int) -> bytes:
    items = [{"id": int(p.practice_id), "title": p.title, "country": COUNTRY_NAMES[p.country],
              "place": p.municipality_name, "topics": list(p.topics), "year": p.year_shown, "url": p.path}
             for p in chunk]
    data = {"page": page, "pages": pages, "total": total, "items": items,
            "next": f"{EU_FEED}?page={page + 1}" if page < pages else None}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _eu_listing(chunk: list[Practice], page: int, pages: int) -> bytes:
    e = html.escape
    rows = "".join(
        f'<tr><td><a href="{p.path}">{e(p.title)}</a></td><td>{e(COUNTRY_NAMES[p.country])}</td>'
        f"<td>{e(p.municipality_name)}</td><td>{e(', '.join(p.topics))}</td><td>{e(p.year_shown)}</td></tr>"
        for p in chunk)
    nav = []
    if page > 1:
        nav.append(f'<a rel="prev" href="{EU_LIST}?page={page - 1}">Previous</a>')
    nav.append(f"<span>Page {page} of {pages}</span>")
    if page < pages:
        nav.append(f'<a rel="next" href="{EU_LIST}?page={page + 1}">Next</a>')
    body = _eu_chrome(
        f'<h1>Solutions</h1><div id="solutions-app" data-feed="{EU_FEED}?page={page}">'
        '<table class="solutions"><thead><tr><th>Solution</th><th>Country</th><th>Place</th><th>Topics</th>'
        f'<th>Year</th></tr></thead><tbody>{rows}</tbody></table></div><div class="pager">{" ".join(nav)}</div>')
    return _page("en", f"Solutions – page {page} | Smart Solutions Marketplace", body)


def _eu_detail(cat: Catalogue, p: Practice) -> bytes:
    e = html.escape
    c = p.contact
    kind = "City" if p.population >= 10_000 else "Town" if p.population >= 2_000 else "Village"
    year_label = "Implementation period" if "–" in p.year_shown else "Year"
    funding = "<ul>" + "".join(f"<li>{e(f)}</li>" for f in p.funding_texts) + "</ul>"
    facts = [("Country", e(COUNTRY_NAMES[p.country])), (kind, e(p.place_shown)), ("Region", e(p.region)),
             ("Population", e(p.population_shown)), ("Budget", e(p.cost_shown) if p.cost_shown else "n/a"),
             ("Funding", funding), (year_label, e(p.year_shown))]
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    tags = "".join(f'<li class="tag">{e(t)}</li>' for t in p.topics)
    related = [q for q in cat.practices if q.theme == p.theme and q.path != p.path][:2]
    more = "".join(f'<li><a href="{q.path}">{e(q.title)}</a></li>' for q in related)
    body = _eu_chrome(
        f'<nav class="breadcrumb"><a href="/">Home</a> › <a href="{EU_LIST}?page=1">Solutions</a></nav>'
        f'<div class="solution"><div class="solution-header"><h1 class="solution-title">{e(p.title)}</h1>'
        f'<ul class="tags">{tags}</ul></div>'
        f'<div class="solution-body"><section class="summary"><h2>Summary</h2>'
        + "".join(f"<p>{e(x)}</p>" for x in p.paragraphs) +
        '</section><section class="results"><h2>Results</h2><ul>'
        + "".join(f"<li>{e(r)}</li>" for r in p.benefits) +
        f'</ul></section></div><aside class="factsheet"><h2>Key facts</h2><dl>{dl}</dl>'
        f'<h2>Contact person</h2><p class="contact"><span class="name">{e(c.display)}</span>, {e(c.role)}<br>'
        f'<a href="mailto:{e(c.email)}">{e(c.email)}</a><br>{e(c.phone)}</p></aside></div>'
        f'<div class="related"><h2>Similar solutions</h2><ul>{more}</ul></div>')
    return _page("en", f"{p.title} | Smart Solutions Marketplace", body)
