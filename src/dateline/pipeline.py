"""The one pipeline: record -> clean -> spaCy -> components -> Article.

A stage is a callable `stage(doc: Doc) -> None` that reads and fills the `Doc`; stages are declared
in `STAGES` with what they require and assign, and run in that order, one per module (actors,
quotes, events, when, where). `annotate()` runs chosen stages over one article.
`extract()` is the Python API; `extract_stream()` is the batch path the CLI and the store use.
"""
from __future__ import annotations

import gc
import importlib
import logging
import os
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing import get_context
from typing import Any, Iterable, Iterator, Optional, Union

from . import nlp as nlp_mod
from .clean import to_article
from .ingest.record import InputError, Record
from .model import Article

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Stage:
    """One pipeline component and its contract with the others (spaCy's `requires`/`assigns`).

    `requires` and `assigns` name `Doc` attributes (`spacy`, `actor_index`, ...) or article
    fields (`article.actors`, `article.events.date`, ...). `tests/test_pipeline_stages.py` checks
    that every requirement is assigned by the parse or by an earlier stage.
    """
    name: str
    module: str
    attr: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    prepare: Optional[str] = None  # the stage's batch step, `f(docs: list[Doc]) -> None`

    def function(self):
        return getattr(importlib.import_module(self.module), self.attr)

    def batch_step(self):
        """The batch step run over a batch's docs before `function` runs on each, or None.

        Like spaCy's `Pipe.pipe`, it lets a stage batch work across documents (quotes: the
        speaker names of every doc parsed in one call). It may only prepare what `function`
        would compute anyway: records are the same with or without it."""
        return getattr(importlib.import_module(self.module), self.prepare) if self.prepare else None


# What the parse itself provides before any stage runs.
PROVIDED = ("article.text", "article.published", "article.title", "article.dateline", "spacy")

# The stages in the order they run. Resolved lazily so that a stage's heavy imports are paid only
# by processes that run the pipeline.
STAGES: tuple[Stage, ...] = (
    Stage("actors", "dateline.actors", "resolve_actors",
          requires=("spacy", "article.text", "article.published"),
          assigns=("article.actors", "actor_index")),
    Stage("quotes", "dateline.quotes", "find_quotes",
          requires=("spacy", "article.text", "actor_index"),
          assigns=("article.quotes", "quote_sources"), prepare="prepare_quotes"),
    Stage("events", "dateline.events", "code_events",
          requires=("spacy", "article.text", "actor_index", "article.quotes"),
          assigns=("article.events",), prepare="prepare_events"),
    Stage("dates", "dateline.when", "resolve_dates",
          requires=("spacy", "article.text", "article.published", "article.events"),
          assigns=("article.events.date", "article.times", "time_expressions")),
    Stage("places", "dateline.where", "resolve_places",
          requires=("spacy", "article.text", "article.actors", "actor_index", "article.events"),
          assigns=("article.events.location", "article.places", "places")),
)
STAGE_NAMES = tuple(s.name for s in STAGES)

# CPU seconds spent per step ("clean", "parse", then each stage name) by this process since it
# started; `extract_stream(..., timings=Counter())` gathers them from worker processes too.
# CPU time (not wall time) so that the per-step figures hold on a machine shared with other work.
STAGE_SECONDS: Counter = Counter()
_clock = time.process_time
COMPONENTS = tuple((s.module, s.attr) for s in STAGES)  # (module, attribute), kept for old callers


@dataclass
class Doc:
    """What flows through the stages: the article being built, its parse, and typed hand-overs.

    Each hand-over field is assigned by exactly one stage (see `STAGES`):
    - `actor_index`: `actors.index.ActorIndex` (`.at(start, end)`, `.in_span`, `.is_place`), by actors;
    - `quote_sources`: {quote id: source detail} for evaluation, by quotes;
    - `time_expressions`: the date tagger's matches over the text, by dates;
    - `places`: toponym dicts found in the text, by places.
    """
    article: Article
    spacy: Any
    actor_index: Any = None
    quote_sources: dict = field(default_factory=dict)
    time_expressions: Optional[list] = None
    places: Optional[list] = None
    quote_candidates: Optional[list] = None  # quotes' batch step -> quotes (then cleared)
    event_candidates: Any = None  # events' batch step -> events (then cleared)


