#!/usr/bin/env python3
"""Checks the gazetteer and lexicon files in src/Dateline.Nlp/Data.

Run: python3 tools/check_gazetteers.py [DATA_DIR]   (exit status 0 = all checks pass)

Checks: file shape (comment header, column header, equal column counts, no tabs or
stray whitespace inside fields, clean "|" lists), all 249 ISO 3166-1 codes present
exactly once with the right alpha-2, unique surface forms, every code used in
roles/organizations/metonyms built from the documented code set in sectors.tsv,
capitals present in cities.tsv, ISO 3166-2 code shape, the temporal and abbreviation
lexicons complete, and leaders.tsv (codes known, offices in roles.tsv, dates parse, from <= to,
no overlapping terms of one office in one country unless the notes say why). If /usr/share/iso-codes/json is installed it is
also used as an independent cross-check of the ISO lists (optional).
"""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'src', 'Dateline.Nlp', 'Data')

# ISO 3166-1: alpha-3 -> alpha-2, all 249 officially assigned codes (written out here, not loaded).
ISO = dict(p.split(':') for p in """
ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS ATA:AQ ATF:TF ATG:AG AUS:AU AUT:AT
AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF BGD:BD BGR:BG BHR:BH BHS:BS BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO
BRA:BR BRB:BB BRN:BN BTN:BT BVT:BV BWA:BW CAF:CF CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN CIV:CI CMR:CM COD:CD COG:CG
COK:CK COL:CO COM:KM CPV:CV CRI:CR CUB:CU CUW:CW CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO
DZA:DZ ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO FSM:FM GAB:GA GBR:GB
GEO:GE GGY:GG GHA:GH GIB:GI GIN:GN GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY
HKG:HK HMD:HM HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM IND:IN IOT:IO IRL:IE IRN:IR IRQ:IQ ISL:IS ISR:IL ITA:IT
JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ KEN:KE KGZ:KG KHM:KH KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY
LCA:LC LIE:LI LKA:LK LSO:LS LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX MHL:MH
MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS MTQ:MQ MUS:MU MWI:MW MYS:MY MYT:YT NAM:NA
NCL:NC NER:NE NFK:NF NGA:NG NIC:NI NIU:NU NLD:NL NOR:NO NPL:NP NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE
PHL:PH PLW:PW PNG:PG POL:PL PRI:PR PRK:KP PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA
SDN:SD SEN:SN SGP:SG SGS:GS SHN:SH SJM:SJ SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR
SVK:SK SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ TKL:TK TKM:TM TLS:TL TON:TO
TTO:TT TUN:TN TUR:TR TUV:TV TWN:TW TZA:TZ UGA:UG UKR:UA UMI:UM URY:UY USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG
VIR:VI VNM:VN VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA ZMB:ZM ZWE:ZW""".split())

errors, warnings = [], []
def err(msg): errors.append(msg)
def warn(msg): warnings.append(msg)

def load(fname):
    """Returns (header, rows as dicts). Checks the generic file shape."""
    path = os.path.join(DATA, fname)
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    if '\r' in text: err(f'{fname}: CR line endings')
    if not text.endswith('\n'): err(f'{fname}: no newline at end of file')
    lines = text.split('\n')[:-1]
    if not lines or not lines[0].startswith('#'):
        err(f'{fname}: must start with # comment lines')
    i = 0
    while i < len(lines) and lines[i].startswith('#'): i += 1
    comments = lines[:i]
    if not any('Sources' in c or 'Source' in c for c in comments): err(f'{fname}: comment header does not say where the facts come from')
    if not any('Columns' in c for c in comments): err(f'{fname}: comment header does not describe the columns')
    header = lines[i].split('\t'); i += 1
    rows = []
    for n, line in enumerate(lines[i:], start=i + 1):
        if line.startswith('#'): err(f'{fname}:{n}: comment after the header'); continue
        if not line.strip(): err(f'{fname}:{n}: empty line'); continue
        fields = line.split('\t')
        if len(fields) != len(header):
            err(f'{fname}:{n}: {len(fields)} fields, header has {len(header)} (a tab inside a field?)'); continue
        for h, v in zip(header, fields):
            if v != v.strip(): err(f'{fname}:{n}: field {h} has leading/trailing spaces')
            if '|' in v and h not in ('notes', 'description', 'expression'):
                parts = v.split('|')
                if any(p == '' or p != p.strip() for p in parts): err(f'{fname}:{n}: field {h} has an empty or padded list item: {v!r}')
                if len(parts) != len(set(parts)): err(f'{fname}:{n}: field {h} repeats a list item: {v!r}')
        rows.append(dict(zip(header, fields), _line=n))
    return header, rows

