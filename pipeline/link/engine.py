"""The record-linkage engine: splink's Fellegi–Sunter model on DuckDB.

A :class:`Model` says what to compare (splink comparisons, each a list of levels
written in SQL), which pairs to compare at all (blocking rules, so the cost stays
near-linear) and how to train. :func:`score_pairs` runs splink on one table of
records and returns every blocked pair of records from *different* documents with
its match probability.

Training. The m and u probabilities and the prior come with the project
(``models/link_<name>.json``, fitted by ``python -m pipeline.link.train`` on a
synthetic corpus made from our annotated events, m from its true clusters). They are
used as shipped: a pair's match probability depends on the two records alone, never
on which other documents are linked in the same run, so adding a folder to an archive
does not change the links among the documents already in it - up to the size of the
corpus the prior was fitted on (``fitted_records``). Beyond it the prior falls as one
over the number of records (:func:`prior_for`), as the chance that two records drawn
from a larger collection are one person or one happening does: without that, a
synthetic corpus of 100,000 events chained into giant clusters. (Until round 6 the
prior was estimated on every collection and u on large ones, and the comparisons
were exhaustive on small collections and blocked on large ones: adding 400 unrelated
news articles to the development statements moved 6 person and 6 incident links among
them.) ``learn=True`` (``testimony link --learn``) still re-estimates u on a large
collection, for a user who prefers that to stable links. Nothing is downloaded;
DuckDB runs in memory in this process.
"""

from __future__ import annotations

import gc
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import LexiconError
from ..resources import models_dir, read_model

# With ``learn``: below this many records random pairs say little about the
# collection, and the shipped u probabilities are used as they are.
MIN_RECORDS_TO_TRAIN = 5_000
U_SAMPLE_PAIRS = 2e6  # fitting the shipped parameters
U_RESAMPLE_PAIRS = 5e5  # re-estimating u on a user's collection: seconds, not minutes
DIFFERENT_DOCUMENTS = "l.doc_id <> r.doc_id"


@dataclass(frozen=True)
class Model:
    """What to compare, which pairs to compare, and how to train, for one kind of record."""

    name: str  # people, incidents: the parameters live in models/link_{name}.json
    comparisons: list[dict]  # splink comparison dicts; levels carry a label
    blocking_rules: list[str | dict]  # SQL on l./r.; each also requires different documents
    training_rules: list[str]  # EM blocking rules
    deterministic_rules: list[str]  # near-certain matches, to estimate the prior
    deterministic_recall: float = 0.6
    default_prior: float = 1e-4
    columns: list[str] = field(default_factory=list)  # the record columns the SQL reads
    # Evidence the levels' meaning orders: (comparison, stronger level, weaker level),
    # the stronger never to weigh less than the weaker (a place told exactly alike
    # against two places of one city). The fit pools the levels of a pair it inverts
    # (:func:`ordered_levels`); a test holds the shipped parameters to it.
    order: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def parameters_path(self) -> Path:
        return models_dir() / f"link_{self.name}.json"


def _with_different_documents(rule: str | dict) -> str | dict:
    if isinstance(rule, dict):
        return {**rule, "blocking_rule": f"({rule['blocking_rule']}) AND {DIFFERENT_DOCUMENTS}"}
    return f"({rule}) AND {DIFFERENT_DOCUMENTS}"


def load_parameters(model: Model) -> dict:
    """The shipped prior and m/u per comparison level (empty when none were fitted yet)."""
    path = model.parameters_path
    if not path.exists():
        return {}
    parameters = read_model(path)  # checked against its schema (pipeline.schemas)
    levels = {c["output_column_name"]: {lv["label_for_charts"] for lv in c["comparison_levels"]}
              for c in model.comparisons}
    for name, fitted in parameters["comparisons"].items():
        unknown = sorted(set(fitted) - levels.get(name, set()))
        if name not in levels or unknown:
            raise LexiconError(
                f"{path.name}: {'comparison ' + repr(name) if name not in levels else repr(name)}"
                f" {'is not compared' if name not in levels else 'has no level ' + ', '.join(map(repr, unknown))}"
                f" in pipeline/link/{model.name}.py: refit with `python -m pipeline.link.train`")
    return parameters


def prior_for(parameters: dict, n_records: int, default: float) -> float:
    """The prior for a collection of ``n_records``: the shipped one, and beyond the size
    it was fitted on (``fitted_records``) that times the share that size is of this one.
    A function of the size alone: below the fitted size, never of what else is linked.

    >>> shipped = {"probability_two_random_records_match": 0.001, "fitted_records": 10_000}
    >>> prior_for(shipped, 150, 1e-4), prior_for(shipped, 40_000, 1e-4)
    (0.001, 0.00025)
    >>> prior_for({}, 40_000, 1e-4)
    0.0001
    """
    prior = parameters.get("probability_two_random_records_match", default)
    fitted = parameters.get("fitted_records")
    return prior * fitted / n_records if fitted and n_records > fitted else prior


