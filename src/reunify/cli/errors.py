"""How the command line reports failure: one line, a non-zero exit, never a traceback."""

import os
import sys
from collections.abc import Callable
from typing import NoReturn

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import DatabaseError

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class CommandFailed(Exception):
    """A command could not do what was asked; the message says why, in one line."""


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    print(f"reunify: error: {message}", file=sys.stderr)
    raise SystemExit(code)


def one_line(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return "; ".join(
                f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()
            )
        return " ".join(error.messages)
    return " ".join(str(error).split()) or type(error).__name__


def run_reporting_errors(command: Callable[[], int]) -> int:
    try:
        return command()
    except CommandFailed as error:
        fail(one_line(error))
    except (ValidationError, ImproperlyConfigured) as error:
        fail(one_line(error))
    except DatabaseError as error:
        fail(f"the database refused: {one_line(error)}")
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:
        if os.environ.get("REUNIFY_DEBUG"):
            raise
        fail(
            f"internal error ({type(error).__name__}: {one_line(error)}); "
            "set REUNIFY_DEBUG=1 to see where",
            EXIT_INTERNAL,
        )
