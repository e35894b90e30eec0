"""A real, throw-away PostgreSQL server for the store tests, and the `store_url` fixture.

The server runs from a temp directory as an unprivileged user (postgres refuses root), listens
on 127.0.0.1 on a free port plus a socket in that directory, with fsync off (it is deleted at
the end). Set DATELINE_TEST_PG_URL=postgresql://user@host/db to use an existing database instead
(each test gets its own schema there). tests/conftest.py imports the fixtures from here;
`postgres_server()` is usable outside pytest (scripts/store_bench.py).
"""
from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

import pytest

_counter = itertools.count()


def pg_bindir():
    for cand in ["/usr/local/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        if all(os.access(os.path.join(cand, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return cand
    found = shutil.which("initdb")
    return os.path.dirname(found) if found else None


def _run_user():
    """Who runs the server: ourselves, or (as root) the `postgres` user, else `nobody`."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres/nobody) to run "
                       "PostgreSQL")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as(user, cmd, cwd=None, check=True):
    if user is not None:
        cmd = ["runuser", "-u", user.pw_name, "--", *cmd]
    return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=60, cwd=cwd)


@contextlib.contextmanager
def postgres_server(bindir: str):
    """Start a server from `bindir` in a temp dir; yield its base URL; stop and delete it."""
    user = _run_user()
    root = tempfile.mkdtemp(prefix="dateline-pg-")
    os.chmod(root, 0o755)  # the run user must reach it; the data dir inside stays 0700
    if user is not None:
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = os.path.join(root, "data"), _free_port()
    pg_ctl = os.path.join(bindir, "pg_ctl")
    try:
        _as(user, [os.path.join(bindir, "initdb"), "-D", data, "-U", "dateline", "-A", "trust",
                   "-E", "UTF8", "--no-sync", "--no-instructions"], cwd=root)
        opts = (f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        _as(user, [pg_ctl, "-D", data, "-l", os.path.join(root, "log"), "-w", "-t", "30",
                   "-o", opts, "start"], cwd=root)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {exc.stderr or exc.stdout}") from None
    try:
        yield f"postgresql://dateline@127.0.0.1:{port}"
    finally:
        _as(user, [pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], cwd=root, check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """URL of the test database on a running server (its `postgres` database)."""
    if os.environ.get("DATELINE_TEST_PG_URL"):
        yield os.environ["DATELINE_TEST_PG_URL"]
        return
    bindir = pg_bindir()
    if not bindir:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                    "install them (apt-get install postgresql) to run the PostgreSQL store tests")
    try:
        with postgres_server(bindir) as base:
            yield base + "/postgres"
    except RuntimeError as exc:
        pytest.fail(str(exc))


def _fresh_schema(db_url: str) -> str:
    """A new, empty schema in the test database, selected through the URL's search_path
    (much cheaper than CREATE DATABASE, and just as isolated for the store)."""
    import psycopg

    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{db_url}{'&' if '?' in db_url else '?'}options=-csearch_path%3D{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty store location: a SQLite file, or a new schema in the PostgreSQL test
    database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return _fresh_schema(request.getfixturevalue("pg_server"))
