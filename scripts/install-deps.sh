#!/bin/sh
# Installs the Debian packages casus builds and tests with.  Safe to run again.
set -e
PKGS="build-essential pkg-config libjansson-dev libcmocka-dev libutf8proc-dev libsqlite3-dev libgeonames-dev python3"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