def warm() -> None:
    """Load the parser and every stage's knowledge once, before workers fork and share it.

    A stage module opts in by defining `warm()`.
    """
    nlp_mod.load()
    for stage in STAGES:
        warm_stage = getattr(importlib.import_module(stage.module), "warm", None)
        if warm_stage:
            warm_stage()
    from .language import warm as warm_language

    warm_language()
    article, _ = prepare(Record(input="<warm>", content=_WARM_TEXT, title="Fisheries accord",
                                published="2024-06-18"))  # the clean step's models and imports
    annotate(article)
    # Forked workers share the warmed heap (model, KB, gazetteer) copy-on-write. A full garbage
    # collection in a worker would walk, and so copy, every one of its pages: after gc.freeze()
    # the collector leaves these long-lived objects alone (less memory and CPU per worker).
    gc.collect()
    gc.freeze()


# One short article run through every stage by `warm()`, so that each stage's lazily built
# knowledge (gazetteer, lexicons, models) is in memory before workers fork and share it.
_WARM_TEXT = ("Chile and Finland signed a fisheries accord in Helsinki on Friday. \"This is a good day,\" "
              "the Chilean foreign minister told reporters. Police arrested 40 protesters in Nairobi.")


def _select(stages: Optional[Iterable[str]]) -> list[Stage]:
    if stages is None:
        return list(STAGES)
    wanted = set(stages)
    unknown = wanted - set(STAGE_NAMES)
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; stages are {list(STAGE_NAMES)}")
    return [s for s in STAGES if s.name in wanted]


def run_stages(doc: Doc, stages: Optional[Iterable[str]] = None) -> Doc:
    """Run the named stages (default: all, in `STAGES` order) over `doc`.

    Errors are caught here, once per stage: a stage that raises leaves a warning
    `"<stage>: <error>"` on `doc.article.warnings` and the later stages still run.
    """
    run_batch([doc], stages)
    return doc


def run_batch(docs: list[Doc], stages: Optional[Iterable[str]] = None) -> list[Doc]:
    """`run_stages` over several docs, stage by stage: each stage's batch step (if any) sees
    every doc of the batch, then the stage runs on each doc, before the next stage starts.
    A doc's records are the same as when it runs alone."""
    for stage in _select(stages):
        t = _clock()
        step = stage.batch_step()
        if step is not None:
            try:
                step(docs)
            except Exception as exc:  # only a preparation: the stage itself still runs
                log.debug("%s batch step failed: %s", stage.name, exc)
        function = stage.function()
        for doc in docs:
            try:
                function(doc)
            except Exception as exc:  # one stage's failure must not lose the article
                doc.article.warnings.append(f"{stage.name} stage failed: {type(exc).__name__}: {exc}")
        STAGE_SECONDS[stage.name] += _clock() - t
    return docs


def annotate(article: Union[Article, str], stages: Optional[Iterable[str]] = None,
             parsed: Any = None) -> Doc:
    """Parse `article` (an `Article`, or raw text used as its body) and run `stages` over it.

    Returns the `Doc`, whose `article` carries the results and whose typed fields carry the
    hand-overs. `parsed` is an existing spaCy `Doc` of `article.text` (skips the parse).
    Raises ValueError for an unknown stage name. This is the entry point for evaluation,
    benchmarks and Spark.
    """
    if isinstance(article, str):
        article = Article(id="", input="<string>", text=article)
    if parsed is None:
        parsed = nlp_mod.load()(article.text[: nlp_mod.MAX_CHARS])
    return run_stages(Doc(article=article, spacy=parsed), stages)


def run_components(article: Article, parsed) -> Article:
    """All stages over an already parsed article (the batch path)."""
    return run_stages(Doc(article=article, spacy=parsed)).article


