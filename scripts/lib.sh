# shellcheck shell=bash
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

# port PROFILE.NAME: a port of the port plan, infra/ports.properties (shared with the Java tests)
port_of() {
    local value
    value="$(sed -n "s/^$1=//p" "$ROOT/infra/ports.properties")"
    [ -n "$value" ] || die "infra/ports.properties names no port $1"
    echo "$value"
}

load_profile() {
    PROFILE="$1"
    case "$PROFILE" in dev|test) ;; *) die "unknown profile $PROFILE" ;; esac
    RUN="$SAISINE_HOME/run/$PROFILE"
    LOGS="$RUN/logs"
    mkdir -p "$LOGS"
    KAFKA_PORT="$(port_of "$PROFILE.kafka")"
    KAFKA_CONTROLLER_PORT="$(port_of "$PROFILE.kafka.controller")"
    MONGO_PORT="$(port_of "$PROFILE.mongodb")"
    FERRET_DEBUG_PORT="$(port_of "$PROFILE.ferretdb.debug")"
    SMTP_PORT="$(port_of "$PROFILE.smtp")"
    MAIL_WEB_PORT="$(port_of "$PROFILE.mail.web")"
    IMAP_PORT="$(port_of "$PROFILE.imap")"
    KEYCLOAK_PORT="$(port_of "$PROFILE.keycloak")"
    # the services' ports may be moved by the environment; a second instance keeps the offsets
    INTAKE_PORT="${INTAKE_PORT:-$(port_of "$PROFILE.intake")}"
    TRIAGE_PORT="${TRIAGE_PORT:-$(port_of "$PROFILE.triage")}"
    NOTIFICATION_PORT="${NOTIFICATION_PORT:-$(port_of "$PROFILE.notification")}"
    # Actuator (probes, metrics) of each service, on loopback (docs/operations.md)
    INTAKE_MANAGEMENT_PORT="${INTAKE_MANAGEMENT_PORT:-$(port_of "$PROFILE.intake.management")}"
    TRIAGE_MANAGEMENT_PORT="${TRIAGE_MANAGEMENT_PORT:-$(port_of "$PROFILE.triage.management")}"
    NOTIFICATION_MANAGEMENT_PORT="${NOTIFICATION_MANAGEMENT_PORT:-$(port_of "$PROFILE.notification.management")}"
    SERVICE_OFFSET="$(port_of instance.offset.service)"
    MANAGEMENT_OFFSET="$(port_of instance.offset.management)"
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
# Four patches (docs/ferretdb.md):
# - the SQLite backend queries _id as `->'$._id'` but indexes it as `->"_id"`, so SQLite never
#   uses the index and every lookup by _id reads the whole collection (100 ms at 5,000 documents
#   instead of 1 ms). The patch writes the query like the index.
# - SQLite takes one writer at a time per database; FerretDB lets every connection try, and the
#   losers sleep in SQLite's busy handler (1, 2, 5, 10 ms...) while the lock stands free. The patch
#   (infra/ferretdb/patch) makes a database's writes take turns in FerretDB (fsql.DB: InTransaction,
#   ExecContext), each waiting at most 10 s, as SQLite's busy timeout did.
# - only {_id: value} reaches SQLite; {_id: {$in: [...]}} read the whole collection. The patch
#   (infra/ferretdb/patch/ids-in*) sends it to SQLite as `IN (...)` on the _id index, so that several
#   documents are read (or deleted) by _id in one command.
# - compact on SQLite ran only `PRAGMA incremental_vacuum`; the patch (infra/ferretdb/patch/checkpoint.go.in)
#   then checkpoints the write-ahead log and truncates it, taking the database's turn to write as the
#   writes do, so that a deleted document is left in no file once its collection is compacted (with
#   secure_delete: start_mongodb).
FERRETDB_BUILD="saisine6"
ensure_ferretdb() {
    FERRETDB="$TOOLS/ferretdb-$FERRETDB_VERSION-$FERRETDB_BUILD"
    [ -x "$FERRETDB" ] && return 0
    command -v go >/dev/null || die "Go is needed to build FerretDB (no mongod on the PATH); install Go 1.24 or newer"
    say "Building FerretDB $FERRETDB_VERSION with Go (once; about a minute)..."
    local build="$TOOLS/ferretdb-build"
    rm -rf "$build" && mkdir -p "$build"
    # every module checked against infra/ferretdb/go.sum (infra/ferretdb/README.md)
    (cd "$build" \
        && export GOFLAGS=-mod=readonly \
        && cp "$ROOT/infra/ferretdb/go.mod" "$ROOT/infra/ferretdb/go.sum" . \
        && grep -q "github.com/FerretDB/FerretDB $FERRETDB_VERSION" go.mod \
        && go mod download github.com/FerretDB/FerretDB \
        && cp -r "$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)" src \
        && chmod -R u+w src \
        && echo "$FERRETDB_VERSION" > src/build/version/version.txt \
        && sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->\\\\\"_id\\\\\"\"|" \
            src/internal/backends/sqlite/metadata/metadata.go \
        && grep -q 'IDColumn = DefaultColumn + "->\\"_id\\""' src/internal/backends/sqlite/metadata/metadata.go \
        && fsql=src/internal/util/fsql/db.go \
        && cp "$ROOT/infra/ferretdb/patch/writes.go.in" src/internal/util/fsql/saisine_writes.go \
        && sed -i "/^func (db \*DB) InTransaction(ctx context.Context, f func(\*Tx) error) (err error) {\$/r $ROOT/infra/ferretdb/patch/lock-in-transaction.go.in" "$fsql" \
        && sed -i "/^func (db \*DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {\$/r $ROOT/infra/ferretdb/patch/lock-exec.go.in" "$fsql" \
        && [ "$(grep -c 'db.lockWrites(ctx)' "$fsql")" = 2 ] \
        && sqlite=src/internal/backends/sqlite \
        && cp "$ROOT/infra/ferretdb/patch/ids-in.go.in" "$sqlite/saisine_ids_in.go" \
        && sed -i "/^func (c \*collection) Query(/,/^}/{/^\t\tswitch v.(type) {\$/r $ROOT/infra/ferretdb/patch/ids-in-query.go.in
}" "$sqlite/collection.go" \
        && sed -i "/^func (c \*collection) Explain(/,/^}/{/^\t\tswitch v.(type) {\$/r $ROOT/infra/ferretdb/patch/ids-in-explain.go.in
}" "$sqlite/collection.go" \
        && [ "$(grep -c 'idsIn(v)' "$sqlite/collection.go")" = 2 ] \
        && cp "$ROOT/infra/ferretdb/patch/checkpoint.go.in" "$sqlite/saisine_checkpoint.go" \
        && sed -i "/^func (c \*collection) Compact(/,/^}/s|^\treturn new(backends.CompactResult), nil\$|\treturn checkpointed(ctx, db)|" \
            "$sqlite/collection.go" \
        && grep -q '^	return checkpointed(ctx, db)$' "$sqlite/collection.go" \
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
        *) echo "$(service_of "$1")-service"; echo "--server.port=$(service_port "$1") " ;;
    esac
}
# every line of the marker is in the process's command line
owns_pid() {
    local cmdline marker
    cmdline="$(tr '\0' ' ' < "/proc/$2/cmdline" 2>/dev/null) " || return 1
    while IFS= read -r marker; do
        [[ "$cmdline" == *"$marker"* ]] || return 1
    done < <(pid_marker "$1")
}
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
    STARTED_NOW+=("$name")
    return 0
}

