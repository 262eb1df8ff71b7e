"""Running the command line in-process from tests."""

from __future__ import annotations

from specllint.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``specllint ARGS``."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
