"""Many articles in, `Document`s out in input order, on one core or a pool of worker processes.

A batch never stops at a bad article: each failure is recorded (id, reason, message) in a
`BatchReport` and the rest go on, unless the caller asks for ``on_error="raise"``.

    >>> from policyie.batch import extract_many
    >>> run = extract_many([{"id": "a", "text": "市委书记到通州区调研。"}, {"id": "b"}])
    >>> [d.id for d in run], [(f.id, f.reason) for f in run.report.failures]
    (['a'], [('b', 'no-text')])
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from policyie.errors import InputError
from policyie.records import Document

Source = str | bytes | Path | Mapping[str, Any]
ProgressCallback = Callable[["BatchReport"], None]

# Keys a JSONL corpus line may carry, in the order they are tried.
TEXT_KEYS = ("text", "html", "content", "body")
PUBLISHED_KEYS = ("published", "pubtime", "date", "datetime")


@dataclass(frozen=True)
class Failure:
    """One article that produced no `Document`."""

    id: str  # the record's id, the file stem, or ``#<index>`` when the input carried none
    reason: str  # machine-readable: an `InputError.reason`, ``exception`` or ``worker-died``
    message: str
    index: int = -1  # position in the input
    traceback: str | None = None  # for unexpected exceptions only: where it came from


@dataclass
class BatchReport:
    """Running totals of one batch; complete once the batch's iterator is exhausted."""

    ok: int = 0
    failures: list[Failure] = field(default_factory=list)
    chars: int = 0  # characters of extracted `Document.text`
    seconds: float = 0.0  # wall time so far
    slow: list[tuple[str, float]] = field(default_factory=list)  # (id, seconds) over the threshold
    slow_threshold: float = 1.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def done(self) -> int:
        return self.ok + self.failed

    @property
    def docs_per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"{self.ok} documents, {self.failed} failed, {self.seconds:.1f} s, "
            f"{self.docs_per_s:.1f} docs/s, {self.chars / max(self.seconds, 1e-9) / 1000:.1f} kchars/s"
        )


