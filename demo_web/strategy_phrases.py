"""Sentence banks of strategy documents: the generator's own wording of what Czech plans say.

Every part of a strategy (introduction, preparation, analysis, SWOT, vision, priority areas, measures,
indicators, financing, implementation, validity and approval) has several wordings here; strategy_texts.py
picks among them with the document's own RNG and fills the placeholders from the municipality's own
places and figures (vocab.fill plus Ctx.vars: {X} {who} {noun} {Noun} {noun_gen} {in_X} {span} {y0} {y1}
{mid} {prev} {kraj} {kraj_gen} {okres} {mayor} {mayor_t} {deputy} {deputy_t} {office} {council} {agr}
{title} {micro} ...). Written from how municipal and regional documents are written, not from any
classifier's vocabulary.
"""
from __future__ import annotations

# ------------------------------------------------------------------ introduction
INTRO_WHAT = (
    "{title} je dokument, podle kterého bude {noun} {X} řídit svůj rozvoj v letech {span}. Říká, co chceme "
    "zlepšit, v jakém pořadí a z jakých peněz.",
    "Tento dokument shrnuje, kam se má {noun} {X} v příštích letech posunout. Vznikl proto, aby investice "
    "a další kroky vedení {who} navazovaly na skutečné potřeby obyvatel a nebyly nahodilé.",
    "Zastupitelstvo {who} rozhodlo o zpracování nového rozvojového dokumentu na období {span}. Předchozí "
    "dokument byl z velké části naplněn a bylo třeba stanovit nové priority.",
    "Předkládaný materiál navazuje na dosavadní rozvoj {who} a určuje hlavní směry jeho dalšího vývoje na "
    "období {span}. Slouží zastupitelům při rozhodování o rozpočtu a při žádostech o dotace.",
    "{title} popisuje, v jakém stavu se {noun} {X} nachází, co by se mělo změnit a jakými kroky toho "
    "chceme dosáhnout. Je určen zastupitelům, zaměstnancům úřadu i všem obyvatelům.",
    "Proč potřebujeme rozvojový dokument? Protože peněz je vždy méně než nápadů a je nutné se předem "
    "dohodnout, co má přednost. {title} je výsledkem takové dohody.",
)
INTRO_LEGAL_PROGRAMME = (
    "Program rozvoje je základním střednědobým dokumentem, který {noun} pořizuje v samostatné působnosti. Jeho "
    "schválení přísluší podle § 84 odst. 2 písm. a) zákona č. 128/2000 Sb., o obcích, zastupitelstvu; zákon "
    "č. 248/2000 Sb., o podpoře regionálního rozvoje, jej řadí mezi nástroje podpory regionálního rozvoje.",
    "Řada dotačních titulů, zejména Program obnovy venkova a výzvy místní akční skupiny, požaduje, aby "
    "podporovaný záměr vycházel ze schváleného rozvojového dokumentu. I proto je důležité, aby seznam záměrů "
    "byl úplný a průběžně aktualizovaný.",
    "Při zpracování jsme vycházeli z metodického doporučení Ministerstva pro místní rozvoj pro přípravu "
    "programu rozvoje obce a z dobré praxe okolních obcí; rozsah dokumentu odpovídá velikosti {noun_gen}.",
    "Dokument nenahrazuje rozpočet ani územní plán. Rozpočet určuje, kolik peněz bude v daném roce k dispozici, "
    "územní plán říká, kde a co se smí stavět; program rozvoje stanoví, na co se mají síly a peníze soustředit.",
)
INTRO_LEGAL_PLAN = (
    "Strategický plán je dlouhodobým dokumentem {who}. Zpracován byl podle Metodiky přípravy veřejných "
    "strategií Ministerstva pro místní rozvoj, tedy s analytickou, návrhovou a implementační částí.",
    "Plán je vrcholným rozvojovým dokumentem {who}; na něj navazují odvětvové koncepce (školství, sociální "
    "služby, doprava, odpady) a víceletý akční plán, který se aktualizuje spolu s rozpočtem.",
    "Schválení strategického plánu přísluší zastupitelstvu podle zákona č. 128/2000 Sb., o obcích. Dokument "
    "je zároveň podkladem pro žádosti o dotace, u nichž poskytovatel vyžaduje soulad projektu se strategií.",
    "Strategický plán nenahrazuje územní plán ani rozpočet, propojuje je však: říká, které záměry mají "
    "přednost a v jakém pořadí se budou připravovat.",
)
INTRO_STRUCTURE = (
    "Dokument má tři části. Analytická část popisuje současný stav, návrhová část stanoví vizi, priority, "
    "cíle a opatření a implementační část určuje, kdo bude dokument naplňovat a jak se bude vyhodnocovat.",
    "Úvodní kapitoly shrnují výchozí stav a názory obyvatel, následuje vize, rozvojové oblasti s cíli a "
    "opatřeními a na konci seznam konkrétních projektů a pravidla pro sledování plnění.",
    "Struktura je obvyklá: nejprve rozbor toho, kde jsme dnes, pak shrnutí silných a slabých stránek, vize, "
    "priority s cíli a opatřeními, ukazatele a nakonec způsob, jakým bude dokument naplňován a aktualizován.",
    "Text je rozdělen na popis výchozího stavu, návrh rozvoje a část o realizaci. Přílohou je zásobník "
    "projektů, který se na rozdíl od ostatního textu upravuje každý rok.",
)
INTRO_LINKS = (
    "Dokument respektuje územní plán {who} a navazuje na rozvojové dokumenty {micro} i na Program rozvoje "
    "územního obvodu {kraj_gen}.",
    "Při jeho přípravě jsme přihlíželi ke strategii {micro}, ke Strategii regionálního rozvoje ČR 2021+ a ke "
    "strategii místní akční skupiny, na jejímž území {noun} leží.",
    "Navazuje na územní plán, na plán odpadového hospodářství a na společné projekty {micro}; s okolními "
    "obcemi sdílí zejména záměry cyklostezek a svozu odpadu.",
    "Vazba na vyšší dokumenty: Program rozvoje územního obvodu {kraj_gen}, strategie {micro} a strategie "
    "komunitně vedeného místního rozvoje místní akční skupiny.",
)
MICRO = ("Mikroregionu {a}", "Svazku obcí {a}", "Dobrovolného svazku obcí {a}", "Sdružení obcí {a}")  # genitive
MICRO_NAMES = ("Podlesí", "Horní Pojizeří", "Za Horou", "Povodí Blanice", "Pod Kozákovem", "Údolí Svratky",
               "Hřebečovsko", "Střední Povltaví", "Pobeskydí", "Podhůří", "Vlčí hory", "Lužnice", "Pomoraví",
               "Hořovicko", "Cidlina", "Podralsko", "Kahan", "Dolní Poohří", "Moravská brána", "Dyje")

