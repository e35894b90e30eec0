"""Evaluation commands: one module per benchmark, each with `add_arguments(p)` and `run(args)`.

`dateline eval NAME ...` imports `dateline.evaluation.NAME`; adding a benchmark is adding a module
and its name to `EVALUATIONS`.
"""
EVALUATIONS = {
    "extraction": "body extraction on the Zyte benchmark (4-gram shingle F1)",
    "plv": "PLOVER type classification on a PLV-format TSV (cross-validated on train)",
    "articles": "events and quotes against gold article files (GOLD_FORMAT.md)",
    "actors": "actor resolution cases (country and sector pass rate)",
    "quotes": "quote attribution on PolNeAR BRAT files",
    "time": "date resolution on TimeBank TIMEX3 values",
    "geo": "toponym resolution on GeoWebNews / TR-News",
    "stories": "story membership: examples' multi-site stories mixed into BBC (pairwise F1)",
    "copies": "near-duplicate detection: BBC plus generated rewritten copies (pairwise P/R)",
    "dedup": "event deduplication: dev articles each stored with two rewritten copies",
    "wild": "small inputs after peers' bug reports, checked against their .expect.json",
}