def settings(model: Model, parameters: dict | None = None) -> dict:
    """splink settings for ``model``, with the fitted m/u where ``parameters`` has them.

    The pairs compared are those the blocking rules make, whatever the collection's
    size: which pairs are compared must not depend on what else is linked.
    """
    parameters = load_parameters(model) if parameters is None else parameters
    fitted = parameters.get("comparisons", {})
    comparisons = []
    for comparison in model.comparisons:
        levels = []
        for level in comparison["comparison_levels"]:
            level = dict(level)
            mu = fitted.get(comparison["output_column_name"], {}).get(level["label_for_charts"])
            if mu and not level.get("is_null_level"):
                level["m_probability"], level["u_probability"] = mu
            levels.append(level)
        comparisons.append({**comparison, "comparison_levels": levels})
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "comparisons": comparisons,
        "blocking_rules_to_generate_predictions": [
            _with_different_documents(r) for r in model.blocking_rules],
        "probability_two_random_records_match":
            parameters.get("probability_two_random_records_match", model.default_prior),
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": True,  # the gamma_ levels, for review and debugging
    }


def fitted_parameters(linker, model: Model) -> dict:
    """The prior and each level's (m, u) of a trained linker, for ``models/link_{name}.json``."""
    trained = linker._settings_obj  # splink keeps the estimates on its settings object
    out = {"probability_two_random_records_match":
           trained._probability_two_random_records_match, "comparisons": {}}
    for comparison in trained.comparisons:
        levels = {}
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            m, u = level.m_probability, level.u_probability
            if m is None or u is None or (isinstance(m, float) and math.isnan(m)):
                continue
            # Six significant figures; never 0, which splink refuses (log of 0).
            levels[level.label_for_charts] = [max(float(f"{m:.6g}"), 1e-9),
                                              max(float(f"{u:.6g}"), 1e-9)]
        out["comparisons"][comparison.output_column_name] = levels
    return out


def inversions(parameters: dict, order) -> list[tuple[str, str, str]]:
    """The pairs of ``order`` whose stronger level weighs less than the weaker one."""
    fitted = parameters.get("comparisons", {})
    found = []
    for name, strong, weak in order:
        levels = fitted.get(name, {})
        if strong in levels and weak in levels:
            (ms, us), (mw, uw) = levels[strong], levels[weak]
            if ms * uw < mw * us * (1 - 1e-9):
                found.append((name, strong, weak))
    return found


def ordered_levels(parameters: dict, order) -> dict:
    """``parameters`` with each inversion of ``order`` pooled away: the levels of an
    inverted pair (and of whatever is already pooled with either) share one Bayes factor,
    the sum of their m over the sum of their u (the estimate with the two levels' pairs
    counted as one level's), each keeping its own u; every level's m is m's share of the
    pool, so the m of a comparison still sum to what they did. Pooling repeats until no
    pair of ``order`` is inverted. A level fitted on few true pairs (the synthetic corpus
    seldom has one) is what inverts; its evidence then counts as its neighbour's.

    >>> fitted = {"comparisons": {"place": {"same": [0.6, 0.015], "same city": [0.15, 0.003],
    ...                                      "else": [0.25, 0.982]}}}
    >>> pooled = ordered_levels(fitted, [("place", "same", "same city"), ("place", "same city", "else")])
    >>> [round(m / u, 1) for m, u in pooled["comparisons"]["place"].values()]
    [41.7, 41.7, 0.3]
    >>> inversions(pooled, [("place", "same", "same city")])
    []
    """
    comparisons = {name: {label: list(mu) for label, mu in levels.items()}
                   for name, levels in parameters.get("comparisons", {}).items()}
    pools = {(name, label): {label} for name, levels in comparisons.items() for label in levels}
    while True:
        inverted = inversions({"comparisons": comparisons}, order)
        if not inverted:
            return parameters | {"comparisons": comparisons}
        name, strong, weak = inverted[0]
        pool = pools[(name, strong)] | pools[(name, weak)]
        levels = comparisons[name]
        m = sum(levels[label][0] for label in pool)
        u = sum(levels[label][1] for label in pool)
        for label in pool:
            pools[(name, label)] = pool
            levels[label][0] = float(f"{m * levels[label][1] / u:.6g}")


