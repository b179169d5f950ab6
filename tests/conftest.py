"""Shared fixtures: heavy models are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
ANNOTATED = REPO / "data" / "annotated"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def models():
    """natasha and pymorphy3 models, built once for the whole run."""
    from pipeline.nlp import load_models

    return load_models()


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """The two real sample statements, by doc_id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}
