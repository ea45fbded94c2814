"""A real Dask cluster whose workers cannot see the client's disk, as on other machines.

Two ``dask worker`` processes run in their own mount namespace with a
private, empty tmpfs over the folder holding the articles, the user's theme
(fonts, logos), a reference .docx and the outputs. Every document must still
reach the client, byte for byte what ``--jobs 1`` writes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NEWS_SEED, QA_SEED, ROOT

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install .[dask])")

SPANISH_ARTICLE = ROOT / "tests" / "articles" / "es_news_ecuador_extorsion.txt"
DATE = "2025-12-08"


def _isolation_problem() -> str | None:
    """Why workers cannot be given a disk of their own here, or None."""
    if not sys.platform.startswith("linux"):
        return "mount namespaces are Linux's"
    if os.geteuid() != 0:
        return "mounting a tmpfs in a new mount namespace needs root (CI runs as root)"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"unshare -m cannot mount a tmpfs here ({probe.stderr.strip()[:200]})"
    return None


pytestmark = pytest.mark.skipif(_isolation_problem() is not None, reason=str(_isolation_problem()))


def _project(folder: Path) -> tuple[Path, Path, Path]:
    """Articles, a user's theme (its own fonts and logos) and a reference .docx, all inside ``folder``."""
    import docx

    articles = folder / "articles"
    articles.mkdir()
    for article in (QA_SEED, NEWS_SEED, SPANISH_ARTICLE):
        shutil.copy(article, articles / article.name)
    theme_folder = folder / "theme"
    shutil.copytree(ROOT / "styles" / "fonts", theme_folder / "fonts")
    shutil.copytree(ROOT / "styles" / "logos", theme_folder / "logos")
    theme = theme_folder / "house.toml"
    theme.write_text((ROOT / "styles" / "harbour.toml").read_text(encoding="utf-8").replace(
        'name = "harbour"', 'name = "house"'), encoding="utf-8")
    reference = folder / "reference.docx"
    docx.Document().save(reference)
    return articles, theme, reference


def _start_worker(scheduler: str, hidden: Path) -> subprocess.Popen:
    """A ``dask worker`` that sees an empty tmpfs where the client sees ``hidden``."""
    script = 'mount -t tmpfs tmpfs "$1" && shift && exec "$@"'
    return subprocess.Popen(["unshare", "-m", "sh", "-c", script, "sh", str(hidden), sys.executable, "-m",
                             "distributed.cli.dask_worker", scheduler, "--nthreads", "1", "--no-dashboard",
                             "--no-nanny"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _serial_build(articles: Path, theme: Path, reference: Path, out: Path) -> None:
    """``reportgen build --jobs 1`` in a fresh process, as a user runs it (fonts registered by nothing else)."""
    subprocess.run([sys.executable, "-m", "reportgen", "build", str(articles), "--split",
                    "-f", "pdf", "-f", "docx", "-l", "en", "-l", "es", "--style", str(theme),
                    "--reference-docx", str(reference), "--date", DATE, "--jobs", "1", "-q", "--out", str(out)],
                   check=True, capture_output=True)


def test_workers_that_cannot_see_the_clients_disk_build_every_document_the_client_writes(tmp_path):
    from distributed import Client, LocalCluster

    from reportgen import build

    hidden = tmp_path / "project"
    hidden.mkdir()
    articles, theme, reference = _project(hidden)
    _serial_build(articles, theme, reference, hidden / "serial")
    expected = {path.name: path.read_bytes() for path in (hidden / "serial").iterdir()
                if path.suffix in (".pdf", ".docx")}
    assert len(expected) == 12

    with LocalCluster(n_workers=0, protocol="tcp", host="127.0.0.1", dashboard_address=None) as cluster:
        workers = [_start_worker(cluster.scheduler_address, hidden) for _ in range(2)]
        try:
            with Client(cluster.scheduler_address) as client:
                client.wait_for_workers(2, timeout=120)
                seen = client.run(lambda: sorted(os.listdir(hidden)))
                assert list(seen.values()) == [[], []], "the workers must not see the client's folder"
                result = build([articles], out=hidden / "cluster", split=True, pack=False, formats=["pdf", "docx"],
                               langs=["en", "es"], style=str(theme), reference_docx=reference, date=DATE,
                               executor=client.get_executor())
                executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=30)

    assert not result.errors, [f"{failure.path}: {failure.message}" for failure in result.errors]
    written = {output.path.name: output.path.read_bytes() for output in result.outputs}
    assert sorted(written) == sorted(expected)
    assert all(written[name] == expected[name] for name in expected), "same bytes as --jobs 1"
    assert sum(executed.values()) == 3, "one job per article, each run by a worker of the cluster"
