"""testimony: Russian-language testimony in, structured event tables out.

The import package is ``pipeline``; the command is ``testimony``.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # ``pipeline.load(OUT)`` without importing pandas on ``import pipeline``, so the CLI
    # starts fast. The function lives in ``research/loading.py``: a submodule named ``load``
    # would shadow it as soon as it was imported.
    if name == "load":
        from .research.loading import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
