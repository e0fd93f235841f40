#!/usr/bin/env bash
# Re-creates eng/local-packages/patched.distributedlock.postgres.1.3.3.nupkg (see README.md here).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet pack "$here/Patched.DistributedLock.Postgres.csproj" -c Release -o "$here/../local-packages" \
  -p:BaseIntermediateOutputPath="$here/obj/" --nologo
