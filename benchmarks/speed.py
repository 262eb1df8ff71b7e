"""Speed and memory of specllint, measured against spaCy's bare tokenizer.

One run measures (see docs/performance.md for what each figure means):

* throughput in words per second (words = whitespace-separated tokens of the corpus) of
  - ``tokenizer``: ``spacy.blank("en")`` with ``nlp.pipe`` over the very clause texts the
    linter tokenizes (same batch size): **the reference**;
  - ``tokenizer/paragraph``: ``nlp(paragraph)`` per blank-line paragraph (fewer, longer Docs);
  - ``lint``: ``specllint.lint(corpus)`` with a warm linter, one process;
  - ``lint_many -j N``: the corpus's contracts as separate texts over N processes;
  the tokenizer and ``lint`` figures also by CPU time of the process (``time.process_time``),
  which other work on a shared machine disturbs far less than wall time;
* start-up: median wall time of ``specllint check small.md`` (and ``--version``, ``rules``)
  in a fresh interpreter, against ``python -c "import spacy; spacy.blank('en')"``, the
  commands taking turns, also by CPU time of the child (warm start-up cache);
* peak memory: RSS high-water mark of a child process linting a 5 MB and a 50 MB document,
  with :func:`specllint.lint` (full report) and :func:`specllint.iter_findings` (streaming);
  "lint MB" is the child's high-water mark during the lint (reset after the text is read,
  where Linux allows it) less its resident size before the lint.

Usage::

    python benchmarks/speed.py            # full run (1 MB corpus; 5 MB and 50 MB memory runs)
    python benchmarks/speed.py --quick    # smaller, for a quick look
    python benchmarks/speed.py --json     # machine-readable
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen  # noqa: E402

MB = 1_000_000


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _timed(fn: Any, repeat: int) -> float:
    """Median seconds of ``repeat`` calls of ``fn``."""
    return _timed_both(fn, repeat)[0]


def _timed_both(fn: Any, repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of this process (``time.process_time``,
    less disturbed by other work on a shared machine) of ``repeat`` calls of ``fn``."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def throughput(corpus_bytes: int, seed: int, repeat: int, jobs: int) -> dict[str, Any]:
    """Words per second of the tokenizer alone and of the full linter on one corpus."""
    import spacy

    import specllint
    from specllint.engine import BATCH_SIZE, get_linter
    from specllint.segmentation import segment

    contracts = corpus_gen.contracts_of_size(corpus_bytes, seed)
    text = "\n".join(contracts)
    words = len(text.split())
    start = time.perf_counter()
    get_linter(specllint.Config())
    build = time.perf_counter() - start
    nlp = spacy.blank("en")
    segments, _, _ = segment(text)
    clauses = [text[s.start : s.end] for s in segments]
    paragraphs = [p for p in text.split("\n\n") if p.strip()]

    def pipe() -> None:
        for _ in nlp.pipe(clauses, batch_size=BATCH_SIZE):
            pass

    def per_paragraph() -> None:
        for p in paragraphs:
            nlp(p)

    specllint.lint(text)  # warm caches once before timing
    t_pipe, cpu_pipe = _timed_both(pipe, repeat)
    t_para = _timed(per_paragraph, repeat)
    t_lint, cpu_lint = _timed_both(lambda: specllint.lint(text), repeat)
    t_many = _timed(lambda: specllint.lint_many(contracts, jobs=jobs), 1)
    return {
        "corpus_bytes": len(text.encode("utf-8")),
        "words": words,
        "clauses": len(clauses),
        "contracts": len(contracts),
        "linter_build_s": round(build, 3),
        "tokenizer_pipe_wps": round(words / t_pipe),
        "tokenizer_paragraph_wps": round(words / t_para),
        "lint_wps": round(words / t_lint),
        "lint_many_jobs": jobs,
        "lint_many_wps": round(words / t_many),
        "ratio_lint_to_tokenizer": round(t_pipe / t_lint, 3),
        "ratio_lint_to_paragraph_tokenizer": round(t_para / t_lint, 3),
        "tokenizer_pipe_cpu_wps": round(words / cpu_pipe),
        "lint_cpu_wps": round(words / cpu_lint),
        "ratio_lint_to_tokenizer_cpu": round(cpu_pipe / cpu_lint, 3),
    }


def _child_times(cmds: dict[str, list[str]], cwd: str, repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds (user + system of the child) of each command; the
    commands take turns, so a change of the machine's load hits all of them alike."""
    runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            child = subprocess.Popen(cmd, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            runs[name][0].append(time.perf_counter() - start)
            runs[name][1].append(usage.ru_utime + usage.ru_stime)
    return {name: (statistics.median(wall), statistics.median(cpu)) for name, (wall, cpu) in runs.items()}


def startup(repeat: int, seed: int) -> dict[str, Any]:
    """Median wall (and CPU) time of fresh CLI runs against a bare ``spacy.blank('en')``."""
    py = sys.executable
    compileall.compile_dir(str(ROOT / "specllint"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp, "small.md")
        small.write_text(corpus_gen.generate_contracts(1, seed)[0], encoding="utf-8")
        cli = [py, "-m", "specllint.cli"]
        subprocess.run([*cli, "check", "small.md"], cwd=tmp, env=_env(), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)  # fills the start-up cache
        times = _child_times({
            "spacy_blank": [py, "-c", "import spacy; spacy.blank('en')"],
            "check_small": [*cli, "check", "small.md"],
            "version": [*cli, "--version"],
            "rules": [*cli, "rules"],
            "python": [py, "-c", "pass"],
        }, tmp, repeat)
        out: dict[str, Any] = {"small_file_bytes": small.stat().st_size}
        for name, (wall, cpu) in times.items():
            out[f"{name}_s"] = round(wall, 3)
            out[f"{name}_cpu_s"] = round(cpu, 3)
    out["ratio_check_to_spacy"] = round(out["check_small_s"] / out["spacy_blank_s"], 3)
    out["ratio_check_to_spacy_cpu"] = round(out["check_small_cpu_s"] / out["spacy_blank_cpu_s"], 3)
    return out


_CHILD = r"""
import json, sys
import specllint
mode, path = sys.argv[1], sys.argv[2]
config = specllint.Config(max_bytes=10**10)
specllint.lint("warm up", config=config)
with open(path, encoding="utf-8") as fh:
    text = fh.read()
def status(key):
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith(key))
def reset_hwm():
    # Decoding the file briefly holds the bytes and the text: without a reset that spike
    # would hide the lint's own growth under the high-water mark.
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False
import gc
gc.collect()
reset = reset_hwm()
before = status("VmRSS") if reset else status("VmHWM")
if mode == "report":
    report = specllint.lint(text, config=config)
    result = {"findings": len(report.findings), "clauses": len(report.clauses)}
elif mode == "stream":
    result = {"findings": sum(1 for _ in specllint.iter_findings(text, config=config))}
else:
    result = {}
result["hwm_before_lint_kb"] = before
result["lint_hwm_kb"] = status("VmHWM")
result["hwm_reset"] = reset
print(json.dumps(result))
"""


_LAUNCHER = r"""
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, check=True)
result = json.loads(proc.stdout)
result["peak_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps(result))
"""


def _child_peak(mode: str, path: str) -> dict[str, Any]:
    """Peak RSS of one child process linting ``path``.

    A small launcher process starts the measuring child and reads
    ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: Linux carries a process's high-water mark
    over ``exec``, so the child must be forked from a small process, not from this one.
    """
    start = time.perf_counter()
    cmd = [sys.executable, "-c", _LAUNCHER, sys.executable, "-c", _CHILD, mode, path]
    proc = subprocess.run(cmd, env=_env(), stdout=subprocess.PIPE, check=True)
    result = json.loads(proc.stdout)
    result["peak_rss_mb"] = round(result.pop("peak_kb") / 1024, 1)  # Linux reports kilobytes
    result["before_lint_mb"] = round(result.pop("hwm_before_lint_kb") / 1024, 1)
    # With the high-water mark reset after reading, the lint's peak is the child's own mark.
    lint_peak = result.pop("lint_hwm_kb") / 1024 if result["hwm_reset"] else result["peak_rss_mb"]
    result["lint_share_mb"] = round(lint_peak - result["before_lint_mb"], 1)
    result["seconds"] = round(time.perf_counter() - start, 1)
    return result


MEMORY_MODES = ("read-only", "report", "stream")


def memory(sizes_mb: list[int], seed: int, modes: tuple[str, ...] = MEMORY_MODES) -> dict[str, Any]:
    """Peak RSS for each input size, full report vs streaming."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes_mb:
            path = Path(tmp, f"corpus-{size}mb.md")
            path.write_text(corpus_gen.generate_corpus(size * MB, seed), encoding="utf-8")
            out[f"{size}MB"] = {mode: _child_peak(mode, str(path)) for mode in modes}
            path.unlink()
    return out


def _table(results: dict[str, Any]) -> str:
    parts = [f"machine: {results['machine']}"]
    if results["throughput"]:
        parts.append(_throughput_table(results["throughput"]))
    if results["startup"]:
        parts.append(_startup_table(results["startup"]))
    if results["memory"]:
        parts.append(_memory_table(results["memory"]))
    return "\n\n".join(parts)


def _throughput_table(t: dict[str, Any]) -> str:
    many = f"specllint.lint_many, {t['lint_many_jobs']} processes"
    return "\n".join([
        f"throughput on {t['corpus_bytes'] / MB:.2f} MB ({t['words']:,} words, {t['clauses']:,} clauses)",
        f"  {'tokenizer: nlp.pipe over clauses (reference)':<48}{t['tokenizer_pipe_wps']:>12,} words/s",
        f"  {'tokenizer: nlp(paragraph)':<48}{t['tokenizer_paragraph_wps']:>12,} words/s",
        f"  {'specllint.lint, one process':<48}{t['lint_wps']:>12,} words/s",
        f"  {many:<48}{t['lint_many_wps']:>12,} words/s",
        f"  lint / tokenizer = {t['ratio_lint_to_tokenizer']:.1%} (target >= 10%);"
        f" lint / paragraph tokenizer = {t['ratio_lint_to_paragraph_tokenizer']:.1%}",
        f"  by CPU time of this process: tokenizer {t['tokenizer_pipe_cpu_wps']:,}, lint {t['lint_cpu_wps']:,}"
        f" words/s, lint / tokenizer = {t['ratio_lint_to_tokenizer_cpu']:.1%}",
        f"  linter build (rules, matchers, pipeline): {t['linter_build_s']:.2f} s",
    ])


def _startup_table(s: dict[str, Any]) -> str:
    blank = "import spacy; spacy.blank('en')"
    return "\n".join([
        "start-up (median wall time and CPU time, fresh interpreter, commands in turn)",
        f"  {'python -c pass':<48}{s['python_s']:>8.3f} s {s['python_cpu_s']:>8.3f} s CPU",
        f"  {blank:<48}{s['spacy_blank_s']:>8.3f} s {s['spacy_blank_cpu_s']:>8.3f} s CPU",
        f"  {'specllint check small.md':<48}{s['check_small_s']:>8.3f} s {s['check_small_cpu_s']:>8.3f} s CPU",
        f"  {'specllint --version':<48}{s['version_s']:>8.3f} s {s['version_cpu_s']:>8.3f} s CPU",
        f"  {'specllint rules':<48}{s['rules_s']:>8.3f} s {s['rules_cpu_s']:>8.3f} s CPU",
        f"  check / spacy.blank = {s['ratio_check_to_spacy']:.2f}, by CPU time {s['ratio_check_to_spacy_cpu']:.2f}"
        " (target <= 1.30)",
    ])


def _memory_table(m: dict[str, Any]) -> str:
    lines = [
        "peak memory (RSS high-water mark of a child process; lint MB = peak during the lint - RSS before it)",
        f"  {'input':<8}{'mode':<12}{'peak MB':>10}{'before MB':>11}{'lint MB':>10}{'findings':>10}{'seconds':>9}",
    ]
    for size, modes in m.items():
        for mode, r in modes.items():
            lines.append(f"  {size:<8}{mode:<12}{r['peak_rss_mb']:>10.1f}{r['before_lint_mb']:>11.1f}"
                         f"{r['lint_share_mb']:>10.1f}{r.get('findings', ''):>10}{r['seconds']:>9.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure specllint's throughput, start-up and memory.")
    parser.add_argument("--quick", action="store_true", help="smaller corpus and inputs, fewer repetitions")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=0, help="processes for lint_many (0 = every core)")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the memory runs")
    parser.add_argument("--memory-sizes", help="input sizes in MB for the memory runs, e.g. 5,50")
    parser.add_argument("--memory-modes", default=",".join(MEMORY_MODES),
                        help=f"which memory runs, of {','.join(MEMORY_MODES)}")
    parser.add_argument("--skip-throughput", action="store_true", help="leave out the throughput runs")
    parser.add_argument("--skip-startup", action="store_true", help="leave out the start-up runs")
    args = parser.parse_args(argv)
    corpus = MB // 4 if args.quick else MB
    repeat = 3 if args.quick else 5
    sizes = [1, 5] if args.quick else [5, 50]
    if args.memory_sizes:
        sizes = [int(x) for x in args.memory_sizes.split(",") if x.strip()]
    jobs = (os.cpu_count() or 1) if args.jobs <= 0 else args.jobs
    modes = tuple(m for m in args.memory_modes.split(",") if m)
    if unknown := set(modes) - set(MEMORY_MODES):
        parser.error(f"unknown memory mode(s): {', '.join(sorted(unknown))}")
    results: dict[str, Any] = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
                   f"{os.cpu_count()} cores, {platform.machine()}",
        "quick": args.quick,
        "throughput": {} if args.skip_throughput else throughput(corpus, args.seed, repeat, jobs),
        "startup": {} if args.skip_startup else startup(repeat + 2, args.seed),
        "memory": {} if args.skip_memory else memory(sizes, args.seed, modes),
    }
    print(json.dumps(results, indent=2) if args.json else _table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