def prepare(record: Record) -> tuple[Article, bool]:
    """Clean one record into an Article and decide whether to code it: (article, code_it).

    Takes the URL from an HTML page's canonical link (or og:url) when the input gave none
    (ingest/canonical.py). Carries the reader's warnings (an input cut at the size cap) onto the
    article, records its language, warns when the text is longer than the parser's `MAX_CHARS`
    (only that first part is coded), and declines to code text that is clearly not English
    (warning on the record). Raises InputError for bad input.
    """
    from .ingest.canonical import with_page_url
    from .language import language_of

    article = to_article(with_page_url(record))  # a page's canonical URL when the input gave none
    article.warnings[:0] = list(getattr(record, "warnings", []) or [])
    article.language = language_of(article.text)
    if article.language != "en":
        article.warnings.append(f"language {article.language!r} is not English: text kept, "
                                "no actors, events or quotes coded")
        return article, False
    if len(article.text) > nlp_mod.MAX_CHARS:
        article.warnings.append(f"text is {len(article.text)} characters: only the first "
                                f"{nlp_mod.MAX_CHARS} were coded")
    return article, True


def process_record(record: Record) -> Article:
    """Clean, parse and code one record; raises InputError for bad input."""
    article, code_it = prepare(record)
    if not code_it:
        return article
    parsed = nlp_mod.load()(article.text[: nlp_mod.MAX_CHARS])
    return run_components(article, parsed)


