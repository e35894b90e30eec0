"""The same pipeline as a PySpark job: `dateline spark INPUT... --output DIR [--master local[2]]`.

Shape of the job:
1. the driver expands INPUT paths (files, directories, sorted, hidden names skipped, as
   `dateline extract` does) into a list of file names;
2. executors read each file with dateline's own readers (`ingest.read_path`), so a JSON Lines,
   WARC or feed file yields one record per article, and records are spread over partitions;
3. each partition loads the pipeline once (`pipeline.warm`, cached per Python worker) and runs
   `pipeline.extract_stream` over its records (`mapPartitions`);
4. articles are written as contract JSON Lines part files in DIR (`part-00000` ...); inputs that
   fail are printed on standard error, one line each, and the exit status is 2;
5. with `--db URL` each partition also writes its articles to a store (PostgreSQL for shared
   deployments; a SQLite file works on one machine).

The records equal those of `dateline extract` on the same inputs (tests/test_spark.py), since the
job calls the same functions; only their order differs. Requires the `spark` extra (pyspark) and
Java 17. See docs/scale.md for running it on a cluster.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Iterable, Iterator, Optional


def expand(paths: Iterable[str]) -> list[str]:
    """File names under `paths`, in the order `dateline extract` reads them (directories sorted,
    hidden names skipped). Names that are not local files or folders are kept as they are, so
    the readers report them."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        else:
            out.append(path)
    return out


def _read(path: str) -> Iterator:
    from .ingest.readers import read_path

    yield from read_path(path)


def process_partition(items: Iterable) -> Iterator[tuple[str, str]]:
    """Run the pipeline over one partition's records: ("ok", contract JSON) or ("error", line)."""
    from .ingest.record import InputError
    from .pipeline import extract_stream, warm

    warm()  # once per Python worker: the model and the knowledge bases are cached in the process
    for result in extract_stream(items, workers=1):
        if isinstance(result, InputError):
            yield ("error", str(result))
        else:
            yield ("ok", json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True))


def _store_partition(db: str):
    def write(rows: Iterable[tuple[str, str]]) -> None:
        from .store import open_store

        with open_store(db) as store:
            for kind, payload in rows:
                if kind == "ok":
                    store.add(json.loads(payload))
    return write


def session(master: str, app: str = "dateline"):
    """A SparkSession on `master`; local runs bind to loopback and use this Python for workers."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.host", os.environ["SPARK_LOCAL_IP"])
               .config("spark.python.worker.reuse", "true"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_job(paths: list[str], output: str, master: str = "local[2]", db: Optional[str] = None,
            partitions: Optional[int] = None) -> tuple[int, list[str]]:
    """Run the job; returns (articles written, error lines). Raises FileExistsError if `output`
    exists and is not empty."""
    if os.path.isdir(output) and os.listdir(output):
        raise FileExistsError(f"--output {output}: folder exists and is not empty")
    spark = session(master)
    try:
        sc = spark.sparkContext
        files = expand(paths)
        n = partitions or max(2, sc.defaultParallelism * 2)
        records = sc.parallelize(files, max(1, min(len(files), n))).flatMap(_read)
        results = records.repartition(n).mapPartitions(process_partition).cache()
        results.filter(lambda r: r[0] == "ok").map(lambda r: r[1]).saveAsTextFile(output)
        if db:
            results.foreachPartition(_store_partition(db))
        written = results.filter(lambda r: r[0] == "ok").count()
        errors = results.filter(lambda r: r[0] == "error").map(lambda r: r[1]).collect()
        return written, errors
    finally:
        spark.stop()


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="INPUT",
                   help="files or folders (text, HTML, JSON Lines, WARC, RSS/Atom)")
    p.add_argument("--output", required=True, metavar="DIR",
                   help="folder for the JSON Lines part files (must not exist or be empty)")
    p.add_argument("--master", default="local[2]", help="Spark master URL (default: local[2])")
    p.add_argument("--db", default=None,
                   help="also write articles to this store (postgresql://... for clusters)")
    p.add_argument("--partitions", type=int, default=None,
                   help="record partitions (default: 2 x Spark's default parallelism)")


def cmd_spark(args) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("dateline: spark needs pyspark: pip install 'dateline[spark]'", file=sys.stderr)
        return 2
    if args.partitions is not None and args.partitions < 1:
        print("dateline: --partitions must be at least 1", file=sys.stderr)
        return 64
    try:
        written, errors = run_job(args.paths, args.output, args.master, args.db, args.partitions)
    except FileExistsError as exc:
        print(f"dateline: {exc}", file=sys.stderr)
        return 64
    for line in errors:
        print(f"dateline: {line}", file=sys.stderr)
    print(f"dateline: {written} articles written to {args.output}"
          + (f", {len(errors)} inputs failed" if errors else ""), file=sys.stderr)
    return 2 if errors else 0