def items(v): return [x for x in v.split('|') if x] if v else []

# ---------------------------------------------------------------- sectors
_, sectors = load('sectors.tsv')
SECT = {}
for r in sectors:
    if not re.fullmatch(r'[A-Z]{3}', r['code']): err(f"sectors.tsv:{r['_line']}: bad code {r['code']}")
    if r['code'] in SECT: err(f"sectors.tsv: duplicate code {r['code']}")
    if r['kind'] not in ('primary', 'secondary', 'international', 'religion', 'region'): err(f"sectors.tsv:{r['_line']}: bad kind {r['kind']}")
    SECT[r['code']] = r['kind']
ROLE_CODES = {c for c, k in SECT.items() if k in ('primary', 'secondary', 'religion')}
REGION_CODES = {c for c, k in SECT.items() if k == 'region'}
RELIGION_CODES = {c for c, k in SECT.items() if k == 'religion'}
INTL_CODES = {c for c, k in SECT.items() if k == 'international'}
for c in SECT:
    if c in ISO: err(f'sectors.tsv: code {c} collides with an ISO 3166-1 alpha-3 code')

def chunks(code):
    return [code[i:i + 3] for i in range(0, len(code), 3)] if len(code) % 3 == 0 else None

def valid_sector(s):
    """A sector: one or more role/sector/religion codes concatenated (GOV, GOVMIL, CHRCTH)."""
    ch = chunks(s)
    return bool(s) and ch is not None and all(c in ROLE_CODES for c in ch)

# ---------------------------------------------------------------- cameo codes
_, cameo = load('cameo_codes.tsv')
CAMEO_EXTRA = set()
for r in cameo:
    if r['code']:
        if r['code'] in CAMEO_EXTRA or r['code'] in ISO: err(f"cameo_codes.tsv:{r['_line']}: code {r['code']} duplicates another code")
        CAMEO_EXTRA.add(r['code'])
    if r['kind'] not in ('non-iso-state', 'de-facto-state', 'former'): err(f"cameo_codes.tsv:{r['_line']}: bad kind")
    if r['kind'] == 'de-facto-state' and r['code']: err(f"cameo_codes.tsv:{r['_line']}: de-facto states have no code of their own")
for r in cameo:
    for p in items(r['parent_or_successors']):
        if p not in ISO and p not in CAMEO_EXTRA: err(f"cameo_codes.tsv:{r['_line']}: unknown parent/successor {p}")
COUNTRYLIKE = set(ISO) | CAMEO_EXTRA

# ---------------------------------------------------------------- countries
_, countries = load('countries.tsv')
seen3, seen2 = Counter(r['iso3'] for r in countries), Counter(r['iso2'] for r in countries)
for c, n in seen3.items():
    if n > 1: err(f'countries.tsv: iso3 {c} appears {n} times')
for c, n in seen2.items():
    if n > 1: err(f'countries.tsv: iso2 {c} appears {n} times')
