#!/bin/sh
# A deliberately broken adapter: it accepts everything (every message is valid, every envelope
# opens to {}, sealing "succeeds" without writing anything). The conformance suite must FAIL it;
# SuiteAgainstAdaptersTest and ci-check.sh check that it does.
case "$1" in
  validate) echo '{"valid":true}'; exit 0 ;;
  open) echo '{"ok":true,"message":{}}'; exit 0 ;;
  seal) exit 0 ;;
  *) echo "usage: adapter.sh validate|open|seal ..." >&2; exit 2 ;;
esac
