"""The stages and models, loaded in the process a local Dask cluster forks its workers from.

``--cluster local:N`` starts its workers through a multiprocessing *forkserver* that
imports this module first: every worker (and every worker a nanny starts again after a
file's limit ended the last one) is then forked with the stages imported and the models
loaded, sharing their memory, instead of spawning a fresh interpreter that imports and
loads everything again (several seconds of CPU per worker). The models are warmed up
(``run.warm_up``) and what writing a Parquet part takes is imported and run once
(``run.prepare_parts``: a Dask worker writes its own parts), so that no worker does
either for itself. Nothing here may stop the forkserver: a failure leaves the loading
to the worker plugin, as on a remote cluster.
"""

from __future__ import annotations

try:
    from ..resources import load_lexicons
    from .run import collector_paused, import_stages, pandas_unused, prepare_parts, worker_models
    from .workers import single_thread_env

    single_thread_env()
    pandas_unused()
    load_lexicons()
    with collector_paused():
        import_stages()
        worker_models(warm=True)
    prepare_parts()
except Exception:  # noqa: BLE001 - the plugin loads them (and reports a failure) instead
    pass