class BatchError(RuntimeError):
    """An unexpected exception in a worker, re-raised in the parent under ``on_error="raise"``."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.id}: {failure.message}\n{failure.traceback or ''}")
        self.failure = failure


class Batch(Iterator[Document]):
    """The iterator `extract_many` returns; ``.report`` fills as it is consumed."""

    def __init__(self, it: Iterator[Document], report: BatchReport) -> None:
        self._it = it
        self.report = report

    def __iter__(self) -> Batch:
        return self

    def __next__(self) -> Document:
        return next(self._it)


def extract_many(
    sources: Iterable[Source],
    *,
    workers: int = 1,
    on_error: Literal["skip", "raise"] = "skip",
    progress: bool | ProgressCallback = False,
    chunksize: int = 8,
    report: BatchReport | None = None,
    slow_threshold: float = 1.0,
    timeout: float | None = None,
    kb: str | Path | bool | None | Any = None,
) -> Batch:
    """Extract every source, yielding `Document`s in input order.

    A source is what `policyie.extract` takes (``str``, ``bytes``, `Path`) or a corpus record: a
    mapping with ``text`` or ``html`` and optionally ``id``, ``title``, ``url``, ``source`` and
    ``published``/``pubtime``/``date``. ``workers > 1`` runs a process pool (each worker loads
    the pipeline once); ``workers=0`` means one per CPU. ``progress=True`` prints a status line
    to stderr; a callable gets the `BatchReport` after every document. Failed sources are left
    out of the output and listed in ``.report.failures``. ``timeout`` (seconds, Unix only) fails
    a document that takes longer with reason ``timeout`` instead of stalling the batch. ``kb`` is
    `extract`'s knowledge base: None (the shipped one), False (none), a KB file's path, or with
    ``workers=1`` a loaded `policyie.kb.KB`.
    """
    if on_error not in ("skip", "raise"):
        raise ValueError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
    if workers <= 0:
        workers = os.cpu_count() or 1
    report = report if report is not None else BatchReport()
    report.slow_threshold = slow_threshold
    tick = _progress_callback(progress)
    if kb is not None:
        if workers != 1 and not isinstance(kb, (str, Path, bool)):
            raise ValueError("with workers > 1, pass the knowledge base as a path (each worker loads it once)")
        sources = (Defaulted(s, {}, kb) for s in sources)
    if workers == 1:
        outcomes = _serial(sources, timeout)
    else:
        outcomes = _parallel(sources, workers, max(1, chunksize), timeout)
    return Batch(_collect(outcomes, report, on_error, tick), report)


# -- the parent side ----------------------------------------------------------------------------

Outcome = tuple[Document | Failure, float]  # (result, seconds spent on it)


def _collect(
    outcomes: Iterator[Outcome], report: BatchReport, on_error: str, tick: ProgressCallback | None
) -> Iterator[Document]:
    t0 = time.perf_counter()
    try:
        for result, seconds in outcomes:
            report.seconds = time.perf_counter() - t0
            if isinstance(result, Failure):
                report.failures.append(result)
                if on_error == "raise":
                    raise _as_exception(result)
            else:
                report.ok += 1
                report.chars += len(result.text)
                if seconds > report.slow_threshold:
                    report.slow.append((result.id, round(seconds, 3)))
            if tick:
                tick(report)
            if not isinstance(result, Failure):
                yield result
    finally:
        report.seconds = time.perf_counter() - t0
        if tick is _print_progress:
            print(f"\r{report.summary()}" if sys.stderr.isatty() else report.summary(), file=sys.stderr, flush=True)
        elif tick:
            tick(report)


def _as_exception(f: Failure) -> Exception:
    if f.reason in ("exception", "worker-died"):
        return BatchError(f)
    return InputError(f"{f.id}: {f.message}", reason=f.reason)


def _serial(sources: Iterable[Source], timeout: float | None) -> Iterator[Outcome]:
    for i, s in enumerate(sources):
        if i == 0:
            warm_up()  # so loading the models is not charged to (or timed out on) the first document
        yield _extract_one(i, s, timeout)


def _parallel(sources: Iterable[Source], workers: int, chunksize: int, timeout: float | None) -> Iterator[Outcome]:
    """Ordered results from a pool, with a bounded window of chunks in flight.

    `Executor.map` and `Pool.imap` both read the whole input up front; a corpus of 46k articles
    should stream, so chunks are submitted only as earlier ones are consumed. A worker that dies
    (segfault, OOM kill) breaks the pool and every chunk in it: the pool is rebuilt, the chunk at
    the head is retried one document at a time, and only a document that kills a worker twice on
    its own is recorded as ``worker-died``.
    """
    window = 4 * workers
    chunks = _chunks(enumerate(sources), chunksize)
    pool = _pool(workers)
    pending: deque[_Pending] = deque()
    try:
        while True:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append(_Pending(chunk, pool.submit(_extract_chunk, chunk, timeout)))
            if not pending:
                return
            head = pending.popleft()
            try:
                outcomes = head.future.result()
            except BrokenProcessPool as e:
                retry: list[_Pending] = []
                if len(head.chunk) > 1:
                    retry = [_Pending([item], None, 1) for item in head.chunk]
                elif head.tries < 2:
                    retry = [_Pending(head.chunk, None, head.tries + 1)]
                else:
                    yield from _died(head.chunk, e)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers)
                pending = deque(retry + list(pending))
                for p in pending:
                    p.future = pool.submit(_extract_chunk, p.chunk, timeout)
                continue
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Pending:
    chunk: list[tuple[int, Source]]
    future: Future | None
    tries: int = 0


def _died(chunk: list[tuple[int, Source]], e: BaseException) -> Iterator[Outcome]:
    for i, s in chunk:
        yield Failure(_source_id(i, s), "worker-died", f"worker process died: {e}", i), 0.0


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(), initializer=warm_up)


def _mp_context():
    """fork where it is safe and cheap (Linux), so workers start without re-importing; else spawn.

    ``POLICYIE_MP_START`` overrides (``spawn``, ``forkserver``, ``fork``).
    """
    method = os.environ.get("POLICYIE_MP_START")
    if not method:
        method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def _chunks(items: Iterator[tuple[int, Source]], size: int) -> Iterator[list[tuple[int, Source]]]:
    chunk: list[tuple[int, Source]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- the worker side ----------------------------------------------------------------------------


def warm_up() -> None:
    """Load the segmenter, NER pipeline and lexicons now, once per process, not on the first article."""
    from policyie.pipeline import extract

    try:
        extract("新华社北京1月1日电 国务院总理在北京主持召开国务院常务会议。", published="2024-01-02")
    except Exception:  # noqa: BLE001  (a broken extractor must not keep the pool from starting)
        from policyie import nlp

        nlp.analyse("预热")


def _extract_chunk(chunk: list[tuple[int, Source]], timeout: float | None = None) -> list[Outcome]:
    return [_extract_one(i, s, timeout) for i, s in chunk]


class _Timeout(Exception):
    pass


def _alarm(signum, frame) -> None:
    raise _Timeout


def _extract_one(index: int, source: Source, timeout: float | None = None) -> Outcome:
    from policyie.pipeline import extract

    t0 = time.perf_counter()
    # SIGALRM interrupts a runaway regex or loop; only the main thread of a Unix process can use it.
    alarm = bool(timeout) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    try:
        if alarm:
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            args, kwargs = extract_arguments(source)
            doc = extract(*args, **kwargs)
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)
    except _Timeout:
        failure = Failure(_source_id(index, source), "timeout", f"took longer than {timeout} s", index)
        return failure, time.perf_counter() - t0
    except InputError as e:
        return Failure(_source_id(index, source), e.reason, str(e), index), time.perf_counter() - t0
    except Exception as e:  # noqa: BLE001  (one article's bug must not end the batch)
        tb = "".join(traceback.format_exception(type(e), e, e.__traceback__, limit=-4))
        failure = Failure(_source_id(index, source), "exception", f"{type(e).__name__}: {e}", index, tb)
        return failure, time.perf_counter() - t0
    return doc, time.perf_counter() - t0


@dataclass(frozen=True)
class Defaulted:
    """A source with batch-wide options: metadata to use where neither it nor its record gives any (the
    CLI's --published, --title, --source: `extract`'s ``defaults``) and the knowledge base (``kb``).
    Picklable, so it travels to pool workers as it is."""

    source: Any
    defaults: Mapping[str, str]
    kb: Any = None


def extract_arguments(source: Source) -> tuple[tuple, dict]:
    """The `policyie.extract` arguments for one source."""
    if isinstance(source, Defaulted):
        args, kwargs = extract_arguments(source.source)
        if source.defaults:
            kwargs["defaults"] = {**kwargs.get("defaults", {}), **source.defaults}
        if source.kb is not None:
            kwargs["kb"] = source.kb
        return args, kwargs
    if not isinstance(source, Mapping):
        return (source,), {}
    text = next((source[k] for k in TEXT_KEYS if source.get(k)), None)
    if text is None:
        raise InputError(f"record has none of the keys {', '.join(TEXT_KEYS)}", reason="no-text")
    kwargs = {
        "doc_id": _str(source.get("id")),
        "title": _str(source.get("title")),
        "url": _str(source.get("url")),
        "source_name": _str(source.get("source")),
        "published": _published(source),
    }
    return (text,), {k: v for k, v in kwargs.items() if v is not None}


def _published(record: Mapping[str, Any]) -> str | None:
    """The first publication field that reads as a date; else the first given (which then fails loudly)."""
    given = [_compact_date(str(record[k])) for k in PUBLISHED_KEYS if record.get(k)]
    if not given:
        return None
    try:
        from policyie.normalize.meta import parse_datetime
    except ImportError:
        return given[0]
    return next((v for v in given if parse_datetime(v)), given[0])


def _compact_date(v: str) -> str:
    # Corpus dumps often carry 20180101; ISO needs the dashes.
    if len(v) == 8 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:]}"
    return v


def _str(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)


def _source_id(index: int, source: Source) -> str:
    if isinstance(source, Defaulted):
        return _source_id(index, source.source)
    if isinstance(source, Mapping) and source.get("id") not in (None, ""):
        return str(source["id"])
    if isinstance(source, Path):
        return source.stem
    return f"#{index}"


# -- progress -----------------------------------------------------------------------------------


def _progress_callback(progress: bool | ProgressCallback) -> ProgressCallback | None:
    if callable(progress):
        return progress
    return _print_progress if progress else None


_last_print = [0.0]


def _print_progress(report: BatchReport) -> None:
    # One line rewritten in place on a terminal; a line every 10 s into a log file.
    tty = sys.stderr.isatty()
    now = time.perf_counter()
    if now - _last_print[0] < (0.5 if tty else 10.0):
        return
    _last_print[0] = now
    print(f"\r{report.summary()}" if tty else report.summary(), end="" if tty else "\n", file=sys.stderr, flush=True)