missing = set(ISO) - set(seen3)
extra = set(seen3) - set(ISO)
if missing: err(f'countries.tsv: missing ISO codes {sorted(missing)}')
if extra: err(f'countries.tsv: codes that are not ISO 3166-1 {sorted(extra)}')
if len(countries) != 249: err(f'countries.tsv: {len(countries)} rows, expected 249')
for r in countries:
    if ISO.get(r['iso3']) != r['iso2']: err(f"countries.tsv:{r['_line']}: {r['iso3']} should have alpha-2 {ISO.get(r['iso3'])}, has {r['iso2']}")
    if not r['name']: err(f"countries.tsv:{r['_line']}: empty name")
    if r['capital_aliases'] and not r['capital']: err(f"countries.tsv:{r['_line']}: capital aliases without a capital")
    if not r['capital'] and not r['notes']: err(f"countries.tsv:{r['_line']}: no capital and no note explaining why")
# surface forms must point at one country
form_owner = defaultdict(set)
for r in countries:
    for f in [r['name']] + items(r['short_forms']) + items(r['demonyms']):
        form_owner[f].add(r['iso3'])
for f, owners in form_owner.items():
    if len(owners) > 1: err(f'countries.tsv: surface form {f!r} belongs to {sorted(owners)} (move it to ambiguous_*.tsv)')

# ---------------------------------------------------------------- ambiguous files
_, ambd = load('ambiguous_demonyms.tsv')
for r in ambd:
    cands = items(r['candidates'])
    for c in cands:
        if c not in COUNTRYLIKE and c not in REGION_CODES and c not in RELIGION_CODES:
            err(f"ambiguous_demonyms.tsv:{r['_line']}: unknown candidate {c}")
    if r['default'] and r['default'] not in cands: err(f"ambiguous_demonyms.tsv:{r['_line']}: default {r['default']} not among candidates")
    if r['kind'] not in ('national', 'ethnic', 'regional', 'religious'): err(f"ambiguous_demonyms.tsv:{r['_line']}: bad kind {r['kind']}")
    for t in [r['term']] + items(r['variants']):
        if t in form_owner: err(f"ambiguous_demonyms.tsv:{r['_line']}: {t!r} is also an unambiguous form in countries.tsv")
_, ambn = load('ambiguous_names.tsv')
for r in ambn:
    cands = items(r['candidates'])
    for c in cands:
        if c not in COUNTRYLIKE: err(f"ambiguous_names.tsv:{r['_line']}: unknown candidate {c}")
    if r['default'] and r['default'] not in cands: err(f"ambiguous_names.tsv:{r['_line']}: default not among candidates")
_, comb = load('combining_forms.tsv')
for r in comb:
    if r['code'] not in COUNTRYLIKE and r['code'] not in REGION_CODES and r['code'] not in RELIGION_CODES:
        err(f"combining_forms.tsv:{r['_line']}: unknown code {r['code']}")

# ---------------------------------------------------------------- cities
_, cities = load('cities.tsv')
CITY_TYPES = {'capital', 'city', 'region', 'area', 'island', 'site', 'water'}
capitals = defaultdict(set)
pairs = Counter()
for r in cities:
    if r['type'] not in CITY_TYPES: err(f"cities.tsv:{r['_line']}: bad type {r['type']}")
    if r['iso3']:
        if r['iso3'] not in COUNTRYLIKE: err(f"cities.tsv:{r['_line']}: unknown iso3 {r['iso3']}")
    elif r['type'] in ('capital', 'city'):
        err(f"cities.tsv:{r['_line']}: a {r['type']} needs an iso3")
    elif r['type'] in ('region', 'island', 'site') and not r['notes']:
        err(f"cities.tsv:{r['_line']}: empty iso3 needs a note (disputed?)")
    if r['type'] == 'capital': capitals[r['iso3']].add(r['name'])
    pairs[(r['name'], r['iso3'])] += 1
for p, n in pairs.items():
    if n > 1: err(f'cities.tsv: {p} appears {n} times')
