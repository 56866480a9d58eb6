#!/usr/bin/env bash
# Benchmarks the label engine: 10,000 containers across 500 hosts, pinned to one core.
# Not part of the test suite. Record the figures in docs/benchmarks.md.
# Other builds on the machine inflate the figures: prefer a quiet machine.
#
#   bench/run.sh           BenchmarkDotNet (30 warm-up + 20 measured runs; about a minute)
#   bench/run.sh --quick   cold first run plus a warm mean, without BenchmarkDotNet
set -euo pipefail
cd "$(dirname "$0")/.."
pin=()
if command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0)
fi
dotnet build bench/DockFlare.Benchmarks -c Release --nologo -v quiet
cd bench
dll=DockFlare.Benchmarks/bin/Release/net10.0/DockFlare.Benchmarks.dll
if [[ "${1:-}" == "--quick" ]]; then
  exec "${pin[@]}" dotnet "$dll" --quick
fi
# Reports go to bench/artifacts/ (ignored by git).
exec "${pin[@]}" dotnet "$dll" --filter '*DesiredStateEngineBenchmark*' --artifacts artifacts "$@"