# ------------------------------------------------------------------ preparation and participation
PROCESS_START = (
    "O pořízení dokumentu rozhodlo zastupitelstvo {m1_loc}. Politickým garantem zpracování je {mayor_t} "
    "{mayor}.",
    "Práce začaly {m1_loc} shromážděním podkladů: statistických údajů, dřívějších dokumentů, zápisů ze "
    "zasedání zastupitelstva a požadavků, které lidé adresovali úřadu.",
    "Zpracování trvalo od {m1} do {m2}. Na začátku jsme prošli plnění předchozího dokumentu a vyřadili "
    "záměry, které už nejsou aktuální.",
    "Dokument připravoval úřad od {m1}; s metodikou a s analýzou dat pomáhala firma {consultant}.",
)
PROCESS_GROUP = (
    "Na přípravě se podílela pracovní skupina ve složení {p1} ({mayor_t}), {p2}, {p3} a {p4}. Sešla se "
    "{k2}krát a každé setkání mělo své téma.",
    "Pracovní skupinu tvořili {mayor_t} {p1}, zastupitelé {p2} a {p3}, za školu {p4} a zástupci "
    "spolků.",
    "Řídicí skupina (vedení {noun_gen}, předsedové výborů a tajemník úřadu) schvalovala jednotlivé kroky, "
    "odborné podklady připravovaly pracovní skupiny pro jednotlivá témata.",
    "Texty jednotlivých kapitol připravili členové pracovní skupiny {p2}, {p3} a {p4}, výsledky průběžně "
    "projednávalo zastupitelstvo.",
)
PROCESS_SURVEY = (
    "Do všech {homes_all} domácností byl rozdán dotazník, vyplnit jej bylo možné i na webu. Vrátilo se "
    "{n_survey} vyplněných formulářů, což je na podobná šetření dobrá návratnost.",
    "Obyvatelé vyplnili dotazník, vrátilo se {n_survey} vyplněných formulářů; ze strany mladších lidí "
    "převažovaly odpovědi přes internet.",
    "Podněty občanů se sbíraly v anketě ve zpravodaji a na webu; došlo {n_survey} odpovědí a přes {k} "
    "konkrétních návrhů.",
    "Dotazníkové šetření proběhlo na přelomu roku; odpovědělo {n_survey} lidí ze všech místních částí.",
)
PROCESS_MEETING = (
    "Veřejné setkání v sále {building} navštívilo asi {k} občanů. Nad mapou {noun_gen} lidé zakreslovali "
    "místa, která je třeba opravit, a místa, na která jsou hrdí.",
    "Uskutečnila se dvě veřejná projednání, první na začátku prací a druhé nad hotovým návrhem; zúčastnilo "
    "se jich celkem {k} lidí.",
    "Děti ze základní školy kreslily, jak si {X} představují za deset let; nejčastěji se na obrázcích "
    "objevovalo koupaliště, hřiště a stromy. Výstava kreseb byla k vidění na úřadě.",
    "Se zástupci spolků ({clubs}) proběhla samostatná schůzka o tom, co potřebují pro svou činnost.",
    "Podnikatelé a zemědělci hospodařící na území {noun_gen} byli osloveni dopisem; jejich připomínky se "
    "týkaly hlavně dopravy a stavebních pozemků.",
)
PROCESS_COMMENTS = (
    "Návrh byl zveřejněn k připomínkám po dobu 30 dnů. Došlo {k3} připomínek, {k4} z nich bylo "
    "zapracováno, ostatní byly vypořádány s odůvodněním.",
    "Připomínky k návrhu mohli občané podávat písemně i e-mailem; úřad jich obdržel {k3} a vypořádání "
    "zveřejnil spolu s konečným zněním.",
    "Před projednáním v zastupitelstvu návrh posoudil finanční a kontrolní výbor a doporučil jej ke schválení.",
    "Konečné znění projednala pracovní skupina {m2_loc}; připomínky zastupitelů se týkaly především pořadí "
    "investičních akcí.",
)

