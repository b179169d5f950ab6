"""An output folder as an archive: stable document ids, one run at a time, whole generations.

Layout of ``OUT``::

    NAME/part-GGGGGGGG-K.parquet  each table a partitioned Parquet dataset: one part per
                                  batch of documents, every part of a batch named alike
    texts/{doc_id}.txt, .raw.txt  each document's clean and raw text
    _archive/state.json           the committed generation: its number and its parts
    _archive/registry/            which file each doc_id stands for (by source path and
                                  content), one JSON-lines file per generation
    _archive/commit.json          a commit in progress (its journal)
    _archive/lock                 held by the one run writing into OUT
    _archive/staging/RUN/         what a run's workers wrote and is not committed yet

A run writes parts and texts into its staging folder, then *commits* them: it writes
the journal (every rename and removal the commit makes, and the new list of parts),
carries it out, writes the new state and removes the journal. A run killed during a
commit leaves the journal; the next run carries it out again before anything else
(each step can be repeated), so a commit happens whole or, until then, not at all for
readers: :func:`snapshot` reads a generation, checks that no journal appeared and that
the generation did not change while it read, and reads again otherwise. Nothing in
the table folders changes except at a commit, so DuckDB, Spark or Dask reading
``OUT/NAME/*.parquet`` directly see whole parts.

A document keeps its ``doc_id`` across runs and batches: the registry keys it by its
source (the absolute path, or the URL) and, for a file moved or renamed since, by its
content. A new document gets its file stem, or ``stem-HASH`` when another document of
the archive has that stem already.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..errors import OutputError
from .store import FsspecStore, Store

META = "_archive"
STATE = "state.json"
JOURNAL = "commit.json"
LOCK = "lock"
REGISTRY = "registry"
STAGING = "staging"
TEXTS = "texts"
FORMAT = "testimony-archive/1"
TABLE_NAMES = ("documents", "sentences", "mentions", "events", "event_arguments")
MAX_ID_BYTES = 200  # texts/{doc_id}.raw.txt stays within the 255-byte file-name limit

T = TypeVar("T")


class ArchiveBusy(OutputError):
    """Another run is writing into the output folder."""


class Inconsistent(Exception):
    """What a reader read is not one generation (a commit happened while it read)."""


# ---------------------------------------------------------------- the committed state


@dataclass(frozen=True, slots=True)
class State:
    generation: int
    parts: tuple[str, ...]


def meta(store: Store, *names: str) -> str:
    return store.path(META, *names)


def part_file(store: Store, table: str, part: str) -> str:
    return store.path(table, f"part-{part}.parquet")


def read_state(store: Store) -> State | None:
    """The committed generation, or None when the folder is not an archive (yet)."""
    try:
        data = json.loads(store.read_bytes(meta(store, STATE)))
    except FileNotFoundError:
        return None
    except ValueError as error:
        raise OutputError(f"{store.root}: {META}/{STATE} is damaged ({error})") from error
    if data.get("format") != FORMAT:
        raise OutputError(f"{store.root}: written by another version of testimony "
                          f"(archive format {data.get('format')!r}, expected {FORMAT!r})")
    return State(data["generation"], tuple(data["parts"]))


def _write_state(store: Store, state: State) -> None:
    text = json.dumps({"format": FORMAT, "generation": state.generation, "parts": list(state.parts)})
    store.write_text(meta(store, STATE), text)


def committing(store: Store) -> bool:
    return store.exists(meta(store, JOURNAL))


def snapshot(store: Store, read: Callable[[State | None], T], attempts: int = 60,
             pause: float = 0.02) -> T:
    """``read(state)`` over one committed generation of the folder.

    ``read`` raises :class:`Inconsistent` (or meets a file missing) when what it read
    does not hold together. If a commit happened meanwhile, it is called again on
    the newer generation; if nothing changed, the folder is damaged (or was left by
    an older run killed mid-write) and is refused with a message, as is a folder a
    run keeps committing into for longer than the attempts last.
    """
    for attempt in range(attempts):
        if committing(store) and run_alive(store) is False:
            break  # left by a killed run: nothing will finish it but the next run
        if not committing(store):
            before = read_state(store)
            try:
                result = read(before)
            except (Inconsistent, FileNotFoundError) as error:
                if not committing(store) and read_state(store) == before:
                    what = (f"a file of its tables is missing ({error.filename or error})"
                            if isinstance(error, FileNotFoundError) else str(error))
                    raise OutputError(f"{store.root}: {what}; the folder is damaged or was left by "
                                      "an interrupted run: run `testimony run` into it again") from None
            else:
                if not committing(store) and read_state(store) == before:
                    return result
        time.sleep(pause * min(attempt + 1, 10))
    raise OutputError(f"{store.root}: cannot read one consistent generation of tables and texts: "
                      "a run is committing into it, or one was killed while committing; if no run "
                      "is writing into it, run `testimony run` into it again to finish the commit")


def run_alive(store: Store) -> bool | None:
    """Whether a run holds the folder now (None: cannot tell, on a remote store)."""
    path = store.local_path(meta(store, LOCK))
    if path is None or isinstance(store, FsspecStore) and store.protocol not in ("file", "local"):
        return None
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing lets go of the lock if we took it
    return False


# ---------------------------------------------------------------- the registry


@dataclass(slots=True)
class Record:
    """One document of the archive: what it was made from and where its rows are."""

    doc_id: str
    key: str  # absolute path or URL of its source
    source: str  # the path as given
    sha256: str | None = None
    size: int | None = None
    mtime_ns: int | None = None
    status: str = "ok"
    error: str | None = None
    retry: bool = False  # its worker failed (hung, crashed, out of memory): try again
    n_pages: int = 0
    version: str | None = None
    environment: dict = field(default_factory=dict)
    part: str | None = None
    removed: bool = False
    generation: int = 0

    def to_json(self) -> str:
        """One line of the registry: the fields in their order. Not ``dataclasses.asdict``,
        which deep-copies every field: a commit that rewrites a part writes each of its
        documents' records again (576 for a rerun of 1,000 statements with 10 changed),
        compacting the registry every record; the same text in about a third of the CPU.

        >>> Record("заявление", "/a/заявление.txt", "заявление.txt", environment={"ocr": True}).to_json()[:60]
        '{"doc_id": "заявление", "key": "/a/заявление.txt", "source":'
        """
        return json.dumps({name: getattr(self, name) for name in self.__slots__}, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Record:
        return cls(**json.loads(line))


def _names_of(doc_id: str) -> set[str]:
    """The file names in ``texts/`` a document takes (case-folded, as a case-blind
    file system would see them)."""
    folded = doc_id.casefold()
    return {folded, folded + ".raw"}


def new_doc_id(stem: str, key: str, taken: set[str]) -> str:
    """The stem, or the stem with a hash of the source when it (or its texts) would
    collide with a document already in the archive; never more than 200 bytes.

    >>> taken = {"report", "report.raw"}
    >>> new_doc_id("заявление", "/a/заявление.pdf", taken)
    'заявление'
    >>> new_doc_id("Report", "/b/Report.txt", taken)
    'Report-c8aae0f9'
    >>> new_doc_id("report.raw", "/b/report.raw.txt", taken)
    'report.raw-912e5363'
    """
    stem = stem.strip() or "document"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    if len(stem.encode("utf-8", "surrogateescape")) > MAX_ID_BYTES:
        stem = stem.encode("utf-8", "surrogateescape")[:MAX_ID_BYTES - 9].decode("utf-8", "ignore")
        candidate = f"{stem}-{digest[:8]}"
    else:
        candidate = stem
    n = 8
    while _names_of(candidate) & taken:
        candidate, n = f"{stem}-{digest[:n]}", n + 4
    return candidate


class Registry:
    """Every document of the archive by doc_id, with lookups by source and content."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self.by_id: dict[str, Record] = {}
        self.by_key: dict[str, str] = {}
        self.taken: set[str] = set()
        for record in records:
            self.put(record)

    def put(self, record: Record) -> None:
        old = self.by_id.get(record.doc_id)
        if old is not None and old.key != record.key and self.by_key.get(old.key) == record.doc_id:
            del self.by_key[old.key]
        self.by_id[record.doc_id] = record
        self.by_key[record.key] = record.doc_id
        self.taken |= _names_of(record.doc_id)

    def live(self) -> list[Record]:
        return [r for r in self.by_id.values() if not r.removed]


