"""Coverage-guided fuzzing of dateline's readers and `dateline.extract` with atheris (libFuzzer).

    make fuzz                       # 10 minutes, corpus in fuzz/corpus (not committed)
    python fuzz/fuzz_inputs.py -max_total_time=600 fuzz/corpus

Each input is given to every reader through `ingest.read_stream` (content sniffing picks text,
HTML, JSON Lines, RSS/Atom, WARC, gzip) and every record it yields goes through the pipeline's
`process_record`; the raw bytes, decoded, also go through `dateline.extract`. Allowed outcomes are
records, `InputError` values or raised `InputError`s; anything else is a crash, which libFuzzer
saves as crash-<hash> for a regression test (tests/hostile/test_fuzz_regressions.py).
"""
from __future__ import annotations

import io
import os
import sys

import atheris

with atheris.instrument_imports(include=["dateline"]):
    import dateline
    from dateline.ingest.readers import read_stream
    from dateline.ingest.record import InputError
    from dateline.pipeline import process_record, warm

SEEDS = [
    b"Officials in Ankara said on Monday that Turkish troops shelled Kurdish positions.\n",
    b"<html><body><article><h1>T</h1><p>Police arrested 40 protesters in Nairobi.</p></article></body></html>",
    b'{"text": "Peru recalled its ambassador from Bolivia.", "url": "https://e.org/1"}\n',
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</title>'
    b"<description>Kenya rejected the criticism.</description></item></channel></rss>",
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a/1\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n",
]


def one_input(data: bytes) -> None:
    for item in read_stream("fuzz", io.BytesIO(data)):
        if isinstance(item, InputError):
            continue
        try:
            process_record(item)
        except InputError:
            pass
    text = data.decode("utf-8", errors="replace")
    try:
        dateline.extract(text, published="2024-06-18")
    except InputError:
        pass


def main() -> None:
    warm()
    corpus = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus:
        os.makedirs(corpus, exist_ok=True)
        for i, seed in enumerate(SEEDS):
            path = os.path.join(corpus, f"seed-{i}")
            if not os.path.exists(path):
                with open(path, "wb") as fh:
                    fh.write(seed)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
