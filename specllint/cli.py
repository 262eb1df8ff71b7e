"""The ``specllint`` command: a thin layer over :func:`specllint.lint`.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
config or input error (other inputs are still linted and reported).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import Config, ConfigError
from .model import SEVERITIES, severity_rank
from .packs import RulePackError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: True in a command-line run (``main()`` without arguments), whose process ends after the command.
_command_line = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a one-line message, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"specllint: error: {message}\n")


def _codes(value: str) -> list[str]:
    from .config_files import selectors

    try:
        return selectors([v for v in value.split(",") if v.strip()], "codes")
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("key 'codes': ")) from None


def _format_names() -> str:
    from .output import FORMATS

    return ", ".join(FORMATS)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="specllint", description="Lint order-contract specifications for measurability.")
    parser.add_argument("--version", action="version", version=f"specllint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, directories or - (standard input)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--output-format", "-f", default="full", metavar="FORMAT", help=_format_names())
    check.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the report here, not to stdout")
    check.add_argument("--select", type=_codes, metavar="CODES", help="codes or prefixes to run (replaces the config)")
    check.add_argument("--extend-select", type=_codes, default=[], metavar="CODES", help="codes or prefixes to add")
    check.add_argument("--ignore", type=_codes, default=[], metavar="CODES", help="codes or prefixes to disable")
    check.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default warning)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--config", type=Path, metavar="FILE", help="config file to use instead of searching for one")
    check.add_argument("--stdin-filename", metavar="NAME", help="name to report for standard input")
    check.add_argument("--no-sections", action="store_true", help="hide the section checklist in full output")
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="lint in N processes (0 = every core)")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="hide the findings recorded in this baseline")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record the current findings in FILE and exit 0 (see docs/integrations.md)")
    check.add_argument("--stream", action="store_true",
                       help="print clause findings as they are found, without holding a report "
                            "(concise or json-lines; no sections, scores or document-level checks)")
    check.add_argument("--no-cache", action="store_true",
                       help="build the linter from scratch, without the start-up cache (see docs/performance.md)")

    cfg = sub.add_parser("config", help="show the effective configuration")
    cfg.add_argument("--show", action="store_true", help="print the effective config as TOML")
    cfg.add_argument("--config", type=Path, help="config file to use instead of searching for one")
    cfg.add_argument("path", nargs="?", default=".", help="file or folder whose config to show")

    server = sub.add_parser("server", help="run the language server on standard input/output")
    server.add_argument("--log-file", type=Path, help="write the server log here")

    sub.add_parser("rules", help="list the rules")
    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code")
    return parser


def _load_base_config(args: argparse.Namespace) -> tuple[Config, Path | None]:
    from .config_files import load_config

    first = next((p for p in args.paths if p != "-"), None)
    return load_config(Path(first) if first else None, explicit=args.config)


def _apply_cli(config: Config, args: argparse.Namespace) -> Config:
    changes: dict = {}
    if args.select is not None:
        changes["select"] = args.select
    if args.extend_select:
        changes["extend_select"] = (*config.extend_select, *args.extend_select)
    if args.ignore:
        changes["ignore"] = (*config.ignore, *args.ignore)
    if args.fail_on:
        changes["fail_on"] = args.fail_on
    return config.evolve(**changes) if changes else config


def _write_baseline(results: list, target: Path) -> int:
    from .baseline import write

    n = write(results, target)
    print(f"specllint: wrote {n} finding{'s' if n != 1 else ''} to the baseline {target}", file=sys.stderr)
    for r in results:
        if r.error:
            print(f"specllint: {r.error}", file=sys.stderr)
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def _exit_code(results: list, config: Config, exit_zero: bool) -> int:
    if any(r.error for r in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    threshold = severity_rank(config.fail_on)
    failing = any(severity_rank(f.severity) >= threshold for r in results if r.report for f in r.report.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    if args.no_cache:
        return _check(args)
    from .buildcache import enabled_while

    with enabled_while():
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    from .baseline import BaselineError
    from .baseline import apply as apply_baseline
    from .baseline import read as read_baseline
    from .output import FORMATS, RenderContext, render
    from .runner import lint_paths

    if args.output_format not in FORMATS:
        print(f"specllint: error: unknown output format {args.output_format!r} "
              f"(choose from {', '.join(FORMATS)})", file=sys.stderr)
        return EXIT_ERROR
    if args.stream and (problem := _stream_conflict(args)):  # before the linter is built
        print(f"specllint: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        base, _ = _load_base_config(args)
        config = _apply_cli(base, args)
        keys = read_baseline(args.baseline) if args.baseline else None
        from .engine import get_linter

        get_linter(config)  # built (or loaded) now, so that start-up ends here
        _started()
        if args.stream:
            return _check_stream(args, config)
        results = lint_paths(args.paths, config, explicit_config=args.config is not None,
                             cli_args=args, jobs=args.jobs, stdin_name=args.stdin_filename)
        if args.write_baseline:
            return _write_baseline(results, args.write_baseline)
    except ConfigError as exc:
        print(f"specllint: config error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BaselineError as exc:
        print(f"specllint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    text_output = args.output_format in ("full", "concise") and args.output_file is None
    if keys is not None:
        results, hidden = apply_baseline(results, keys, args.baseline)
        if hidden and text_output:
            print(f"specllint: {hidden} finding{'s' if hidden != 1 else ''} hidden by the baseline {args.baseline}",
                  file=sys.stderr)
    rules = {r.code: r for r in get_linter(config).all_rules}
    ctx = RenderContext(rules=rules, statistics=args.statistics, show_sections=not args.no_sections,
                        version=__version__)
    report = render(args.output_format, results, ctx)
    if args.output_file is not None:
        try:
            args.output_file.write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"specllint: cannot write {args.output_file}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    if not text_output:
        for r in results:
            if r.error:
                print(f"specllint: {r.error}", file=sys.stderr)
    return _exit_code(results, config, args.exit_zero)


#: formats that can print a finding as soon as it is found
STREAM_FORMATS = ("concise", "json-lines")


def _stream_conflict(args: argparse.Namespace) -> str | None:
    """Why ``--stream`` cannot be combined with the other options given, or None."""
    if args.output_format not in STREAM_FORMATS:
        return f"--stream prints {' or '.join(STREAM_FORMATS)}, not {args.output_format!r}"
    for flag, given in (("--baseline", args.baseline), ("--write-baseline", args.write_baseline),
                        ("--statistics", args.statistics), ("--jobs", args.jobs != 1)):
        if given:
            return f"--stream cannot be combined with {flag}"
    return None


def _check_stream(args: argparse.Namespace, config: Config) -> int:
    """``check --stream``: one line per clause finding, written as it is found."""
    from .model import to_dict
    from .output.json_lines import line
    from .output.text import concise_line
    from .runner import iter_path_findings

    try:
        out = args.output_file.open("w", encoding="utf-8") if args.output_file else sys.stdout
    except OSError as exc:
        print(f"specllint: cannot write {args.output_file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    as_json = args.output_format == "json-lines"
    errors = failing = False
    try:
        for name, cfg, finding, error in iter_path_findings(
            args.paths, config, explicit_config=args.config is not None, cli_args=args, stdin_name=args.stdin_filename
        ):
            if finding is None:
                errors = True
                out.flush()
                print(f"specllint: {error}", file=sys.stderr)
                continue
            out.write((line({"path": name, **to_dict(finding)}) if as_json else concise_line(name, finding)) + "\n")
            failing = failing or severity_rank(finding.severity) >= severity_rank(cfg.fail_on)
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .buildcache import enabled_while
    from .kinds import builtin_kinds
    from .packs import load_rules

    # Rule files only: listing them needs no spaCy pipeline and no kind instances (the
    # start-up cache still saves compiling the unit grammar when the kinds are imported).
    with enabled_while():
        rules = load_rules(builtin_kinds(), plugins=Config().plugins)
    for r in sorted(rules, key=lambda r: r.code):
        print(f"{r.code}  {r.name:<28} {r.category:<22} {r.severity:<8} {r.summary}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from .engine import get_linter
    from .ruledocs import example_linter, rule_markdown

    linter = get_linter(Config())
    code = args.code.upper()
    rule = linter.rules_by_code.get(code) or next((r for r in linter.all_rules if r.name == args.code), None)
    if rule is None:
        print(f"specllint: error: no rule {args.code!r} (see `specllint rules`)", file=sys.stderr)
        return EXIT_ERROR
    print(rule_markdown(rule, lint=example_linter()), end="")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    from .config_files import load_config, show_config

    config, source = load_config(Path(args.path), explicit=args.config)
    print(show_config(config, source), end="")
    return EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    _started()  # a long-running process: the garbage collector must run
    try:
        from .lsp import serve
    except ImportError as exc:
        print(f"specllint: the language server needs the lsp extra: pip install 'specllint[lsp]' ({exc})",
              file=sys.stderr)
        return EXIT_ERROR
    return serve(log_file=args.log_file)


COMMANDS = {
    "check": cmd_check,
    "rules": cmd_rules,
    "rule": cmd_rule,
    "config": cmd_config,
    "server": cmd_server,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``specllint`` console script."""
    global _command_line
    if argv is None:
        # Start-up (imports, loading the linter) creates objects, not garbage: the collector
        # would only walk them again and again. It is turned back on by _started().
        _command_line = True
        gc.disable()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"specllint: config error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except RulePackError as exc:
        print(f"specllint: rule pack error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    finally:
        if argv is None:  # a command-line run: the process ends next
            _before_exit()


def _started() -> None:
    """End of start-up in a command-line run: what start-up built stays out of every later
    garbage collection (it lives until the process ends) and the collector runs again."""
    if _command_line and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _before_exit() -> None:
    """Freeze every object before the interpreter shuts down: its final garbage collections
    would otherwise walk the linter's hundreds of thousands of objects (about 0.3 s) just to
    free memory the exiting process gives back anyway."""
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