def load_registry(store: Store, generation: int) -> Registry:
    """The registry as of ``generation``: the latest base file, then each commit's file."""
    folder = meta(store, REGISTRY)
    names = store.listdir(folder)
    bases = [n for n in names if n.startswith("base-") and _gen(n) <= generation]
    start = max(map(_gen, bases), default=0)
    files = ([f"base-{start:08d}.jsonl"] if bases else []) + sorted(
        (n for n in names if not n.startswith("base-") and start < _gen(n) <= generation), key=_gen)
    registry = Registry()
    for name in files:
        for line in store.read_text(f"{folder}{store.sep}{name}").splitlines():
            if line.strip():
                registry.put(Record.from_json(line))
    return registry


def _gen(name: str) -> int:
    digits = name.removeprefix("base-").split(".")[0]
    return int(digits) if digits.isdigit() else 1 << 62


# ---------------------------------------------------------------- the writer's side


@dataclass(slots=True)
class Staged:
    """A batch of documents a worker finished: its part's folder in staging (holding one
    ``NAME.parquet`` per table) and their records; ``updates`` are records whose rows
    did not change (a file touched but not edited), committed without rows."""

    folder: str | None
    records: list[Record]
    updates: list[Record] = field(default_factory=list)
    texts_staged: bool = True  # False: the texts are in texts/ already (a migrated output)
    retired: list[str] = field(default_factory=list)  # files the commit removes (a migrated output's)


