"""One build at a time per project: a lock on a file in the project, held for the whole build.

A second build is refused with a message naming the first; the live preview waits its turn instead.
The lock goes with the process that holds it, so a killed build never leaves the project locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path
from types import TracebackType

from builder.errors import BriefError, Problem
from builder.oserrors import oserror_message

log = logging.getLogger(__name__)

LOCK_NAME = ".dealbrief-lock"


class BuildLock:
    """Hold the project's build lock; with wait, queue behind a running build instead of refusing."""

    def __init__(self, project: Path, wait: bool = False) -> None:
        self.project = project
        self.wait = wait
        self._descriptor: int | None = None

    def __enter__(self) -> BuildLock:
        path = self.project / LOCK_NAME
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise BriefError(
                [Problem(str(self.project), message=f"cannot write in the project folder: {oserror_message(error)}")]
            ) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            if not self.wait:
                os.close(descriptor)
                raise BriefError(
                    [
                        Problem(
                            str(self.project),
                            message=f"another build is running in this project{holder}; "
                            "wait for it to finish, or stop it, and run this one again",
                        )
                    ]
                ) from None
            log.warning("waiting for another build of this project to finish%s", holder)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        self._descriptor = descriptor
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._descriptor, 0)
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None


def _holder(descriptor: int) -> str:
    """Name the process that holds the lock, from what it wrote in the file."""
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {text})" if text.isdigit() else ""


def alive(pid: int) -> bool:
    """Whether a process with that id runs (on this machine)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True
