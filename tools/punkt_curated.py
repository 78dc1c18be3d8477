# ruff: noqa: RUF001, RUF002 -- the lists are written in their own scripts
"""Hand-curated abbreviation lists and script facts per language, for build_punkt_params.py.

Written for this project (its licence applies). Conventions, as in the English lists:
lower case, NFC, no final full stop; an internal full stop stays ("z.b", "т.е"). An entry with
a space is a multi-token abbreviation as people write it with spaces ("z. b" for "z. B.",
"и т. д" for "и т. д."); its unspaced form is listed beside it when that form is also common.

- ``prepositive``: titles and words that introduce what follows; never the last word of a
  sentence before a capitalised word or a number ("Dr. Müller", "z. B. Äpfel", "p. ex. Paris").
- ``general``: abbreviations that may end a sentence ("usw.", "etc.", "и др."); before a
  capitalised word the orthographic rule decides.
- ``before_number``: abbreviations only when a number follows ("Nr. 5", "S. 12", "стр. 5").
- ``months``: month names (and the inflected forms used after a day number) that follow an
  ordinal with a full stop ("3. Oktober", "3. října"): no sentence ends between them.
- ``ordinal_full_stop``: whether the language writes ordinals as a number and a full stop.
- ``terminals``: characters that end a sentence in the language's script(s).
- ``case``: whether the script distinguishes upper and lower case (the orthographic rule
  needs it). ``spaces``: whether sentences are separated by spaces.

Words that are also ordinary words of the language ("so" = Sunday/so in German, "man" =
Monday/one in Danish) are left out on purpose: as abbreviations they would stop real
sentence ends.
"""

from __future__ import annotations


def _w(block: str) -> list[str]:
    """Entries separated by ``|`` or newlines (entries may contain spaces)."""
    return [e.strip() for e in block.replace("\n", "|").split("|") if e.strip()]


LATIN_TERMINALS = ".?!\u2026"

