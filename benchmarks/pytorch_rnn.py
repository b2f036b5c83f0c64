#!/usr/bin/env python3
"""PyTorch reference for rnn's recurrent benchmark (rnn.bench.RecurrentBenchmark).

Builds the same IMDB-shaped classifiers as rnn's SentimentNetwork -- token embedding (no bias),
nn.LSTM or nn.GRU (batch_first, one or two directions), mean and max pooling over time, a linear
layer, softmax cross-entropy, Adam (learning rate 0.002) with gradients clipped to norm 5 --
times a training step and an inference pass on one random batch, and prints one JSON object per
case on stdout with train and infer tokens/s (the header goes to stderr).

Threads: this calls torch.set_num_threads(--threads); the caller must also set OMP_NUM_THREADS
and OPENBLAS_NUM_THREADS, which OpenMP and OpenBLAS read once at load time (apps/bench does).

Example: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/pytorch_rnn.py --cases bilstm
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import torch
from torch import nn

CASES = ("lstm", "bilstm", "gru", "bigru")
CLASSES = 2


class Classifier(nn.Module):
    """Embedding -> recurrent layer -> masked mean and max pooling -> linear."""

    def __init__(self, cell, bidirectional, vocab, embedding, hidden):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embedding)
        rnn_type = nn.LSTM if cell == "lstm" else nn.GRU
        self.rnn = rnn_type(embedding, hidden, batch_first=True, bidirectional=bidirectional)
        width = hidden * (2 if bidirectional else 1)
        self.output = nn.Linear(2 * width, CLASSES)

    def forward(self, ids, mask):
        # Padding is handled with the mask, NOT pack_padded_sequence: packing is pathologically slow
        # on the CPU build of torch this is compared on (Debian's python3-torch). Like rnn (DL4J), the
        # cell then runs over every padded step, so both sides do the same arithmetic; unlike rnn, the
        # backward direction reads the padding before a short sequence's real steps, which changes
        # the numbers it computes but not their cost.
        states, _ = self.rnn(self.embedding(ids))            # [batch, time, width]
        m = mask.unsqueeze(-1)                               # [batch, time, 1]
        mean = (states * m).sum(dim=1) / m.sum(dim=1)
        top = states.masked_fill(m == 0, float("-inf")).max(dim=1).values
        return self.output(torch.cat([mean, top], dim=1))    # [batch, classes] logits


def lengths(batch, steps, variable):
    """Sequence lengths, spread evenly from steps/2 to steps exactly as the Java side does, so both
    sides see the same real tokens (Math.round is floor(x + 0.5); Python's round is not)."""
    shortest = max(1, steps // 2) if variable else steps
    if batch == 1:
        return [steps]
    return [shortest + int(math.floor((steps - shortest) * b / (batch - 1) + 0.5)) for b in range(batch)]


def synthetic_batch(args, generator):
    """Token ids uniform in [2, vocab) (0 and 1 are <pad> and <unk> in rnn), a 0/1 mask, labels."""
    lens = lengths(args.batch, args.steps, args.variable_lengths)
    ids = torch.randint(2, args.vocab, (args.batch, args.steps), generator=generator)
    mask = (torch.arange(args.steps).unsqueeze(0) < torch.tensor(lens).unsqueeze(1)).float()
    ids = ids * mask.long()                                  # padding is <pad>, id 0
    labels = torch.randint(0, CLASSES, (args.batch,), generator=generator)
    return ids, mask, labels, sum(lens)


def time_steps(step, warmup, iterations):
    for _ in range(warmup):
        step()
    seconds = []
    for _ in range(iterations):
        start = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - start)
    return seconds


def summary(prefix, seconds, tokens):
    median = statistics.median(seconds)
    return {
        prefix + "_tokens_per_s": tokens / median,
        prefix + "_ms_median": median * 1000,
        prefix + "_spread": (max(seconds) - min(seconds)) / median,
    }


def run_case(name, args):
    torch.manual_seed(args.seed)
    bidirectional = name.startswith("bi")
    model = Classifier(name[2:] if bidirectional else name, bidirectional, args.vocab, args.embedding, args.hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.002)
    loss_fn = nn.CrossEntropyLoss()
    ids, mask, labels, tokens = synthetic_batch(args, torch.Generator().manual_seed(args.seed))

    def train_step():
        optimizer.zero_grad(set_to_none=True)
        loss_fn(model(ids, mask), labels).backward()
        # rnn clips each layer's gradient to L2 norm 5 (training.clip_norm); one global clip costs the same.
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()

    def infer_step():
        with torch.inference_mode():
            torch.softmax(model(ids, mask), dim=1)             # rnn's output layer is a softmax too

    model.train()
    train = time_steps(train_step, args.warmup, args.iterations)
    model.eval()
    infer = time_steps(infer_step, args.warmup, args.iterations)
    result = {"side": "torch", "case": name, "available": True, "tokens_per_batch": tokens}
    result.update(summary("train", train, tokens))
    result.update(summary("infer", infer, tokens))
    return result


def loaded_blas():
    """The BLAS libraries this process has mapped, resolved through Debian's alternatives links."""
    found = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in os.path.basename(path).lower():
                    found.add(os.path.realpath(path))
    except OSError:
        return "unknown"
    return ", ".join(sorted(found)) or "none mapped"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return os.uname().machine


def header(args):
    shape = "every step real"
    if args.variable_lengths:
        shape = "lengths spread %d..%d (masked)" % (lengths(args.batch, args.steps, True)[0], args.steps)
    torch.ones(2, 2) @ torch.ones(2, 2)                       # loads the BLAS so that it shows below
    return [
        "torch benchmark: batch %d x %d steps, vocab %d, embedding %d, hidden %d, pooling [mean, max], %s | "
        "%d warm-up + %d timed iterations, median"
        % (args.batch, args.steps, args.vocab, args.embedding, args.hidden, shape, args.warmup, args.iterations),
        "Python %s | torch %s | torch threads %d | BLAS %s"
        % (sys.version.split()[0], torch.__version__, torch.get_num_threads(), loaded_blas()),
        "OMP_NUM_THREADS=%s OPENBLAS_NUM_THREADS=%s OPENBLAS_CORETYPE=%s"
        % (os.environ.get("OMP_NUM_THREADS") or "unset", os.environ.get("OPENBLAS_NUM_THREADS") or "unset",
           os.environ.get("OPENBLAS_CORETYPE") or "unset: OpenBLAS picks by CPU detection"),
        "CPU: %s (%d logical CPUs)" % (cpu_model(), os.cpu_count() or 0),
    ]


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def case_list(text):
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in CASES]
    if unknown or not names:
        raise argparse.ArgumentTypeError("unknown case %s (expected %s)" % (unknown, ", ".join(CASES)))
    return names


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=case_list, default=list(CASES), help="comma-separated: " + ", ".join(CASES))
    p.add_argument("--batch", type=positive, default=64)
    p.add_argument("--steps", type=positive, default=256)
    p.add_argument("--embedding", type=positive, default=128)
    p.add_argument("--hidden", type=positive, default=128)
    p.add_argument("--vocab", type=positive, default=10000)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iterations", type=positive, default=10)
    p.add_argument("--variable-lengths", action="store_true",
                   help="lengths spread evenly from STEPS/2 to STEPS, masked")
    p.add_argument("--threads", type=positive, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--check-args", action="store_true",
                   help="check the options and exit (apps/bench does this before the long Java side)")
    args = p.parse_args(argv)
    if args.vocab < 3:
        p.error("--vocab must be at least 3")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.check_args:
        return
    torch.set_num_threads(args.threads)
    for line in header(args):
        print(line, file=sys.stderr)
    for name in args.cases:
        print(json.dumps(run_case(name, args)), flush=True)


if __name__ == "__main__":
    main()
