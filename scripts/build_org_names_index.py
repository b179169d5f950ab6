"""Rebuild ``models/org_names_index.json`` from ``models/org_names.json`` (see
:mod:`pipeline.tag.org_names_index`): run after editing the lexicon or upgrading pymorphy3.

    python scripts/build_org_names_index.py
"""

from __future__ import annotations

import json

from pipeline.resources import models_dir
from pipeline.tag.org_names import lexicon_names
from pipeline.tag.org_names_index import INDEX, index_of


def main() -> None:
    names = lexicon_names()
    path = models_dir() / INDEX
    index = index_of(names)
    lines = [json.dumps(row, ensure_ascii=False) for row in index.pop("names")]
    head = json.dumps(index, ensure_ascii=False, indent=1)[:-2]  # one name a line: a reviewable diff
    path.write_text(head + ',\n "names": [\n' + ",\n".join(lines) + "\n ]\n}\n", encoding="utf-8")
    print(f"{path}: {len(names)} names")


if __name__ == "__main__":
    main()
