#!/usr/bin/env bash
# Throughput of a 1 GiB upload over loopback with 5 MiB chunks:
#   - the disk's own fsync'ed write speed (dd bs=5M conv=fsync): the physical limit;
#   - `looplab upload` -> `looplab serve` (crc32 on every chunk by default, or sha1, or none; fsync
#     before every 204);
#   - tus-js-client 4.3.1 -> @tus/server 2.4.5 + @tus/file-store (no checksums, no fsync).
# Each is run ROUNDS times, interleaved, and the best run counts (the machine is shared).
# Not part of the test command.   Usage: crates/looplab-native/tests/upload/bench.sh [SIZE_MIB] [ROUNDS]
# Work files go to $BENCH_DIR (default: target/upload-bench), on the disk being measured.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
SIZE_MIB=${1:-1024}
ROUNDS=${2:-3}
CHUNK=$((5 * 1024 * 1024))
BYTES=$((SIZE_MIB * 1024 * 1024))
TARGET=${CARGO_TARGET_DIR:-target}
WORK=${BENCH_DIR:-$TARGET/upload-bench}
rm -rf "$WORK" && mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd) # absolute: the node steps run from tests/
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

cargo build --quiet --release -p looplab-native
LOOPLAB=$TARGET/release/looplab
[ -f tests/node_modules/@tus/server/package.json ] && [ -f tests/node_modules/tus-js-client/package.json ] \
  || (cd tests && npm install --no-audit --no-fund --silent)

now() { date +%s.%N; }
mibs() { awk -v b="$BYTES" -v s="$1" -v e="$2" 'BEGIN { printf "%.0f", b / (e - s) / 1048576 }'; }
best() { printf '%s\n' "$@" | sort -n | tail -1; }
# The port a server printed ("http://127.0.0.1:PORT/..." or "listening PORT").
port_of() {
  for _ in $(seq 100); do
    grep -oE '127\.0\.0\.1:[0-9]+|listening [0-9]+' "$1" 2>/dev/null | head -1 | grep -oE '[0-9]+$' && return
    sleep 0.1
  done
  echo "no port in $1" >&2; exit 1
}

echo "making a $SIZE_MIB MiB file in $WORK ..."
head -c "$BYTES" /dev/urandom > "$WORK/big.bin"
sync

mkdir -p "$WORK/ours" "$WORK/tus"
"$LOOPLAB" serve --port 0 --data "$WORK/ours" --static "$WORK" > "$WORK/ours.out" &
PIDS+=($!)
(cd tests && exec node tus/tus_server.mjs "$WORK/tus") > "$WORK/tus.out" &
PIDS+=($!)
OURS_PORT=$(port_of "$WORK/ours.out")
TUS_PORT=$(port_of "$WORK/tus.out")

disk() {
  sync; local t0; t0=$(now)
  dd if="$WORK/big.bin" of="$WORK/dd.out" bs=$CHUNK conv=fsync status=none
  mibs "$t0" "$(now)"; rm -f "$WORK/dd.out"
}
ours() { # extra flags for looplab upload
  sync; rm -f "$WORK/state.json"; local t0; t0=$(now)
  "$LOOPLAB" upload "$WORK/big.bin" --endpoint "http://127.0.0.1:$OURS_PORT/files/" --chunk-size $CHUNK \
    --quiet --state "$WORK/state.json" "$@" > /dev/null
  mibs "$t0" "$(now)"; rm -f "$WORK/ours"/*
}
theirs() {
  sync; rm -f "$WORK/urls.json"; local t0; t0=$(now)
  (cd tests && node tus/tus_js_upload.mjs "$WORK/big.bin" "http://127.0.0.1:$TUS_PORT/files/" "$WORK/urls.json" $CHUNK > /dev/null)
  mibs "$t0" "$(now)"; rm -f "$WORK/tus"/*
}

D=(); O=(); S=(); N=(); P=(); T=()
for r in $(seq "$ROUNDS"); do
  D+=("$(disk)"); O+=("$(ours)"); S+=("$(ours --checksum sha1)"); N+=("$(ours --checksum none)")
  P+=("$(ours --parallel 4)"); T+=("$(theirs)")
  echo "round $r: disk ${D[-1]}, ours ${O[-1]}, sha1 ${S[-1]}, no checksum ${N[-1]}, --parallel 4 ${P[-1]}, tus-js-client/@tus/server ${T[-1]} MiB/s"
done
DISK=$(best "${D[@]}"); OURS=$(best "${O[@]}"); SHA1=$(best "${S[@]}"); NONE=$(best "${N[@]}")
PAR=$(best "${P[@]}"); THEIRS=$(best "${T[@]}")

printf '\n%-62s %6s\n' "$SIZE_MIB MiB over loopback, 5 MiB chunks, best of $ROUNDS" "MiB/s"
printf '%-62s %6s\n' "disk: dd bs=5M conv=fsync (the physical limit)" "$DISK"
printf '%-62s %6s\n' "looplab upload -> looplab serve (crc32 + fsync per chunk)" "$OURS"
printf '%-62s %6s\n' "looplab upload --checksum sha1 -> looplab serve (fsync per chunk)" "$SHA1"
printf '%-62s %6s\n' "looplab upload --checksum none -> looplab serve (fsync per chunk)" "$NONE"
printf '%-62s %6s\n' "looplab upload --parallel 4 -> looplab serve (crc32, 4 parts)" "$PAR"
printf '%-62s %6s\n' "tus-js-client 4.3.1 -> @tus/server 2.4.5 (no checksum, no fsync)" "$THEIRS"
awk -v o="$OURS" -v s="$SHA1" -v p="$PAR" -v t="$THEIRS" -v d="$DISK" 'BEGIN {
  printf "\nours / @tus/server = %.2fx, with sha1 %.2fx, with 4 parts %.2fx (aim >= 2x)\n", o / t, s / t, p / t
  printf "ours / disk = %.0f%%, with sha1 %.0f%%, with 4 parts %.0f%% (aim >= 70%%)\n", 100 * o / d, 100 * s / d, 100 * p / d }'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
