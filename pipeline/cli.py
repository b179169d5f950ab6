"""The ``testimony`` command: parses arguments, calls the library, prints.

No logic lives here; the project's own errors become a message and an exit
code (0 all went well, 1 some files failed, 2 bad usage).
"""

from __future__ import annotations

from .batch.workers import single_thread_env

# Before numpy is imported anywhere: one BLAS thread per process, or parallel
# workers fight over the cores (workers imports only the standard library).
single_thread_env()

import atexit  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

import click  # noqa: E402

from .errors import PipelineError  # noqa: E402


@click.group()
@click.version_option(package_name="testimony")
def main() -> None:
    """Russian-language testimony in, structured event tables out."""


# Whether this process is the command's alone (entry_point): only then may a command
# declare something about the whole process, such as that it never uses pandas.
_OWN_PROCESS = False


def entry_point(args: list[str] | None = None) -> None:
    """The ``testimony`` console script (and ``python -m pipeline.cli``): :func:`main` in a
    fresh process that does nothing else, so a command may settle things for the whole
    process. ``main`` called in a process that goes on (click's CliRunner, a notebook
    calling ``main(..., standalone_mode=False)``) settles nothing beyond its own run."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    try:
        main(args)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):  # click's exit codes
            end_process(done.code or 0)
        raise


def end_process(code: int) -> NoReturn:
    """End this process with ``code`` as the interpreter would, but without tearing its
    objects down one by one.

    A run's parent holds the models (hundreds of thousands of words, vectors, parse
    tables); freeing them at exit took 0.2-0.4 s, as long as loading the lexicons,
    after every run's last line was written. So once every exit handler has run
    (``atexit``: logging, multiprocessing, Dask, temporary folders) and the standard
    streams are flushed, the process ends at once; every file the run wrote was closed
    and committed before. Where a thread the interpreter would wait for still runs, it
    is left to the interpreter.
    """
    if any(thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
           for thread in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed, or a reader gone (| head)
            pass
    os._exit(code)


def _input(value: str) -> Path | str:
    """A local path that must exist, or an fsspec URL (checked when it is listed)."""
    if "://" in value:
        return value
    path = Path(value)
    if not path.exists():
        raise click.BadParameter(f"{value}: no such file or folder", param_hint="INPUTS")
    return path


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", default="out", show_default=True,
              help="Output folder (a local path shared by every worker, or an fsspec URL).")
@click.option("-j", "--jobs", default=1, type=click.IntRange(1, 64), show_default=True,
              help="Worker processes (each loads the models once, ~400 MB).")
@click.option("--timeout", default=300.0, type=click.FloatRange(min=0), show_default=True,
              help="Seconds one file may take before it is given up as an error (0: no limit).")
@click.option("--max-memory", default=3000, type=click.IntRange(min=0), show_default=True,
              help="MB of memory per worker; a file that needs more is an error (0: no limit).")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Run on Dask: a scheduler's address (tcp://HOST:8786) or local:N for N "
                   "local Dask workers. Needs testimony[dask].")
@click.option("--prune", is_flag=True,
              help="Remove from OUT the documents whose files were not given this time.")
@click.option("--csv", "write_csv", is_flag=True,
              help="Also write every table as OUT/NAME.csv (for spreadsheets). A later run "
                   "without --csv leaves them and warns that they are stale.")
@click.option("--part-size", default=64, type=click.IntRange(1, 100_000), show_default=True,
              help="Documents per Parquet part: results are committed a part at a time.")
@click.option("--ocr-lang", "ocr_languages", default="rus+eng", show_default=True,
              help="Tesseract languages for pages without usable text, '+'-joined (Russian is always read).")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links that lead out of an input folder (by default each is an error row).")
@click.option("--force", is_flag=True, help="Redo files already done.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def run(inputs: tuple[str, ...], out: str, jobs: int, timeout: float, max_memory: int,
        cluster: str | None, prune: bool, write_csv: bool, part_size: int, ocr_languages: str,
        follow_links: bool, force: bool, quiet: bool) -> None:
    """Run every stage over files or folders into OUT.

    OUT is an archive: a later run adds to it and keeps every document's doc_id;
    files done before are skipped unless they changed.
    """
    from .batch.run import pandas_unused, run_batch, stale_csv
    from .batch.workers import Limits

    # Writing and rewriting Parquet parts is pyarrow's alone; hiding pandas from pyarrow
    # lasts for the whole process, so only a process of this command's own declares it.
    if not write_csv and _OWN_PROCESS:
        pandas_unused()

    bar = None
    show = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int, pages: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="file", dynamic_ncols=True)
        elapsed = bar.format_dict["elapsed"]
        bar.set_postfix_str(f"{pages} pages, {pages / elapsed:.1f} pages/s" if elapsed else "",
                            refresh=False)
        bar.update(done - bar.n)  # tqdm's own rate and ETA are in files

    limits = Limits(timeout=timeout or None, max_memory_mb=max_memory or None)
    paths = [_input(value) for value in inputs]
    try:
        result = run_batch(paths, out, jobs=jobs, force=force, progress=progress if show else None,
                           limits=limits, cluster=cluster, prune=prune,
                           part_documents=part_size, ocr_languages=ocr_languages,
                           follow_links=follow_links, export_csv=write_csv)
        stale = [] if write_csv else stale_csv(out)
    except PipelineError as error:
        raise click.UsageError(str(error)) from error
    except OSError as error:  # a full disk, a read-only folder: what was committed stays as it was
        raise click.ClickException(_cannot_write(out, error)) from error
    finally:
        if bar is not None:
            bar.close()
    for source, message in result.failures:
        click.echo(f"failed: {message}" if source in message else f"failed: {source}: {message}",
                   err=True)
    if stale:  # an analyst's copies: left in place, but never mistaken for current
        names = ", ".join(os.path.basename(p) for p in stale)
        click.echo(f"warning: {names} in {out} are from an earlier run and no longer match the "
                   f"tables; rerun with --csv to refresh them (or delete them)", err=True)
    removed = f"; {result.n_removed} documents pruned" if result.n_removed else ""
    click.echo(f"{result.n_files} files: {result.n_ok} ok, {result.n_failed} failed"
               f" ({result.n_skipped} unchanged since the last run{removed}); tables in {out}/")
    # The exit code through click: the shell gets it from the console script, and a caller
    # of main(..., standalone_mode=False) (a notebook) gets it back as main's value.
    click.get_current_context().exit(1 if result.n_failed else 0)


def _cannot_write(folder, error: OSError) -> str:
    """One line for a write the file system refused: where, and why."""
    where = error.filename or folder
    return f"{folder}: cannot write {where}: {error.strerror or error}"


@main.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--report", "report_dir", default=Path("report"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for metrics and the discrepancy table (not the gold folder).")
@click.option("--timeout", default=300.0, type=click.FloatRange(min=0), show_default=True,
              help="Seconds reading and comparing may take (0: no limit).")
@click.option("--max-memory", default=3000, type=click.IntRange(min=0), show_default=True,
              help="MB of memory reading and comparing may use (0: no limit).")
def reconcile(out: Path, gold: Path, report_dir: Path, timeout: float, max_memory: int) -> None:
    """Compare OUT with hand annotations in GOLD.

    GOLD is a folder or file of SPEC JSON, brat standoff (NEREL's types are
    mapped: PERSON to PER, CITY to LOC, ...) or a CSV/XLSX event table. The
    same limits as a run's apply: a gold table too large is an error, not a
    machine that stops answering. Cells of the CSV report that a spreadsheet
    would run as a formula start with an apostrophe.
    """
    from .batch.workers import Limits
    from .reconcile import reconcile as run_reconcile

    limits = Limits(timeout=timeout or None, max_memory_mb=max_memory or None)
    try:
        report = run_reconcile(out, gold, report_dir, limits=limits)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    click.echo(report.summary())
    click.echo(f"metrics and discrepancies in {report_dir}/")


@main.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("-o", "--output", "report_path", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write.  [default: OUT/report.html]")
def report(out: Path, report_path: Path | None) -> None:
    """Summarise OUT as one self-contained HTML page with plots."""
    from .research.report import write_report

    try:
        path = write_report(out, report_path)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"report in {path}")


@main.command("export")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["labelstudio", "brat", "spacy", "csv", "xlsx"]),
              help="An annotation tool's format (spacy: a DocBin, training data for spaCy), or the "
                   "tables for spreadsheets (csv: one file per table; xlsx: a sheet per table).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write into (spacy: the FILE.spacy to write; xlsx: the workbook's path).")
@click.option("--force", is_flag=True,
              help="Replace files there that differ from the export (annotators' corrections are lost).")
def export_command(out: Path, fmt: str, out_dir: Path, force: bool) -> None:
    """Pre-annotations from OUT for annotators to correct, spaCy training data, or OUT's
    tables as CSV/XLSX.

    A file already in the folder is replaced only if it holds what the export
    would write, or with --force: a corrected .ann is never overwritten unasked.
    """
    from .gold.roundtrip import export_output

    if fmt in ("csv", "xlsx"):
        from .tables import export_tables

        try:
            written = export_tables(out, fmt, out_dir)
        except PipelineError as error:
            raise click.ClickException(str(error)) from error
        except OSError as error:
            raise click.ClickException(_cannot_write(out_dir, error)) from error
        click.echo(f"{len(written)} file(s): " + ", ".join(str(p) for p in written))
        return

    try:
        docs, written = export_output(out, fmt, out_dir, force=force)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    n_mentions = sum(len(d.mentions) for d in docs)
    n_events = sum(len(d.events) for d in docs)
    where = out_dir if fmt == "spacy" else f"{len(written)} files in {out_dir}/"
    click.echo(f"{len(docs)} documents, {n_mentions} mentions, {n_events} events: {where}")


@main.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(["labelstudio", "brat", "spacy"]),
              help="The annotation tool's format (spacy: a DocBin .spacy file or a folder of them).")
@click.option("-o", "--output", "out_dir", default=Path("data/annotated"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Gold folder.")
@click.option("--force", is_flag=True, help="Replace gold files that already exist.")
def import_command(source: Path, fmt: str, out_dir: Path, force: bool) -> None:
    """Corrected annotations (a file or folder) back into gold JSON."""
    from .gold.roundtrip import import_annotations

    try:
        docs, written = import_annotations(source, fmt, out_dir, force=force)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    n_mentions = sum(len(d.mentions) for d in docs)
    n_events = sum(len(d.events) for d in docs)
    click.echo(f"{len(written)} gold files ({n_mentions} mentions, {n_events} events) in {out_dir}/")


class _LinkDefault(click.Option):
    """An option whose default is a constant of ``pipeline.link``, shown in ``--help``
    (read only then: the linking stage is slow to import for every other command)."""

    def __init__(self, *args, default_from: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_from = default_from

    def get_help_record(self, ctx):
        from . import link

        name, text = super().get_help_record(ctx)
        return name, f"{text}  [default: {getattr(link, self.default_from)}]"


@main.command("link")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "dest", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the link tables and the review file.  [default: OUT]")
@click.option("--threshold", default=None, type=click.FloatRange(0, 1),
              help="Match probability at which records join, for people and incidents "
                   "alike (overrides the two below).")
@click.option("--person-threshold", default=None, type=click.FloatRange(0, 1),
              cls=_LinkDefault, default_from="PERSON_THRESHOLD",
              help="Match probability at which person records join.")
@click.option("--incident-threshold", default=None, type=click.FloatRange(0, 1),
              cls=_LinkDefault, default_from="INCIDENT_THRESHOLD",
              help="Match probability at which events join one incident.")
@click.option("--learn/--no-learn", default=False, show_default=True,
              help="Re-estimate the model's u probabilities on a large output (5,000 "
                   "records or more). Off by default: with the shipped parameters a "
                   "pair's links do not depend on what else is linked with it.")
def link_command(out: Path, dest: Path | None, threshold: float | None,
                 person_threshold: float | None, incident_threshold: float | None,
                 learn: bool) -> None:
    """People and incidents across the documents of OUT.

    Writes people, incidents, person_events, mention_people and event_incidents
    (pipeline.load() joins person_id onto mentions and incident_id onto events),
    and link_review.csv/.xlsx: pairs near the threshold for an annotator to mark
    `same` or `different`; their decisions are logged in link_decisions.csv and
    applied on every later run.
    """
    from .link import INCIDENT_THRESHOLD, PERSON_THRESHOLD, link

    def chosen(specific: float | None, default: float) -> float:
        return next(t for t in (threshold, specific, default) if t is not None)

    dest = dest or out
    try:
        result = link(out, dest, person_threshold=chosen(person_threshold, PERSON_THRESHOLD),
                      incident_threshold=chosen(incident_threshold, INCIDENT_THRESHOLD),
                      learn=learn)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    for row in result.stale_decisions:
        click.echo(f"not applied: the decision on {row['left']} / {row['right']} was made on "
                   f"records that have changed since", err=True)
    click.echo(f"{result.summary()}; tables in {dest}/")


@main.command("review")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", default=Path("review"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder for the pages.")
def review_command(out: Path, out_dir: Path) -> None:
    """HTML pages with each document's mentions and events highlighted."""
    from .gold.roundtrip import load_output
    from .review import write_review

    try:
        written = write_review(load_output(out), out_dir)
    except PipelineError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{len(written) - 1} pages; open {written[0]}")


if __name__ == "__main__":
    entry_point()
