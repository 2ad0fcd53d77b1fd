# Functions behind ./saisine. Sourced, not run. Everything it starts lives under
# $ROOT/.saisine/run/<profile>/ (pid files, logs, data), so `down` stops exactly that.

SAISINE_HOME="$ROOT/.saisine"
TOOLS="$SAISINE_HOME/tools"
FERRETDB_VERSION="v1.24.2"
GREENMAIL_VERSION="2.1.5"
KEYCLOAK_VERSION="26.5.6"
SCHEMATHESIS_VERSION="4.32.5"

say()  { printf '%s\n' "$*"; }
warn() { printf 'saisine: %s\n' "$*" >&2; }
die()  { warn "$*"; exit 1; }

# --- profiles: the dev stack on the usual ports, the test servers beside it -------------

load_profile() {
    PROFILE="$1"
    RUN="$SAISINE_HOME/run/$PROFILE"
    LOGS="$RUN/logs"
    mkdir -p "$LOGS"
    case "$PROFILE" in
        dev)
            KAFKA_PORT=9092; KAFKA_CONTROLLER_PORT=9093; MONGO_PORT=27017
            SMTP_PORT=1025; MAIL_WEB_PORT=8025; IMAP_PORT=1143; FERRET_DEBUG_PORT=27018
            KEYCLOAK_PORT=8180 ;;
        test)
            KAFKA_PORT=19092; KAFKA_CONTROLLER_PORT=19093; MONGO_PORT=37017
            SMTP_PORT=11025; MAIL_WEB_PORT=18025; IMAP_PORT=11143; FERRET_DEBUG_PORT=37018
            KEYCLOAK_PORT=18180 ;;
        *) die "unknown profile $PROFILE" ;;
    esac
    INTAKE_PORT="${INTAKE_PORT:-8081}"
    TRIAGE_PORT="${TRIAGE_PORT:-8082}"
    NOTIFICATION_PORT="${NOTIFICATION_PORT:-8083}"
    # Actuator (probes, metrics) of each service, on loopback (docs/operations.md)
    INTAKE_MANAGEMENT_PORT="${INTAKE_MANAGEMENT_PORT:-9081}"
    TRIAGE_MANAGEMENT_PORT="${TRIAGE_MANAGEMENT_PORT:-9082}"
    NOTIFICATION_MANAGEMENT_PORT="${NOTIFICATION_MANAGEMENT_PORT:-9083}"
    OIDC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/saisine"
}

# --- the JDK and Maven ------------------------------------------------------------------

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

pick_java() {
    local candidate
    for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
        [ -x "$candidate" ] || continue
        if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            JAVA_HOME="$(cd "$(dirname "$candidate")/.." && pwd)"
            export JAVA_HOME
            JAVA="$JAVA_HOME/bin/java"
            return 0
        fi
    done
    die "no JDK 21 or newer found (looked at JAVA_HOME, the PATH and /usr/lib/jvm); install one, e.g. Temurin 21+"
}

# Maven 3.9's Guice uses sun.misc.Unsafe, which JDK 24+ warns about on every run.
mvnw() {
    local opts="${MAVEN_OPTS:-}"
    if [ "$(java_major "$JAVA")" -ge 24 ] 2>/dev/null; then opts="$opts --sun-misc-unsafe-memory-access=allow"; fi
    (cd "$ROOT" && MAVEN_OPTS="$opts" ./mvnw -B -ntp "$@")
}

# --- tools fetched once into .saisine/tools --------------------------------------------

ensure_kafka() {
    [ -f "$TOOLS/kafka/.complete" ] && return 0
    say "Fetching the Kafka broker from Maven Central..."
    rm -rf "$TOOLS/kafka"
    mvnw -q -f infra/pom.xml dependency:copy-dependencies -DoutputDirectory="$TOOLS/kafka/lib" \
        || die "could not fetch the Kafka broker (see the Maven output above)"
    touch "$TOOLS/kafka/.complete"
}

ensure_greenmail() {
    local jar="$TOOLS/greenmail-standalone-$GREENMAIL_VERSION.jar"
    [ -f "$jar" ] && return 0
    say "Fetching GreenMail $GREENMAIL_VERSION from Maven Central..."
    mvnw -q -f infra/pom.xml dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
        -DoutputDirectory="$TOOLS" \
        || die "could not fetch GreenMail (see the Maven output above)"
}

