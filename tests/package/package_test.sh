#!/usr/bin/env bash
# The Debian package, end to end: cpack builds it, lintian finds no error, its contents are
# where Debian and the desktop expect them, the desktop entry and the AppStream metadata
# validate, and its dtrack, unpacked into a temporary root far from the source tree, seeds a
# new database from its own share/directive-tracker. Usage: package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
deb=$build/directive-tracker_${version}_amd64.deb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -f "$deb"
(cd "$build" && cpack -G DEB >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack"; }
[ -f "$deb" ] || fail "no $deb"

# Dependencies computed by dpkg-shlibdeps, with the fonts and xdg-utils added by hand.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3 libsodium libcairo2 libxlsxwriter libglfw3 fonts-liberation2; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# Lintian: no error (what it says besides is printed in the test's output).
lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$tmp/lintian.log" || fail "lintian reports errors"

dpkg-deb -x "$deb" "$tmp/root"
root=$tmp/root/usr
for f in bin/dtrack bin/dtrack-report bin/directive-tracker \
         share/directive-tracker/07-CT-UBND-cao-bang.txt share/directive-tracker/agencies-cao-bang.csv \
         share/applications/org.directive_tracker.DirectiveTracker.desktop \
         share/metainfo/org.directive_tracker.DirectiveTracker.metainfo.xml \
         share/icons/hicolor/scalable/apps/directive-tracker.svg share/icons/hicolor/48x48/apps/directive-tracker.png \
         share/man/man1/dtrack.1.gz share/man/man1/directive-tracker.1.gz \
         share/bash-completion/completions/dtrack share/doc/directive-tracker/copyright; do
  [ -e "$root/$f" ] || fail "the package lacks /usr/$f"
done
desktop-file-validate "$root/share/applications/org.directive_tracker.DirectiveTracker.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/share/metainfo/org.directive_tracker.DirectiveTracker.metainfo.xml" || fail "appstreamcli"

# Every program answers --version with the project's version.
for p in dtrack dtrack-report directive-tracker; do
  out=$("$root/bin/$p" --version)
  [ "$out" = "Directive Tracker $version" ] || fail "$p --version said '$out'"
done

# The unpacked dtrack seeds a database from its own share/ (not the source tree, not an
# override), and hands `report` to the dtrack-report beside it.
cd "$tmp"
env -u DTRACK_ASSETS -u DTRACK_DB HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp" \
  "$root/bin/dtrack" --db "$tmp/t.db" init >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log"; fail "dtrack init"; }
summary=$(HOME="$tmp" "$root/bin/dtrack" --db "$tmp/t.db" summary)
[[ $summary == *"07/CT-UBND"* ]] || fail "the seeded database has no 07/CT-UBND: $summary"
# Without its share/ the program says so (it never falls back to the source tree).
mv "$root/share/directive-tracker" "$tmp/moved"
if HOME="$tmp" "$root/bin/dtrack" --db "$tmp/u.db" init >"$tmp/noassets.log" 2>&1; then fail "init without assets succeeded"; fi
grep -q "share/directive-tracker" "$tmp/noassets.log" || { cat "$tmp/noassets.log"; fail "the error does not name the missing folder"; }
# …and DTRACK_ASSETS overrides.
DTRACK_ASSETS="$tmp/moved" HOME="$tmp" "$root/bin/dtrack" --db "$tmp/v.db" init >/dev/null || fail "init with DTRACK_ASSETS"
echo "package ok: $(du -k "$deb" | cut -f1) KiB"
