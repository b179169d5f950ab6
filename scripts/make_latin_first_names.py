"""Write ``models/latin_first_names.json``: English-language first names in Latin letters.

    python scripts/make_latin_first_names.py [--check]

Why: a Russian statement gives a foreign person's name as it is spelt (``Rose Kuzmina``,
``журналиста James Whitfield``). Many English first names are common English words too
(``Rose``, ``Grace``, ``Mark``), so the Latin-names tagger (``pipeline/tag/latin_names.py``)
took them for the word beside a surname that makes a body's name (``Kaspersky Lab``), and
missed the person. This list tells it which capitalised words are first names.

Source: the first names of the English-language person providers of the ``Faker``
package (``pip install faker``; MIT licence): ``en_US`` (from the US Census and Social
Security name-frequency tables), ``en_GB``, ``en_IE`` and ``en_NZ``. No name comes from
this project's texts. Run by hand when Faker's lists move on; the pipeline reads only the
JSON this writes. ``--check`` says whether the file in ``models/`` is what this script
writes today.

It also writes the providers' last names (``surnames``): a surname that is a first name
too or an English word (``Kate Parker``, ``James Brown``) still ends a person's name after
a person noun or an initial, and of two first names the one that is also a surname is
the surname (``Smith Kate``).

Left out: one- and two-letter names, and names written with anything but Latin letters
(hyphenated double names: ``Anne-Marie``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "models" / "latin_first_names.json"
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ")
_NAME = re.compile(r"[A-Z][a-z]+")

ABOUT = ("English-language first names (and last names: 'surnames') in Latin letters, for telling a foreign person's "
         "name in Russian text (Rose Kuzmina, James Whitfield) from a body's or a place's "
         "(Kaspersky Lab): pipeline/tag/latin_names.py. Written by "
         "scripts/make_latin_first_names.py; do not edit by hand.")


def first_names() -> list[str]:
    import faker

    found: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for field in ("first_names_male", "first_names_female", "first_names"):
            found.update(getattr(provider, field, ()))
    del faker
    return sorted(n for n in found if len(n) > 2 and _NAME.fullmatch(n))


def surnames() -> list[str]:
    """The last names of the same providers: many are first names too (``Parker``,
    ``Taylor``) or English words (``Brown``), and after a person noun they still end a name."""
    found: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        found.update(getattr(provider, "last_names", ()))
    return sorted(n for n in found if len(n) > 2 and _NAME.fullmatch(n))


def document() -> str:
    import faker

    data = {"about": ABOUT,
            "source": f"Faker {faker.VERSION} person providers {', '.join(LOCALES)}",
            "names": first_names(),
            "surnames": surnames()}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether models/latin_first_names.json is up to date")
    args = parser.parse_args(argv)
    text = document()
    if args.check:
        shipped = json.loads(OUT.read_text(encoding="utf-8"))
        written = json.loads(text)
        if shipped["names"] != written["names"] or shipped.get("surnames") != written["surnames"]:
            print(f"{OUT.relative_to(REPO)} differs from what this script writes: rerun it")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
