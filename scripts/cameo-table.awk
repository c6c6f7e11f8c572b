# cameo-table.awk — turns data/cameo/cameo.tsv into the C table that src/enrich/cameo.c includes.
# Usage: awk -f scripts/cameo-table.awk data/cameo/cameo.tsv > cameo_table.h
function cstr(s) { return s == "-" ? "NULL" : "\"" s "\"" }
BEGIN { FS = "\t"; print "/* Generated from data/cameo/cameo.tsv by scripts/cameo-table.awk: edit the TSV, not this. */" }
/^#/ || NF == 0 { next }
NF != 5 || $1 !~ /^[0-9][0-9][0-9][0-9]?$/ || $2 !~ /^-?[0-9]+\.[0-9]$/ {
    printf "cameo.tsv:%d: expected code, goldstein, plover, mode, context\n", NR > "/dev/stderr"; bad = 1; exit 1
}
{
    if (("x" $1) <= ("x" prev)) { printf "cameo.tsv:%d: %s out of order (the table is searched by bisection)\n", NR, $1 > "/dev/stderr"; bad = 1; exit 1 }
    prev = $1
    printf "{\"%s\", %s, %s, %s, %s},\n", $1, $2, cstr($3), cstr($4), cstr($5)
}
END { if (bad) exit 1 }
