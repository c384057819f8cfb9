#!/usr/bin/env bash
# Builds the Copydesk image and proves it on this machine's loopback (docs/operations.md,
# "Testing the image"):
#   - a single node on H2 comes up healthy, runs as a non-root user, keeps the engine's doors shut
#     (REST API off, web apps for ADMINs, cross-site POSTs refused), and keeps what was written
#     across `docker stop` / `docker start` and in a new container on the same volume;
#   - the compose stack (PostgreSQL, two nodes, nginx; docker/compose.yaml + compose.host.yaml)
#     serves through the proxy; a review decided on node A is served by node B; two moderators
#     deciding one comment on the two nodes at once get one 200 and one 409;
#   - a node's health check turns unhealthy while PostgreSQL is stopped and healthy after.
#
#   bash docker/test.sh          (as root; CI runs it from .ci/run)
#
# Needs no image registry: the base images are made from Debian's packages (debootstrap, then
# docker/local-bases/*.Dockerfile) and cached, as images and as a root file system tarball under
# $COPYDESK_DOCKER_CACHE (default /var/cache/copydesk-docker). Starts Debian's dockerd when no
# daemon answers and stops it at the end. Containers use the host network only (never a bridge)
# and talk to 127.0.0.1 only.
#
# Exit status: 0 passed, 77 skipped (Docker cannot be installed or started here; the reason is
# printed), anything else failed.
set -euo pipefail
cd "$(dirname "$0")/.."
# dockerd and debootstrap live in sbin, which a CI environment's PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"

SKIP=77
CACHE="${COPYDESK_DOCKER_CACHE:-/var/cache/copydesk-docker}"
# Loopback ports, fixed in docker/compose.host.yaml and docker/nginx.host.conf too; all below the
# ephemeral range (32768+), so tests on random ports cannot take them.
PG_PORT=27432 PROXY_PORT=27480 NODE_A_PORT=27481 NODE_B_PORT=27482 SINGLE_PORT=27483
SUITE=bookworm
# JAVA_OPTS of every node this test starts: a smaller heap, C1 only and the serial collector cost
# far less CPU while starting, which matters on a two-core machine shared with other builds. The
# image's own defaults are for production; the behaviour tested here does not depend on them.
TEST_JAVA_OPTS="${COPYDESK_TEST_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

RUN_ID="copydesk-test-$$"          # label value and compose project name of this run
LABEL="dev.copydesk.test=${RUN_ID}"
APP_IMAGE="copydesk:${RUN_ID}"
ADMIN_PASSWORD="admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
STAFF_PASSWORD="staff-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$(mktemp -d /tmp/copydesk-docker-test.XXXXXX)"
DOCKERD_PIDFILE="/run/copydesk-test-dockerd.pid"
STARTED_DOCKERD=""
COMPOSE_UP=""
COMPOSE_PID=""
PASSED=0
T0=$SECONDS

log() { printf '[docker/test.sh %3ds] %s\n' "$((SECONDS - T0))" "$*"; }
skip() { log "SKIPPED: $*"; exit "$SKIP"; }
fail() { log "FAILED: $*"; exit 1; }
pass() { PASSED=$((PASSED + 1)); log "ok - $*"; }

# ---------------------------------------------------------------------------------------------
# Clean-up: only what this run created (by label, project name and process id).

# docker/compose.yaml + docker/compose.host.yaml, merged by docker-compose itself, less the ports
# published by services on the host network: they mean nothing there, docker-compose 1.29 refuses
# them, and an override file cannot remove them.
COMPOSE_FILE_MERGED="$WORK/compose.merged.yaml"
compose() { docker-compose -p "$RUN_ID" -f "$COMPOSE_FILE_MERGED" "$@"; }
merge_compose_files() {
  env COPYDESK_ADMIN_PASSWORD="$ADMIN_PASSWORD" COPYDESK_IMAGE="$APP_IMAGE" COPYDESK_JAVA_OPTS="$TEST_JAVA_OPTS" \
    COPYDESK_POSTGRES_IMAGE="$PG_IMAGE" COPYDESK_NGINX_IMAGE="$NGINX_IMAGE" \
    docker-compose -p "$RUN_ID" -f docker/compose.yaml -f docker/compose.host.yaml config >"$COMPOSE_FILE_MERGED"
  # Debian's python3 with PyYAML: docker-compose itself depends on them.
  /usr/bin/python3 - "$COMPOSE_FILE_MERGED" <<'PY'
import sys, yaml
path = sys.argv[1]
with open(path) as f:
    stack = yaml.safe_load(f)
for service in stack["services"].values():
    if service.get("network_mode") == "host":
        service.pop("ports", None)
with open(path, "w") as f:
    yaml.safe_dump(stack, f, sort_keys=False)
PY
}

