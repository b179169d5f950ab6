"""The notebooks run from top to bottom over real output, so they never rot."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="install the dev extra: pip install -e '.[dev]'")
nbclient = pytest.importorskip("nbclient", reason="install the dev extra: pip install -e '.[dev]'")
pytest.importorskip("ipykernel", reason="install the dev extra: pip install -e '.[dev]'")


REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
RAW = REPO / "data" / "raw"
KERNEL = "testimony-tests"


@pytest.fixture(scope="session")
def out(sample_text_out) -> Path:
    """`testimony run` over the real sample statements (shared, read only)."""
    return sample_text_out


@pytest.fixture
def kernel(tmp_path, monkeypatch) -> str:
    """A kernel spec for this very interpreter, so the notebook sees the venv's packages."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "testimony tests", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return KERNEL


def test_there_are_notebooks():
    assert (NOTEBOOKS / "explore_events.ipynb").exists()


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_runs_without_errors(path, out, kernel, monkeypatch):
    monkeypatch.setenv("TESTIMONY_OUT", str(out))
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        f"{path.name} is committed with outputs: clear them"
    client = nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=120,
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    began = time.monotonic()
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    assert time.monotonic() - began < 90
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert f"output folder: {out}" in printed  # it read the output it was given
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "the type, month and timeline plots"
