"""testimony: Russian-language testimony in, structured event tables out.

The import package is ``pipeline``; the command is ``testimony``.
"""

import os

__version__ = "0.1.0"

# pyarrow's default allocator (mimalloc) reserves over a gigabyte of address space on
# first use. Workers forked from a process that has read or written Parquet would
# inherit it and meet their memory limit (RLIMIT_AS) a gigabyte early; the system
# allocator reserves only what it uses. Set before pyarrow allocates anything.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def __getattr__(name: str):
    # ``pipeline.load(OUT)`` without importing pandas on ``import pipeline``, so the CLI
    # starts fast. The function lives in ``research/loading.py``: a submodule named ``load``
    # would shadow it as soon as it was imported.
    if name == "load":
        from .research.loading import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