for r in countries:
    if r['capital'] and r['capital'] not in capitals.get(r['iso3'], ()):
        err(f"cities.tsv: capital {r['capital']} of {r['iso3']} missing (type capital)")
cap_of = {r['iso3']: r['capital'] for r in countries}
for r in cities:
    if r['type'] == 'capital' and r['iso3'] in cap_of and r['name'] != cap_of[r['iso3']]:
        if not re.search(r'capital|seat', r['notes']): err(f"cities.tsv:{r['_line']}: second capital of {r['iso3']} without a note")
n_named = sum(1 for r in cities if r['type'] in ('capital', 'city'))
if n_named < 400: err(f'cities.tsv: only {n_named} capitals and cities, want at least 400')

# ---------------------------------------------------------------- regions
_, regions = load('regions.tsv')
codes = Counter(r['iso3166_2'] for r in regions)
for c, n in codes.items():
    if n > 1: err(f'regions.tsv: ISO 3166-2 code {c} appears {n} times')
per = Counter()
for r in regions:
    if r['iso3'] not in ISO: err(f"regions.tsv:{r['_line']}: bad iso3 {r['iso3']}"); continue
    m = re.fullmatch(r'([A-Z]{2})-([A-Z0-9]{1,3})', r['iso3166_2'])
    if not m or m.group(1) != ISO[r['iso3']]: err(f"regions.tsv:{r['_line']}: code {r['iso3166_2']} does not match {r['iso3']}")
    per[r['iso3']] += 1
for iso3, want in (('JPN', 47), ('KOR', 17), ('USA', 51), ('CHN', 31), ('IND', 36)):
    if per[iso3] != want: err(f'regions.tsv: {iso3} has {per[iso3]} rows, expected {want}')

# ---------------------------------------------------------------- roles
_, roles = load('roles.tsv')
titles = Counter(r['title'] for r in roles)
for t, n in titles.items():
    if n > 1: err(f'roles.tsv: title {t!r} appears {n} times')
role_forms = defaultdict(set)
for r in roles:
    if r['sector'] != '*' and not valid_sector(r['sector']) and r['sector'] not in ('NGO', 'IGO'):
        err(f"roles.tsv:{r['_line']}: sector {r['sector']!r} is not built from sectors.tsv role/sector/religion codes")
    if r['rank'] not in ('head', 'senior', 'member'): err(f"roles.tsv:{r['_line']}: bad rank {r['rank']}")
    for c in items(r['countries']):
        if c not in ISO: err(f"roles.tsv:{r['_line']}: unknown country {c}")
    for f in [r['title']] + items(r['aliases']):
        role_forms[f].add(r['title'])
for f, owners in role_forms.items():
    if len(owners) > 1: err(f'roles.tsv: {f!r} is listed under {sorted(owners)}')

# ---------------------------------------------------------------- organizations
_, orgs = load('organizations.tsv')
ORG_TYPES = (ROLE_CODES - RELIGION_CODES) | {'IGO', 'NGO', 'IMG', 'REL'}
names = Counter(r['name'] for r in orgs)
for n_, k in names.items():
    if k > 1: err(f'organizations.tsv: name {n_!r} appears {k} times')