# ------------------------------------------------------------------ analysis
POP_TREND_UP = (
    "Počet obyvatel v posledních deseti letech roste, především díky nové výstavbě v ulici {street}; v "
    "roce 2011 zde žilo {pop2011} lidí.",
    "Od roku 2011, kdy měl{agr} {noun} {pop2011} obyvatel, počet lidí přibývá. Přistěhovávají se hlavně "
    "mladé rodiny z okresního města.",
)
POP_TREND_DOWN = (
    "Od roku 2011 ubylo asi {drop} % obyvatel (tehdy {pop2011}); mladí lidé odcházejí za prací a studiem "
    "do větších měst.",
    "Počet obyvatel pomalu klesá – v roce 2011 zde žilo {pop2011} lidí. Úbytek je dán hlavně stěhováním, "
    "přirozený přírůstek je téměř vyrovnaný.",
)
POP_TREND_FLAT = (
    "Počet obyvatel je dlouhodobě stabilní (v roce 2011 {pop2011}), přibývá ale starších lidí.",
    "Počet obyvatel se od roku 2011 ({pop2011}) téměř nezměnil; vyšší počet zemřelých vyrovnávají "
    "přistěhovalí.",
)
AGE = (
    "Děti do 14 let tvoří {child} % obyvatel, lidé nad 65 let {senior} %; průměrný věk činí {avg_age} roku.",
    "Věková struktura: 0–14 let {child} %, 15–64 let {working} %, 65 a více let {senior} %. Průměrný věk "
    "obyvatel dosahuje {avg_age} roku.",
    "Průměrný věk obyvatel je {avg_age} roku. Podíl seniorů ({senior} %) převyšuje podíl dětí ({child} %) a "
    "podle prognózy bude dále růst.",
)
MOVES = (
    "Pohyb obyvatel (roční průměr za pět let): narození {births}, zemřelí {deaths}, přistěhovalí {moved_in}, "
    "vystěhovalí {moved_out}.",
    "Za posledních pět let činil průměrný roční počet narozených {births}, zemřelých {deaths}, přistěhovalých "
    "{moved_in} a vystěhovalých {moved_out}.",
    "Přirozený přírůstek je {natural}, saldo stěhování {migration} (průměr posledních pěti let: {births} "
    "narozených, {deaths} zemřelých).",
)
TERRITORY = (
    "Katastrální výměra činí {area} km², střed {noun_gen} leží v nadmořské výšce {alt} m n. m. Zemědělská "
    "půda zabírá {farm} % území, lesy {forest} %.",
    "Území o rozloze {area} km² leží v nadmořské výšce kolem {alt} m. Převažuje zemědělská krajina ({farm} % "
    "výměry), lesy pokrývají {forest} %.",
    "Rozloha katastru: {area} km²; nadmořská výška {alt} m n. m.; podíl orné půdy a luk {farm} %, lesů "
    "{forest} %.",
)
HOUSING_STOCK = (
    "Na území {noun_gen} stojí {houses} domů, z toho {empty} neobydlených, které slouží převážně k rekreaci.",
    "Domovní fond tvoří {houses} domů; {empty} z nich je neobydlených nebo slouží k rekreaci.",
)
ECONOMY = (
    "Největšími zaměstnavateli jsou {emp}; většina ekonomicky aktivních obyvatel však dojíždí do okresního "
    "města. V obchodním rejstříku a živnostenském rejstříku je registrováno {firms} subjektů.",
    "Pracovní příležitosti v místě nabízí {emp}. Podíl nezaměstnaných osob činí {unemp} %, což je mírně "
    "pod průměrem okresu {okres}.",
    "Místní ekonomika stojí na malých firmách a živnostnících ({firms} registrovaných subjektů); větší "
    "zaměstnavatelé jsou {emp}. Nezaměstnanost se drží kolem {unemp} %.",
)
BUDGET = (
    "Příjmy rozpočtu {noun_gen} dosáhly v roce {prev} {income}, výdaje {spending}, z toho kapitálové výdaje "
    "{capital}. {debt_sentence}",
    "Hospodaření je dlouhodobě vyrovnané: v roce {prev} činily příjmy {income} a výdaje {spending}. Na "
    "investice šlo {capital}. {debt_sentence}",
    "Z rozpočtu na rok {prev}: daňové a ostatní příjmy {income}, celkové výdaje {spending}, investice "
    "{capital}. {debt_sentence}",
)
DEBT_NONE = ("{Noun} nemá žádný úvěr a na účtech má rezervu kolem {reserve}.",
             "Dluh {noun_gen} je nulový; zůstatek na bankovních účtech činí asi {reserve}.")
