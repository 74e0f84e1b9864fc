#!/usr/bin/env bash
# llama-cpp-python has no wheel for this platform: build it once (~5-13 min on
# 2 cores) and keep it in the wheel cache so every later set-up installs in seconds.
set -euo pipefail
version="$1"
cache="$2"
mkdir -p "$cache"
if ls "$cache"/llama_cpp_python-"$version"-*.whl >/dev/null 2>&1; then
    echo "llama-cpp-python $version: using cached wheel in $cache"
    exit 0
fi
echo "llama-cpp-python $version: compiling from source once (takes several minutes)..."
start=$(date +%s)
CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$PYTHON" -m pip wheel --no-deps --quiet \
    "llama-cpp-python==$version" -w "$cache"
echo "llama-cpp-python $version: built in $(( $(date +%s) - start )) s, cached in $cache"
