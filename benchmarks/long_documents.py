"""Time and peak memory of ``testimony run`` on long statements: is growth near-linear?

Lists of detainees are normal in testimony. This generates, from a fixed seed,
statements listing 1,000 / 4,000 / 10,000 / 40,000 detainees one per line
(``17. Смирнова Елена Викторовна, 1991 г.р., задержана в Москве``) and one sentence naming 5,000 people, and runs the real CLI
on each in a fresh process (``-j 1``, one worker), reading wall time and the
peak RSS of the largest process from ``/usr/bin/time -v``.

    python -m benchmarks.long_documents [--sizes 1000 4000 10000 40000] [--sentence 5000]
                                        [--timeout 300] [--max-memory 3000] [--baseline REF]

Target: 10,000 lines in under 30 s and under 1 GB, and time per line about
the same at every size (near-linear growth). ``--baseline REF`` (a git commit or
branch) also runs the pipeline as it was at REF on the same files in the same
call and prints both side by side.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.baseline import export_tree

REPO = Path(__file__).resolve().parents[1]

# Parts of made-up names: a man's surname and the woman's form of it, first names, patronymics.
SURNAMES = [
    ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"), ("Попов", "Попова"), ("Васильев", "Васильева"),
    ("Петров", "Петрова"), ("Соколов", "Соколова"), ("Михайлов", "Михайлова"), ("Новиков", "Новикова"),
    ("Федоров", "Федорова"), ("Морозов", "Морозова"), ("Волков", "Волкова"), ("Алексеев", "Алексеева"),
    ("Лебедев", "Лебедева"), ("Семенов", "Семенова"), ("Егоров", "Егорова"), ("Павлов", "Павлова"),
    ("Козлов", "Козлова"), ("Степанов", "Степанова"), ("Николаев", "Николаева"), ("Орлов", "Орлова"),
    ("Андреев", "Андреева"), ("Макаров", "Макарова"), ("Никитин", "Никитина"), ("Захаров", "Захарова"),
    ("Зайцев", "Зайцева"), ("Соловьев", "Соловьева"), ("Борисов", "Борисова"), ("Яковлев", "Яковлева"),
    ("Григорьев", "Григорьева"), ("Романов", "Романова"), ("Воробьев", "Воробьева"), ("Сергеев", "Сергеева"),
    ("Кузьмин", "Кузьмина"), ("Фролов", "Фролова"), ("Александров", "Александрова"), ("Дмитриев", "Дмитриева"),
    ("Королев", "Королева"), ("Гусев", "Гусева"), ("Киселев", "Киселева"), ("Ильин", "Ильина"),
    ("Максимов", "Максимова"), ("Поляков", "Полякова"), ("Сорокин", "Сорокина"), ("Виноградов", "Виноградова"),
    ("Ковалев", "Ковалева"), ("Белов", "Белова"), ("Медведев", "Медведева"), ("Антонов", "Антонова"),
    ("Тарасов", "Тарасова"), ("Жуков", "Жукова"), ("Баранов", "Баранова"), ("Филиппов", "Филиппова"),
    ("Комаров", "Комарова"), ("Давыдов", "Давыдова"), ("Беляев", "Беляева"), ("Герасимов", "Герасимова"),
    ("Богданов", "Богданова"), ("Осипов", "Осипова"), ("Сидоров", "Сидорова"), ("Матвеев", "Матвеева"),
]
MEN = ["Александр", "Алексей", "Андрей", "Антон", "Артем", "Борис", "Вадим", "Виктор", "Владимир", "Дмитрий",
       "Евгений", "Иван", "Игорь", "Илья", "Кирилл", "Максим", "Михаил", "Никита", "Николай", "Олег",
       "Павел", "Роман", "Сергей", "Степан", "Юрий"]
WOMEN = ["Александра", "Алина", "Анастасия", "Анна", "Валентина", "Вера", "Галина", "Дарья", "Екатерина",
         "Елена", "Ирина", "Ксения", "Любовь", "Марина", "Мария", "Наталья", "Нина", "Ольга", "Полина",
         "Светлана", "Софья", "Татьяна", "Юлия"]
FATHERS = ["Александров", "Алексеев", "Андреев", "Борисов", "Викторов", "Владимиров", "Дмитриев", "Евгеньев",
           "Иванов", "Игорев", "Михайлов", "Николаев", "Олегов", "Павлов", "Петров", "Сергеев", "Юрьев"]
CITIES = ["Москве", "Санкт-Петербурге", "Екатеринбурге", "Новосибирске", "Казани", "Перми", "Самаре"]

HEADER = ("Список задержанных 12 июня 2024 года на акциях в поддержку политических заключенных\n"
          "Ниже приводятся имена людей, задержанных полицией, по данным адвокатов и родственников.\n")


def person(rng: random.Random, case: str = "nomn") -> tuple[str, bool]:
    """A made-up full name (nominative or accusative) and whether it is a woman's."""
    man, woman = rng.choice(SURNAMES)
    father = rng.choice(FATHERS)
    if rng.random() < 0.5:
        first, surname, patronymic = rng.choice(MEN), man, father + "ич"
        if case == "accs":
            first = {"й": first[:-1] + "я", "а": first[:-1] + "у", "я": first[:-1] + "ю"}.get(first[-1], first + "а")
            surname, patronymic = surname + "а", patronymic + "а"
        return f"{surname} {first} {patronymic}", False
    first, surname, patronymic = rng.choice(WOMEN), woman, father + "на"
    if case == "accs":
        first = first[:-1] + ("ю" if first[-1] == "я" else "у") if first[-1] in "ая" else first
        surname, patronymic = surname[:-1] + "у", patronymic[:-1] + "у"
    return f"{surname} {first} {patronymic}", True


