# Sourced by the launchers in apps/: rnn_openblas_coretype prints the OpenBLAS kernel set rnn's
# Java side should use. The OpenBLAS that ND4J bundles (0.3.19) does not recognise recent AMD
# CPUs and picks its AVX2 "Zen" kernels on machines with AVX-512; its "SkylakeX" kernels ran
# rnn's layers faster there (benchmarks/RESULTS.md). A value the environment already gives
# is kept, so a machine pinned to a kernel set stays pinned.
rnn_openblas_coretype() {
  if [[ -n "${OPENBLAS_CORETYPE:-}" ]]; then
    echo "$OPENBLAS_CORETYPE"
  elif [[ -r /proc/cpuinfo ]] && grep -m1 '^flags' /proc/cpuinfo | grep -q 'avx512f' \
      && grep -m1 '^flags' /proc/cpuinfo | grep -q 'avx512bw' \
      && grep -m1 '^flags' /proc/cpuinfo | grep -q 'avx512dq' \
      && grep -m1 '^flags' /proc/cpuinfo | grep -q 'avx512vl'; then
    echo SkylakeX
  fi
}