dump_logs() {
  local id
  for id in $({ docker ps -aq --filter "label=${LABEL}"
                docker ps -aq --filter "label=com.docker.compose.project=${RUN_ID}"; } | sort -u); do
    echo "----- last log lines of $(docker inspect -f '{{.Name}}' "$id" 2>/dev/null) -----"
    docker logs --tail 40 "$id" 2>&1 | cut -c1-400
  done
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [ -n "$COMPOSE_PID" ]; then kill "$COMPOSE_PID" 2>/dev/null; wait "$COMPOSE_PID" 2>/dev/null; fi
  if [ -n "$STARTED_DOCKERD" ] || docker info >/dev/null 2>&1; then
    [ "$rc" -ne 0 ] && [ "$rc" -ne "$SKIP" ] && dump_logs
    if [ -n "$COMPOSE_UP" ]; then
      compose down -v --remove-orphans --timeout 10 >"$WORK/compose-down.log" 2>&1
    fi
    local ids
    # The image's label reaches every container made from it, compose's too.
    ids="$({ docker ps -aq --filter "label=${LABEL}"; docker ps -aq --filter "label=com.docker.compose.project=${RUN_ID}"; } | sort -u)"
    [ -n "$ids" ] && docker rm -f -v $ids >/dev/null
    ids="$(docker volume ls -q --filter "label=${LABEL}"; docker volume ls -q --filter "label=com.docker.compose.project=${RUN_ID}")"
    [ -n "$ids" ] && docker volume rm $ids >/dev/null
    docker image inspect "$APP_IMAGE" >/dev/null 2>&1 && docker rmi "$APP_IMAGE" >/dev/null
    # Each new jar leaves a layer of about 250 MB in the build cache; on a daemon of its own the
    # run drops what is older than a day (a daemon someone else runs keeps its cache).
    [ -n "$STARTED_DOCKERD" ] && docker builder prune -f --filter until=24h >/dev/null
  fi
  if [ -n "$STARTED_DOCKERD" ]; then
    log "stopping the dockerd this run started (pid ${STARTED_DOCKERD})"
    kill "$STARTED_DOCKERD" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$STARTED_DOCKERD" 2>/dev/null || break; sleep 1; done
    kill -0 "$STARTED_DOCKERD" 2>/dev/null && kill -9 "$STARTED_DOCKERD"
    rm -f "$DOCKERD_PIDFILE"
  fi
  rm -rf "$WORK"
  if [ "$rc" -eq 0 ]; then
    log "took $((SECONDS - T0)) s"
    echo "docker/test.sh: ${PASSED} passed, 0 failed"
  elif [ "$rc" -ne "$SKIP" ]; then
    log "took $((SECONDS - T0)) s"
    echo "docker/test.sh: ${PASSED} passed, 1 failed"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# ---------------------------------------------------------------------------------------------
# Tools, daemon, ports.

[ "$(id -u)" -eq 0 ] || skip "needs root (to install and start Docker)"
mkdir -p "$CACHE"
# One run at a time on a machine: the ports are fixed.
exec 9>"/run/copydesk-docker-test.lock"
flock -w 300 9 || fail "another docker/test.sh still runs after 300 s"

missing=()
command -v dockerd >/dev/null && [ -x /usr/bin/docker ] || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} (Debian's packages)"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } \
    >"$WORK/apt.log" 2>&1 || { tail -5 "$WORK/apt.log"; skip "apt-get install ${missing[*]} failed"; }
fi
# Debian's client (20.10) has BuildKit built in; a newer client may want the buildx plugin.
docker() { /usr/bin/docker "$@"; }
export DOCKER_BUILDKIT=1

if docker info >/dev/null 2>&1; then
  log "using the Docker daemon that already runs"
else
  log "starting dockerd (no default bridge, no iptables)"
  # setsid: out of this script's process group, so a timeout's signal reaches the script, whose
  # clean-up then stops the daemon after removing the containers.
  setsid dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    --pidfile "$DOCKERD_PIDFILE" >"$CACHE/dockerd.log" 2>&1 </dev/null &
  STARTED_DOCKERD=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$STARTED_DOCKERD" 2>/dev/null || break
    sleep 0.5
  done
  if ! docker info >/dev/null 2>&1; then
    tail -5 "$CACHE/dockerd.log"
    kill "$STARTED_DOCKERD" 2>/dev/null || true
    STARTED_DOCKERD=""
    skip "dockerd does not start on this machine (log: $CACHE/dockerd.log)"
  fi
fi
log "Docker $(docker version --format '{{.Server.Version}}'), $(docker-compose version --short | sed 's/^/docker-compose /')"

for port in $PG_PORT $PROXY_PORT $NODE_A_PORT $NODE_B_PORT $SINGLE_PORT; do
  if ss -Htln "sport = :$port" | grep -q .; then fail "port $port on loopback is taken"; fi
done

# ---------------------------------------------------------------------------------------------
# Local base images, cached: the Debian root file system as a tarball, each image by a tag that
# names the hash of what it is built from.

DEBIAN_IMAGE="local/debian:${SUITE}"
if ! docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
  tarball="$CACHE/debian-${SUITE}-minbase.tar"
  if [ ! -s "$tarball" ]; then
    # The same mirror as this machine's apt, or debootstrap's default.
    mirror="$(apt-get indextargets --format '$(REPO_URI)' 'Created-By: Packages' 2>/dev/null \
      | grep -v -e security -e updates | head -n 1)"
    log "debootstrap ${SUITE} (minbase) into $CACHE, once"
    rm -rf "$CACHE/rootfs"
    debootstrap --variant=minbase "$SUITE" "$CACHE/rootfs" ${mirror:+"${mirror%/}"} \
      >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap failed"; }
    rm -rf "$CACHE/rootfs/var/cache/apt/archives/"*.deb "$CACHE/rootfs/var/lib/apt/lists/"*
    tar -C "$CACHE/rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$CACHE/rootfs"
  fi
  log "importing $DEBIAN_IMAGE"
  docker import "$tarball" "$DEBIAN_IMAGE" >/dev/null
fi

local_base() { # name -> prints the tag, builds it when missing
  local name=$1 hash tag
  hash="$(cat docker/local-bases/"$name".* | sha256sum | cut -c1-12)"
  tag="local/copydesk-${name}:${hash}"
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    log "building $tag from Debian's packages, once" >&2
    docker build --network host --build-arg BASE="$DEBIAN_IMAGE" -f "docker/local-bases/$name.Dockerfile" \
      -t "$tag" docker/local-bases >"$WORK/base-$name.log" 2>&1 \
      || { tail -20 "$WORK/base-$name.log" >&2; return 1; }
  fi
  echo "$tag"
}
JRE_IMAGE="$(local_base jre)" || fail "building the JRE base failed"
PG_IMAGE="$(local_base postgres)" || fail "building the PostgreSQL base failed"
NGINX_IMAGE="$(local_base nginx)" || fail "building the nginx base failed"

# ---------------------------------------------------------------------------------------------
# The jar (built outside the image: no Maven image here) and the image.

JAR="$(ls target/copydesk-*.jar 2>/dev/null | head -n 1 || true)"
if [ -n "$JAR" ] && [ -z "$(find pom.xml src/main processes -newer "$JAR" -print -quit)" ]; then
  log "using $JAR (newer than every source)"
else
  # Tests are not compiled: the image takes only the jar.
  log "packaging the jar (mvn -B -q package -Dmaven.test.skip=true)"
  t=$SECONDS
  mvn -B -q package -Dmaven.test.skip=true >"$WORK/mvn.log" 2>&1 || { tail -30 "$WORK/mvn.log"; fail "mvn package failed"; }
  log "jar packaged in $((SECONDS - t)) s"
fi

t=$SECONDS
docker build --network host --label "$LABEL" \
  --build-arg RUNTIME_IMAGE="$JRE_IMAGE" --build-arg JAR_FROM=jar-from-target \
  -f docker/Dockerfile -t "$APP_IMAGE" . >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log"; fail "docker build failed"; }
pass "image built in $((SECONDS - t)) s ($(docker image inspect -f '{{.Size}}' "$APP_IMAGE" | awk '{printf "%d MB", $1/1000000}'))"

# ---------------------------------------------------------------------------------------------
# Helpers.

# http METHOD URL USER:PASSWORD|- [JSON [HEADER]]: sets STATUS and BODY.
http() {
  local args=(-sS -o "$WORK/body" -w '%{http_code}' -X "$1" --max-time 30)
  [ "$3" != - ] && args+=(-u "$3")
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data "$4")
  [ -n "${5:-}" ] && args+=(-H "$5")
  STATUS="$(curl "${args[@]}" "$2" 2>"$WORK/curl.err")" || STATUS="${STATUS:-000}"
  BODY="$(cat "$WORK/body" 2>/dev/null || true)"
}
expect() { # expected-status what
  [ "$STATUS" = "$1" ] || fail "$2: expected HTTP $1, got $STATUS: ${BODY:0:300}"
}
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1"; }
# wait_health CONTAINER healthy|unhealthy SECONDS
wait_health() {
  local id=$1 want=$2 deadline=$((SECONDS + $3)) state
  while [ "$SECONDS" -lt "$deadline" ]; do
    state="$(health "$id")"
    [ "$state" = "$want" ] && return 0
    [ "$(docker inspect -f '{{.State.Running}}' "$id")" = true ] || { docker logs --tail 40 "$id"; fail "$id stopped"; }
    sleep 0.5
  done
  fail "$(docker inspect -f '{{.Name}}' "$id") not $want after $3 s (is $state)"
}
account() { # base-url role -> prints the username
  local name
  name="$(echo "$2" | tr 'A-Z' 'a-z')-$RANDOM$RANDOM"
  http POST "$1/api/admin/accounts" "admin:$ADMIN_PASSWORD" \
    "{\"username\":\"$name\",\"displayName\":\"$name\",\"email\":\"$name@example.org\",\"password\":\"$STAFF_PASSWORD\",\"roles\":[\"$2\"]}"
  expect 201 "create a $2 account" >&2
  echo "$name"
}
submitted_article() { # base-url writer title -> prints the id
  http POST "$1/api/articles" "$2:$STAFF_PASSWORD" \
    "{\"title\":\"$3 $RANDOM$RANDOM\",\"summary\":\"Made by docker/test.sh\",\"body\":\"Body\",\"tags\":[\"docker\"]}"
  expect 201 "create an article" >&2
  local id
  id="$(jq -r .id <<<"$BODY")"
  http POST "$1/api/articles/$id/submit" "$2:$STAFF_PASSWORD"
  expect 200 "submit the article" >&2
  echo "$id"
}
approve() { # base-url editor id: the decision carries the version the editor reviewed
  http GET "$1/api/articles/$3" "$2:$STAFF_PASSWORD"
  expect 200 "read the article before deciding"
  local version
  version="$(jq -r '.version' <<<"$BODY")"
  http POST "$1/api/articles/$3/decision" "$2:$STAFF_PASSWORD" \
    "{\"decision\":\"APPROVE\",\"version\":$version}"
  expect 200 "approve the article"
}

