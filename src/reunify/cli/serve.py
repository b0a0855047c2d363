"""`reunify serve`: the web application behind gunicorn."""

import argparse
from typing import Any

from gunicorn.app.base import BaseApplication

from reunify.cli.database import database_label
from reunify.config.wsgi import application


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return application


def serve(arguments: argparse.Namespace) -> int:
    address = f"{arguments.host}:{arguments.port}"
    print(f"Reunify is serving http://{address}/ from {database_label()} (Ctrl-C stops it).")
    _Server(
        {
            "bind": address,
            "workers": arguments.workers,
            "threads": 4,
            "accesslog": "-",
            # Path only, never the query string: a search query is a person's name.
            "access_log_format": '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
            "loglevel": "warning",
        }
    ).run()
    return 0
