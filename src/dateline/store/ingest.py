"""Records -> pipeline -> store, resumable: ids already stored are skipped before the NLP runs.

The id of a record is known before parsing (a hash of its URL, or of its cleaned text), so a
rerun after a crash only pays the cheap cleaning step for articles it already has.
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, TextIO, Union

import sqlalchemy as sa

from ..clean import article_id, to_article
from ..ingest.record import InputError, Record
from ..pipeline import InputsFailed
from .db import Store

Item = Union[Record, InputError]


@dataclass
class Stats:
    new: int = 0
    stored: int = 0          # already in the store (skipped, or a duplicate within this run)
    events: int = 0
    quotes: int = 0
    errors: list = field(default_factory=list)
    interrupted: bool = False
    stories: object = None   # dateline.stories.UpdateStats when stories were updated
    replaced: list = field(default_factory=list)  # ids rewritten by --reprocess

    @property
    def articles(self) -> int:
        return self.new + self.stored

    def summary(self, target: str) -> str:
        stop = "interrupted: " if self.interrupted else ""
        return (f"{stop}ingested {self.articles} articles ({self.new} new, {self.stored} already "
                f"stored), {self.events} events, {self.quotes} quotes, {len(self.errors)} errors "
                f"-> {target}")


def record_id(record: Record) -> Optional[str]:
    """The id the pipeline will give `record`, without running the NLP; None if unknowable."""
    from ..ingest.canonical import with_page_url

    if with_page_url(record).url:
        return article_id(record.url, "")
    try:
        return to_article(record).id
    except Exception:  # bad input: let the pipeline report it the usual way
        return None


def pending(store: Store, items: Iterable[Item], stats: Stats, batch: int = 64) -> Iterator[Item]:
    """`items` minus the records whose article is already stored (counted in `stats`).

    Looks ids up `batch` records at a time (one query each), keeping the input order.
    """
    buf: list = []
    try:
        for item in items:
            buf.append((item, record_id(item) if isinstance(item, Record) else None))
            if len(buf) >= batch:
                yield from _unstored(store, buf, stats)
                buf = []
    except BaseException:  # the records read before a failure are still processed
        yield from _unstored(store, buf, stats)
        raise
    yield from _unstored(store, buf, stats)


def _unstored(store: Store, buf: list, stats: Stats) -> Iterator[Item]:
    stored = store.stored_ids(aid for _, aid in buf if aid)
    for item, aid in buf:
        if aid in stored:
            stats.stored += 1
        else:
            yield item


class Progress:
    """A tqdm bar on a terminal (count, and with a known total the percentage and ETA); silent
    otherwise, so logs and pipes stay clean."""

    def __init__(self, stream: TextIO, total: Optional[int] = None):
        self.stream = stream
        self.on = stream.isatty()
        self.bar = None
        if self.on:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=stream,
                            smoothing=0.1)

    def show(self, stats: Stats) -> None:
        if self.bar is not None:
            self.bar.n = stats.articles + len(stats.errors)
            self.bar.set_postfix(new=stats.new, events=stats.events, errors=len(stats.errors),
                                 refresh=False)
            self.bar.refresh()
            self.stream.flush()

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.clear()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def ingest(store: Store, items: Iterable[Item], process: Callable, workers: int = 1,
           replace: bool = False, err: Optional[TextIO] = None,
           total: Optional[int] = None, stories: bool = True) -> Stats:
    """Run `process(records, workers)` (e.g. pipeline.extract_stream) and store the results.

    Bad inputs are reported as one line each on `err` and collected in `stats.errors`. `total`
    (the expected number of inputs, when known) gives the progress bar its percentage and ETA.
    Ctrl-C stops the run: what is stored stays stored and `stats.interrupted` is set. With
    `stories`, new articles are then placed in stories incrementally (dateline.stories).
    """
    err = err or sys.stderr
    stats = Stats()
    progress = Progress(err, total)
    todo = items if replace else pending(store, items, stats)
    batch = _Batch(store, replace, stats, progress, err)
    try:
        for result in process(todo, workers):
            if isinstance(result, InputError):
                _report(stats, progress, err, result)
            else:
                _warn(progress, err, result)
                batch.add(result)
            progress.show(stats)
    except KeyboardInterrupt:
        stats.interrupted = True
    except InputsFailed as exc:  # what was read before stays stored; the run reports it
        _report(stats, progress, err, InputError("inputs", str(exc)))
    finally:
        try:
            batch.flush()  # what was processed is stored, interrupted or not
        except KeyboardInterrupt:
            stats.interrupted = True
        progress.close()
    if stories and not stats.interrupted and (stats.new or stats.replaced):
        from ..stories import update_stories

        stats.stories = update_stories(store, replaced=stats.replaced)
    return stats


STORE_BATCH = 16     # articles per store transaction (docs/results.md, Round 5 — speed)
STORE_SECONDS = 2.0  # ... or fewer, once the oldest has waited this long (slow streams)


class _Batch:
    """Processed articles waiting to be written, `STORE_BATCH` per transaction.

    A flush writes and counts the batch with Ctrl-C held back until both are done, so the
    summary printed after an interrupt always matches what the store holds. Should the batch's
    transaction fail (one odd article), it is redone article by article and only the culprit
    is reported.
    """

    def __init__(self, store: Store, replace: bool, stats: Stats, progress, err):
        self.store, self.replace, self.stats = store, replace, stats
        self.progress, self.err = progress, err
        self.items: list = []
        self.since = 0.0

    def add(self, article) -> None:
        if not self.items:
            self.since = time.monotonic()
        self.items.append(article)
        if len(self.items) >= STORE_BATCH or time.monotonic() - self.since >= STORE_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        with _sigint_deferred():
            items, self.items = self.items, []
            try:
                written = self.store.add_many(items, replace=self.replace)
            except (sa.exc.SQLAlchemyError, ValueError):
                for article in items:
                    _write_and_count(self.store, article, self.replace, self.stats,
                                     self.progress, self.err)
                return
            for article, ok in zip(items, written):
                _count(self.stats, article, ok, self.replace)


@contextlib.contextmanager
def _sigint_deferred():
    """Hold back Ctrl-C in the main thread: a SIGINT that arrives meanwhile is recorded and raised
    on exit. (Blocking the signal with pthread_sigmask is not enough: the kernel then hands it to
    another thread, whose C handler still makes the main thread raise mid-write.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append((signum, frame)))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(*caught[0])  # Python's default handler raises KeyboardInterrupt
        elif caught and previous == signal.SIG_DFL:
            raise KeyboardInterrupt


