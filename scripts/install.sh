#!/usr/bin/env bash
# `make install`, `make uninstall`, `make dist` (after `make release`):
#   install PREFIX     the release binary, stripped, as PREFIX/bin/ailab (the built-in catalog,
#                      its config files and the themes are compiled in), bash/zsh/fish
#                      completions and the man page
#   uninstall PREFIX   removes exactly those files, and lib/ailab (where earlier versions put the
#                      binary and its resource bundles)
#   dist DIR           DIR/ailab-VERSION-linux-ARCH.tar.gz of that tree and its .sha256
# Completions come from swift-argument-parser (`ailab --generate-completion-script`), the man
# page from its generate-manual plugin (run with the mirrored package, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

files=(
    bin/ailab
    share/bash-completion/completions/ailab
    share/zsh/site-functions/_ailab
    share/fish/vendor_completions.d/ailab.fish
    share/man/man1/ailab.1
)
release=.build/release

# The man page, made again only when the command line's help changed (keyed by a hash of
# `ailab --experimental-dump-help`, what generate-manual reads). The plugin builds the package
# in debug mode, the configuration `make run` and `make test` already built, so the release
# build is left as it is (its --static-swift-stdlib link would otherwise be redone).
man_page() {
    local page=.build/man/ailab.1 key date
    key=$("$release/ailab" --experimental-dump-help | sha256sum | cut -c1-64)
    if [ ! -f "$page" ] || [ "$(cat .build/man/key 2>/dev/null)" != "$key" ]; then
        date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
        # It writes into its work directory (.build/plugins/GenerateManual/outputs/ailab/): clear the old page first.
        find .build/plugins/GenerateManual -name ailab.1 -delete 2>/dev/null || true
        swift package plugin generate-manual --configuration debug --date "$date" >&2
        mkdir -p .build/man
        cp "$(find .build/plugins/GenerateManual -name ailab.1 | head -1)" "$page"
        echo "$key" > .build/man/key
    fi
    echo "$page"
}

install_tree() {
    local prefix=$1 page
    [ -x "$release/ailab" ] || { echo "install.sh: no $release/ailab; run make release first" >&2; exit 1; }
    page=$(man_page)
    mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
        "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
    rm -rf "${prefix:?}/lib/ailab" "${prefix:?}/bin/ailab"  # an earlier install's symlink and bundles
    install -m 755 "$release/ailab" "$prefix/bin/ailab"
    command -v strip >/dev/null && strip "$prefix/bin/ailab"
    "$release/ailab" --generate-completion-script bash > "$prefix/share/bash-completion/completions/ailab"
    "$release/ailab" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_ailab"
    "$release/ailab" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/ailab.fish"
    install -m 644 "$page" "$prefix/share/man/man1/ailab.1"
    echo "installed $("$release/ailab" --version) under $prefix"
}

uninstall_tree() {
    local prefix=$1
    for file in "${files[@]}"; do rm -f "${prefix:?}/$file"; done
    rm -rf "${prefix:?}/lib/ailab"
    echo "removed ailab from $prefix"
}

dist() {
    local out=$1 version arch name stage
    version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/ailab/BuildInfo.swift)
    arch=$(uname -m)
    name="ailab-$version-linux-$arch"
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' RETURN
    install_tree "$stage/$name" >/dev/null
    mkdir -p "$stage/$name/share/doc/ailab"
    cp README.md "$stage/$name/share/doc/ailab/"
    mkdir -p "$out"
    tar -C "$stage" --owner=0 --group=0 -czf "$out/$name.tar.gz" "$name"
    (cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
    echo "$out/$name.tar.gz"
    cat "$out/$name.tar.gz.sha256"
}

case "${1:-}" in
    install) install_tree "${2:?a prefix}" ;;
    uninstall) uninstall_tree "${2:?a prefix}" ;;
    dist) dist "${2:?a directory}" ;;
    *) echo "usage: scripts/install.sh install|uninstall PREFIX | dist DIR" >&2; exit 2 ;;
esac
