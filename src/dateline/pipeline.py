"""The one pipeline: record -> clean -> spaCy -> components -> Article.

A component is any callable `component(doc: Doc) -> None` that reads and fills the `Doc`;
components run in `COMPONENTS` order, one per module (actors, quotes, events, when, where).
`extract()` is the Python API; `extract_stream()` is the batch path the CLI and the store use.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any, Iterable, Iterator, Optional, Union

from . import nlp as nlp_mod
from .clean import to_article
from .ingest.record import InputError, Record
from .model import Article

# (module, attribute) of each stage, in the order they run. Resolved lazily so that a stage's
# heavy imports are paid only by processes that run the pipeline.
COMPONENTS = (
    ("dateline.actors", "resolve_actors"),
    ("dateline.quotes", "find_quotes"),
    ("dateline.events", "code_events"),
    ("dateline.when", "resolve_dates"),
    ("dateline.where", "resolve_places"),
)


@dataclass
class Doc:
    """What flows through the components: the article being built and its parse."""
    article: Article
    spacy: Any
    scratch: dict = field(default_factory=dict)  # stage-to-stage hand-over (e.g. mention index)


def warm() -> None:
    """Load the parser and every stage's knowledge once, before workers fork and share it.

    A stage module opts in by defining `warm()`.
    """
    nlp_mod.load()
    for module, _ in COMPONENTS:
        warm_stage = getattr(importlib.import_module(module), "warm", None)
        if warm_stage:
            warm_stage()


def _components():
    out = []
    for module, attr in COMPONENTS:
        out.append(getattr(importlib.import_module(module), attr))
    return out


def run_components(article: Article, parsed) -> Article:
    doc = Doc(article=article, spacy=parsed)
    for component in _components():
        component(doc)
    return doc.article


def process_record(record: Record) -> Article:
    """Clean, parse and code one record; raises InputError for bad input."""
    article = to_article(record)
    text = article.text[: nlp_mod.MAX_CHARS]
    parsed = nlp_mod.load()(text)
    return run_components(article, parsed)


def extract(text_or_html: str, published: Optional[str] = None, url: Optional[str] = None,
            title: Optional[str] = None) -> dict:
    """Process one article given as a string (text or HTML) and return the contract dict."""
    from .ingest.readers import _looks_html

    record = Record(input=url or "<string>", content=text_or_html,
                    is_html=_looks_html(text_or_html), url=url, published=published, title=title)
    return process_record(record).to_dict()


Result = Union[Article, InputError]


def _failure(record: Record, exc: Exception) -> InputError:
    """Any exception on one record becomes that record's one-line error."""
    if isinstance(exc, InputError):
        return exc
    return InputError(record.input, f"could not process: {type(exc).__name__}: {exc}")


def _safe_process(record: Union[Record, InputError]) -> Result:
    if isinstance(record, InputError):
        return record
    try:
        return process_record(record)
    except Exception as exc:  # a hostile input must never take the batch down
        return _failure(record, exc)


def _process_batch(items: list) -> list[Result]:
    """Process a batch with one `nlp.pipe` call (faster than parsing texts one by one).

    Results keep input order; a record that fails becomes its InputError. Should the batched
    parse itself fail, the batch is redone record by record so only the culprit is lost.
    """
    out: list = list(items)
    cleaned = []
    for i, item in enumerate(items):
        if isinstance(item, InputError):
            continue
        try:
            cleaned.append((i, to_article(item)))
        except Exception as exc:
            out[i] = _failure(item, exc)
    try:
        parsed = list(nlp_mod.load().pipe(a.text[: nlp_mod.MAX_CHARS] for _, a in cleaned))
    except Exception:
        return [_safe_process(item) for item in items]
    for (i, article), doc in zip(cleaned, parsed):
        try:
            out[i] = run_components(article, doc)
        except Exception as exc:
            out[i] = _failure(items[i], exc)
    return out


BATCH_SIZE = 16  # records per parse batch: fast enough, short enough for streamed input


def _batches(items: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def extract_stream(items: Iterable[Union[Record, InputError]], workers: int = 1) -> Iterator[Result]:
    """Process records in input order, in batches, in `workers` processes; errors come back as
    values so one bad input never stops the others."""
    feed = _Feed(items)
    if workers <= 1:
        for batch in _batches(feed):
            yield from _process_batch(batch)
        feed.raise_if_failed()
        return
    warm()  # fail once, here, if the model is missing; forked workers inherit what is loaded
    ctx = get_context("fork") if hasattr(os, "fork") else get_context()
    with ctx.Pool(workers) as pool:
        for results in pool.imap(_process_batch, _batches(feed, max(1, BATCH_SIZE // 2))):
            yield from results
    feed.raise_if_failed()


class InputsFailed(ValueError):
    """Producing the inputs raised (a reader bug, an unreadable stream): the run stops after
    the records already read are processed; the CLI reports it and exits 2."""


class _Feed:
    """The records, iterated in whatever thread consumes them (Pool.imap feeds from its own
    thread, where an exception would leave the main thread waiting forever): an exception
    ends the iteration quietly and is raised later, in the caller's thread."""

    def __init__(self, items):
        self.items = items
        self.error: Optional[BaseException] = None

    def __iter__(self):
        try:
            yield from self.items
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            self.error = exc

    def raise_if_failed(self) -> None:
        exc = self.error
        if exc is None:
            return
        if isinstance(exc, (KeyboardInterrupt, SystemExit, InputsFailed)):
            raise exc
        raise InputsFailed(f"reading the inputs failed: {type(exc).__name__}: {exc}") from exc