def _write_and_count(store: Store, article, replace: bool, stats: Stats, progress, err) -> None:
    try:
        written = store.add(article, replace=replace)
    except (sa.exc.SQLAlchemyError, ValueError) as exc:  # one odd article never stops the run
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        _report(stats, progress, err, InputError(article.input, f"could not store: {reason}"))
        return
    _count(stats, article, written, replace)


def _count(stats: Stats, article, written: bool, replace: bool) -> None:
    if written and replace:
        stats.replaced.append(article.id)
    if written:
        stats.new += 1
        stats.events += len(article.events)
        stats.quotes += len(article.quotes)
    else:
        stats.stored += 1


def _say(progress: Progress, err: TextIO, line: str) -> None:
    if progress.bar is not None:
        progress.bar.write(line, file=err)
    else:
        print(line, file=err)


def _warn(progress: Progress, err: TextIO, article) -> None:
    """The reader's and cleaner's warnings (text cut at the size cap, a feed item coded from its
    description, a date not understood), one line each as `dateline extract` says them."""
    for warning in getattr(article, "warnings", None) or ():
        _say(progress, err, f"dateline: {article.input}: warning: {warning}")


def _report(stats: Stats, progress: Progress, err: TextIO, error: InputError) -> None:
    stats.errors.append(error)
    _say(progress, err, f"dateline: {error}")