def check_code(code, country, where):
    ch = chunks(code)
    if ch is None: err(f'{where}: code {code} is not made of three-letter parts'); return
    if ch[0] == '---':   # PETRARCH placeholder: country to be filled from context
        if country: err(f'{where}: a ---CODE row must not name a country')
        if len(ch) < 2 or not all(c in ROLE_CODES for c in ch[1:]): err(f'{where}: code {code}: parts after --- must be sector codes')
        return
    if country:
        if country not in COUNTRYLIKE: err(f'{where}: unknown country {country}'); return
        if ch[0] == 'NGO':   # domestic NGO: NGO + ISO3 + sectors
            if len(ch) < 2 or ch[1] != country or not all(c in ROLE_CODES for c in ch[2:]): err(f'{where}: NGO code {code} should be NGO+{country}+sectors')
            return
        if ch[0] != country: err(f'{where}: code {code} should start with {country}')
        if len(ch) < 2 or not all(c in ROLE_CODES for c in ch[1:]): err(f'{where}: code {code}: parts after the country must be sector codes')
    else:
        if ch[0] in INTL_CODES:
            if not all(re.fullmatch('[A-Z]{3}', c) for c in ch): err(f'{where}: bad code {code}')
            for c in ch[1:]:
                if c in ISO: warn(f'{where}: part {c} of {code} is also an ISO code (fine if it is a country)')
        elif ch[0] in RELIGION_CODES:
            if not all(c in RELIGION_CODES for c in ch): err(f'{where}: religion code {code} has non-religion parts')
        else:
            err(f'{where}: code {code} needs a country or an IGO/NGO/IMG/religion prefix')
org_forms = defaultdict(set)
for r in orgs:
    where = f"organizations.tsv:{r['_line']}"
    check_code(r['code'], r['country'], where)
    if r['type'] not in ORG_TYPES: err(f"{where}: bad type {r['type']}")
    for f in [r['name']] + items(r['aliases']):
        org_forms[f].add(r['name'])
# The same alias on two organisations must be flagged in the notes of both ("context").
for f, owners in org_forms.items():
    if len(owners) > 1:
        rows_ = [r for r in orgs if r['name'] in owners]
        if not all(re.search(r'context|alone', r['notes']) for r in rows_):
            err(f'organizations.tsv: alias {f!r} shared by {sorted(owners)} without a context note on each')

# Dated government/opposition status of parties: "status: GOV 2012-12-26.., OPP 2009-09-16..2012-12-25; free text"
STATUS = re.compile(r'^status: ((?:GOV|OPP) (?:\d{4}-\d{2}-\d{2})?\.\.(?:\d{4}-\d{2}-\d{2})?(?:, (?:GOV|OPP) (?:\d{4}-\d{2}-\d{2})?\.\.(?:\d{4}-\d{2}-\d{2})?)*)(;|$)')
for r in orgs:
    if r['notes'].startswith('status'):
        m = STATUS.match(r['notes'])
        if not m: err(f"organizations.tsv:{r['_line']}: malformed status in notes"); continue
        if r['type'] not in ('PTY', 'GOV', 'REB'): err(f"organizations.tsv:{r['_line']}: status on a {r['type']} row")
        for span in m.group(1).split(', '):
            a, b = span.split(' ')[1].split('..')
            if a and b and a > b: err(f"organizations.tsv:{r['_line']}: status period {span} ends before it starts")

# ---------------------------------------------------------------- leaders
_, leaders = load('leaders.tsv')
ORG_CODES = {r['code'] for r in orgs}
ROLE_FORMS = {f.lower() for f in role_forms}
def parse_date(v, end):
    m = re.fullmatch(r'(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?', v)
    if not m: return None
    import calendar, datetime
    y = int(m.group(1)); mo = int(m.group(2) or (12 if end else 1))
    if not 1 <= mo <= 12: return None
    last = calendar.monthrange(y, mo)[1]
    d = int(m.group(3) or (last if end else 1))
    if not 1 <= d <= last: return None
    return datetime.date(y, mo, d)