def detainee_list(n: int, seed: int = 1) -> str:
    """A statement listing ``n`` detainees, one per numbered line."""
    rng = random.Random(seed)
    lines = [HEADER]
    for i in range(1, n + 1):
        name, woman = person(rng)
        ending = "а" if woman else ""
        lines.append(f"{i}. {name}, {rng.randint(1950, 2006)} г.р., задержан{ending} в {rng.choice(CITIES)}\n")
    return "".join(lines)


def one_sentence(n: int, seed: int = 2) -> str:
    """A statement whose one sentence names ``n`` detainees."""
    rng = random.Random(seed)
    names = [person(rng, "accs")[0] for _ in range(n)]
    return (HEADER + "12 июня 2024 года в Москве полиция задержала " + ", ".join(names[:-1])
            + " и " + names[-1] + ".\n")


def run_cli(tree: Path, path: Path, out: Path, timeout: float, max_memory: int) -> dict:
    """Wall seconds, peak RSS (MB, the largest process) and the status of one CLI run on ``path``."""
    command = ["/usr/bin/time", "-v", sys.executable, "-c",
               "import sys; sys.path.insert(0, sys.argv.pop(1)); import pipeline.cli as c; getattr(c, \"entry_point\", c.main)()",
               str(tree), "run", str(path), "-o", str(out), "-j", "1", "-q",
               "--timeout", str(timeout), "--max-memory", str(max_memory)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tree)
    wall = re.search(r"Elapsed \(wall clock\) time.*?: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    cpu = [float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", result.stderr)]
    if wall is None or rss is None:
        raise SystemExit(f"could not read /usr/bin/time's report:\n{result.stderr[-2000:]}")
    hours, minutes, seconds = wall.groups()
    status = _status(out)
    return {"seconds": int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), "cpu": sum(cpu),
            "peak_mb": int(rss.group(1)) / 1024, "status": status}


def _status(out: Path) -> str:
    """``ok (N events)`` or the error recorded for the document (read by this tree's
    reader, which knows the archive of Parquet parts and the older single files)."""
    from pipeline.tables import read_table

    documents = read_table(out, "documents")
    row = documents.iloc[-1]
    if row["status"] != "ok":
        return f"error: {str(row['error'])[:60]}"
    return f"ok, {len(read_table(out, 'events', columns=['event_id']))} events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 4000, 10000, 40000],
                        help="detainees per list, one per line")
    parser.add_argument("--sentence", type=int, default=5000, help="names in the one long sentence (0: none)")
    parser.add_argument("--timeout", type=float, default=300.0, help="the CLI's --timeout per file")
    parser.add_argument("--max-memory", type=int, default=3000, help="the CLI's --max-memory (MB)")
    parser.add_argument("--baseline", help="a git commit or branch (or a folder of the repository "
                        "as it was) to run beside this tree")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = []
        for n in args.sizes:
            path = work / f"list_{n}.txt"
            path.write_text(detainee_list(n), encoding="utf-8")
            inputs.append((f"{n:,} lines", path))
        if args.sentence:
            path = work / f"sentence_{args.sentence}.txt"
            path.write_text(one_sentence(args.sentence), encoding="utf-8")
            inputs.append((f"one sentence, {args.sentence:,} names", path))
        trees = {"this tree": REPO}
        if args.baseline:
            baseline = Path(args.baseline)  # a folder holding the pipeline as it was, or a git ref
            baseline = baseline if baseline.is_dir() else export_tree(args.baseline, work / "baseline")
            trees = {args.baseline: baseline, **trees}
        import os

        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
        print(f"testimony run -j 1 --timeout {args.timeout:g} --max-memory {args.max_memory}; "
              "wall time, CPU time (user + system, all processes) "
              "and peak RSS of the largest process from /usr/bin/time -v\n")
        print(f"| input | KB | {' | '.join(f'{name}: wall (CPU), peak RSS, result' for name in trees)} |")
        print(f"| --- | ---: | {' | '.join('---' for _ in trees)} |")
        for label, path in inputs:
            cells = []
            for name, tree in trees.items():
                got = run_cli(tree, path, work / f"out-{path.stem}-{len(cells)}", args.timeout, args.max_memory)
                cells.append(f"{got['seconds']:.1f} s ({got['cpu']:.1f} s CPU), {got['peak_mb']:.0f} MB, {got['status']}")
            print(f"| {label} | {path.stat().st_size // 1024} | {' | '.join(cells)} |", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