CURATED: dict[str, dict] = {
    "de": {
        "prepositive": _w("""
dr | prof | hr | hrn | frl | dipl | mag | pfr | st | sog | bzw | vgl | ca | gem | lt | inkl |
exkl | zzgl | bzgl | bspw | z.b | z. b | d.h | d. h | v.a | v. a | i.d.r | i. d. r | s.a | s. a |
m.e | m. e | u.u | u. u | z.t | z. t | z.zt | z. zt | i.a | i. a | o.g | o. g | vs
"""),
        "general": _w("""
usw | usf | etc | u.a | u. a | u.ä | u. ä | o.ä | o. ä | u.v.m | u. v. m | u.a.m | u. a. m |
s.o | s. o | s.u | s. u | v.chr | v. chr | n.chr | n. chr | ggf | evtl | dgl | ebd | f | ff |
abs | abb | bd | bde | hrsg | jh | jhd | jhs | mio | mrd | tsd | nr | tel | min | max | std |
sek | kap | anm | allg | bes | dt | engl | franz | frz | lat | ital | span | russ | geb | gest |
verh | ehem | ev | kath | co | inc | jan | feb | apr | aug | sep | sept | okt | nov | dez | mo |
di | mi | do | fr | sa | str | bhf | pkt | tab | ziff | lfd | ing | ua | zb | dh |
gez
"""),
        "before_number": _w("nr | s | abs | art | bd | kap | ziff | tab | abb | tel | fax | zi"),
        "months": _w("""
januar | jänner | februar | märz | april | mai | juni | juli | august | september | oktober |
november | dezember
"""),
        "ordinal_full_stop": True,
    },
    "da": {
        "prepositive": _w("""
hr | frk | dr | prof | cand | mag | stud | bl.a | bl. a | f.eks | f. eks | dvs | d.v.s |
d. v. s | jf | jfr | ca | ang | vedr | iflg | ifm | pga | mht | sml | s.k | s. k | vs | st
"""),
        "general": _w("""
dr.phil | dr.med | dr.jur | dr.theol | dr.techn | cand.mag | cand.polit | cand.jur |
cand.scient | cand.theol | mag.art | lic.scient |
osv | etc | mv | m.v | m.m | m. m | o.l | o. l | m.fl | m. fl | nr | s | stk | kr | mio | mia |
mill | tlf | adr | evt | inkl | ekskl | jan | feb | mar | apr | jun | jul | aug | sep | sept |
okt | nov | dec | tirs | ons | tors | fre | lør | søn | f.kr | f. kr | e.kr | e. kr | kl | årh |
gl | bd | udg | red | ref | pkt | afd | t.h | t. h | t.v | t. v | o.a | o. a | d.s | d. s |
pct
"""),
        "before_number": _w("nr | s | stk | kl | pkt | bd | tlf"),
        "months": _w("""
januar | februar | marts | april | maj | juni | juli | august | september | oktober |
november | december
"""),
        "ordinal_full_stop": True,
    },
    "no": {
        "prepositive": _w("""
hr | frk | dr | prof | bl.a | bl. a | f.eks | f. eks | dvs | d.v.s | d. v. s | jf | jfr | ca |
ang | vedr | iflg | ifm | pga | mht | ev | evt | s.k | s. k | vs | st
"""),
        "general": _w("""
osv | etc | mv | m.v | m.m | m. m | o.l | o. l | m.fl | m. fl | nr | s | kr | mill | mrd | tlf |
adr | inkl | ekskl | jan | feb | mar | apr | jun | jul | aug | sep | sept | okt | nov | des |
tir | ons | tor | fre | lør | søn | f.kr | f. kr | e.kr | e. kr | kl | årh | gl | bd | utg | red |
ref | pkt | avd | stud | cand | mag | nb | o.a | o. a | t.o.m | t. o. m | f.o.m | f. o. m | ds |
pst | pct | str
"""),
        "before_number": _w("nr | s | kl | kap | pkt | bd | tlf"),
        "months": _w("""
januar | februar | mars | april | mai | juni | juli | august | september | oktober | november |
desember
"""),
        "ordinal_full_stop": True,
    },
    "sv": {
        "prepositive": _w("""
hr | frk | dr | prof | t.ex | t. ex | bl.a | bl. a | dvs | d.v.s | d. v. s | jfr | jmf | ca |
ang | enl | p.g.a | p. g. a | pga | m.h.t | m. h. t | mht | s.k | s. k | inkl | exkl | resp |
vs | st
"""),
        "general": _w("""
osv | o.s.v | o. s. v | etc | m.m | m. m | mm | m.fl | m. fl | mfl | o.dyl | o. dyl | dyl |
e.d | e. d | nr | s | kr | milj | mdr | tel | tfn | jan | feb | apr | jun | jul | aug | sep |
sept | okt | nov | dec | mån | tis | ons | tors | fre | lör | sön | f.kr | f. kr | e.kr | e. kr |
kl | årh | ff | fig | kap | uppl | red | övers | anm | obs | ev | f.d | f. d | fd | d.ä | d. ä |
d.y | d. y | vol | bd |
esq
"""),
        "before_number": _w("nr | s | kl | kap | fig | tel | tfn | bd | vol"),
        "months": _w("""
januari | februari | mars | april | maj | juni | juli | augusti | september | oktober |
november | december
"""),
        "ordinal_full_stop": False,
    },
    "fi": {
        "prepositive": _w("""
esim | ts | vrt | ks | mm | ns | tri | prof | toht | maist | rva | hra | nti | ko | em | ao |
vs | huom
"""),
        "general": _w("""
jne | ym | yms | tms | mrd | milj | tuh | kpl | puh | os | nro | s | ss | eaa | jaa | ekr |
jkr | vt | yo | ry | r.y | mk | ed | ap | ip | ark | sis | yl | myöh | aik | alk | tammik | helmik |
maalisk | huhtik | toukok | kesäk | heinäk | elok | syysk | lokak | marrask | jouluk
"""),
        "before_number": _w("nro | s | ss | v | puh | p"),
        "months": _w("""
tammikuu | helmikuu | maaliskuu | huhtikuu | toukokuu | kesäkuu | heinäkuu | elokuu | syyskuu |
lokakuu | marraskuu | joulukuu | tammikuuta | helmikuuta | maaliskuuta | huhtikuuta |
toukokuuta | kesäkuuta | heinäkuuta | elokuuta | syyskuuta | lokakuuta | marraskuuta |
joulukuuta | päivänä
"""),
        "ordinal_full_stop": True,
    },
    "nl": {
        "prepositive": _w("""
dhr | mevr | mw | mr | dr | drs | ir | ing | prof | ds | br | zr | st | bijv | bv | b.v |
d.w.z | d. w. z | dwz | m.a.w | m. a. w | i.p.v | i. p. v | t.a.v | t. a. v | t.o.v | t. o. v |
m.b.t | m. b. t | i.v.m | i. v. m | m.i.v | m. i. v | m.n | m. n | zgn | z.g | resp | ca | cf |
vgl | ong | vs
"""),
        "general": _w("""
enz | etc | e.d | e. d | e.a | e. a | o.a | o. a | blz | nr | p | pp | art | hfdst | fig | tel |
jl | j.l | jr | sr | n.v | b.v | v.o.f | mln | mld | mrd | min | max | jan | feb | mrt | apr |
jun | jul | aug | sep | sept | okt | nov | dec | di | wo | vr | v.chr | v. chr | n.chr |
n. chr | a.s | s.v.p | a.u.b | p.s | n.b | t.z.t | e.v | o.i.d | evt | incl | excl | afd | arr |
gem | prov | red | vert | ed
"""),
        "before_number": _w("nr | nrs | blz | p | pp | art | fig | hfdst | tel | no"),
        "months": _w("""
januari | februari | maart | april | mei | juni | juli | augustus | september | oktober |
november | december
"""),
        "ordinal_full_stop": False,
    },
    "fr": {
        "prepositive": _w("""
m | mm | mme | mmes | mlle | mlles | me | mgr | dr | pr | ste | st | p.ex | p. ex | c.-à-d |
cf | vs | env | av | apr | boul | bd
"""),
        "general": _w("""
etc | cie | éd | éds | ed | vol | chap | fig | p | pp | art | al | ibid | id | op | cit | min |
max | sq | sqq | jr | sr | inc | ltd | janv | févr | avr | juil | sept | oct | nov | déc | lun |
mer | jeu | ven | sam | dim | n° | no | nos | tél | hab | qqn | qqch | j.-c | av. j.-c |
apr. j.-c | s.d | s. d | n.b | n. b | p.s | p. s
"""),
        "before_number": _w("n | no | nos | n° | p | pp | art | chap | vol | fig | t | tél"),
        "months": _w("""
janvier | février | mars | avril | mai | juin | juillet | août | septembre | octobre |
novembre | décembre
"""),
        "ordinal_full_stop": False,
    },
    "es": {
        "prepositive": _w("""
sr | sra | srta | sres | srs | d | dña | dr | dra | lic | ing | arq | prof | profa | ud | uds |
vd | vds | excmo | excma | ilmo | ilma | rvdo | mons | gral | cnel | sto | sta | p.ej | p. ej |
v.gr | v. gr | cf | vid | vs | aprox
"""),
        "general": _w("""
etc | pág | págs | cap | vol | núm | art | fig | cía | s.a | s. a | s.l | s. l | ee.uu |
ee. uu | aa.vv | aa. vv | a.c | a. c | d.c | d. c | a.m | a. m | p.m | p. m | atte | tel | tfno |
avda | av | pza | prov | dpto | depto | admón | ene | feb | abr | jun | jul | ago | sep | sept |
oct | nov | dic | lun | mié | jue | vie | sáb | dom | ibid | íd | op | cit | pról | ed | eds |
trad | coord | máx | mín | nº | d.f | d. f |
hab | bros
"""),
        "before_number": _w(
            "n | núm | nº | no | pág | págs | p | pp | art | cap | vol | fig | tel | tfno"
        ),
        "months": _w("""
enero | febrero | marzo | abril | mayo | junio | julio | agosto | septiembre | setiembre |
octubre | noviembre | diciembre
"""),
        "ordinal_full_stop": False,
        "terminals": LATIN_TERMINALS,
        "openers": "\u00bf\u00a1",
    },
    "it": {
        "prepositive": _w("""
sig | sigg | sig.ra | sig.na | dott | dott.ssa | prof | prof.ssa | avv | ing | arch | geom |
rag | on | sen | mons | gen | col | magg | ten | p.es | p. es | cfr | vs | ca |
cav
"""),
        "general": _w("""
ecc | etc | cit | op | ibid | pag | pagg | p | pp | vol | voll | cap | capp | fig | art | n |
nn | tel | s.p.a | s.r.l | s.n.c | soc | coop | d.c | d. c | a.c | a. c | feb | mar | apr |
mag | giu | lug | ago | set | sett | ott | nov | dic | ss | sg | segg | ed | trad | es | tav |
tab | all | c.a | c.m | u.s | p.v | p.s | n.d.r | n. d. r | n.d.t | d.lgs | ss.mm.ii |
distr
"""),
        "before_number": _w(
            "n | nn | p | pp | pag | pagg | art | artt | cap | vol | fig | tav | tab | tel | c"
        ),
        "months": _w("""
gennaio | febbraio | marzo | aprile | maggio | giugno | luglio | agosto | settembre | ottobre |
novembre | dicembre
"""),
        "ordinal_full_stop": False,
    },
    "pt": {
        "prepositive": _w("""
sr | sra | srs | sras | srta | dr | dra | drs | dras | prof | profa | eng | arq | d | exmo |
exma | ilmo | ilma | revmo | v.exa | v. exa | sto | sta | gen | cel | cap | ten | sgt | pe |
fr | p.ex | p. ex | cf | vs | aprox | dep |
snr
"""),
        "general": _w("""
etc | ltda | cia | s.a | s. a | av | al | pç | pça | nº | núm | pág | págs | p | pp | cap |
vol | art | fig | ed | eds | trad | coord | org | obs | op | cit | ibid | id | tel | jan | fev |
abr | mai | jun | jul | ago | set | out | nov | dez | sáb | dom | a.c | a. c | d.c | d. c | séc |
sécs | máx | mín | v.g | i.e | e.g
"""),
        "before_number": _w(
            "n | nº | núm | p | pp | pág | págs | art | arts | cap | vol | fig | tel | fl | fls"
        ),
        "months": _w("""
janeiro | fevereiro | março | abril | maio | junho | julho | agosto | setembro | outubro |
novembro | dezembro
"""),
        "ordinal_full_stop": False,
    },
    "cs": {
        "prepositive": _w("""
pí | sl | ing | mgr | bc | judr | mudr | phdr | rndr | doc | prof | dr | např | tzv | tj |
t. j | resp | popř | příp | cca | tzn | mj | sv | vs | kupř | zvl
"""),
        "general": _w("""
atd | apod | aj | mil | mld | tis | str | č | odst | písm | sb | stol | min | max | tel | ul |
nám | led | ún | bř | dub | kv | čer | čvc | srp | zář | říj | lis | pros | př.n.l |
př. n. l | n.l | n. l | s.r.o | s. r. o | a.s | a. s | v.o.s | v. o. s | k.s | k. s | t.č |
t. č | spol | ev | obr | tab | kap | vyd | red | přel | ed | zn | hod
"""),
        "before_number": _w("č | čj | str | odst | písm | obr | tab | kap | tel | s | r | čl"),
        "months": _w("""
ledna | února | března | dubna | května | června | července | srpna | září | října |
listopadu | prosince | leden | únor | březen | duben | květen | červen | červenec | srpen |
říjen | listopad | prosinec
"""),
        "ordinal_full_stop": True,
    },
    "pl": {
        "prepositive": _w("""
prof | inż | doc | hab | ks | gen | płk | mjr | kpt | ppor | sierż | św | np | tzw | tj | m.in |
m. in | ok | ul | al | pl | os | woj | pow | gm | im | zob | por | ww | tzn | dot | vs
"""),
        "general": _w("""
itd | itp | etc | in | i in | w | ww | gr | tys | mln | mld | nr | str | s | godz | min | sek |
tel | wyd | red | tłum | oprac | t | art | ust | pkt | poz | rys | tab | zał | sty | lut | kwi |
cze | lip | sie | wrz | paź | lis | gru | pon | wt | śr | czw | pt | sob | niedz | p.n.e |
p. n. e | n.e | n. e | sp. z o.o | sp. z o. o | z o.o | z o. o | s.a | ds | jw | j.w | j. w |
b.d | cdn | b.r | b. r | ub.r | ub. r |
br | zach | ob | ur | zw
"""),
        "before_number": _w(
            "nr | s | str | art | ust | pkt | poz | rys | tab | zał | t | z | godz | tel"
        ),
        "months": _w("""
stycznia | lutego | marca | kwietnia | maja | czerwca | lipca | sierpnia | września |
października | listopada | grudnia | styczeń | luty | marzec | kwiecień | maj | czerwiec |
lipiec | sierpień | wrzesień | październik | listopad | grudzień
"""),
        "ordinal_full_stop": True,
    },
    "ru": {
        "prepositive": _w("""
т.е | т. е | т.к | т. к | т.н | т. н | т. наз | напр | ок | см | ср | им | ул | просп | пл |
пер | наб | кв | обл | пос | дер | акад | проф | доц | св | ген | тов | гр | в т.ч | в т. ч |
т.ч | т. ч | т.о | т. о |
букв
"""),
        "general": _w("""
и т.д | и т. д | и т.п | и т. п | т.д | т. д | т.п | т. п | и др | и пр | др | гг | вв | тыс |
млн | млрд | руб | коп | долл | стр | рис | табл | гл | мин | сек | ст | пп | н.э | н. э |
до н.э | до н. э | янв | февр | апр | авг | сент | окт | нояб | дек | ред | изд | сост | прим |
англ | нем | франц | лат | греч | с.г | с. г |
чел | проч | спб | ум | род
"""),
        "before_number": _w("стр | с | рис | табл | гл | т | ч | ст | п | пп | д | кв"),
        "months": _w("""
января | февраля | марта | апреля | мая | июня | июля | августа | сентября | октября |
ноября | декабря
"""),
        "ordinal_full_stop": False,
    },
    "el": {
        "prepositive": _w("""
κ | κα | δρ | καθ | δηλ | βλ | πρβλ | αγ | οδ | λεωφ | στρ | περ
"""),
        "general": _w("""
κλπ | κ.λπ | κ. λπ | κτλ | κ.τ.λ | κ. τ. λ | κ.ά | κ. ά | π.χ | π. χ | μ.χ | μ. χ | εκατ |
δισ | χιλ | τηλ | αρ | σελ | σσ | κεφ | εικ | πίν | ιαν | φεβ | μαρ | απρ | ιουν | ιουλ |
αυγ | σεπτ | οκτ | νοεμ | δεκ | αι | εκδ | μτφρ | επιμ | ό.π | ο.π |
χλμ | π.μ | μ.μ | π. μ | μ. μ
"""),
        "before_number": _w("αρ | σελ | σσ | κεφ | εικ | πίν | τηλ | παρ | άρθ"),
        "months": _w("""
ιανουαρίου | φεβρουαρίου | μαρτίου | απριλίου | μαΐου | ιουνίου | ιουλίου | αυγούστου |
σεπτεμβρίου | οκτωβρίου | νοεμβρίου | δεκεμβρίου
"""),
        "ordinal_full_stop": False,
        # ";" is the Greek question mark (U+037E normalises to it); "·" (U+0387) is not a stop
        "terminals": ".;!\u2026\u037e",
    },
    "tr": {
        "prepositive": _w("""
dr | doç | prof | yrd | av | müh | op | örn | bkz | gen | alb | yb | bnb | yzb | tğm |
ütğm | hz | krş
"""),
        "general": _w("""
vb | vs | vd | yy | sn | cad | sok | mah | bul | apt | tel | fak | üniv | böl | sy | çev | haz |
yay | ed | der | ltd | şti | a.ş | a. ş | m.ö | m. ö | m.s | m. s | t.c | bşk | dk
"""),
        "before_number": _w("s | sy | c | no | tel | md"),
        "months": _w("""
ocak | şubat | mart | nisan | mayıs | haziran | temmuz | ağustos | eylül | ekim | kasım | aralık
"""),
        "ordinal_full_stop": True,
    },
    "ar": {
        # Arabic script has no case: the orthographic rule cannot decide, so only abbreviations
        # that never end a sentence are listed (د. = Dr., أ. = Prof./Mr., أ.د = Prof. Dr.).
        "prepositive": _w("د | أ | أ.د | أ. د | م.د | ش | ص.ب | ص. ب"),
        "general": _w("إلخ | الخ | ق.م | ق. م | د.ت | د. ت"),
        "before_number": _w("ص | ج | ع | ط | رقم"),
        "months": [],
        "ordinal_full_stop": False,
        "terminals": ".!\u061f\u06d4\u2026",  # U+06D4: the full stop of Urdu-style typing
        "case": False,
    },
    "hi": {
        # Devanagari has no case. डॉ. = Dr., प्रो. = Prof., स्व. = the late, श्री/श्रीमती carry no
        # full stop; ई. (CE) and ई.पू. (BCE) may end a sentence after a year.
        "prepositive": _w("डॉ | प्रो | स्व | सं | कु | मि"),
        "general": _w("ई | ई.पू | ई. पू | आदि | इत्यादि | कि.मी | रु"),
        "before_number": _w("पृ | क्र | रु | नं | सं"),
        "months": [],
        "ordinal_full_stop": False,
        "terminals": "\u0964\u0965.?!\u2026",
        "case": False,
    },
    "zh": {
        "prepositive": [],
        "general": [],
        "before_number": [],
        "months": [],
        "ordinal_full_stop": False,
        "terminals": "\u3002\uff01\uff1f\uff0e!?\u2026",
        "case": False,
        "spaces": False,
    },
    "ja": {
        "prepositive": [],
        "general": [],
        "before_number": [],
        "months": [],
        "ordinal_full_stop": False,
        "terminals": "\u3002\uff01\uff1f\uff0e\uff61!?\u2026",
        "case": False,
        "spaces": False,
    },
}
