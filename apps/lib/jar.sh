# Sourced by the launchers in apps/: ensure_jar builds rnn with the Maven wrapper when the
# runnable jar is missing or older than the sources, so a fresh checkout needs only a JDK.
# Programs run a copy, target/run/rnn.jar, replaced by rename: a rebuild while a long training
# runs never changes the jar under it (the JVM loads classes lazily from its open file).
ensure_jar() {
  local home="$1" built="$1/target/rnn.jar" runnable="$1/target/run/rnn.jar"
  if [[ ! -f "$runnable" || -n "$(find "$home/pom.xml" "$home/src/main" -newer "$runnable" -print -quit)" ]]; then
    echo "rnn: building $built (first use or changed sources)..." >&2
    (cd "$home" && ./mvnw -q -B -DskipTests package) >&2
    mkdir -p "$home/target/run"
    cp "$built" "$runnable.tmp.$$"
    mv -f "$runnable.tmp.$$" "$runnable"
  fi
}
