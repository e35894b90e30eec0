"""What every command shares: the parser class, exit codes, value checks and filter options.

Exit status: 0 success; 2 an input or the store failed (one line on stderr each); 64 (EX_USAGE,
BSD sysexits) the command line itself is wrong; 130 interrupted. Every option value is checked
here, at parse time, before any input is read or any worker process starts.
"""
from __future__ import annotations

import argparse
import functools
import sys
from datetime import date
from typing import Optional

from ..model import PLOVER_TYPES, STATUSES

EX_OK, EX_FAILED, EX_USAGE, EX_INTERRUPTED = 0, 2, 64, 130
FORMATS = ("table", "csv", "tsv", "json", "jsonl")
DB_HELP = "store: a SQLite file, sqlite:///FILE or postgresql://user@host/db"
SECTORS_HELP = "PLOVER sector code, e.g. GOV MIL COP JUD LEG PTY REB OPP BUS MED EDU CVL"


class UsageError(Exception):
    """The command line is wrong: exit 64 with the message."""


class Parser(argparse.ArgumentParser):
    """argparse with exit 64 on usage errors and defaults shown in --help."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        """One line naming the command and the problem, exit 64 (no usage dump)."""
        self.exit(EX_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


class Formatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default (when it has one)."""

    def _get_help_string(self, action):
        text = action.help or ""
        if action.default in (None, False, argparse.SUPPRESS) or "%(default)" in text:
            return text
        return super()._get_help_string(action)


def err(msg: str) -> None:
    print(f"dateline: {msg}", file=sys.stderr)


def note(msg: str) -> None:
    """An informational line on stderr (which value was used, which option was ignored)."""
    print(f"dateline: {msg}", file=sys.stderr)


# -- value checks (argparse `type=` functions: a bad value is a usage error, exit 64) ----------

def iso_date(value: str) -> str:
    """A real calendar date written YYYY-MM-DD; anything else (04/03/2025, tomorrow) is refused
    rather than guessed."""
    v = value.strip()
    try:
        if len(v) != 10:
            raise ValueError
        return date.fromisoformat(v).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: use YYYY-MM-DD (e.g. 2025-03-04)") from None


def plover_type(value: str) -> str:
    v = value.strip().upper()
    if v not in PLOVER_TYPES:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a PLOVER event type (one of {' '.join(PLOVER_TYPES)})")
    return v


def status(value: str) -> str:
    v = value.strip().lower()
    if v not in STATUSES:
        raise argparse.ArgumentTypeError(f"{value!r} is not a status (one of {' '.join(STATUSES)})")
    return v


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return n


def confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return x


def sector(value: str) -> str:
    v = value.strip().upper()
    if not v.isalpha() or not 2 <= len(v) <= 4:
        raise argparse.ArgumentTypeError(f"{value!r} is not a sector code ({SECTORS_HELP})")
    return v


@functools.lru_cache(maxsize=1)
def _country_names() -> dict:
    """folded name, alias or code -> code: the actor KB's countries and IGOs, then pycountry."""
    from ..actors.kb import fold, load

    kb = load()
    names: dict = {}
    for c in kb.countries.values():
        for n in [c.iso3, c.name] + list(c.aliases):
            names.setdefault(fold(n), c.iso3)
    for org in kb.orgs:  # IGOs carry their short name as country code (UN, EU, NATO)
        if org.kind == "igo" and org.country and org.country not in kb.countries:
            names.setdefault(fold(org.country), org.country)
    return names


def resolve_country(value: str) -> Optional[str]:
    """The stored country code (ISO alpha-3, or an IGO short name) for a code or name, quietly;
    None when nothing matches. Shared by the CLI's `--country` options and the HTTP API."""
    from ..actors.kb import fold

    v = value.strip()
    code = _country_names().get(fold(v))
    if code is None:
        import pycountry

        try:
            code = pycountry.countries.lookup(v).alpha_3
        except LookupError:
            code = None
    return code


