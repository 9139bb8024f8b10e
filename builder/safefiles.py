"""Read input files and write new ones so that no file system trick leaks, hangs or loses anything.

Inputs are regular files inside the project, read with a bounded read: a link out of the project, a named
pipe (which would wait for a writer forever) or a device (which may never end) is refused with a reason.
New files are written to a temporary file and linked into place, so a failed write leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from builder.errors import Problem, Problems
from builder.oserrors import oserror_message

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class RefusedFile(Exception):
    """An input file that is not read, with the reason."""


class TooLarge(RefusedFile):
    """A file longer than the limit; size is what is known of its length."""

    def __init__(self, size: int, limit: int, exact: bool) -> None:
        self.size = size
        self.limit = limit
        self.exact = exact
        shown = f"{size:,} bytes" if exact else f"more than {limit:,} bytes"
        super().__init__(f"too large: {shown}, the limit is {limit:,}")


def read_bounded(path: Path, max_bytes: int, inside: Path | None = None) -> bytes:
    """Read a regular file of at most max_bytes; with inside, only when it really lies inside that folder.

    Raise RefusedFile with the reason for anything else, and OSError when the file cannot be read.
    """
    target = path.resolve()
    if inside is not None and not target.is_relative_to(inside.resolve()):
        raise RefusedFile(f"a link to {target}, outside the project; copy the file into the project instead")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target, flags)
    except FileNotFoundError:
        if path.is_symlink():
            raise RefusedFile(f"a link to {target}, which does not exist") from None
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise RefusedFile("a link that changed while it was read; read it again") from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "a special file")
            raise RefusedFile(f"not a regular file ({kind}); only regular files can be read")
        size = os.fstat(descriptor).st_size
        if size > max_bytes:
            raise TooLarge(size, max_bytes, exact=True)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after it was measured
        raise TooLarge(len(data), max_bytes, exact=False)
    return data


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, all or nothing: never a part of it, never over another file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    temporary.unlink(missing_ok=True)
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)  # fails when path exists: a source is never overwritten
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP) or path.exists():
                raise
            os.rename(temporary, path)  # a file system without hard links
    except OSError as error:  # name the file the user asked for, not the temporary one
        if error.filename in (None, str(temporary)):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    finally:
        temporary.unlink(missing_ok=True)


def read_input(path: Path, shown: str, problems: Problems, max_bytes: int, inside: Path) -> bytes | None:
    """Read an input file of the project, or record why it cannot be read and return None."""
    try:
        return read_bounded(path, max_bytes, inside)
    except TooLarge as error:
        hint = " (raise it with --max-source-bytes if the file really is one article)" if error.exact else ""
        problems.add(Problem(shown, message=f"{error}{hint}"))
    except RefusedFile as error:
        problems.add(Problem(shown, message=str(error)))
    except OSError as error:
        problems.add(Problem(shown, message=f"cannot read it: {oserror_message(error)}"))
    return None