DEBT_SOME = ("{Noun} splácí úvěr na kanalizaci, zbývá uhradit {debt}; rezerva na účtech činí {reserve}.",
             "Zadlužení je nízké – zůstatek úvěru {debt} – a na účtech je k dispozici rezerva {reserve}.")
SURVEY_RESULT = (
    "V dotazníku lidé nejčastěji uváděli, že jim chybí {a}, a naopak oceňovali {b}. Se životem {in_X} "
    "je spokojeno nebo spíše spokojeno {sat} % respondentů.",
    "Z ankety vyplynulo, že obyvatele nejvíce trápí {a}; spokojeni jsou hlavně s tím, že {b2}. Celkovou "
    "spokojenost vyjádřilo {sat} % odpovídajících.",
    "Nejvíce podnětů z veřejného setkání i z dotazníku se týkalo tématu {a}. Kladně lidé hodnotili {b}; "
    "{sat} % z nich by {noun} doporučilo známým jako dobré místo k životu.",
)
SURVEY_MORE = (
    "Na otázku, do čeho by měl{agr} {noun} investovat nejdříve, odpovídali lidé nejčastěji: {a}, {a2} a {a3}.",
    "Mezi dalšími náměty se opakovaly {a2} a {a3}. Mladší respondenti častěji zmiňovali sport a volný čas, "
    "starší dopravu a zdravotní péči.",
    "Pořadí priorit podle respondentů: 1. {a}, 2. {a2}, 3. {a3}.",
)
SURVEY_PLACE = (
    "Nejčastěji zmiňovaným místem, které potřebuje opravu, byla ulice {street}.",
    "Lidé opakovaně upozorňovali na stav ulice {street} a na parkování {landmark}.",
    "Na mapě z veřejného setkání se nejvíce červených bodů sešlo v ulici {street} a {landmark}.",
    "Jako místo, na které jsou hrdí, lidé nejčastěji uváděli okolí {building}; naopak za nejhorší považují ulici "
    "{street}.",
)
SURVEY_MISSING = ("chodník podél hlavní silnice", "stav místních komunikací", "místa ve školce",
                  "hřiště pro větší děti", "pravidelnější autobusové spojení", "obchod a hospoda",
                  "parkování v centru", "kanalizace v místních částech", "stavební pozemky", "lékař v obci",
                  "bezpečný přechod u školy", "veřejné osvětlení v okrajových ulicích", "sběrný dvůr",
                  "kulturní vyžití pro mladé", "zeleň a lavičky na návsi")
SURVEY_GOOD = ("klidné prostředí", "okolní přírodu", "práci spolků", "upravenou náves", "dobré sousedské vztahy",
               "kulturní akce", "fungující školu", "čistotu ulic", "vstřícnost úřadu")
SURVEY_GOOD2 = ("se v obci bezpečně žije", "spolky drží obec pohromadě", "obec je čistá a upravená",
                "úřad je vstřícný", "děti mají blízko do školy", "okolí je klidné a zelené")

# ------------------------------------------------------------------ SWOT
SWOT_S = ("klidné prostředí a okolní příroda", "aktivní spolky a hasiči", "vlastní mateřská škola",
          "dobrá dostupnost okresního města", "nízké zadlužení", "zájem o bydlení {in_X}",
          "udržovaný střed {noun_gen}", "fungující obchod a pošta", "tradiční akce – posvícení, masopust",
          "napojení většiny domů na vodovod", "vlastní lesy a pozemky", "dobrá spolupráce se sousedními obcemi")
SWOT_W = ("chybějící chodníky podél silnice", "stará čistírna odpadních vod", "málo míst ve školce",
          "nevyhovující kulturní dům", "slabé autobusové spojení o víkendu", "stárnutí obyvatel",
          "rozbité místní komunikace", "málo pracovních míst v místě", "chybějící kanalizace v místní části {part}",
          "energeticky náročné budovy ve vlastnictví {noun_gen}", "nedostatek parkovacích míst u {building}",
          "nízká účast lidí na veřejném dění")
