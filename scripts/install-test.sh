#!/usr/bin/env bash
# `make install` into a temporary prefix, the installed binary run from another directory,
# then `make uninstall` must leave nothing; `make dist`'s tarball checked against its sum. One release build (a few minutes on 2 cores), so it
# runs once, from scripts/test.sh, not per test case.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
prefix=$(mktemp -d /tmp/ailab-install.XXXXXX)
elsewhere=$(mktemp -d /tmp/ailab-elsewhere.XXXXXX)
trap 'rm -rf "$prefix" "$elsewhere"' EXIT
fail() { echo "install-test: $*" >&2; exit 1; }

make -s install PREFIX="$prefix" >/dev/null
for file in bin/ailab \
    share/man/man1/ailab.1 share/bash-completion/completions/ailab share/zsh/site-functions/_ailab share/fish/vendor_completions.d/ailab.fish; do
    [ -e "$prefix/$file" ] || fail "make install left no $file"
done
grep -q '^\.Dt AILAB 1' "$prefix/share/man/man1/ailab.1" || fail "the man page is not an mdoc page for ailab(1)"
# Issue 17: one file of at most 25 MB (10^6 bytes) once stripped, with no ICU in it (one file
# importing full Foundation links FoundationInternationalization and ICU's data: 68 MB).
size=$(stat -c %s "$prefix/bin/ailab")
[ "$size" -le 25000000 ] || fail "the installed (stripped) binary is $size bytes, over 25 MB"
if nm -D --defined-only "$root/.build/release/ailab" 2>/dev/null | grep -q . ; then fail "the binary exports dynamic symbols again (--no-export-dynamic lost)"; fi
if grep -q -a -e 'FoundationInternationalization' -e 'icudt' "$prefix/bin/ailab"; then fail "the binary carries FoundationInternationalization/ICU"; fi
grep -q 'status' "$prefix/share/bash-completion/completions/ailab" || fail "the bash completion does not know 'status'"

cd "$elsewhere"
commit=$(git -C "$root" rev-parse --short=12 HEAD)
version=$(env -i PATH=/usr/bin:/bin "$prefix/bin/ailab" --version)
[[ $version == "ailab "*" (commit $commit"* ]] || fail "--version said '$version', not the commit $commit"
set +e
env -i PATH=/usr/bin:/bin HOME="$elsewhere" "$prefix/bin/ailab" status --host unix:///nonexistent >/dev/null 2>"$elsewhere/err"
status=$?
set -e
[ "$status" = 2 ] || fail "status against no engine exited $status, not 2: $(cat "$elsewhere/err")"
grep -q "unreachable" "$elsewhere/err" || fail "status said no 'unreachable': $(cat "$elsewhere/err")"
cd "$root"

make -s uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -not -type d)
[ -z "$left" ] || fail "make uninstall left: $left"
make -s dist >/dev/null
(cd .build/dist && sha256sum --quiet -c ailab-*.tar.gz.sha256) || fail "make dist's tarball does not match its sum"
tar -tzf .build/dist/ailab-*.tar.gz | grep -q '/bin/ailab$' || fail "make dist's tarball has no bin/ailab"
echo "install-test: ok ($version; $size bytes stripped; installed, run from $elsewhere, uninstalled)"
