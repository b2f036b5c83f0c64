# Sourced by the launchers in apps/: ensure_jar builds target/rnn.jar with the Maven wrapper
# when it is missing or older than the sources, so a fresh checkout needs only a JDK.
ensure_jar() {
  local home="$1" jar="$1/target/rnn.jar"
  if [[ ! -f "$jar" || -n "$(find "$home/pom.xml" "$home/src/main" -newer "$jar" -print -quit)" ]]; then
    echo "rnn: building $jar (first use or changed sources)..." >&2
    (cd "$home" && ./mvnw -q -B -DskipTests package) >&2
  fi
}