def country(value: str) -> str:
    """ISO 3166-1 alpha-3 (or an IGO short name such as UN, EU, NATO) from an alpha-3 or alpha-2
    code or a common name (pycountry plus the actor KB's aliases); says which code was used
    when it differs from what was typed."""
    v = value.strip()
    code = resolve_country(v)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a country: use an ISO 3166 code (GBR or GB) or a name "
            "(United Kingdom)")
    if code != v:
        note(f"country {value!r} read as {code}")
    return code


# -- shared options --------------------------------------------------------------------------

def db_location(value: str) -> str:
    """A --db value: refused when blank (an empty value would name the current directory)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give a SQLite file or a postgresql:// URL")
    return value


def add_db(p, create: bool = False) -> None:
    p.add_argument("--db", required=True, type=db_location, help=DB_HELP)


def add_format(p, default: str, choices=FORMATS) -> None:
    p.add_argument("--format", choices=choices, default=default,
                   help="output format: " + ", ".join(choices))


def add_event_filters(p) -> None:
    """The event filters of store.query.EventFilter as options."""
    g = p.add_argument_group("event filters")
    g.add_argument("--type", action="append", type=plover_type, metavar="TYPE",
                   help="PLOVER type, repeatable: " + " ".join(PLOVER_TYPES))
    g.add_argument("--status", action="append", type=status, metavar="STATUS",
                   help="event status, repeatable: " + " ".join(STATUSES) + " (default: all)")
    g.add_argument("--actor", metavar="NAME",
                   help="actor name, alias or mention text (or a persistent id act_...)")
    g.add_argument("--country", type=country, metavar="C",
                   help="country of a source or target actor: GBR, GB or United Kingdom")
    g.add_argument("--source-country", type=country, metavar="C", help="source actor's country")
    g.add_argument("--target-country", type=country, metavar="C", help="target actor's country")
    g.add_argument("--sector", type=sector, help=f"a side actor's sector ({SECTORS_HELP})")
    g.add_argument("--min-confidence", type=confidence, metavar="X",
                   help="events with confidence >= X (0..1; see docs/CONTRACT.md)")
    g.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                   help="events on or after this day (the event's date, else the article's)")
    g.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="events up to this day")
    g.add_argument("--include-undated", action="store_true",
                   help="with --since/--until, keep events that have no date at all")
    g.add_argument("--site", help="outlet host name, e.g. bbc.co.uk")
    g.add_argument("--story", help="story id")
    g.add_argument("--q", metavar="TEXT", help="full-text words (title, text and evidence)")


FILTER_NAMES = ("type", "status", "actor", "country", "source_country", "target_country",
                "sector", "min_confidence", "since", "until", "include_undated", "site", "story",
                "q")


def event_filters(args) -> dict:
    """Filter keyword arguments for Store.iter_events from parsed options (unset ones left out)."""
    out = {k: getattr(args, k, None) for k in FILTER_NAMES}
    if out["since"] and out["until"] and out["since"] > out["until"]:
        raise UsageError(f"--since {out['since']} is after --until {out['until']}")
    if out["include_undated"] and not (out["since"] or out["until"]):
        note("--include-undated ignored: it only matters with --since or --until")
    return {k: v for k, v in out.items() if v not in (None, False, [])}


def guarded(func):
    """Run a command; store and query problems become one line on stderr and exit 2 (64 for
    a bad filter), never a traceback."""
    @functools.wraps(func)
    def run(args):
        import sqlalchemy as sa

        from ..store import QueryError, StoreError

        try:
            return func(args)
        except QueryError as exc:
            err(str(exc))
            return EX_USAGE
        except StoreError as exc:
            err(str(exc))
            return EX_FAILED
        except sa.exc.SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            err(f"{getattr(args, 'db', '?')}: {reason}")
            return EX_FAILED
    return run


def open_output(path: Optional[str], binary: bool = False):
    """(stream, close?) for --output: a file, or standard output."""
    if not path or path == "-":
        return (sys.stdout.buffer if binary else sys.stdout), False
    try:
        return open(path, "wb" if binary else "w", encoding=None if binary else "utf-8",
                    newline=None if binary else ""), True
    except OSError as exc:
        raise OSError(f"{path}: {exc.strerror or exc}") from None