OVERLAP_OK = re.compile(r'acting|interim|suspended|separate office|overlap|disputed', re.I)
terms = defaultdict(list)
person_country = defaultdict(set)
for r in leaders:
    where = f"leaders.tsv:{r['_line']}"
    if not r['name']: err(f'{where}: empty name')
    c = r['country']
    if c not in COUNTRYLIKE and c not in ORG_CODES: err(f'{where}: country {c!r} is not an ISO3/cameo_codes code or an organisation code')
    if len(c) > 3 and not c.startswith('IGO'): err(f'{where}: organisation code {c} should be an IGO code')
    if r['office'].lower() not in ROLE_FORMS: err(f"{where}: office {r['office']!r} is not a title or alias in roles.tsv")
    a, b = parse_date(r['from'], False), (parse_date(r['to'], True) if r['to'] else None)
    if a is None: err(f"{where}: bad from {r['from']!r}"); continue
    if r['to'] and b is None: err(f"{where}: bad to {r['to']!r}"); continue
    if b is not None and b < a: err(f'{where}: to is before from')
    if a.year < 1926 or (b or a).year > 2025: err(f'{where}: date out of range')
    if r['name'] in items(r['aliases']): err(f'{where}: alias repeats the name')
    terms[(c, r['office'])].append((parse_date(r['from'], False), parse_date(r['to'], False) if r['to'] else None, r))
for (c, office), ts in terms.items():
    ts.sort(key=lambda t: t[0])
    for (a1, b1, r1), (a2, b2, r2) in zip(ts, ts[1:]):
        if (b1 is None or a2 < b1) and not (OVERLAP_OK.search(r1['notes']) or OVERLAP_OK.search(r2['notes'])):
            err(f"leaders.tsv:{r2['_line']}: {r2['name']} ({office}, {c}) starts before {r1['name']} (line {r1['_line']}) ends, without a note")
rows_of = defaultdict(list)
for r in leaders: rows_of[r['name']].append(r)
for name, rs in rows_of.items():
    if rs[0]['aliases'] == '' and any(x['aliases'] for x in rs[1:]): warn(f"leaders.tsv: {name}: aliases given on a later row only")
if len(leaders) < 600: warn(f'leaders.tsv: only {len(leaders)} rows')

# ---------------------------------------------------------------- metonyms
_, mets = load('metonyms.tsv')
for r in mets:
    where = f"metonyms.tsv:{r['_line']}"
    if r['iso3']:
        if r['iso3'] not in ISO: err(f'{where}: bad iso3')
        if not valid_sector(r['sector']): err(f'{where}: bad sector {r["sector"]}')
        if r['code'] != r['iso3'] + r['sector']: err(f'{where}: code must be iso3+sector')
    elif r['code']:
        check_code(r['code'], '', where)
    elif not r['notes']:
        err(f'{where}: an ambiguous metonym needs a note')

# ---------------------------------------------------------------- temporal
_, temporal = load('temporal.tsv')
TYPES = {'weekday', 'month', 'relative_day', 'relative_week', 'relative_weekend', 'relative_month', 'relative_year',
         'anchored_day', 'present', 'vague_past', 'vague_future', 'relative_count', 'part_of_day', 'season', 'quarter',
         'half', 'fiscal_year', 'holiday', 'pattern'}
for r in temporal:
    if r['type'] not in TYPES: err(f"temporal.tsv:{r['_line']}: bad type {r['type']}")
    if not r['rule']: err(f"temporal.tsv:{r['_line']}: no rule")
wd = sorted(int(r['value']) for r in temporal if r['type'] == 'weekday')
mo = sorted(int(r['value']) for r in temporal if r['type'] == 'month')
if wd != list(range(1, 8)): err(f'temporal.tsv: weekdays {wd}')
if mo != list(range(1, 13)): err(f'temporal.tsv: months {mo}')
exprs = Counter(e for r in temporal for e in [r['expression']] + items(r['aliases']))
for e, k in exprs.items():
    if k > 1: err(f'temporal.tsv: {e!r} listed {k} times')
for need in ('yesterday', 'today', 'tomorrow', 'last week', 'next month', 'earlier this year', 'last year', 'this week', 'Sept.', 'Jan.'):
    if need not in exprs: err(f'temporal.tsv: {need!r} missing')

# ---------------------------------------------------------------- speech verbs
_, speech = load('speech_verbs.tsv')
CLASSES = {'speech', 'assertion', 'question', 'reply', 'report', 'writing', 'directive', 'commitment', 'evaluation', 'stance',
           'belief', 'evidence', 'manner', 'source', 'phrase', 'setting', 'punctuation', 'noun', 'non-quote'}