# What this command started, so that an interrupted `up` stops it again rather than leave half a
# stack running (what was running before is left running).
STARTED_NOW=()
stop_what_was_started() {
    local i
    warn "interrupted: stopping what this command started"
    for ((i = ${#STARTED_NOW[@]} - 1; i >= 0; i--)); do stop_process "${STARTED_NOW[i]}"; done
    exit 130
}

# wait_until NAME SECONDS CHECK...: polls the check; on time-out names the log
wait_until() {
    local name="$1" seconds="$2"; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        # asked twice: a process between two execs (nohup, setsid, java) shows no command line for a moment
        if ! is_alive "$name" && ! { sleep 0.5; is_alive "$name"; }; then
            die "$name stopped while starting; its log: $LOGS/$name.log"$'\n'"$(tail -n 15 "$LOGS/$name.log" 2>/dev/null)"
        fi
        [ $SECONDS -lt $deadline ] || die "$name was not ready after ${seconds}s; its log: $LOGS/$name.log"
        sleep 0.5
    done
}

# signal_group SIGNAL PID: the component's whole process group (setsid made it the leader; Keycloak's
# kc.sh runs its server as a child), or the process alone if it leads none
signal_group() { kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "$2" 2>/dev/null || true; }

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
        signal_group TERM "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then
            warn "$name (pid $pid) did not stop in 30s; killing it"
            signal_group KILL "$pid"
        fi
        say "  $name: stopped"
    fi
    rm -f "$RUN/$name.pid"
}

# --- the servers -------------------------------------------------------------------------

# The principals of the broker, each with a password of its own made at the first start of a
# profile and kept in $RUN/kafka-secrets (mode 600): admin (the scripts and the tests' own
# clients), controller (the broker's KRaft quorum, PLAIN: SCRAM is not offered there) and one per
# service, which may use only what infra/kafka/access.conf grants it.
KAFKA_PRINCIPALS=(admin controller intake-service triage-service notification-service)

kafka_secrets() {
    local secrets="$RUN/kafka-secrets" principal
    [ -f "$secrets" ] && return 0
    (umask 077
     for principal in "${KAFKA_PRINCIPALS[@]}"; do
         printf '%s=%s\n' "$principal" "$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
     done > "$secrets")
}
kafka_secret() { sed -n "s/^$1=//p" "$RUN/kafka-secrets"; }

# The client settings of the administrator, for the scripts' own tools
write_kafka_admin_config() {
    (umask 077
     printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=SCRAM-SHA-512" \
         "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$(kafka_secret admin)\";" \
         > "$RUN/kafka-admin.properties")
}

start_kafka() {
    ensure_kafka
    local data="$RUN/kafka-data" config="$RUN/kafka.properties"
    if [ -f "$data/meta.properties" ] && [ ! -f "$RUN/kafka-secrets" ]; then
        die "Kafka's data in $data predates SASL (it has no principals): stop the stack, remove that folder (its events are lost), start again"
    fi
    mkdir -p "$data"
    kafka_secrets
    write_kafka_admin_config
    # how often the broker deletes the segments past their topic's retention: Kafka's 5 minutes, and
    # 5 seconds for the test servers, whose erasure test waits for a topic's expired records to go
    local retention_check=300000
    [ "$PROFILE" = test ] && retention_check=5000
    (umask 077
     cat > "$config" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=CLIENT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(kafka_secret admin)";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$(kafka_secret controller)" user_controller="$(kafka_secret controller)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=$data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.check.interval.ms=$retention_check
EOF
    )
    local kafka_java=("$JAVA" -Xms256m -Xmx1g -Dlog4j2.configurationFile="$ROOT/infra/kafka-log4j2.properties"
        -cp "$TOOLS/kafka/lib/*")
    if [ ! -f "$data/meta.properties" ]; then
        local scram=() principal
        for principal in admin intake-service triage-service notification-service; do
            scram+=(--add-scram "SCRAM-SHA-512=[name=$principal,password=$(kafka_secret "$principal")]")
        done
        "${kafka_java[@]}" kafka.tools.StorageTool format -t "$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid)" \
            -c "$config" "${scram[@]}" > "$LOGS/kafka-format.log" 2>&1 \
            || die "could not format Kafka's storage; see $LOGS/kafka-format.log"
    fi
    if start_process kafka "$KAFKA_PORT" "${kafka_java[@]}" kafka.Kafka "$config"; then
        wait_until kafka 90 port_open "$KAFKA_PORT"
        say "  kafka: ready on 127.0.0.1:$KAFKA_PORT (SASL/SCRAM; each service's rights in infra/kafka/access.conf)"
    fi
    # again on a running broker too: a right added to the file since is granted now
    apply_kafka_access
}

# Creates the topics and grants the rights of infra/kafka/access.conf; applying it again changes nothing
apply_kafka_access() {
    "$JAVA" -cp "$TOOLS/kafka/lib/*" "$ROOT/infra/kafka/KafkaAccess.java" --bootstrap "127.0.0.1:$KAFKA_PORT" \
        --config "$RUN/kafka-admin.properties" "$ROOT/infra/kafka/access.conf" > "$LOGS/kafka-access.log" 2>&1 \
        || die "could not apply infra/kafka/access.conf to Kafka; see $LOGS/kafka-access.log"$'\n'"$(tail -n 15 "$LOGS/kafka-access.log")"
}

# FerretDB on SQLite erases what it deletes (docs/ferretdb.md): secure_delete zeroes a deleted document
# in the database file, and journal_size_limit(0) truncates the write-ahead log, which still holds the
# pages as they were, when SQLite rewinds it; the compact command (FerretDB patched: checkpoint.go.in)
# truncates it at once. modernc.org/sqlite runs each _pragma on every connection FerretDB opens.
# mongod zeroes nothing it frees: see docs/ferretdb.md for what it would need.
FERRETDB_SQLITE_PRAGMAS="_pragma=secure_delete(1)&_pragma=journal_size_limit(0)"

start_mongodb() {
    local data="$RUN/mongodb-data"
    mkdir -p "$data"
    if command -v mongod >/dev/null; then
        start_process mongodb "$MONGO_PORT" mongod --dbpath "$data" --port "$MONGO_PORT" --bind_ip 127.0.0.1 || return 0
    else
        ensure_ferretdb
        start_process mongodb "$MONGO_PORT" "$FERRETDB" --handler=sqlite --sqlite-url="file:$data/?$FERRETDB_SQLITE_PRAGMAS" \
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
    # where the database keeps its files: the tests that prove an erased document is in none of them
    export SAISINE_MONGODB_DATA="$RUN/mongodb-data"
    # and the broker its log directories: the erasure test looks for a complaint in them too
    export SAISINE_KAFKA_DATA="$RUN/kafka-data"
    export SPRING_MAIL_HOST="127.0.0.1"
    export SPRING_MAIL_PORT="$SMTP_PORT"
    export SAISINE_MAIL_API="http://127.0.0.1:$MAIL_WEB_PORT"
    export SAISINE_MAIL_IMAP_PORT="$IMAP_PORT"
    export SAISINE_SECURITY_ISSUER_URI="$OIDC_ISSUER"
    # as the administrator: the tests' and the benchmark's own clients; each service started by
    # ./saisine is given its own principal instead (start_service)
    export SAISINE_KAFKA_USERNAME=admin
    SAISINE_KAFKA_PASSWORD="$(kafka_secret admin)"
    export SAISINE_KAFKA_PASSWORD
    # the end-to-end tests run the packaged services as their own principals
    export SAISINE_KAFKA_SECRETS="$RUN/kafka-secrets"
}

# The dev accounts of the saisine realm (infra/keycloak/saisine-realm.json); DEV ONLY, each
# one's password is its username.
DEV_ACCOUNTS=(agent-apsf agent-num head-apsf auditor dpo)

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
# the second instance of each (./saisine up --instances 2): NAME-2, on the first's ports plus the
# port plan's offsets (service +10, management +100)
ALL_INSTANCES=(intake triage notification intake-2 triage-2 notification-2)

service_of() { echo "${1%-2}"; }
service_port() {
    local base
    case "$(service_of "$1")" in intake) base=$INTAKE_PORT ;; triage) base=$TRIAGE_PORT ;; notification) base=$NOTIFICATION_PORT ;; esac
    case "$1" in *-2) echo $((base + SERVICE_OFFSET)) ;; *) echo "$base" ;; esac
}
management_port() {
    local base
    case "$(service_of "$1")" in
        intake) base=$INTAKE_MANAGEMENT_PORT ;; triage) base=$TRIAGE_MANAGEMENT_PORT ;; notification) base=$NOTIFICATION_MANAGEMENT_PORT ;;
    esac
    case "$1" in *-2) echo $((base + MANAGEMENT_OFFSET)) ;; *) echo "$base" ;; esac
}
service_jar() { echo "$ROOT/$1-service/target/$1-service.jar"; }
# service_ready MANAGEMENT_PORT: the readiness probe answers UP (the database and Kafka included)
service_ready() { curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" > /dev/null 2>&1; }

# The sources a service's jar is built from: its module and the modules it depends on.
service_sources() { echo "$ROOT/$1-service" "$ROOT/saisine-platform" "$ROOT/saisine-events" "$ROOT/pom.xml"; }

# Builds only the jars that are missing or older than one of their sources. A running service
# never runs from these jars but from a copy (start_service), so rebuilding never pulls a jar
# from under a live process.
ensure_built() {
    local stale=() s jar
    for s in "${SERVICES[@]}"; do
        jar="$(service_jar "$s")"
        # shellcheck disable=SC2046 # the list of folders is meant to split
        if [ ! -f "$jar" ] || [ -n "$(find $(service_sources "$s") -path '*/target' -prune -o -type f -newer "$jar" -print -quit)" ]; then
            stale+=("$s-service")
        fi
    done
    [ ${#stale[@]} -eq 0 ] && return 0
    say "Building ${stale[*]} (tests are for ./saisine test)..."
    mvnw -q -DskipTests package -pl "$(IFS=,; echo "${stale[*]}")" -am || die "the build failed (see the Maven output above)"
}

# The jar a new instance of the service runs: a copy named by its content, kept while it runs
running_jar() {
    local jar sum copy
    jar="$(service_jar "$1")"
    sum="$(sha1sum "$jar" | cut -c1-12)"
    copy="$RUN/jars/$1-service-$sum.jar"
    if [ ! -f "$copy" ]; then
        mkdir -p "$RUN/jars"
        cp "$jar" "$copy.tmp" && mv "$copy.tmp" "$copy"
    fi
    echo "$copy"
}

# The services' JVM options (SAISINE_SERVICE_JAVA_OPTIONS replaces them all). On two cores, C2's
# compilations take about 40 % of each service's CPU in its first minutes: -XX:TieredStopAtLevel=1
# (C1 only) carried a stack just started faster (33 against 26 complaints/s, one build measured both
# ways) but a warmed one slower (35 against 40), so the default keeps C2 (docs/pipeline.md).
SERVICE_JAVA_OPTIONS_DEFAULT="-Xmx512m -XX:+UseSerialGC"

start_service() {
    local name="$1" service port java_options
    service="$(service_of "$1")"
    port="$(service_port "$name")"
    # words, split on blanks and never glob-expanded (-Xlog:gc* stays as it is)
    read -ra java_options <<< "${SAISINE_SERVICE_JAVA_OPTIONS:-$SERVICE_JAVA_OPTIONS_DEFAULT}"
    start_process "$name" "$port" env SAISINE_KAFKA_USERNAME="$service-service" \
        SAISINE_KAFKA_PASSWORD="$(kafka_secret "$service-service")" \
        "$JAVA" "${java_options[@]}" -jar "$(running_jar "$service")" \
        --server.port="$port" --management.server.port="$(management_port "$name")" || return 0
}

# up [--instances 1|2]
stack_up() {
    load_profile "$1"
    shift
    local instances=1
    while [ $# -gt 0 ]; do
        case "$1" in
            --instances) instances="${2:-}"; shift 2 || shift ;;
            --instances=*) instances="${1#*=}"; shift ;;
            *) die "up takes --instances 1 or 2, not '$1'" ;;
        esac
    done
    case "$instances" in 1|2) ;; *) die "--instances takes 1 or 2, not '$instances'" ;; esac
    pick_java
    local wanted=("${SERVICES[@]}") all_up=1 s
    [ "$instances" -eq 2 ] && wanted=("${ALL_INSTANCES[@]}")
    for s in kafka mongodb smtp keycloak "${wanted[@]}"; do is_alive "$s" || all_up=0; done
    if [ $all_up -eq 1 ]; then
        say "Saisine is already up."
        print_addresses
        return 0
    fi
    trap stop_what_was_started INT TERM
    ensure_built
    infra_up "$PROFILE"
    infra_env
    say "Starting the services:"
    for s in "${wanted[@]}"; do start_service "$s"; done
    for s in "${wanted[@]}"; do
        wait_until "$s" 180 service_ready "$(management_port "$s")"
        say "  $s-service: ready on http://127.0.0.1:$(service_port "$s") (management 127.0.0.1:$(management_port "$s"))"
    done
    trap - INT TERM
    print_addresses
}