def extract(text_or_html: str, published: Optional[str] = None, url: Optional[str] = None,
            title: Optional[str] = None) -> dict:
    """Process one article given as a string (text or HTML; bytes are decoded as the readers
    do) and return the contract dict.

    Raises InputError (one line naming the input) for anything that is not text (or a `url` or
    `title` that is not a string), and for text with nothing to code. A `published` date that cannot be read is dropped with a warning on
    the record.
    """
    from .clean import normalise_date
    from .ingest.readers import _looks_html
    from .ingest.sniff import decode

    name = url if isinstance(url, str) and url else "<string>"
    for key, value in (("url", url), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise InputError(name, f"{key} must be a string, not {type(value).__name__}")
    if isinstance(text_or_html, (bytes, bytearray)):
        text_or_html = decode(bytes(text_or_html))
    if not isinstance(text_or_html, str):
        raise InputError(name, f"expected text (str or bytes), got {type(text_or_html).__name__}")
    record = Record(input=name, content=text_or_html,
                    is_html=_looks_html(text_or_html), url=url, published=published, title=title)
    out = process_record(record).to_dict()
    if published and not normalise_date(str(published)):
        out.setdefault("warnings", []).append(
            f"published date {str(published)[:40]!r} not understood; ignored")
    return out


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
    t = _clock()
    for i, item in enumerate(items):
        if isinstance(item, InputError):
            continue
        try:
            article, code_it = prepare(item)
        except Exception as exc:
            out[i] = _failure(item, exc)
            continue
        if code_it:
            cleaned.append((i, article))
        else:
            out[i] = article
    now = _clock()
    STAGE_SECONDS["clean"] += now - t
    t = now
    try:
        parsed = list(nlp_mod.load().pipe(a.text[: nlp_mod.MAX_CHARS] for _, a in cleaned))
    except Exception:
        return [_safe_process(item) for item in items]
    STAGE_SECONDS["parse"] += _clock() - t
    docs = [Doc(article=article, spacy=doc) for (_, article), doc in zip(cleaned, parsed)]
    try:
        run_batch(docs)
    except Exception:  # outside every stage's guard: redo the articles one by one
        docs = [_safe_stages(doc) for doc in docs]
    for (i, _), doc in zip(cleaned, docs):
        out[i] = doc if isinstance(doc, InputError) else doc.article
    return out


def _safe_stages(doc: Doc) -> Union[Doc, InputError]:
    try:
        return run_stages(Doc(article=doc.article, spacy=doc.spacy))
    except Exception as exc:
        return InputError(doc.article.input, f"could not process: {type(exc).__name__}: {exc}")


BATCH_SIZE = 16  # records per parse batch: fast enough, short enough for streamed input
# A worker is replaced by a fresh fork of the warmed parent after this many batches (about 2,000
# articles): spaCy's string store and per-process caches only grow, so recycling keeps a
# 100,000-article run's memory flat (bench/bench_memory.py).
WORKER_BATCHES = 250
# Jobs handed to the pool ahead of the one the parent waits for, per worker: enough that a worker
# never waits for work while the parent waits on a slower batch ahead of it in input order, few
# enough that a 100,000-article input is not read into memory.
IN_FLIGHT_PER_WORKER = 4


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


def _timed_batch(items: list) -> tuple[list[Result], Counter]:
    """`_process_batch` plus the seconds this process spent per step on it."""
    before = Counter(STAGE_SECONDS)
    results = _process_batch(items)
    spent = Counter(STAGE_SECONDS)
    spent.subtract(before)
    return results, spent


def extract_stream(items: Iterable[Union[Record, InputError]], workers: int = 1,
                   timings: Optional[Counter] = None) -> Iterator[Result]:
    """Process records in input order, in batches, in `workers` processes; errors come back as
    values so one bad input never stops the others.

    `timings`, when given, receives the CPU seconds spent per step (clean, parse, each stage),
    summed over all workers (so with 2 workers it can exceed wall time).
    An exception raised while producing `items` ends the run after the records already read
    (raised here as InputsFailed, whatever the number of workers; never a hang).
    With `workers` > 1, no pool is started when the input fits in one batch (BATCH_SIZE // 2
    records): one article is processed in this process, without forking and warming every stage
    first.
    """
    feed = _Feed(items)
    size = BATCH_SIZE if workers <= 1 else max(1, BATCH_SIZE // 2)
    batches: Iterator[list] = _batches(feed, size)
    if workers > 1:
        head = list(islice(batches, 2))
        if len(head) < 2:  # one batch of input or none: a pool would cost more than it saves
            workers = 1
        batches = chain(head, batches)
    if workers <= 1:
        for batch in batches:
            results, spent = _timed_batch(batch)
            if timings is not None:
                timings.update(spent)
            yield from results
        feed.raise_if_failed()
        return
    warm()  # fail once, here, if the model is missing; forked workers inherit what is loaded
    # Every batch goes to the pool: a batch coded here first would leave the other cores idle
    # meanwhile, and since round 6's lemmatizer fix the per-process caches it filled saved no
    # measurable CPU (docs/results.md, "Round 7 — flow").
    ctx = get_context("fork") if hasattr(os, "fork") else get_context()
    with ctx.Pool(workers, maxtasksperchild=WORKER_BATCHES) as pool:
        in_flight = IN_FLIGHT_PER_WORKER * workers
        for results, spent in _bounded_map(pool, _timed_batch, batches, in_flight):
            if timings is not None:
                timings.update(spent)
            yield from results
    feed.raise_if_failed()


def _bounded_map(pool, func, jobs: Iterator, in_flight: int) -> Iterator:
    """`pool.imap(func, jobs)` in order, but with at most `in_flight` jobs read ahead.

    `Pool.imap` feeds its queue from the input as fast as it can, so a 100,000-article input
    would sit in memory; this reads the next job only as results are taken, keeping memory flat.
    """
    pending: deque = deque()
    for job in jobs:
        pending.append(pool.apply_async(func, (job,)))
        if len(pending) >= in_flight:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


class InputsFailed(ValueError):
    """Producing the inputs raised (a reader bug, an unreadable stream): the run stops after
    the records already read are processed; the CLI reports it and exits 2."""


class _Feed:
    """The records, iterated by whatever consumes them (once Pool.imap's own feeder thread, where
    an exception left the main thread waiting forever): an exception ends the iteration quietly,
    the batches already read are finished, and it is raised afterwards in the caller's thread
    as InputsFailed (KeyboardInterrupt and SystemExit as they are)."""

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
