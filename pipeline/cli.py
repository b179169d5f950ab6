"""The ``testimony`` command: parses arguments, calls the library, prints.

No logic lives here; the project's own errors become a message and an exit
code (0 all went well, 1 some files failed, 2 bad usage).
"""

from __future__ import annotations

import os

# Before numpy is imported anywhere: one BLAS thread per process, or parallel
# workers fight over the cores.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
             "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import click  # noqa: E402

from .errors import PipelineError  # noqa: E402


@click.group()
@click.version_option(package_name="testimony")
def main() -> None:
    """Russian-language testimony in, structured event tables out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", default=Path("out"), type=click.Path(path_type=Path),
              show_default=True, help="Output folder.")
@click.option("-j", "--jobs", default=1, type=click.IntRange(1, 64), show_default=True,
              help="Worker processes.")
@click.option("--force", is_flag=True, help="Redo files already done.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def run(inputs: tuple[Path, ...], out: Path, jobs: int, force: bool, quiet: bool) -> None:
    """Run every stage over files or folders into OUT."""
    from tqdm import tqdm

    from .run import run_batch

    bar = None
    show = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int, pages: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="file", disable=not show, dynamic_ncols=True)
        bar.n = done
        bar.set_postfix(pages=pages, refresh=False)
        bar.refresh()

    try:
        result = run_batch(list(inputs), out, jobs=jobs, force=force, progress=progress)
    except PipelineError as error:
        raise click.UsageError(str(error)) from error
    finally:
        if bar is not None:
            bar.close()
    for source, message in result.failures:
        click.echo(f"failed: {message}" if source in message else f"failed: {source}: {message}",
                   err=True)
    click.echo(f"{result.n_files} files: {result.n_ok} ok, {result.n_failed} failed"
               f" ({result.n_skipped} unchanged since the last run); tables in {out}/")
    sys.exit(1 if result.n_failed else 0)


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--report", "report_dir", default=Path("report"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for metrics and the discrepancy table.")
def reconcile(out: Path, gold: Path, report_dir: Path) -> None:
    """Compare OUT with hand annotations in GOLD.

    GOLD is a folder or file of SPEC JSON, brat standoff (NEREL's types are
    mapped: PERSON to PER, CITY to LOC, ...) or a CSV/XLSX event table.
    """
    from .reconcile import reconcile as run_reconcile

    try:
        report = run_reconcile(out, gold, report_dir)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    click.echo(report.summary())
    click.echo(f"metrics and discrepancies in {report_dir}/")


if __name__ == "__main__":
    main()
