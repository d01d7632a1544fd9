#!/usr/bin/env bash
# Throughput of a 1 GiB upload over loopback with 5 MiB chunks:
#   1. the disk's own fsync'ed write speed (dd conv=fsync): the physical limit;
#   2. `looplab upload` against `looplab serve` (sha1 per chunk, fsync before every 204);
#   3. tus-js-client 4.3.1 against @tus/server 2.4.5 with @tus/file-store (no checksums, no fsync).
# Not part of the test command. Usage: tests/upload/bench.sh [SIZE_MIB] (default 1024).
# Work files go to $BENCH_DIR (default: a fresh directory under target/), on the disk measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB=${1:-1024}
CHUNK=$((5 * 1024 * 1024))
TARGET=${CARGO_TARGET_DIR:-target}
WORK=${BENCH_DIR:-$TARGET/upload-bench}
rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

cargo build --quiet --release -p looplab-native
LOOPLAB=$TARGET/release/looplab
[ -f tests/node_modules/@tus/server/package.json ] && [ -f tests/node_modules/tus-js-client/package.json ] \
  || (cd tests && npm install --no-audit --no-fund --silent)

now() { date +%s.%N; }
rate() { awk -v b="$1" -v s="$2" -v e="$3" 'BEGIN { printf "%.0f", b / (e - s) / 1048576 }'; }
BYTES=$((SIZE_MIB * 1024 * 1024))

echo "making a ${SIZE_MIB} MiB file in $WORK ..."
head -c "$BYTES" /dev/urandom > "$WORK/big.bin"
sync

# Wait for "listening ..." on a server's stdout; print the port.
port_of() { for _ in $(seq 100); do grep -oE '127\.0\.0\.1:[0-9]+|listening [0-9]+' "$1" 2>/dev/null | head -1 | grep -oE '[0-9]+$' && return; sleep 0.1; done; echo "no port in $1" >&2; exit 1; }

# 1. The disk.
sync; t0=$(now)
dd if="$WORK/big.bin" of="$WORK/dd.out" bs=$CHUNK conv=fsync status=none
t1=$(now); rm -f "$WORK/dd.out"; sync
DISK=$(rate $BYTES "$t0" "$t1")

# 2. Ours.
mkdir -p "$WORK/ours"
"$LOOPLAB" serve --port 0 --data "$WORK/ours" --static "$WORK" > "$WORK/ours.out" &
PIDS+=($!)
PORT=$(port_of "$WORK/ours.out")
t0=$(now)
"$LOOPLAB" upload "$WORK/big.bin" --endpoint "http://127.0.0.1:$PORT/files/" --chunk-size $CHUNK --quiet \
  --state "$WORK/state.json" > "$WORK/ours.upload"
t1=$(now)
OURS=$(rate $BYTES "$t0" "$t1")
rm -rf "$WORK/ours"/*; sync

# 3. The reference JS client and server.
mkdir -p "$WORK/tus"
(cd tests && exec node upload/tus_server.mjs "$WORK/tus") > "$WORK/tus.out" &
PIDS+=($!)
PORT=$(port_of "$WORK/tus.out")
t0=$(now)
(cd tests && node upload/tus_js_upload.mjs "$WORK/big.bin" "http://127.0.0.1:$PORT/files/" "$WORK/urls.json" $CHUNK > "$WORK/tus.upload")
t1=$(now)
THEIRS=$(rate $BYTES "$t0" "$t1")

printf '\n%-58s %8s\n' "1 GiB over loopback, 5 MiB chunks" "MiB/s"
printf '%-58s %8s\n' "disk, dd bs=5M conv=fsync (physical limit)" "$DISK"
printf '%-58s %8s\n' "looplab upload -> looplab serve (sha1, fsync per chunk)" "$OURS"
printf '%-58s %8s\n' "tus-js-client 4.3.1 -> @tus/server 2.4.5 (no fsync)" "$THEIRS"
awk -v o="$OURS" -v t="$THEIRS" -v d="$DISK" 'BEGIN {
  printf "\nours / @tus/server = %.2fx (aim >= 2x); ours / disk = %.0f%% (aim >= 70%%)\n", o / t, 100 * o / d }'
