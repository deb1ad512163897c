#!/usr/bin/env bash
# The layering test (docs/architecture.md). Reads every source file of src/ and include/ as
# text and fails, naming file and line, on each of these:
#   (a) a file of src/core or include/ includes a Qt header: the core stays plain C++;
#   (b) a file of src/ui or src/app includes a header private to the core (anything under
#       src/core/), where only the public include/crosswalk/... headers are theirs to use;
#   (c) a file outside src/core/storage touches SQLite: includes sqlite3.h or one of the
#       storage's private headers, or names sqlite3_..., sqlite3* / sqlite3& or struct sqlite3
#       (the storage owns all SQL);
#   (d) two folders of src/ include each other, folder meaning the directory of the including
#       and of the included file (include/crosswalk/X counts as core/X).
# Every violation is printed, not just the first. Plain bash and awk (mawk is enough): it has
# to run on a fresh Debian 12 with only what scripts/setup.sh installs.
#
# Usage: layering.sh [ROOT]            check ROOT/src and ROOT/include (ROOT: the repository)
#        layering.sh --self-test DIR   check the fixture tree DIR, whose files plant one
#                                      violation of each kind; passes when the check fails
#                                      and prints exactly DIR/expected.txt
set -uo pipefail

if [ "${1:-}" = "--self-test" ]; then
    fixture="${2:?fixture directory}"
    actual="$(bash "$0" "$fixture")"
    status=$?
    if [ "$status" -ne 1 ]; then
        echo "self-test: the check exited with $status on the planted violations, not 1"
        printf '%s\n' "$actual"
        exit 1
    fi
    if ! diff -u "$fixture/expected.txt" <(printf '%s\n' "$actual"); then
        echo "self-test: the report differs from $fixture/expected.txt (above)"
        exit 1
    fi
    echo "self-test: the check caught every planted violation"
    exit 0
fi

root="${1:-$(dirname "$0")/../..}"
cd "$root" || exit 2
sources="$(find src include -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.cpp' -o -name '*.cc' \) \
           2>/dev/null | LC_ALL=C sort)"
if [ -z "$sources" ]; then
    echo "layering: no sources under $(pwd)/src or include"
    exit 2
fi

