#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the console's browser tests, when missing.
# Idempotent; needs root (CI runs as root). Never downloads a browser from anywhere else.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