# ---------------------------------------------------------------------------------------------
# The two-node stack starts in the background (node B waits for node A to be healthy) while the
# single node runs: two start-ups at a time use both cores.

log "starting the compose stack (project $RUN_ID)"
merge_compose_files
COMPOSE_UP=1
# Not through the function: $! must be docker-compose itself, so the clean-up can stop it.
docker-compose -p "$RUN_ID" -f "$COMPOSE_FILE_MERGED" up -d --no-build >"$WORK/compose-up.log" 2>&1 &
COMPOSE_PID=$!

# ---------------------------------------------------------------------------------------------
# Single node on H2: healthy, non-root, data kept across stop/start and a new container.

SINGLE="http://127.0.0.1:${SINGLE_PORT}"
VOLUME="$(docker volume create --label "$LABEL" "${RUN_ID}-data")"
run_single() {
  docker run -d --network host --memory 1g --label "$LABEL" -v "$VOLUME:/app/data" \
    -e SERVER_PORT="$SINGLE_PORT" -e SERVER_ADDRESS=127.0.0.1 -e COPYDESK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    -e JAVA_OPTS="$TEST_JAVA_OPTS" \
    --health-interval 2s --health-start-period 300s "$APP_IMAGE"
}
t=$SECONDS
SINGLE_ID="$(run_single)"
wait_health "$SINGLE_ID" healthy 420
pass "single node on H2 healthy after $((SECONDS - t)) s"
http GET "$SINGLE/actuator/health" -
expect 200 "health"
[ "$(jq -r .status <<<"$BODY")" = UP ] || fail "health is not UP: $BODY"