# The first input is the list of files (to resolve includes against), then every file.
# shellcheck disable=SC2086
output="$(printf '%s\n' "$sources" | LC_ALL=C awk '
function dirOf(p) { if (p !~ /\//) return "."; sub(/\/[^\/]*$/, "", p); return p }

# "a/b/../c/./d.h" -> "a/c/d.h"
function normal(p,    n, i, parts, out, depth, k) {
    n = split(p, parts, "/")
    depth = 0
    for (i = 1; i <= n; i++) {
        if (parts[i] == "" || parts[i] == ".") continue
        if (parts[i] == ".." && depth > 0 && out[depth] != "..") { depth--; continue }
        out[++depth] = parts[i]
    }
    p = ""
    for (k = 1; k <= depth; k++) p = p (k > 1 ? "/" : "") out[k]
    return p
}

# The file an include names, as the compiler would find it: beside the including file
# (quotes only), then in include/ and src/ (the public include paths), then in src/core/
# (how a core-private header is reached once its folder is on the path). "" if none.
function resolve(file, name, quoted,    c) {
    if (quoted) { c = normal(dirOf(file) "/" name); if (c in exists) return c }
    c = normal("include/" name);   if (c in exists) return c
    c = normal("src/" name);       if (c in exists) return c
    c = normal("src/core/" name);  if (c in exists) return c
    return ""
}

# The folder a file belongs to for (d): its directory under src/, include/crosswalk/X as core/X.
function folderOf(p) {
    if (p ~ /^include\/crosswalk\//) { p = substr(p, 19); p = dirOf(p); return p == "." ? "core" : "core/" p }
    if (p ~ /^src\//) { p = dirOf(substr(p, 5)); return p == "." ? "" : p }
    return ""
}

function report(line) { violations[++count] = line }

NR == FNR { exists[$0] = 1; files[++nfiles] = $0; next }

FNR == 1 {
    file = FILENAME
    inComment = 0
    coreSide = (file ~ /^src\/core\// || file ~ /^include\//)
    uiSide = (file ~ /^src\/(ui|app)\//)
    storageSide = (file ~ /^src\/core\/storage\//)
}

{
    # Code only: block and line comments out (a string holding "//" or "/*" is rare enough).
    text = $0
    code = ""
    while (text != "") {
        if (inComment) {
            if ((i = index(text, "*/")) == 0) { text = ""; break }
            text = substr(text, i + 2); inComment = 0
        } else {
            a = index(text, "/*"); b = index(text, "//")
            if (b > 0 && (a == 0 || b < a)) { code = code substr(text, 1, b - 1); text = ""; break }
            if (a == 0) { code = code text; text = ""; break }
            code = code substr(text, 1, a - 1) " "; text = substr(text, a + 2); inComment = 1
        }
    }
    where = file ":" FNR ": "

    if (match(code, /^[ \t]*#[ \t]*include[ \t]*[<"][^>"]+[>"]/)) {
        directive = substr(code, RSTART, RLENGTH)
        quoted = (directive ~ /"/)
        name = directive
        sub(/^[^<"]*[<"]/, "", name); sub(/[>"]$/, "", name)
        base = name; sub(/^.*\//, "", base)

        if (coreSide && (name ~ /^Q[A-Za-z0-9_]*(\.h)?$/ || name ~ /^Qt[A-Za-z0-9_]*\// ||
                         (!quoted && name ~ /^q[a-z0-9_]*\.h$/)))
            report(where "(a) Qt header " name " in the core")

        target = resolve(file, name, quoted)
        if (uiSide && target ~ /^src\/core\//)
            report(where "(b) core-private header " target " (use the public crosswalk/... headers)")

        if (!storageSide && (base == "sqlite3.h" || base == "sqlite3ext.h"))
            report(where "(c) SQLite header " name " outside src/core/storage")
        else if (!storageSide && target ~ /^src\/core\/storage\//)
            report(where "(c) storage-private header " target " outside src/core/storage")

        if (target != "") {
            from = folderOf(file); to = folderOf(target)
            if (from != "" && to != "" && from != to) {
                edges[from " -> " to] = 1
                uses[++nuses] = from " -> " to
                useWhere[nuses] = where
                useTarget[nuses] = target
            }
        }
    } else if (!storageSide && (code ~ /sqlite3_[A-Za-z0-9_]/ || code ~ /(^|[^A-Za-z0-9_])sqlite3[ \t]*[*&]/ ||
                                code ~ /(^|[^A-Za-z0-9_])struct[ \t]+sqlite3([^A-Za-z0-9_]|$)/)) {
        line = $0; sub(/^[ \t]+/, "", line)
        report(where "(c) SQLite outside src/core/storage: " line)
    }
}

END {
    # (d): every include that is one half of a pair of folders including each other.
    for (i = 1; i <= nuses; i++) {
        split(uses[i], ends, " -> ")
        if ((ends[2] " -> " ends[1]) in edges)
            report(useWhere[i] "(d) folders " ends[1] " and " ends[2] " include each other: " useTarget[i])
    }
    for (i = 1; i <= count; i++) print violations[i]
    print "#files " nfiles
}
' - $sources)"

# One line a violation, in file and line order.
files="$(printf '%s\n' "$output" | sed -n 's/^#files //p')"
violations="$(printf '%s\n' "$output" | grep -v '^#files' | LC_ALL=C sort -t: -k1,1 -k2,2n)"
if [ -n "$violations" ]; then
    printf '%s\n' "$violations"
    n="$(printf '%s\n' "$violations" | wc -l)"
    echo "$n layering violation(s) in $files files (rules: tests/tools/layering.sh)"
    exit 1
fi
echo "layering: $files files, no violations"
