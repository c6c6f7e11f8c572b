#!/usr/bin/env python3
"""enrich_gold.py — scores 'casus enrich' against a gold JSONL file (independent of the C code).

usage: python3 bench/enrich_gold.py [--casus build/casus] [--show] GOLD.jsonl

Gold lines: {"id", "date", "text", "killed": null|{"n","qual"}, "injured": ..., "place": null|"City, Country"}.
Reports
  counts:   of the sentences whose gold has a killed or injured count, the share where killed
            AND injured (n and qual) are both exactly right (null must be null);
  invented: of the sentences whose gold has neither, the share where casus gave one;
  place:    of the sentences whose gold names a place, the share where casus names the same
            city or a place in the same country (a country-level answer counts when the country
            is right); also how often casus names a place where gold has none.
"""
import json
import subprocess
import sys

# English country names as gold writes them -> ISO alpha-3 (our own list, common names only).
COUNTRY = {
    "afghanistan": "AFG", "algeria": "DZA", "argentina": "ARG", "australia": "AUS", "austria": "AUT",
    "bangladesh": "BGD", "belgium": "BEL", "bosnia and herzegovina": "BIH", "bosnia": "BIH", "brazil": "BRA",
    "burkina faso": "BFA", "cambodia": "KHM", "canada": "CAN", "chad": "TCD", "chile": "CHL", "china": "CHN",
    "colombia": "COL", "cuba": "CUB", "democratic republic of the congo": "COD", "dr congo": "COD",
    "egypt": "EGY", "ethiopia": "ETH", "eritrea": "ERI", "france": "FRA", "germany": "DEU", "greece": "GRC",
    "haiti": "HTI", "hong kong": "CHN", "india": "IND", "indonesia": "IDN", "iran": "IRN", "iraq": "IRQ",
    "ireland": "IRL", "israel": "ISR", "italy": "ITA", "japan": "JPN", "jordan": "JOR", "kenya": "KEN",
    "kyrgyzstan": "KGZ", "lebanon": "LBN", "libya": "LBY", "mexico": "MEX", "morocco": "MAR",
    "mozambique": "MOZ", "myanmar": "MMR", "netherlands": "NLD", "nigeria": "NGA", "north korea": "PRK",
    "norway": "NOR", "pakistan": "PAK", "palestine": "PSE", "palestinian territories": "PSE", "peru": "PER",
    "philippines": "PHL", "poland": "POL", "portugal": "PRT", "russia": "RUS", "rwanda": "RWA",
    "saudi arabia": "SAU", "singapore": "SGP", "somalia": "SOM", "south africa": "ZAF",
    "south korea": "KOR", "spain": "ESP", "sudan": "SDN", "syria": "SYR", "taiwan": "TWN",
    "thailand": "THA", "turkey": "TUR", "uganda": "UGA", "ukraine": "UKR", "united kingdom": "GBR",
    "uk": "GBR", "britain": "GBR", "united states": "USA", "usa": "USA", "us": "USA",
    "vatican city": "VAT", "vatican": "VAT", "venezuela": "VEN", "vietnam": "VNM", "yemen": "YEM",
    "zimbabwe": "ZWE", "zambia": "ZMB", "sri lanka": "LKA", "nepal": "NPL", "georgia": "GEO",
    "azerbaijan": "AZE", "armenia": "ARM", "kazakhstan": "KAZ", "uzbekistan": "UZB", "qatar": "QAT",
    "kuwait": "KWT", "bahrain": "BHR", "oman": "OMN", "united arab emirates": "ARE", "tunisia": "TUN",
    "mali": "MLI", "niger": "NER", "senegal": "SEN", "ghana": "GHA", "ivory coast": "CIV",
    "cameroon": "CMR", "angola": "AGO", "namibia": "NAM", "botswana": "BWA", "tanzania": "TZA",
    "malaysia": "MYS", "new zealand": "NZL", "sweden": "SWE", "finland": "FIN", "denmark": "DNK",
    "switzerland": "CHE", "hungary": "HUN", "romania": "ROU", "bulgaria": "BGR", "serbia": "SRB",
    "croatia": "HRV", "kosovo": "XKX", "belarus": "BLR", "czech republic": "CZE", "slovakia": "SVK",
}


def norm(s):
    return " ".join(s.lower().replace("st.", "saint").replace("st ", "saint ").split())


def gold_place(p):
    parts = [x.strip() for x in p.split(",")]
    country = COUNTRY.get(parts[-1].lower())
    city = norm(parts[0]) if len(parts) > 1 else None
    if country is None and len(parts) == 1:
        city = norm(parts[0])
    return city, country


def count_eq(g, c):
    if g is None or c is None:
        return g is None and c is None
    return g.get("n") == c.get("n") and g.get("qual") == c.get("qual")


def main():
    args = sys.argv[1:]
    casus = "build/casus"
    show = False
    while args and args[0].startswith("--"):
        if args[0] == "--casus":
            casus = args[1]
            args = args[2:]
        elif args[0] == "--show":
            show = True
            args = args[1:]
        else:
            sys.exit(__doc__)
    if len(args) != 1:
        sys.exit(__doc__)
    gold = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({"id": g["id"], "date": g["date"], "text": g["text"]}) + "\n" for g in gold)
    out = subprocess.run([casus, "enrich", "-"], input=inp.encode(), capture_output=True, check=True)
    got = {}
    for line in out.stdout.decode().splitlines():
        r = json.loads(line)
        got[r["id"]] = r
    with_count = right = no_count = invented = 0
    with_place = place_ok = no_place = place_extra = 0
    for g in gold:
        r = got.get(g["id"], {})
        gk, gi = g.get("killed"), g.get("injured")
        ck, ci = r.get("killed"), r.get("injured")
        if gk or gi:
            with_count += 1
            ok = count_eq(gk, ck) and count_eq(gi, ci)
            right += ok
            if show and not ok:
                print("COUNT", g["id"], "gold", gk, gi, "got", ck, ci, "|", g["text"][:150])
        else:
            no_count += 1
            bad = bool(ck or ci)
            invented += bad
            if show and bad:
                print("INVENTED", g["id"], ck, ci, "|", g["text"][:150])
        if g.get("place"):
            with_place += 1
            city, country = gold_place(g["place"])
            p = r.get("place")
            ok = False
            if p:
                if country and p.get("country") == country:
                    ok = True
                elif city and norm(p.get("name", "")) == city:
                    ok = True
            place_ok += ok
            if show and not ok:
                print("PLACE", g["id"], "gold", g["place"], "got", p and (p["name"], p["country"]), "|", g["text"][:120])
        else:
            no_place += 1
            place_extra += bool(r.get("place"))

    def pct(a, b):
        return "%.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "n/a (0)"

    print("counts right (killed and injured, n and qual): %s   target >= 90%%" % pct(right, with_count))
    print("counts invented where gold has none:           %s   target <= 2%%" % pct(invented, no_count))
    print("place same city or country:                    %s   target >= 80%%" % pct(place_ok, with_place))
    print("place given where gold has none:               %s" % pct(place_extra, no_place))


if __name__ == "__main__":
    main()