pid="$(docker inspect -f '{{.State.Pid}}' "$SINGLE_ID")"
uid="$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")"
user="$(docker exec "$SINGLE_ID" id -un)"
[ "$uid" != 0 ] && [ "$user" = copydesk ] || fail "the process runs as uid $uid ($user)"
pass "the Java process runs as $user (uid $uid), not root"

# The engine's doors on the packaged jar (docs/security.md): its REST API is off for everyone, the
# web apps' API is for ADMINs only, and a cross-site POST is refused even with valid credentials.
http GET "$SINGLE/engine-rest/user" -
expect 401 "the engine REST API, anonymous"
http GET "$SINGLE/engine-rest/user" "admin:$ADMIN_PASSWORD"
expect 404 "the engine REST API is off, even for an ADMIN"
door_writer="$(account "$SINGLE" WRITER)"
http GET "$SINGLE/camunda/api/engine/engine/default/user" "$door_writer:$STAFF_PASSWORD"
expect 403 "the web apps' API, as a WRITER"
http GET "$SINGLE/camunda/api/engine/engine/default/user" "admin:$ADMIN_PASSWORD"
expect 200 "the web apps' API, as an ADMIN"
http POST "$SINGLE/api/articles" "$door_writer:$STAFF_PASSWORD" \
  '{"title":"Cross-site","summary":"s","body":"b","tags":["docker"]}' 'Origin: https://evil.example'
