"""Writing an output file (PDF, workbook) so that a failure never leaves half a file."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

from pbc_desktop.errors import UserError
from pbc_desktop.lang import t


@contextlib.contextmanager
def atomic_output(out_path: Path) -> Iterator[Path]:
    """A temporary path beside ``out_path``, renamed onto it only if the block succeeds.

    Expected failures (no permission, the file open in a PDF reader or Excel, a full disk)
    become a :class:`UserError` naming the file.
    """
    target = Path(out_path)
    if target.is_dir():
        raise UserError(
            t(
                f"“{target}”是一个文件夹,请给出文件名。",
                f"“{target}” is a folder; give a file name.",
            )
        )
    tmp = target.with_name(f".{target.stem}-{uuid.uuid4().hex[:8]}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.touch(exist_ok=False)  # ordinary permissions, as any file the user saves
    except OSError as exc:
        raise write_error(target, exc) from exc
    try:
        yield tmp
        try:
            tmp.replace(target)
        except OSError as exc:
            raise write_error(target, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_error(target: Path, exc: OSError) -> UserError:
    if isinstance(exc, PermissionError):
        return UserError(
            t(
                f"无法写入“{target}”:没有权限,或文件正被其他程序(如 PDF 阅读器或 Excel)打开。"
                "请关闭该文件或换一个位置后重试。",
                f"Cannot write “{target}”: no permission, or the file is open in another "
                "program (such as a PDF reader or Excel). Close it or choose another place.",
            )
        )
    return UserError(
        t(
            f"无法写入“{target}”:{exc.strerror or exc}",
            f"Cannot write “{target}”: {exc.strerror or exc}",
        )
    )
