#!/bin/sh
# Installs the Debian packages casus builds and tests with.  Safe to run again.
set -e
PKGS="build-essential pkg-config libjansson-dev libcmocka-dev libutf8proc-dev libsqlite3-dev libgeonames-dev python3"
# WordNet 3.0's data files, which the syntax trainer's lexicon reads from /usr/share/wordnet
# (train/train.c --lexicon, models/MODELS.md); its browser and GUI are not needed
DATA="wordnet-base"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
missing_data=""
for p in $DATA; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_data="$missing_data $p"
done
[ -z "$missing$missing_data" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
[ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
[ -z "$missing_data" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing_data