expect 403 "a cross-site POST with valid credentials"
pass "engine doors on the packaged jar: REST API off, web apps for ADMINs, cross-site POST refused"

writer="$(account "$SINGLE" WRITER)"
http POST "$SINGLE/api/articles" "$writer:$STAFF_PASSWORD" \
  '{"title":"Kept on the volume","summary":"Written before a restart","body":"Body","tags":["docker"]}'
expect 201 "create an article"
article="$(jq -r .id <<<"$BODY")"

t=$SECONDS
docker stop "$SINGLE_ID" >/dev/null
docker start "$SINGLE_ID" >/dev/null
wait_health "$SINGLE_ID" healthy 420
http GET "$SINGLE/api/articles/$article" "$writer:$STAFF_PASSWORD"
expect 200 "the article after docker stop / start"
[ "$(jq -r .title <<<"$BODY")" = "Kept on the volume" ] || fail "the article changed: $BODY"
pass "account and article kept across docker stop / start (healthy again after $((SECONDS - t)) s)"

docker stop "$SINGLE_ID" >/dev/null
docker rm "$SINGLE_ID" >/dev/null
t=$SECONDS
SINGLE_ID="$(run_single)"
wait_health "$SINGLE_ID" healthy 420
http GET "$SINGLE/api/articles/$article" "$writer:$STAFF_PASSWORD"
expect 200 "the article in a new container on the same volume"
pass "account and article kept in a new container on the same volume (healthy after $((SECONDS - t)) s)"
docker rm -f "$SINGLE_ID" >/dev/null

# ---------------------------------------------------------------------------------------------
# The two-node stack behind the proxy.

log "waiting for the compose stack"
deadline=$((SECONDS + 600))
while kill -0 "$COMPOSE_PID" 2>/dev/null; do
  [ "$SECONDS" -lt "$deadline" ] || { cat "$WORK/compose-up.log"; fail "docker-compose up still runs after 600 s"; }
  sleep 1
done
wait "$COMPOSE_PID" || { cat "$WORK/compose-up.log"; COMPOSE_PID=""; fail "docker-compose up failed"; }
COMPOSE_PID=""
NODE_A_ID="$(compose ps -q copydesk-a)"
NODE_B_ID="$(compose ps -q copydesk-b)"
PG_ID="$(compose ps -q postgres)"
for id in $(compose ps -q); do
  [ "$(docker inspect -f '{{.HostConfig.NetworkMode}}' "$id")" = host ] || fail "$id is not on the host network"
done
[ -z "$(docker network ls -q --filter "label=com.docker.compose.project=${RUN_ID}")" ] \
  || fail "compose made a network of its own"
