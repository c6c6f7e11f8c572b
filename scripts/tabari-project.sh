#!/bin/sh
# Writes a TABARI .project naming the real dictionaries in SHARED (the set the conformance run and
# the benchmark use): CountryInfo + Internatnl + Levant actors, PSU agents, CAMEO.080612 verbs,
# CAMEO.09b5 options.   Usage: sh scripts/tabari-project.sh SHARED OUTFILE
D="$1/peers/tabari/dictionaries"
cat > "$2" <<P
<actorsfile> $D/CountryInfo.120116.actors
<actorsfile> $D/Internatnl.120521.actors
<actorsfile> $D/Levant.080629.actors
<agentsfile> $D/PSU.120522.agents
<verbsfile> $D/CAMEO.080612.verbs
<optionsfile> $D/CAMEO.09b5.options
P