sforms = Counter()
for r in speech:
    where = f"speech_verbs.tsv:{r['_line']}"
    if r['type'] not in ('direct', 'indirect', 'both'): err(f"{where}: bad type {r['type']}")
    if r['inversion'] not in ('yes', 'no'): err(f"{where}: bad inversion {r['inversion']}")
    if r['class'] not in CLASSES: err(f"{where}: bad class {r['class']}")
    fs = items(r['forms'])
    if not fs or fs[0] != r['cue']: err(f"{where}: forms must start with the cue itself")
    sforms.update(fs)
for f, k in sforms.items():
    if k > 1: err(f'speech_verbs.tsv: form {f!r} listed under {k} cues')
for need in ('say says said saying told added stressed noted wrote tweeted insisted warned urged asked claimed denied').split():
    if need not in sforms: err(f'speech_verbs.tsv: {need!r} missing')
for need in ('according to', 'told reporters', 'said in a statement', 'posted on X'):
    if need not in sforms: err(f'speech_verbs.tsv: {need!r} missing')

# ---------------------------------------------------------------- abbreviations
_, abbr = load('abbreviations.txt')
ab = Counter(r['abbreviation'] for r in abbr)
for a, k in ab.items():
    if k > 1: err(f'abbreviations.txt: {a} listed {k} times')
for r in abbr:
    a = r['abbreviation']
    if not a.endswith('.') or ' ' in a: err(f"abbreviations.txt:{r['_line']}: {a!r} must be one token ending in a period")
    if r['ends_sentence'] not in ('never', 'rarely', 'often'): err(f"abbreviations.txt:{r['_line']}: bad ends_sentence")
for need in 'U.S. U.K. Gov. Sen. Rep. Jan. Feb. Mr. Ms. Dr. Gen. Lt. Col. No. Inc. Corp. Co. Ltd. St. vs. etc. S. N.'.split():
    if need not in ab: err(f'abbreviations.txt: {need} missing')

# ---------------------------------------------------------------- optional cross-check with the iso-codes package
ISOJ = '/usr/share/iso-codes/json'
if os.path.isdir(ISOJ):
    pkg = {x['alpha_3']: x['alpha_2'] for x in json.load(open(os.path.join(ISOJ, 'iso_3166-1.json')))['3166-1']}
    if pkg != ISO: err(f'ISO list differs from iso-codes: {sorted(set(pkg.items()) ^ set(ISO.items()))}')
    sub = {x['code'] for x in json.load(open(os.path.join(ISOJ, 'iso_3166-2.json')))['3166-2']}
    for r in regions:
        if r['iso3166_2'] not in sub: err(f"regions.tsv:{r['_line']}: {r['iso3166_2']} not in ISO 3166-2 (iso-codes)")
    former = {x.get('alpha_3') for x in json.load(open(os.path.join(ISOJ, 'iso_3166-3.json')))['3166-3']}
    for r in cameo:
        if r['kind'] == 'former':
            iso3166_3 = [c for c in [r['code']] + items(r['alt_codes']) if c in former]
            if not iso3166_3: warn(f"cameo_codes.tsv:{r['_line']}: {r['name']} has no ISO 3166-3 code listed")
else:
    warn('iso-codes JSON not installed: skipped the optional cross-check')

counts = {f: sum(1 for l in open(os.path.join(DATA, f), encoding='utf-8') if l.strip() and not l.startswith('#')) - 1
          for f in sorted(os.listdir(DATA)) if f.endswith(('.tsv', '.txt'))}
for f, n in counts.items(): print(f'{f:26} {n:5} rows')
for w in warnings: print('warning:', w)
for e in errors: print('ERROR:', e)
print(f'{len(errors)} errors, {len(warnings)} warnings')
sys.exit(1 if errors else 0)