wait_health "$NODE_A_ID" healthy 420
wait_health "$NODE_B_ID" healthy 420
PROXY="http://127.0.0.1:${PROXY_PORT}" NODE_A="http://127.0.0.1:${NODE_A_PORT}" NODE_B="http://127.0.0.1:${NODE_B_PORT}"
deadline=$((SECONDS + 30))
until http GET "$PROXY/actuator/health/readiness" - && [ "$STATUS" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the proxy does not answer: $STATUS"
  sleep 0.5
done
pass "compose stack up: PostgreSQL, two nodes healthy, nginx answering on the host network"

writer="$(account "$PROXY" WRITER)"
editor="$(account "$PROXY" EDITOR)"
http GET "$PROXY/api/me" "$writer:$STAFF_PASSWORD"
expect 200 "the writer logs in through the proxy"
http GET "$NODE_B/api/me" "$editor:$STAFF_PASSWORD"
expect 200 "the editor logs in on node B"

id="$(submitted_article "$PROXY" "$writer" "Decided on node A")"
approve "$NODE_A" "$editor" "$id"
slug="$(jq -r .slug <<<"$BODY")"
http GET "$NODE_B/api/articles/$id" "$editor:$STAFF_PASSWORD"
expect 200 "the article on node B"
[ "$(jq -r .status <<<"$BODY")" = PUBLISHED ] || fail "node B does not see it published: $BODY"
http GET "$NODE_B/api/public/articles/$slug" -
expect 200 "the public article on node B"
http GET "$PROXY/api/public/articles/$slug" -
expect 200 "the public article through the proxy"
pass "a review decided on node A is served by node B and through the proxy"

moderator_a="$(account "$PROXY" MODERATOR)"
moderator_b="$(account "$PROXY" MODERATOR)"
for round in 1 2 3; do
  http POST "$NODE_B/api/public/articles/$slug/comments" - \
    "{\"authorName\":\"Reader $round\",\"authorEmail\":\"reader-$round-$RANDOM$RANDOM@example.org\",\"body\":\"First comment, held.\"}"
  expect 202 "post a comment"
  [ "$(jq -r .status <<<"$BODY")" = PENDING ] || fail "the first comment was not held: $BODY"
  comment="$(jq -r .id <<<"$BODY")"
  # Both decisions leave together; whichever commits second finds the comment decided.
  curl -sS -o /dev/null -w '%{http_code}' --max-time 30 -u "$moderator_a:$STAFF_PASSWORD" \
    -H 'Content-Type: application/json' --data '{"decision":"APPROVE"}' \
    "$NODE_A/api/moderation/comments/$comment/decision" >"$WORK/race-a" &
  race_a=$!
  curl -sS -o /dev/null -w '%{http_code}' --max-time 30 -u "$moderator_b:$STAFF_PASSWORD" \
    -H 'Content-Type: application/json' --data '{"decision":"REJECT","reason":"SPAM"}' \
    "$NODE_B/api/moderation/comments/$comment/decision" >"$WORK/race-b" &
  race_b=$!
  wait "$race_a" "$race_b" || true
  statuses="$(cat "$WORK/race-a") $(cat "$WORK/race-b")"
  case "$statuses" in
    "200 409" | "409 200") ;;
    *) fail "round $round: two decisions on the two nodes answered $statuses, not one 200 and one 409" ;;
  esac
  http GET "$NODE_A/api/moderation/comments/$comment/history" "$moderator_a:$STAFF_PASSWORD"
  expect 200 "the comment's history"
  decisions="$(jq '[(.entries? // .)[] | select(.action == "APPROVED" or .action == "REJECTED")] | length' <<<"$BODY")"
  [ "$decisions" = 1 ] || fail "round $round: $decisions decisions recorded: $BODY"
  pass "comment race round $round: node A $(cat "$WORK/race-a"), node B $(cat "$WORK/race-b"), one decision recorded"
done

# ---------------------------------------------------------------------------------------------
# The health check follows the database.

t=$SECONDS
docker stop "$PG_ID" >/dev/null
wait_health "$NODE_A_ID" unhealthy 60
wait_health "$NODE_B_ID" unhealthy 60
http GET "$NODE_A/actuator/health/readiness" -
expect 503 "readiness while PostgreSQL is stopped"
pass "both nodes unhealthy $((SECONDS - t)) s after PostgreSQL stopped (readiness 503)"
t=$SECONDS
docker start "$PG_ID" >/dev/null
wait_health "$NODE_A_ID" healthy 120
wait_health "$NODE_B_ID" healthy 120
http GET "$PROXY/api/public/articles/$slug" -
expect 200 "the public article after PostgreSQL came back"
pass "both nodes healthy again $((SECONDS - t)) s after PostgreSQL started"
