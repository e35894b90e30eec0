"""dateline's web page and HTTP API (FastAPI; the `web` extra): `dateline serve --db FILE`.

    from dateline.web import create_app
    app = create_app("news.sqlite")
"""


def create_app(store):
    """The FastAPI app over a store (see web/app.py); imported lazily so the CLI stays light."""
    from .app import create_app as _create

    return _create(store)


__all__ = ["create_app"]
