"""Small things that would rot unseen: process state touched at import, notes keyed by object identity,
a function rewriting the list it was given, modules importing each other back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT


def _run(code: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout.strip()


# -- export: the umask is the kernel's to apply -------------------------------------


def test_importing_and_writing_outputs_never_calls_os_umask(tmp_path):
    """``os.umask`` sets the mask to read it: done at import, it races every thread creating files."""
    calls = _run("""
        import os, sys
        from pathlib import Path
        calls, umask = [], os.umask
        os.umask = lambda mask: calls.append(mask) or umask(mask)
        from reportgen.export import probe_writable, write_atomic
        write_atomic(Path(sys.argv[1]) / "out.txt", b"x")
        probe_writable(Path(sys.argv[1]))
        print(calls)
    """, str(tmp_path))
    assert calls == "[]"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("mask", ["0o022", "0o077", "0o002"])
def test_an_output_gets_the_mode_a_plain_open_gives_under_the_umask_of_the_moment(tmp_path, mask):
    modes = _run(f"""
        import os, sys
        from pathlib import Path
        from reportgen.export import write_atomic
        os.umask({mask})  # set after the import: the mask in force when the file is written counts
        folder = Path(sys.argv[1])
        write_atomic(folder / "out.txt", b"x")
        open(folder / "plain.txt", "wb").close()
        print(oct((folder / "out.txt").stat().st_mode & 0o777), oct((folder / "plain.txt").stat().st_mode & 0o777))
    """, str(tmp_path))
    written, plain = modes.split()
    assert written == plain == oct(0o666 & ~int(mask, 8))
