# Sourced by the launchers in apps/: ensure_jar builds rnn with the Maven wrapper when the
# runnable jar is missing or older than the sources, so a fresh checkout needs only a JDK.
# Programs run a copy, target/run/rnn.jar, replaced by rename: a rebuild while a long training
# runs never changes the jar under it (the JVM loads classes lazily from its open file).
# One build at a time: launchers started together on a fresh clone would each run Maven in the
# same target/ and one would fail in the shade step; the second waits on a lock (flock, where the
# system has it) and then finds the jar fresh. Only the core module is built: the CLI never needs
# the Spark module or its dependencies.
rnn_jar_stale() {
  local home="$1" runnable="$1/target/run/rnn.jar" sources=("$1/pom.xml" "$1/src/main")
  [[ -f "$home/core/pom.xml" ]] && sources+=("$home/core/pom.xml")
  [[ ! -f "$runnable" || -n "$(find "${sources[@]}" -newer "$runnable" -print -quit)" ]]
}

ensure_jar() {
  local home="$1" built="$1/target/rnn.jar" runnable="$1/target/run/rnn.jar" locked=""
  rnn_jar_stale "$home" || return 0
  mkdir -p "$home/target/run"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$home/target/.build.lock"
    if ! flock -n 9; then
      echo "rnn: waiting for another launcher's build of $built..." >&2
      flock 9
    fi
    locked=1
  fi
  if rnn_jar_stale "$home"; then
    echo "rnn: building $built (first use or changed sources)..." >&2
    if ! (cd "$home" && ./mvnw -q -B -DskipTests -pl core package) >&2; then
      [[ -n "$locked" ]] && exec 9>&-
      echo "rnn: the build failed (see above)" >&2
      return 1
    fi
    cp "$built" "$runnable.tmp.$$"
    mv -f "$runnable.tmp.$$" "$runnable"
  fi
  if [[ -n "$locked" ]]; then exec 9>&-; fi
  return 0
}