SWOT_O = ("dotační programy státu a kraje", "spolupráce se sousedními obcemi v rámci {micro}",
          "zájem mladých rodin o stavební pozemky", "rozvoj turistiky a cyklotras", "prodej nepotřebných pozemků",
          "nové bytové domy", "program obnovy venkova", "evropské fondy na období 2021–2027",
          "rostoucí zájem o práci z domova", "komunitní energetika a sdílení elektřiny")
SWOT_T = ("rostoucí ceny stavebních prací", "sucho a přívalové deště", "odchod mladých lidí",
          "uzavření obchodu nebo pošty", "pokles daňových příjmů", "nedostatek lékařů",
          "dopravní zátěž na průtahu silnice", "složité a dlouhé povolovací řízení", "růst cen energií",
          "nedostatek řemeslníků a stavebních firem")
SWOT_S_TOWN = ("dobrá dopravní dostupnost po železnici i silnici", "tradiční průmysl a řemesla",
               "široká nabídka škol včetně středních", "nemocnice a odborní lékaři ve městě",
               "historické centrum a památky", "aktivní neziskové organizace")
SWOT_W_TOWN = ("přetížená doprava v centru", "nedostatek dostupného nájemního bydlení",
               "zastaralá sportoviště", "chátrající objekty bývalých továren", "nedostatek míst v domovech pro "
               "seniory", "nízký podíl lidí s vysokoškolským vzděláním")
SWOT_LEAD = ("Shrnutí vychází z analytické části, z dotazníku a z diskuse pracovní skupiny.",
             "Silné a slabé stránky se týkají přímo {noun_gen}, příležitosti a hrozby přicházejí zvenčí.",
             "SWOT analýza shrnuje hlavní zjištění; slabé stránky a hrozby jsou zároveň podkladem pro volbu "
             "priorit.", "")

# ------------------------------------------------------------------ vision
VISION = (
    "V roce {y1} je {X} místem, kde rodiny s dětmi najdou bydlení, školku i školu, senioři potřebnou péči a "
    "všichni bezpečné ulice, čistou vodu a upravené okolí.",
    "{X} {y1}: {noun} s opravenými ulicemi a chodníky, s živými spolky a s úřadem, který s lidmi mluví. "
    "Hospodaří s rozmyslem a myslí na další generace.",
    "Chceme, aby {noun} {X} zůstal{agr} klidným a přívětivým domovem, který se nebojí novinek, pečuje o krajinu "
    "kolem sebe a nabízí obyvatelům všech věkových skupin důvod zůstat.",
    "{X} bude v roce {y1} soudržnou komunitou, ve které se dobře bydlí i podniká, děti mají kde si hrát a "
    "starší lidé nemusí za službami dojíždět.",
    "Vize: {X} je v roce {y1} živým a bezpečným místem s kvalitní infrastrukturou, zdravým prostředím a "
    "aktivními obyvateli, kteří se podílejí na rozhodování o jeho budoucnosti.",
    "Vize {noun_gen}: sebevědomé místo pro život, práci i odpočinek, které si váží své historie, hospodaří "
    "šetrně s vodou, energií i penězi a je otevřené novým nápadům.",
)
VISION_MORE = (
    "Vizi naplní jen společná práce úřadu, zastupitelů, spolků, podnikatelů i jednotlivých občanů.",
    "Vize je záměrně stručná: popisuje stav, kterého chceme dosáhnout, nikoli cestu k němu. Cestu popisují "
    "priority, cíle a opatření.",
    "Vize navazuje na to, co lidé {in_X} nejvíce oceňují – {b} – a zároveň odpovídá na to, co jim nejvíce chybí.",
    "",
)
PRINCIPLES = (
    "Při naplňování dokumentu se budeme řídit těmito zásadami: nejdříve opravovat to, co máme, a teprve pak "
    "stavět nové; každou investici posoudit i z hlediska provozních nákladů; u velkých záměrů se ptát "
    "obyvatel.",
    "Zásady: hospodárnost (žádná akce bez zajištěného financování), otevřenost (informace o projektech na "
    "webu a ve zpravodaji) a udržitelnost (šetrnost k vodě, energii a krajině).",
    "Pořadí záměrů určuje naléhavost (bezpečnost, zákonné povinnosti), připravenost projektu a možnost "
    "získat dotaci.",
)