def make_linker(records: pd.DataFrame, model: Model, parameters: dict | None = None,
                memory_limit: str = "3GB", threads: int = 2, extra_columns: list[str] = ()):
    """A splink linker over ``records`` in a fresh in-memory DuckDB."""
    import duckdb
    from splink import DuckDBAPI, Linker

    connection = duckdb.connect(":memory:")
    connection.execute(f"SET memory_limit = '{memory_limit}'")
    connection.execute(f"SET threads = {int(threads)}")
    connection.execute("SET preserve_insertion_order = false")
    db_api = DuckDBAPI(connection)
    table = db_api.register(records[["unique_id", "doc_id", *model.columns, *extra_columns]],
                            table_name=f"link_{model.name}_records")
    return Linker(table, settings(model, parameters), log_level=None)


def close(linker) -> None:
    """Close the linker's DuckDB: its threads would otherwise outlive it, and a process
    that forks workers later (a batch after a link, in one session) must not fork them."""
    linker._db_api._con.close()  # the connection make_linker opened


class quiet_splink:
    """splink narrates every step and warns of defaults at INFO/WARNING: keep errors only."""

    def __enter__(self):
        self.logger = logging.getLogger("splink")
        self.level, self.propagate = self.logger.level, self.logger.propagate
        self.logger.setLevel(logging.ERROR)
        return self

    def __exit__(self, *exc):
        self.logger.setLevel(self.level)
        return False


def train(linker, model: Model, seed: int = 20261206) -> None:
    """Fit u by random sampling, the prior from near-certain rules, m by EM."""
    with quiet_splink():
        linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=seed)
        linker.training.estimate_probability_two_random_records_match(
            [_with_different_documents(r) for r in model.deterministic_rules],
            recall=model.deterministic_recall)
        for rule in model.training_rules:
            linker.training.estimate_parameters_using_expectation_maximisation(
                _with_different_documents(rule), estimate_without_term_frequencies=True)


def estimate_u(linker, seed: int = 20261206) -> None:
    """u by random sampling of the records at hand: it depends on the collection
    (how common its names are, how its dates and places crowd together)."""
    with quiet_splink():
        linker.training.estimate_u_using_random_sampling(max_pairs=U_RESAMPLE_PAIRS, seed=seed)


def learns_u(records: pd.DataFrame, learn: bool) -> bool:
    """Whether :func:`score_pairs` re-estimates u: when asked, on a collection large
    enough for random pairs to describe it, and with documents to link across."""
    return learn and len(records) >= MIN_RECORDS_TO_TRAIN and records["doc_id"].nunique() >= 2


def score_pairs(records: pd.DataFrame, model: Model, *, learn: bool = False,
                threshold: float = 0.0) -> tuple[pd.DataFrame, dict]:
    """Every blocked pair from different documents with its match probability.

    Returns the pairs (``unique_id_l``, ``unique_id_r``, ``match_weight``,
    ``match_probability`` and ``mw_*``, each comparison's match weight) and the
    parameters used: the shipped ones, so a pair's score depends on its two records
    only. With ``learn`` and enough records u is re-estimated on ``records`` (the
    links then depend on the collection).
    """
    empty = pd.DataFrame(columns=["unique_id_l", "unique_id_r", "match_weight",
                                  "match_probability"])
    parameters = load_parameters(model)
    if records["doc_id"].nunique() < 2:
        return empty, parameters  # nothing to link across
    parameters = parameters | {"probability_two_random_records_match": prior_for(
        parameters, len(records), model.default_prior)}
    linker = make_linker(records, model, parameters)
    try:
        if learns_u(records, learn):
            estimate_u(linker)
            parameters = fitted_parameters(linker, model)
        with quiet_splink():
            frame = linker.inference.predict(
                threshold_match_probability=threshold).as_pandas_dataframe()
    finally:
        close(linker)
        # DuckDB's worker threads end only when its database is freed, and splink's
        # objects hold it in reference cycles: collected now, not at some later
        # collection, or a batch forked in this process inherits running threads
        # (its workers crashed with signal 11).
        del linker
        gc.collect()
    keep = ["unique_id_l", "unique_id_r", "match_weight", "match_probability",
            *[c for c in frame.columns if c.startswith(("gamma_", "mw_"))]]
    # In record order: DuckDB's threads hand the pairs over in whatever order they finish
    # (``preserve_insertion_order`` is off, to save memory at scale).
    frame = frame.sort_values(["unique_id_l", "unique_id_r"], kind="stable", ignore_index=True)
    return frame[keep], parameters