print_addresses() {
    local second=""
    if is_alive intake-2; then
        second="  Second instances          http://127.0.0.1:{$(service_port intake-2),$(service_port triage-2),$(service_port notification-2)} (management {$(management_port intake-2),$(management_port triage-2),$(management_port notification-2)})"
    fi
    cat <<EOF

Saisine is up.
  Complaint form (public)   http://127.0.0.1:$INTAKE_PORT/
  Complaints API            http://127.0.0.1:$INTAKE_PORT/api/v1/complaints
  Staff dashboard           http://127.0.0.1:$TRIAGE_PORT/
  Messages API              http://127.0.0.1:$NOTIFICATION_PORT/api/v1/complaints/{reference}/notifications
  Mail view (GreenMail)     http://127.0.0.1:$MAIL_WEB_PORT/   (IMAP 127.0.0.1:$IMAP_PORT, any login)
  Health and metrics        http://127.0.0.1:{$INTAKE_MANAGEMENT_PORT,$TRIAGE_MANAGEMENT_PORT,$NOTIFICATION_MANAGEMENT_PORT}/actuator/{health,prometheus}
$second
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
    for s in "${ALL_INSTANCES[@]}" keycloak smtp mongodb kafka; do stop_process "$s"; done
    rm -rf "$RUN/jars"
}

