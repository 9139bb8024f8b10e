"""Say what went wrong when the file system refuses: which file, and what the user can do about it."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.errors import BriefError, Problem

_REASONS = {
    errno.EACCES: "permission denied: check who owns it and its permissions",
    errno.EPERM: "not permitted: check who owns it and its permissions",
    errno.EROFS: "the file system is read-only: build the brief in a folder you can write to",
    errno.ENOSPC: "the disk is full: free some space and run it again",
    errno.EDQUOT: "your disk quota is used up: free some space and run it again",
    errno.EFBIG: "the file is larger than the file system or a size limit allows: free some space or raise the "
    "limit and run it again",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a file stands where a folder should be",
    errno.EISDIR: "a folder stands where a file should be",
    errno.EMFILE: "too many files are open: close some programs and run it again",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.EIO: "the disk reported an input/output error",
}


def oserror_message(error: OSError) -> str:
    """What an operating-system error means for the user, in a sentence."""
    reason = _REASONS.get(error.errno or 0)
    return reason if reason else (error.strerror or str(error)).lower()


def oserror_problem(error: OSError, root: Path | None = None) -> Problem:
    """The problem an operating-system error stands for, at the file it names (relative to root when inside)."""
    if error.filename is None:
        place = str(root) if root is not None else "dealbrief"
        return Problem(place, message=f"cannot write the output: {oserror_message(error)}")
    shown = Path(str(error.filename2 if error.filename2 is not None else error.filename))  # a move: its target
    if root is not None:
        with contextlib.suppress(ValueError, OSError):
            shown = (shown.parent.resolve() / shown.name).relative_to(root.resolve())
    verb = "cannot write" if error.errno in (errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EFBIG) else "cannot use"
    return Problem(shown.as_posix(), message=f"{verb} it: {oserror_message(error)}")


@contextmanager
def located_oserrors(root: Path | None = None) -> Iterator[None]:
    """Turn an operating-system error into a BriefError at the file it names."""
    try:
        yield
    except OSError as error:
        raise BriefError([oserror_problem(error, root)]) from None