# ------------------------------------------------------------------ priority areas and measures
AREA_WHY = {
    "roads": ("Doprava patří mezi nejčastěji zmiňované problémy: chybějící chodníky, rychlá jízda a špatný "
              "povrch místních komunikací.", "Bezpečný pohyb pěších, zejména dětí a seniorů, má přednost "
              "před pohodlím řidičů.", "Stav komunikací se zlepšuje po etapách; zbývají hlavně ulice v "
              "okrajových částech a cesta do místní části {part}."),
    "water": ("Voda je základní služba a zároveň největší investice, kterou {noun} v tomto období čeká.",
              "Zákonné požadavky na čištění odpadních vod se zpřísňují a stávající čistírna je na hranici "
              "kapacity.", "Sucho posledních let ukázalo, jak zranitelné jsou domovní studny; rozšíření "
              "vodovodu proto patří mezi priority."),
    "school": ("Škola a školka jsou pro mladé rodiny hlavním důvodem, proč se přistěhovat nebo zůstat.",
               "Počet dětí kolísá, kapacita školky však v posledních letech nestačila.", "Budovy školy "
               "potřebují postupnou modernizaci, aby odpovídaly současným požadavkům na výuku."),
    "community": ("Spolky jsou páteří společenského života; {noun} jim chce vytvořit dobré zázemí.",
                  "Kulturní a sportovní akce spojují starousedlíky s nově přistěhovalými.", "Místa pro "
                  "setkávání chybějí hlavně pro teenagery a pro seniory."),
    "housing": ("Bez nabídky bydlení nelze udržet mladé lidi v místě.", "Vzhled veřejných prostranství "
                "ovlivňuje, jak se lidé v místě cítí a jak o něj pečují.", "Nová výstavba má navazovat "
                "na stávající zástavbu a nesmí zatížit obec náklady, které nezvládne."),
    "nature": ("Krajina kolem {noun_gen} trpí suchem, erozí a úbytkem stromů.", "Odpadové hospodářství "
               "zdražuje a zákon tlačí obce k vyššímu třídění.", "Zeleň v zastavěném území chladí, "
               "zadržuje vodu a zlepšuje vzhled ulic."),
    "services": ("Obyvatel nad 65 let přibývá a s nimi i potřeba služeb v místě.", "Zachování lékaře, "
                 "obchodu a pošty je pro menší obce stále těžší.", "Cílem je, aby lidé mohli co nejdéle "
                 "zůstat ve svém domově."),
    "office": ("Úřad má sloužit lidem: rychle informovat, vyřizovat bez zbytečných cest a hospodařit "
               "průhledně.", "Zapojení obyvatel do rozhodování zvyšuje důvěru a pomáhá volit správné "
               "priority.", "Správa majetku vyžaduje přehled o stavu budov, komunikací a sítí."),
    "energy": ("Ceny energií výrazně ovlivňují provozní výdaje rozpočtu.", "Vlastní výroba elektřiny a "
               "úspory v budovách se vracejí v řádu let.", "Veřejné osvětlení a vytápění budov jsou "
               "největšími spotřebiči energie ve vlastnictví {noun_gen}."),
    "safety": ("Jednotka dobrovolných hasičů zasahuje u požárů, povodní i dopravních nehod.", "Připravenost "
               "na mimořádné události se ukázala jako nezbytná při posledních povodních a vichřicích.",
               "Pocit bezpečí patří k tomu, co lidé na svém bydlišti nejvíce oceňují."),
}
MEASURE_NOTE = (
    "{why} Připravenost: {stage}. Odhad nákladů {cost}, zdroj: {src}; garant {resp}, termín {term}.",
    "Popis: {why} Stav přípravy: {stage}. Předpokládané náklady {cost} ({src}), odpovídá {resp}.",
    "{why} Odhad {cost}; financování {src}; realizace {term}.",
    "Zdůvodnění: {why} Náklady cca {cost}, termín {term}, garant: {resp}.",
)
MEASURE_WHY = {
    "roads": ("Chodci dnes musí chodit po vozovce.", "Úsek patří mezi nejhorší komunikace {in_X}.",
              "Zlepší bezpečnost dětí na cestě do školy a na autobus.", "Požadavek opakovaně zazněl v dotazníku.",
              "Navazuje na opravu vodovodu v téže ulici, aby se povrch nekopal dvakrát."),
    "water": ("Odpadní vody z této části dnes končí v žumpách a septicích.", "Stávající zařízení nestačí "
              "přívalům a nesplní nové limity.", "Zajistí pitnou vodu i v suchých letech.", "Sníží ztráty "
              "vody a počet havárií potrubí."),
    "school": ("Kapacita nestačí a rodiče musí vozit děti jinam.", "Vybavení je zastaralé a neodpovídá "
               "dnešní výuce.", "Sníží náklady na energie a zlepší prostředí ve třídách.", "Vznikne "
               "prostor pro výuku venku i pro kroužky."),
    "community": ("Spolky nemají kde skladovat vybavení ani se scházet.", "Prostory neodpovídají "
                  "hygienickým předpisům.", "Vznikne místo pro setkávání všech generací.", "Podpoří "
                  "tradiční akce, které do {noun_gen} přivádějí návštěvníky."),
    "housing": ("Zájem o bydlení převyšuje nabídku.", "Prostranství je dnes neupravené a slouží jako "
                "parkoviště.", "Umožní mladým rodinám zůstat v místě.", "Zlepší vzhled středu {noun_gen}."),
    "nature": ("Po přívalových deštích dnes voda a bahno ohrožují domy.", "Sníží množství směsného odpadu "
               "a náklady na jeho uložení.", "Obnoví zeleň, která v krajině chybí.", "Zadrží vodu v krajině."),
    "services": ("Senioři by jinak museli za službou dojíždět.", "Bez podpory by služba v místě zanikla.",
                 "Umožní lidem zůstat doma i ve vyšším věku.", "Zlepší dostupnost budovy pro lidi na vozíku "
                 "a rodiče s kočárky."),
    "office": ("Informace se k lidem dostanou rychleji.", "Usnadní vyřizování bez cesty na úřad.",
               "Zprůhlední rozhodování a hospodaření.", "Budova je v nevyhovujícím technickém stavu."),
    "energy": ("Sníží výdaje za energie ve vlastních budovách.", "Návratnost investice se odhaduje na "
               "{payback} let.", "Nahradí dosluhující zdroj tepla.", "Sníží spotřebu elektřiny o více "
               "než polovinu."),
    "safety": ("Stávající technika je zastaralá a poruchová.", "Zkrátí dobu zásahu a zlepší zázemí "
               "jednotky.", "Umožní včas varovat obyvatele.", "Sníží výskyt vandalismu a drobné "
               "kriminality."),
}
STAGES = ("záměr", "zpracovaná studie", "projektová dokumentace ve zpracování", "vydané stavební povolení",
          "podaná žádost o dotaci", "připraveno k výběru dodavatele", "hotová dokumentace pro provedení stavby",
          "jednání s vlastníky pozemků")