class Archive:
    """An output folder held by one run: use :meth:`open` as a context manager."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.state = State(0, ())
        self.registry = Registry()
        self.run_id = f"{dt.datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._lock_fd: int | None = None

    @property
    def staging(self) -> str:
        """This run's staging folder: workers write parts and texts under it."""
        return meta(self.store, STAGING, self.run_id)

    # -- opening and closing
    @classmethod
    def open(cls, store: Store) -> Archive:
        archive = cls(store)
        archive._lock()
        try:
            archive._recover()
            if read_state(store) is None:
                from .legacy import migrate  # an older single-file output becomes generation 1

                migrate(archive)
            archive.state = read_state(store) or State(0, ())
            archive.registry = load_registry(store, archive.state.generation)
            store.remove_tree(meta(store, STAGING))  # what killed runs left behind
            store.makedirs(archive.staging)
        except BaseException:
            archive._unlock()
            raise
        return archive

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.store.remove_tree(self.staging)
            self._compact_registry()
        finally:
            self._unlock()

    def _lock(self) -> None:
        store, path = self.store, meta(self.store, LOCK)
        store.makedirs(meta(store, ""))
        holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                             "since": dt.datetime.now().isoformat(timespec="seconds")})
        if isinstance(store, FsspecStore) and store.local_path(path) is None:
            try:
                with store.fs.open(path, "xb") as f:  # create only if absent
                    f.write(holder.encode())
            except FileExistsError:
                raise ArchiveBusy(self._busy_message(store.read_text(path), remote=True)) from None
            self._lock_fd = -1
            return
        import fcntl

        local = store.local_path(path)
        fd = os.open(local, os.O_RDWR | os.O_CREAT, 0o666)
        for attempt in range(20):  # a reader checking for a killed run holds it for an instant
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                time.sleep(0.05)
        else:
            with open(local, encoding="utf-8") as f:
                text = f.read()
            os.close(fd)
            raise ArchiveBusy(self._busy_message(text, remote=False)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode(), 0)
        self._lock_fd = fd  # the kernel lets go of it when this process ends, however it ends

    def _busy_message(self, text: str, remote: bool) -> str:
        try:
            holder = json.loads(text)
            who = f"pid {holder['pid']} on {holder['host']}, since {holder['since']}"
        except (ValueError, KeyError, TypeError):
            who = "another process"
        message = (f"{self.store.root}: another `testimony run` is writing into this folder "
                   f"({who}); wait for it to finish, or write into another folder")
        if remote:
            message += f" (if that run is dead, remove {META}/{LOCK})"
        return message

    def _unlock(self) -> None:
        if self._lock_fd is None:
            return
        if self._lock_fd == -1:
            self.store.remove(meta(self.store, LOCK))
        else:
            os.close(self._lock_fd)
        self._lock_fd = None

    # -- committing
    def _recover(self) -> None:
        """Finish a commit a killed run left half done."""
        try:
            journal = json.loads(self.store.read_bytes(meta(self.store, JOURNAL)))
        except FileNotFoundError:
            return
        except ValueError:  # the journal itself was cut short: the commit never began
            self.store.remove(meta(self.store, JOURNAL))
            return
        self._apply(journal)

    def _apply(self, journal: dict) -> None:
        store = self.store
        folders = set()
        for source, target in journal["moves"]:
            if store.exists(source):
                store.move(source, target, durable=False)
                folders.add(target.rsplit(store.sep, 1)[0])
            elif not store.exists(target):
                raise OutputError(f"{store.root}: an interrupted commit lost {source}; "
                                  "remove the folder's _archive/commit.json and rerun with --force")
        store.sync_folders(folders)  # every rename on disk before the state names them
        for path in journal["removals"]:
            store.remove(path)
        _write_state(store, State(journal["generation"], tuple(journal["parts"])))
        store.remove(meta(store, JOURNAL))

    def commit(self, staged: Staged, removed: Iterable[str] = (), rewrite: Callable | None = None) -> None:
        """Make a batch's parts, texts and records (and the removal of ``removed``
        doc_ids) the next generation, all at once.

        Parts holding an older version of a replaced or removed document are rewritten
        without it by ``rewrite(store, old_part_files, new_folder, drop_ids)`` (the
        tables module's, which knows Parquet).
        """
        store, generation = self.store, self.state.generation + 1
        removed = set(removed)
        moves: list[list[str]] = []
        removals: list[str] = list(staged.retired)
        parts = list(self.state.parts)
        arriving = {r.doc_id for r in staged.records}
        records = [replace(r, generation=generation) for r in staged.updates]
        if staged.records:
            part = f"{generation:08d}-0"
            moves += [[f"{staged.folder}{store.sep}{t}.parquet", part_file(store, t, part)]
                      for t in TABLE_NAMES]
            parts.append(part)
            records += [replace(r, part=part, generation=generation, removed=False)
                        for r in staged.records]
        # Parts holding older rows of the documents this batch replaces or removes, or
        # of moved documents whose rows must name their new source.
        leaving: dict[str, set[str]] = {}
        for doc_id in arriving | removed:
            old = self.registry.by_id.get(doc_id)
            if old is not None and old.part and not old.removed:
                leaving.setdefault(old.part, set()).add(doc_id)
        updated = {r.doc_id: r for r in records}
        sources: dict[str, str] = {}
        for r in staged.updates:
            old = self.registry.by_id.get(r.doc_id)
            if old is not None and old.part and not old.removed and old.source != r.source \
                    and r.doc_id not in arriving | removed:
                sources[r.doc_id] = r.source
                leaving.setdefault(old.part, set())
        for k, (old_part, drop) in enumerate(sorted(leaving.items()), start=1):
            parts.remove(old_part)
            removals += [part_file(store, table, old_part) for table in TABLE_NAMES]
            kept = [r for r in self.registry.live() if r.part == old_part and r.doc_id not in drop]
            if kept:
                new_part = f"{generation:08d}-{k}"
                folder = f"{self.staging}{store.sep}rewrite-{new_part}"
                rewrite(store, [part_file(store, t, old_part) for t in TABLE_NAMES], folder, drop,
                        {d: s for d, s in sources.items() if self.registry.by_id[d].part == old_part})
                moves += [[f"{folder}{store.sep}{t}.parquet", part_file(store, t, new_part)]
                          for t in TABLE_NAMES]
                parts.append(new_part)
                for r in kept:
                    if r.doc_id not in arriving:
                        updated[r.doc_id] = replace(updated.get(r.doc_id, r), part=new_part,
                                                    generation=generation)
        records = list(updated.values())
        # Texts: a finished document's come in; a failed or removed one's go.
        texts_in = f"{self.staging}{store.sep}{TEXTS}"
        for r in staged.records if staged.texts_staged else ():
            for suffix in (".txt", ".raw.txt"):
                name = f"{r.doc_id}{suffix}"
                text = f"{texts_in}{store.sep}{name}"
                if r.status == "ok" and store.exists(text):
                    moves.append([text, store.path(TEXTS, name)])
                else:  # none made: an older version's text must not outlive its rows
                    removals.append(store.path(TEXTS, name))
        for doc_id in removed:
            old = self.registry.by_id[doc_id]
            records.append(replace(old, removed=True, part=None, generation=generation))
            removals += [store.path(TEXTS, f"{doc_id}.txt"), store.path(TEXTS, f"{doc_id}.raw.txt")]
        # The registry's file for this generation.
        registry_staged = f"{self.staging}{store.sep}registry-{generation:08d}.jsonl"
        store.write_text(registry_staged, "".join(r.to_json() + "\n" for r in records), durable=False)
        moves.append([registry_staged, meta(store, REGISTRY, f"{generation:08d}.jsonl")])
        journal = {"generation": generation, "moves": moves, "removals": removals, "parts": parts}
        # What the workers staged was written without a flush each: one flush of the
        # file system now, before the journal can point at any of it. (It reaches this
        # machine's page cache only; Dask workers flush theirs before reporting a chunk.)
        store.sync()
        store.write_text(meta(store, JOURNAL), json.dumps(journal, ensure_ascii=False))
        self._apply(journal)
        self.state = State(generation, tuple(parts))
        for r in records:
            self.registry.put(r)

    def _compact_registry(self) -> None:
        """One base file for the registry once it is spread over many."""
        folder = meta(self.store, REGISTRY)
        names = self.store.listdir(folder)
        if len(names) <= 64:
            return
        generation = self.state.generation
        registry = load_registry(self.store, generation)
        self.store.write_text(f"{folder}{self.store.sep}base-{generation:08d}.jsonl",
                              "".join(r.to_json() + "\n" for r in registry.by_id.values()))
        for name in names:
            if _gen(name) <= generation and name != f"base-{generation:08d}.jsonl":
                self.store.remove(f"{folder}{self.store.sep}{name}")
