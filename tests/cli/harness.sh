# The harness the command-line tests share; sourced, not run. Before sourcing, set tmp to a
# scratch folder (expect writes the command's stdout to $tmp/out and stderr to $tmp/err).
#   ok / fail MESSAGE            count a check
#   expect STATUS PATTERN -- command...
#                                run it, check the exit status and that stderr matches the
#                                extended regular expression PATTERN (case-insensitive; "" = any)
#   finish [LABEL]               print the counts; the status is 0 only when nothing failed
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
expect() {
  local want=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$* exited $got, expected $want; stderr: $(cat "$tmp/err")"
  elif [ -n "$pattern" ] && ! grep -qiE -- "$pattern" "$tmp/err"; then
    fail "$*: stderr does not match /$pattern/: $(cat "$tmp/err")"
  else
    ok
  fi
}
finish() {
  echo "${1:+$1: }$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