stack_status() {
    load_profile "$1"
    local s port
    for s in kafka mongodb smtp keycloak "${ALL_INSTANCES[@]}"; do
        case "$s" in
            kafka) port=$KAFKA_PORT ;; mongodb) port=$MONGO_PORT ;; smtp) port=$SMTP_PORT ;;
            keycloak) port=$KEYCLOAK_PORT ;;
            *-2) [ -f "$RUN/$s.pid" ] || continue; port="$(service_port "$s"), management $(management_port "$s")" ;;
            *) port="$(service_port "$s"), management $(management_port "$s")" ;;
        esac
        if is_alive "$s"; then
            printf '  %-15s running  pid %-8s 127.0.0.1:%s\n' "$s" "$(pid_of "$s")" "$port"
        else
            printf '  %-15s stopped\n' "$s"
        fi
    done
}

follow_log() {
    load_profile "$1"
    [ -f "$LOGS/$2.log" ] || die "no log for '$2' in $LOGS (components: kafka, mongodb, smtp, keycloak, intake, triage, notification, and intake-2... with --instances 2)"
    tail -n 100 -f "$LOGS/$2.log"
}

# --- tests and benchmark -----------------------------------------------------------------

# The browser the end-to-end tests drive (headless Chromium and its WebDriver), from Debian's
# packages when missing.
ensure_browser() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
    say "Installing Chromium and chromedriver for the browser tests (apt-get, once)..."
    apt_install chromium chromium-driver
}