ACTIVITIES = (
    "Kroky: {a1}, {a2}, {a3}.",
    "Postup: a) {a1}; b) {a2}; c) {a3}.",
)
ACTIVITY_STEPS = ("výkup nebo smluvní zajištění pozemků", "zpracování projektové dokumentace",
                  "projednání s dotčenými orgány", "podání žádosti o dotaci", "výběr dodavatele",
                  "realizace stavby", "kolaudace a předání do užívání", "zapojení veřejnosti do návrhu",
                  "zpracování studie", "geodetické zaměření")

# ------------------------------------------------------------------ indicators, finance, implementation
INDICATOR_LEAD = (
    "Ke každé prioritní oblasti stanovujeme alespoň jeden měřitelný ukazatel s výchozí a cílovou hodnotou. "
    "Hodnoty vyhodnocuje úřad jednou ročně.",
    "Ukazatele umožní posoudit, zda se dokument daří naplňovat. Výchozí hodnoty jsou z roku {prev}, "
    "cílové k roku {y1}.",
    "Indikátory jsou zvoleny tak, aby je úřad mohl sledovat z vlastní evidence bez dalších nákladů.",
)
INDICATOR_SOURCES = {
    "roads": ("evidence úřadu", "statistika Policie ČR", "pasport místních komunikací"),
    "water": ("zprávy provozovatele vodovodu", "evidence úřadu", "provozní řád kanalizace"),
    "school": ("údaje školy", "výroční zpráva školy", "evidence zápisu do MŠ"),
    "community": ("evidence úřadu", "účetnictví {noun_gen}", "kalendář akcí"),
    "housing": ("evidence úřadu", "evidence stavebního úřadu", "údaje ČSÚ"),
    "nature": ("výkazy svozové firmy", "evidence úřadu", "roční hlášení o odpadech"),
    "services": ("údaje pečovatelské služby", "evidence úřadu", "údaje ČSÚ"),
    "office": ("evidence úřadu", "účetnictví {noun_gen}", "závěrečný účet"),
    "energy": ("faktury za energie", "energetický management", "evidence úřadu"),
    "safety": ("záznamy jednotky SDH", "evidence úřadu", "statistika HZS"),
}
FINANCE = (
    "Na investice může {noun} ročně vyčlenit z vlastních zdrojů přibližně {own_year}. Celkové náklady "
    "projektů v zásobníku přesahují {total}, bez dotací je tedy nelze uskutečnit.",
    "Odhadované náklady všech záměrů činí {total}. Počítáme s tím, že dotace pokryjí zhruba {grant_pct} % "
    "nákladů; zbytek uhradí {noun} z rozpočtu, případně z úvěru.",
    "Finanční rámec: vlastní zdroje kolem {own_year} ročně, dotace ze státního rozpočtu, z rozpočtu kraje a "
    "z evropských fondů, u velkých staveb vodohospodářské infrastruktury případně úvěr.",
    "Projekty budou financovány z rozpočtu {noun_gen}, z dotací a v odůvodněných případech z úvěru. Splátky "
    "úvěrů nesmí překročit {debt_cap} % běžných příjmů.",
)
FINANCE_MORE = (
    "Střednědobý výhled rozpočtu bude s dokumentem sladěn při každé jeho aktualizaci.",
    "Rozhodující pro pořadí akcí bude, zda se na ně podaří získat dotaci.",
    "U každé investice se posoudí také náklady na provoz a údržbu v dalších letech.",
    "",
)
IMPLEMENT = (
    "Za naplňování odpovídá {mayor_t} {mayor}, s přípravou projektů pomáhá {deputy_t} {deputy}. Jednou ročně, "
    "vždy do konce {month}, předloží úřad zastupitelstvu zprávu o plnění a návrh úprav seznamu projektů.",
    "Plnění sleduje kontrolní výbor. Projekty se zařazují do rozpočtu na příslušný rok; ty, na které se nepodaří "
    "získat peníze, se přesouvají do dalších let. Dokument se aktualizuje nejpozději v polovině období.",
    "Každé opatření má svého garanta z řad zastupitelů. Seznam projektů je živý: při každém schvalování rozpočtu "
    "se doplňuje a upravuje. Souhrnné vyhodnocení proběhne v roce {mid} a na konci období.",
    "Dokument je zveřejněn na webu a k nahlédnutí na úřadě. Návrhy na změny může podat kdokoli z občanů; "
    "o změnách rozhoduje zastupitelstvo {who}.",
)
MONITOR = (
    "Zpráva o plnění obsahuje přehled dokončených a rozpracovaných projektů, čerpání peněz a hodnoty "
    "ukazatelů; projednává ji zastupitelstvo na veřejném zasedání.",
    "Vyhodnocení se zveřejní ve zpravodaji, aby lidé věděli, co se z jejich podnětů podařilo.",
    "V polovině období ({mid}) proběhne podrobnější vyhodnocení včetně krátkého dotazníku mezi obyvateli.",
    "Odpovědnost za evidenci projektů a ukazatelů a za podklady pro každoroční vyhodnocení má {clerk} z úřadu.",
)
UPDATE = (
    "Menší změny zásobníku projektů schvaluje zastupitelstvo spolu s rozpočtem; změna vize nebo priorit "
    "vyžaduje aktualizaci celého dokumentu.",
    "Aktualizaci lze provést kdykoli, pokud se výrazně změní podmínky, například dotační příležitosti nebo "
    "finanční situace.",
    "Před koncem platnosti, nejpozději v roce {y1}, zahájí {noun} přípravu navazujícího dokumentu.",
)
RISKS = (
    "Hlavní rizika naplňování: růst cen stavebních prací, nezískání dotací a zdlouhavá povolovací řízení. "
    "Proto máme u klíčových záměrů připravené i levnější varianty.",
    "Riziko představuje také omezená kapacita úřadu; na přípravu velkých projektů proto využijeme externí "
    "administrátory.",
    "",
)
VALIDITY = (
    "Dokument je zpracován na období {span}. Platnosti nabývá dnem schválení zastupitelstvem.",
    "{title} platí od schválení do konce roku {y1}, pokud zastupitelstvo dříve neschválí aktualizaci.",
    "Období platnosti: {span}. Seznam projektů se aktualizuje průběžně, ostatní části podle potřeby.",
)
APPROVAL_PREFIX = ("Schvalovací doložka: ", "", "Záznam o schválení: ")
DRAFT_NOTE = ("Návrh – dokument dosud nebyl projednán zastupitelstvem.",
              "Pracovní verze k připomínkám; konečné znění bude předloženo ke schválení.")
ANNEXES = ("Přílohy: 1. Výsledky dotazníkového šetření; 2. Zásobník projektů; 3. Fotodokumentace.",
           "Přílohy: vyhodnocení dotazníku, mapa záměrů, seznam členů pracovní skupiny.",
           "Samostatnou přílohou je podrobný zásobník projektů a zpráva z veřejného projednání.", "")
ABBREVIATIONS = ("Použité zkratky: MAS – místní akční skupina, POV – Program obnovy venkova, IROP – Integrovaný "
                 "regionální operační program, OP ŽP – Operační program Životní prostředí, ZŠ – základní "
                 "škola, MŠ – mateřská škola, SDH – sbor dobrovolných hasičů, ČOV – čistírna odpadních vod.",
                 "Zkratky: ČSÚ – Český statistický úřad, EO – ekvivalentní obyvatel, LED – úsporná svítidla, "
                 "MMR – Ministerstvo pro místní rozvoj, NPO – Národní plán obnovy, SFŽP – Státní fond "
                 "životního prostředí.")