# Keycloak's server distribution is a zip on Maven Central; unpacked with the JDK's own `jar`,
# since `unzip` may be missing. It needs Java 21+, which pick_java has found (JAVA_HOME).
ensure_keycloak() {
    KC_HOME="$TOOLS/keycloak-$KEYCLOAK_VERSION"
    [ -f "$KC_HOME/.complete" ] && return 0
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (once; about 165 MB)..."
    local download="$TOOLS/keycloak-download"
    rm -rf "$KC_HOME" "$download" && mkdir -p "$download"
    mvnw -q -f infra/pom.xml dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$download" \
        || die "could not fetch Keycloak (see the Maven output above)"
    (cd "$download" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip") \
        || die "could not unpack Keycloak into $download"
    [ -f "$download/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ] || die "the Keycloak zip holds no keycloak-$KEYCLOAK_VERSION/bin/kc.sh"
    mv "$download/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$download"
    chmod +x "$KC_HOME"/bin/*.sh
    touch "$KC_HOME/.complete"
}

# FerretDB's module zip lacks the generated build/version/version.txt, so a plain
# `go install` builds a binary that panics at start: build from a copy that has it.
# One patch (docs/ferretdb.md): the SQLite backend queries _id as `->'$._id'` but indexes it as
# `->"_id"`, so SQLite never uses the index and every lookup by _id reads the whole collection
# (100 ms at 5,000 documents instead of 1 ms). The patch writes the query like the index.
FERRETDB_BUILD="saisine1"
ensure_ferretdb() {
    FERRETDB="$TOOLS/ferretdb-$FERRETDB_VERSION-$FERRETDB_BUILD"
    [ -x "$FERRETDB" ] && return 0
    command -v go >/dev/null || die "Go is needed to build FerretDB (no mongod on the PATH); install Go 1.24 or newer"
    say "Building FerretDB $FERRETDB_VERSION with Go (once; about a minute)..."
    local build="$TOOLS/ferretdb-build"
    rm -rf "$build" && mkdir -p "$build"
    export GOSUMDB=off GOFLAGS=-mod=mod
    (cd "$build" \
        && printf 'module saisine/ferretdb\n\ngo 1.24\n\nrequire github.com/FerretDB/FerretDB %s\n' "$FERRETDB_VERSION" > go.mod \
        && go mod download github.com/FerretDB/FerretDB \
        && cp -r "$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)" src \
        && chmod -R u+w src \
        && echo "$FERRETDB_VERSION" > src/build/version/version.txt \
        && sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->\\\\\"_id\\\\\"\"|" \
            src/internal/backends/sqlite/metadata/metadata.go \
        && grep -q 'IDColumn = DefaultColumn + "->\\"_id\\""' src/internal/backends/sqlite/metadata/metadata.go \
        && go mod edit -replace github.com/FerretDB/FerretDB=./src \
        && go build -o "$FERRETDB" github.com/FerretDB/FerretDB/cmd/ferretdb) \
        > "$TOOLS/ferretdb-build.log" 2>&1 \
        || die "could not build FerretDB; see $TOOLS/ferretdb-build.log"
    rm -rf "$build"
}

# --- processes ---------------------------------------------------------------------------

pid_of()   { cat "$RUN/$1.pid" 2>/dev/null || true; }
# What the command line of each component holds, so that a pid file left by a crash, whose
# pid the system has since given to another process, is never taken for the component (nor killed)
pid_marker() {
    case "$1" in
        kafka) echo "kafka.Kafka" ;;
        mongodb) echo "$MONGO_PORT" ;;
        smtp) echo "greenmail" ;;
        keycloak) echo "keycloak" ;;
        *) echo "$1-service.jar" ;;
    esac
}
owns_pid() { tr '\0' ' ' < "/proc/$2/cmdline" 2>/dev/null | grep -qF -- "$(pid_marker "$1")"; }
is_alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && owns_pid "$1" "$pid"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME PORT COMMAND...: runs it detached, its output in $LOGS/NAME.log; refuses a port
# another process holds, since a readiness check on that port would then lie
start_process() {
    local name="$1" port="$2"; shift 2
    if is_alive "$name"; then
        say "  $name: already running (pid $(pid_of "$name"))"
        return 1
    fi
    if port_open "$port"; then
        die "port $port, for $name, is taken by a process ./saisine did not start (see: ss -ltnp 'sport = :$port')"
    fi
    nohup setsid "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
    echo $! > "$RUN/$name.pid"
    return 0
}

# wait_until NAME SECONDS CHECK...: polls the check; on time-out names the log
wait_until() {
    local name="$1" seconds="$2"; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        if ! is_alive "$name"; then
            die "$name stopped while starting; its log: $LOGS/$name.log"$'\n'"$(tail -n 15 "$LOGS/$name.log" 2>/dev/null)"
        fi
        [ $SECONDS -lt $deadline ] || die "$name was not ready after ${seconds}s; its log: $LOGS/$name.log"
        sleep 0.5
    done
}

stop_process() {
    local name="$1" pid
    pid="$(pid_of "$name")"
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null && ! owns_pid "$name" "$pid"; then
        warn "$name: pid $pid now belongs to another process ($(tr '\0' ' ' < "/proc/$pid/cmdline" | cut -c1-80)); not stopping it"
        rm -f "$RUN/$name.pid"
        return 0
    fi
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then
            warn "$name (pid $pid) did not stop in 30s; killing it"
            kill -9 "$pid" 2>/dev/null || true
        fi
        say "  $name: stopped"
    fi
    rm -f "$RUN/$name.pid"
}

# --- the servers -------------------------------------------------------------------------

start_kafka() {
    ensure_kafka
    local data="$RUN/kafka-data" config="$RUN/kafka.properties"
    mkdir -p "$data"
    cat > "$config" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
    local kafka_java=("$JAVA" -Xms256m -Xmx1g -Dlog4j2.configurationFile="$ROOT/infra/kafka-log4j2.properties"
        -cp "$TOOLS/kafka/lib/*")
    if [ ! -f "$data/meta.properties" ]; then
        "${kafka_java[@]}" kafka.tools.StorageTool format -t "$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid)" \
            -c "$config" > "$LOGS/kafka-format.log" 2>&1 \
            || die "could not format Kafka's storage; see $LOGS/kafka-format.log"
    fi
    if start_process kafka "$KAFKA_PORT" "${kafka_java[@]}" kafka.Kafka "$config"; then
        wait_until kafka 90 port_open "$KAFKA_PORT"
        say "  kafka: ready on 127.0.0.1:$KAFKA_PORT"
    fi
}

start_mongodb() {
    local data="$RUN/mongodb-data"
    mkdir -p "$data"
    if command -v mongod >/dev/null; then
        start_process mongodb "$MONGO_PORT" mongod --dbpath "$data" --port "$MONGO_PORT" --bind_ip 127.0.0.1 || return 0
    else
        ensure_ferretdb
        start_process mongodb "$MONGO_PORT" "$FERRETDB" --handler=sqlite --sqlite-url="file:$data/" \
            --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr="127.0.0.1:$FERRET_DEBUG_PORT" \
            --state-dir="$data" --telemetry=disable --log-level=warn || return 0
    fi
    wait_until mongodb 60 port_open "$MONGO_PORT"
    say "  mongodb: ready on 127.0.0.1:$MONGO_PORT ($(command -v mongod >/dev/null && echo mongod || echo "FerretDB $FERRETDB_VERSION on SQLite"))"
}

mail_ready() { curl -fsS "http://127.0.0.1:$MAIL_WEB_PORT/api/service/readiness" > /dev/null 2>&1; }

start_smtp() {
    ensure_greenmail
    if start_process smtp "$SMTP_PORT" "$JAVA" -Xmx512m \
        -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
        -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.imap.port="$IMAP_PORT" \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_WEB_PORT" \
        -jar "$TOOLS/greenmail-standalone-$GREENMAIL_VERSION.jar"; then
        wait_until smtp 60 mail_ready
        say "  smtp: ready on 127.0.0.1:$SMTP_PORT (mail view http://127.0.0.1:$MAIL_WEB_PORT)"
    fi
}

keycloak_ready() { curl -fsS "$OIDC_ISSUER/.well-known/openid-configuration" > /dev/null 2>&1; }

# Keycloak in dev mode with an in-memory database: the saisine realm is imported from
# infra/keycloak/saisine-realm.json at every start, so nothing survives a restart and the dev
# and test profiles never share state.
start_keycloak() {
    ensure_keycloak
    is_alive keycloak && { say "  keycloak: already running (pid $(pid_of keycloak))"; return 0; }
    mkdir -p "$KC_HOME/data/import"
    cp "$ROOT/infra/keycloak/saisine-realm.json" "$KC_HOME/data/import/saisine-realm.json"
    if start_process keycloak "$KEYCLOAK_PORT" env JAVA_HOME="$JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        "$KC_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --http-host=127.0.0.1 \
        --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --db=dev-mem --import-realm \
        --health-enabled=false --metrics-enabled=false; then
        wait_until keycloak 180 keycloak_ready
        say "  keycloak: ready on http://127.0.0.1:$KEYCLOAK_PORT (realm saisine)"
    fi
}

infra_up() {
    load_profile "$1"
    pick_java
    say "Starting the servers ($PROFILE):"
    start_kafka
    start_mongodb
    start_smtp
    start_keycloak
}

infra_env() {
    export SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    export SPRING_MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
    export SPRING_MAIL_HOST="127.0.0.1"
    export SPRING_MAIL_PORT="$SMTP_PORT"
    export SAISINE_MAIL_API="http://127.0.0.1:$MAIL_WEB_PORT"
    export SAISINE_SECURITY_ISSUER_URI="$OIDC_ISSUER"
}

# The dev accounts of the saisine realm (infra/keycloak/saisine-realm.json); DEV ONLY, each
# one's password is its username.
DEV_ACCOUNTS=(agent-apsf agent-num head-apsf auditor)

# token PROFILE USER: prints an access token for a dev account, one line, nothing else (the
# password grant of the dev-only public client saisine-cli).
print_token() {
    load_profile "$1"
    local user="$2" account known=0 token
    for account in "${DEV_ACCOUNTS[@]}"; do [ "$account" = "$user" ] && known=1; done
    [ $known -eq 1 ] || die "unknown account '$user'; the dev accounts are: ${DEV_ACCOUNTS[*]}"
    keycloak_ready || die "Keycloak ($PROFILE) is not running at http://127.0.0.1:$KEYCLOAK_PORT; start it with ./saisine up or ./saisine infra"
    token="$(access_token "$user")" || exit 1
    printf '%s\n' "$token"
}

# access_token USER: the access token of a dev account from the profile's Keycloak (loaded).
access_token() {
    local user="$1" response token
    response="$(curl -sS -X POST "$OIDC_ISSUER/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=saisine-cli \
        --data-urlencode "username=$user" --data-urlencode "password=$user" 2>&1)" \
        || die "could not reach Keycloak: $response"
    token="$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    [ -n "$token" ] || die "Keycloak gave no token for $user: $response"
    printf '%s' "$token"
}

# --- the services ------------------------------------------------------------------------

SERVICES=(intake triage notification)

service_port() {
    case "$1" in intake) echo "$INTAKE_PORT" ;; triage) echo "$TRIAGE_PORT" ;; notification) echo "$NOTIFICATION_PORT" ;; esac
}
management_port() {
    case "$1" in intake) echo "$INTAKE_MANAGEMENT_PORT" ;; triage) echo "$TRIAGE_MANAGEMENT_PORT" ;; notification) echo "$NOTIFICATION_MANAGEMENT_PORT" ;; esac
}
service_jar() { echo "$ROOT/$1-service/target/$1-service.jar"; }
# service_ready MANAGEMENT_PORT: the readiness probe answers UP (the database and Kafka included)
service_ready() { curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" > /dev/null 2>&1; }

# Builds the jars when one is missing or older than any source of the build.
ensure_built() {
    local stale=0 s
    for s in "${SERVICES[@]}"; do
        local jar; jar="$(service_jar "$s")"
        if [ ! -f "$jar" ] || [ -n "$(find "$ROOT" -path "$ROOT/.saisine" -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.html' -o -name '*.properties' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
            stale=1
        fi
    done
    [ $stale -eq 0 ] && return 0
    say "Building the services (tests are for ./saisine test)..."
    mvnw -q -DskipTests package || die "the build failed (see the Maven output above)"
}

start_service() {
    local name="$1" port; port="$(service_port "$1")"
    start_process "$name" "$port" "$JAVA" -Xmx512m -XX:+UseSerialGC -jar "$(service_jar "$name")" \
        --server.port="$port" --management.server.port="$(management_port "$name")" || return 0
}

stack_up() {
    load_profile "$1"
    pick_java
    local all_up=1 s
    for s in kafka mongodb smtp keycloak "${SERVICES[@]}"; do is_alive "$s" || all_up=0; done
    if [ $all_up -eq 1 ]; then
        say "Saisine is already up."
        print_addresses
        return 0
    fi
    ensure_built
    infra_up "$1"
    infra_env
    say "Starting the services:"
    for s in "${SERVICES[@]}"; do start_service "$s"; done
    for s in "${SERVICES[@]}"; do
        wait_until "$s" 180 service_ready "$(management_port "$s")"
        say "  $s-service: ready on http://127.0.0.1:$(service_port "$s") (management 127.0.0.1:$(management_port "$s"))"
    done
    print_addresses
}

print_addresses() {
    cat <<EOF

Saisine is up.
  Complaint form (public)   http://127.0.0.1:$INTAKE_PORT/
  Complaints API            http://127.0.0.1:$INTAKE_PORT/api/v1/complaints
  Staff dashboard           http://127.0.0.1:$TRIAGE_PORT/
  Messages API              http://127.0.0.1:$NOTIFICATION_PORT/api/v1/complaints/{reference}/notifications
  Mail view (GreenMail)     http://127.0.0.1:$MAIL_WEB_PORT/   (IMAP 127.0.0.1:$IMAP_PORT, any login)
  Health and metrics        http://127.0.0.1:{$INTAKE_MANAGEMENT_PORT,$TRIAGE_MANAGEMENT_PORT,$NOTIFICATION_MANAGEMENT_PORT}/actuator/{health,prometheus}
  Keycloak (OIDC issuer)    $OIDC_ISSUER
  Staff accounts (DEV ONLY) ${DEV_ACCOUNTS[*]}; password = the username
                            a bearer token for the APIs: ./saisine token USER
  Logs                      $LOGS/
Stop it with ./saisine down.
EOF
}

stack_down() {
    load_profile "$1"
    say "Stopping Saisine ($PROFILE):"
    local s
    for s in "${SERVICES[@]}" keycloak smtp mongodb kafka; do stop_process "$s"; done
}

stack_status() {
    load_profile "$1"
    local s port
    for s in kafka mongodb smtp keycloak "${SERVICES[@]}"; do
        case "$s" in
            kafka) port=$KAFKA_PORT ;; mongodb) port=$MONGO_PORT ;; smtp) port=$SMTP_PORT ;;
            keycloak) port=$KEYCLOAK_PORT ;;
            *) port="$(service_port "$s")" ;;
        esac
        if is_alive "$s"; then
            case "$s" in
                intake|triage|notification) port="$port, management $(management_port "$s")" ;;
            esac
            printf '  %-13s running  pid %-8s 127.0.0.1:%s\n' "$s" "$(pid_of "$s")" "$port"
        else
            printf '  %-13s stopped\n' "$s"
        fi
    done
}

follow_log() {
    load_profile "$1"
    [ -f "$LOGS/$2.log" ] || die "no log for '$2' in $LOGS (components: kafka, mongodb, smtp, keycloak, intake, triage, notification)"
    tail -n 100 -f "$LOGS/$2.log"
}

# --- tests and benchmark -----------------------------------------------------------------

# The browser the end-to-end tests drive (headless Chromium and its WebDriver), from Debian's
# packages when missing.
ensure_browser() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null \
            || die "Chromium and chromedriver are missing and installing them needs root: run apt-get install chromium chromium-driver as root"
        sudo=(sudo)
    fi
    command -v apt-get >/dev/null \
        || die "Chromium and chromedriver are missing (/usr/bin/chromium, /usr/bin/chromedriver) and there is no apt-get to install them"
    say "Installing Chromium and chromedriver for the browser tests (apt-get, once)..."
    "${sudo[@]}" apt-get update -qq \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver \
        || die "could not install chromium and chromium-driver with apt-get"
}

# The API fuzzer (schemathesis, from PyPI), in a virtualenv of its own under .saisine/tools, once;
# SAISINE_SCHEMATHESIS names its command for the tests (GeneratedRequestsIntegrationTests).
ensure_schemathesis() {
    local venv="$TOOLS/schemathesis-$SCHEMATHESIS_VERSION"
    SCHEMATHESIS="$venv/bin/st"
    export SAISINE_SCHEMATHESIS="$SCHEMATHESIS"
    [ -f "$venv/.complete" ] && return 0
    command -v python3 > /dev/null || die "python3 is missing: it runs schemathesis, the API fuzzer (apt-get install python3 python3-venv)"
    say "Installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $venv (once)..."
    rm -rf "$venv"
    python3 -m venv "$venv" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
        || die "could not install schemathesis $SCHEMATHESIS_VERSION from PyPI"
    touch "$venv/.complete"
}

# The test servers run on their own ports, beside any dev stack, from empty data each run.
run_tests() {
    pick_java
    ensure_browser
    ensure_schemathesis
    export SAISINE_CHROMIUM=/usr/bin/chromium SAISINE_CHROMEDRIVER=/usr/bin/chromedriver
    load_profile test
    TEST_SERVERS_STARTED=0
    if ! is_alive kafka; then
        rm -rf "$RUN/kafka-data" "$RUN/mongodb-data"
        TEST_SERVERS_STARTED=1
    fi
    trap 'if [ "$TEST_SERVERS_STARTED" -eq 1 ]; then stack_down test; fi' EXIT
    infra_up test
    infra_env
    say "Running the test suite..."
    mvnw verify "$@"
}

run_bench() {
    load_profile dev
    pick_java
    for s in "${SERVICES[@]}"; do
        is_alive "$s" || die "$s-service is not running; start the stack with ./saisine up first"
    done
    infra_env
    local jar="$ROOT/saisine-bench/target/saisine-bench.jar"
    [ -f "$jar" ] || mvnw -q -DskipTests package -pl saisine-bench -am
    "$JAVA" -jar "$jar" --intake="http://127.0.0.1:$INTAKE_PORT" --results="$SAISINE_HOME/bench" "$@"
}

# What the fuzzer checks in every answer: no 5xx, and each status, content type, header and body
# as the service's /v3/api-docs describes them.
FUZZ_CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"

# Who fuzzes each service: nobody (no token), then the dev accounts of the roles it serves.
fuzz_callers() {
    case "$1" in
        triage) echo "anonymous agent-apsf head-apsf auditor" ;;
        *) echo "anonymous agent-apsf" ;;
    esac
}

# Sends generated requests (schemathesis) to each running service, as described by its
# /v3/api-docs, with and without tokens; prints a table, writes .saisine/fuzz/last.json, and
# fails on any server error or answer that breaks its description. Other options go to `st run`.
run_fuzz() {
    load_profile dev
    local max_examples=150 extra=() s who port status=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --max-examples=*) max_examples="${1#*=}" ;;
            --max-examples) shift; max_examples="${1:?--max-examples needs a number}" ;;
            *) extra+=("$1") ;;
        esac
        shift
    done
    for s in "${SERVICES[@]}"; do
        is_alive "$s" || die "$s-service is not running; start the stack with ./saisine up first"
    done
    keycloak_ready || die "Keycloak is not running; start the stack with ./saisine up first"
    ensure_schemathesis
    local run_dir; run_dir="$SAISINE_HOME/fuzz/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$run_dir"
    say "Fuzzing the three APIs (schemathesis $SCHEMATHESIS_VERSION, up to $max_examples examples per operation and phase); logs in $run_dir"
    for s in "${SERVICES[@]}"; do
        port="$(service_port "$s")"
        for who in $(fuzz_callers "$s"); do
            local auth=() token
            if [ "$who" != anonymous ]; then
                # a fresh token for each run, so that none outlives its 15 minutes
                token="$(access_token "$who")" || die "no token for $who"
                auth=(--header "Authorization: Bearer $token")
            fi
            printf '  %-13s %-11s ' "$s" "$who"
            if (cd "$run_dir" && "$SCHEMATHESIS" run "http://127.0.0.1:$port/v3/api-docs" --checks "$FUZZ_CHECKS" \
                    --max-examples "$max_examples" --generation-database none --no-color \
                    --report json,har --report-dir "$run_dir/$s-$who" "${auth[@]}" "${extra[@]}" \
                    > "$run_dir/$s-$who.log" 2>&1); then
                say "ok"
            else
                say "FAILED (see $run_dir/$s-$who.log)"
                status=1
            fi
        done
    done
    "$(dirname "$SCHEMATHESIS")/python" "$ROOT/scripts/fuzz_summary.py" "$run_dir" "$SAISINE_HOME/fuzz/last.json" \
        || status=1
    return $status
}