# apt_install PACKAGE...: with sudo when not root
apt_install() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "installing $* needs root: run apt-get install $* as root"
        sudo=(sudo)
    fi
    command -v apt-get >/dev/null || die "$* missing, and there is no apt-get to install them"
    if ! { "${sudo[@]}" apt-get update -qq \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }; then
        die "could not install $* with apt-get"
    fi
}

# Every shell script of the project passes shellcheck (installed from Debian's packages when missing)
check_scripts() {
    command -v shellcheck >/dev/null || { say "Installing shellcheck (apt-get, once)..."; apt_install shellcheck; }
    say "Checking the scripts with shellcheck..."
    (cd "$ROOT" && shellcheck -x saisine scripts/*.sh .ci/run) || die "shellcheck found problems in the scripts (above)"
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
    if ! python3 -m venv "$venv" > /dev/null 2>&1; then
        # Debian's python3 comes without venv
        rm -rf "$venv"
        apt_install python3-venv
        python3 -m venv "$venv" || die "python3 -m venv failed even with python3-venv installed"
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
        || die "could not install schemathesis $SCHEMATHESIS_VERSION from PyPI"
    touch "$venv/.complete"
}

# The test servers run on their own ports, beside any dev stack, from empty data each run.
run_tests() {
    check_scripts
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

# dlq list | show TOPIC | replay TOPIC [--id P:O ...], on the stack of SAISINE_PROFILE (dev by default)
run_dlq() {
    load_profile "${SAISINE_PROFILE:-dev}"
    pick_java
    is_alive kafka || die "Kafka ($PROFILE) is not running; start it with ./saisine up"
    infra_env
    ops_jar
    "$JAVA" -jar "$OPS_JAR" dlq "$@"
}

# retention run: the retention schedule applied now by triage-service (POST /actuator/retention, on
# its management port, loopback only), then the services' answers awaited (SAISINE_RETENTION_WAIT
# seconds, 60 by default): prints per record kind how many were erased or anonymised, the audit
# records deleted, and the cases skipped under a legal hold. TRIAGE_MANAGEMENT_PORT names another
# port (the e2e stack's, say). Exits 1 when a service has not answered in time (the orders are then
# published again after saisine.retention.reorder-after).
run_retention() {
    [ "${1:-}" = run ] || die "usage: ./saisine retention run"
    load_profile "${SAISINE_PROFILE:-dev}"
    command -v jq > /dev/null || { say "Installing jq, which reads the run's record (apt-get, once)..."; apt_install jq; }
    local base="http://127.0.0.1:$TRIAGE_MANAGEMENT_PORT/actuator/retention"
    local wait="${SAISINE_RETENTION_WAIT:-60}" waited=0 record run_id
    record="$(curl -fsS -X POST "$base")" \
        || die "triage-service did not run the schedule on $base; is the stack up (./saisine up)?"
    run_id="$(jq -r .runId <<< "$record")"
    say "Retention run $run_id: cases closed before $(jq -r .cutoff <<< "$record") (period $(jq -r .period <<< "$record"))"
    while [ "$(jq '[.unanswered[] | length] | add // 0' <<< "$record")" -gt 0 ] && [ "$waited" -lt "$wait" ]; do
        sleep 1
        waited=$((waited + 1))
        record="$(curl -fsS "$base/$run_id")" || die "triage-service stopped answering on $base"
    done
    say "Cases ordered erased: $(jq '.erased | length' <<< "$record")"
    say "Erased or anonymised, by kind (every service's answers added up):"
    jq -r '.totals | to_entries[] | "  \(.key)\t\(.value)"' <<< "$record"
    say "Audit records deleted: $(jq -r .auditRecordsDeleted <<< "$record") (older than $(jq -r .auditLogPeriod <<< "$record"))"
    say "Skipped under a legal hold: $(jq -r 'if (.skippedUnderLegalHold | length) == 0 then "none" else .skippedUnderLegalHold | join(" ") end' <<< "$record")"
    if [ "$(jq '[.unanswered[] | length] | add // 0' <<< "$record")" -gt 0 ]; then
        die "not answered within ${wait}s: $(jq -r '[.unanswered | to_entries[] | select(.value | length > 0) | "\(.key) (\(.value | length))"] | join(", ")' <<< "$record"); the orders are published again after saisine.retention.reorder-after"
    fi
    say "Every service answered for every case."
}

# The operations tools' runnable jar, built when missing or older than its sources
ops_jar() {
    OPS_JAR="$ROOT/saisine-ops/target/saisine-ops-exec.jar"
    if [ ! -f "$OPS_JAR" ] || [ -n "$(find "$ROOT/saisine-ops/src" "$ROOT/saisine-events/src" -newer "$OPS_JAR" -print -quit)" ]; then
        mvnw -q -DskipTests install -pl saisine-ops -am > "$LOGS/ops-build.log" 2>&1 \
            || die "could not build the operations tools; see $LOGS/ops-build.log"
    fi
}

# The benchmark and the fault suite file far more than one address may (20 complaints an hour by
# default): they need intake started with SAISINE_INTAKE_RATE_LIMIT=off.
require_no_rate_limit() {
    local pid; pid="$(pid_of intake)"
    tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx 'SAISINE_INTAKE_RATE_LIMIT=off' \
        || die "intake-service limits complaints per address; start the stack with: ./saisine down && SAISINE_INTAKE_RATE_LIMIT=off ./saisine up"
}

# faults [--rate N] [--only a,b] [--steady S]: the fault suite on the running dev stack
run_faults() {
    load_profile dev
    pick_java
    local s
    for s in kafka mongodb smtp keycloak "${SERVICES[@]}"; do
        is_alive "$s" || die "$s is not running; start the stack with ./saisine up first"
    done
    require_no_rate_limit
    # a service the suite restarts (./saisine _start) gets the settings of the one it killed
    export SAISINE_INTAKE_RATE_LIMIT=off
    infra_env
    ops_jar
    "$JAVA" -jar "$OPS_JAR" faults --launcher "$ROOT/saisine" --results "$SAISINE_HOME/faults" \
        --intake "http://127.0.0.1:$INTAKE_PORT" --triage "http://127.0.0.1:$TRIAGE_PORT" \
        --notification "http://127.0.0.1:$NOTIFICATION_PORT" --issuer "$OIDC_ISSUER" \
        --imap "$IMAP_PORT" --smtp "$SMTP_PORT" "$@"
}

# What the fault suite does to one component of the dev stack (hidden commands of ./saisine):
# _kill (SIGKILL), _start (and wait until ready), _pause (SIGSTOP), _resume (SIGCONT)
fault_component() {
    load_profile dev
    pick_java
    local action="$1" name="$2" pid
    pid="$(pid_of "$name")"
    case "$action" in
        # the whole process group: setsid made the component its leader, and Keycloak's kc.sh runs
        # its server as a child
        _kill)
            is_alive "$name" || die "$name is not running"
            signal_group KILL "$pid"
            while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
            rm -f "$RUN/$name.pid" ;;
        _pause) is_alive "$name" || die "$name is not running"; signal_group STOP "$pid" ;;
        _resume) is_alive "$name" || die "$name is not running"; signal_group CONT "$pid" ;;
        _start)
            case "$name" in
                kafka) start_kafka ;;
                mongodb) start_mongodb ;;
                smtp) start_smtp ;;
                keycloak) start_keycloak ;;
                intake|triage|notification|intake-2|triage-2|notification-2)
                    infra_env
                    start_service "$name"
                    wait_until "$name" 180 service_ready "$(management_port "$name")" ;;
                *) die "no component $name" ;;
            esac ;;
        *) die "no action $action" ;;
    esac
}

run_bench() {
    load_profile dev
    pick_java
    local jar="$ROOT/saisine-bench/target/saisine-bench.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/saisine-bench/src" "$ROOT/saisine-ops/src" -newer "$jar" -print -quit)" ]; then
        mvnw -q -DskipTests package -pl saisine-bench -am || die "could not build the benchmark"
    fi
    # --help, and --chart (drawn from saved runs), need no stack
    local arg
    for arg in "$@"; do
        case "$arg" in
            --help) "$JAVA" -jar "$jar" --help; return ;;
            --chart|--chart=*) "$JAVA" -jar "$jar" --chart-file="$ROOT/docs/staff-views-p95.svg" "$@"; return ;;
        esac
    done
    for s in "${SERVICES[@]}"; do
        is_alive "$s" || die "$s-service is not running; start the stack with ./saisine up first"
    done
    require_no_rate_limit
    infra_env
    # with ./saisine up --instances 2, the complaints go to both intakes in turn, and the writes of
    # every instance are counted
    local intakes="http://127.0.0.1:$INTAKE_PORT" metrics="" instance
    if is_alive intake-2; then intakes="$intakes,http://127.0.0.1:$(service_port intake-2)"; fi
    for instance in intake triage notification intake-2 triage-2 notification-2; do
        if is_alive "$instance"; then metrics="${metrics:+$metrics,}http://127.0.0.1:$(management_port "$instance")"; fi
    done
    # the stack's processes, whose CPU per complaint the pipeline reports (this machine runs them all)
    local processes="" component
    for component in mongodb kafka smtp keycloak intake triage notification intake-2 triage-2 notification-2; do
        if is_alive "$component"; then processes="${processes:+$processes,}$component=$(pid_of "$component")"; fi
    done
    say "Benchmarking $(is_alive intake-2 && echo "two instances of each service" || echo "one instance of each service")"
    # --erase N runs the retention schedule on triage's management port (a stack started with
    # SAISINE_RETENTION_AFTER_CLOSING=PT1M: the benchmark reads the period from the run and says so)
    "$JAVA" -jar "$jar" --intake="$intakes" --triage="http://127.0.0.1:$TRIAGE_PORT" --issuer="$OIDC_ISSUER" \
        --triage-management="http://127.0.0.1:$(management_port triage)" \
        --metrics="$metrics" --processes="$processes" --results="$SAISINE_HOME/bench" "$@"
}

# What the fuzzer checks in every answer: no 5xx, and each status, content type, header and body
# as the service's /v3/api-docs describes them.
FUZZ_CHECKS="not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"

# Who fuzzes each service: nobody (no token), then the dev accounts of the roles it serves.
fuzz_callers() {
    case "$1" in
        triage) echo "anonymous agent-apsf head-apsf auditor dpo" ;;
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
