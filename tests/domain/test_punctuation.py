"""Chinese text on screen and paper uses full-width punctuation (：，（）；？！)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from pbc_desktop.domain.punctuation import full_width, half_width_marks

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("应到 {0} 人,实到 {1} 人", "应到 {0} 人，实到 {1} 人"),
        ("停用账号 {0}({1})?停用后不能再登录", "停用账号 {0}（{1}）？停用后不能再登录"),
        ("主办单位:{0}", "主办单位：{0}"),
        ("(无:本支部自身活动)", "（无：本支部自身活动）"),
        ("成员 (3)", "成员（3）"),
        # Kept: accelerators, file filters, times, placeholders, English text.
        ("新建账号(&N)…", "新建账号(&N)…"),
        ("名称(&N):", "名称(&N)："),
        ("新建账号(&amp;N)…", "新建账号(&amp;N)…"),
        ("照片 (*.jpg *.png);;所有文件 (*)", "照片 (*.jpg *.png);;所有文件 (*)"),
        ("时间 14:32 开始", "时间 14:32 开始"),
        ("备份时间 {when:%Y-%m-%d %H:%M}", "备份时间 {when:%Y-%m-%d %H:%M}"),
        ("共 {n:,} 人", "共 {n:,} 人"),
        ("&Venues (阵地)...", "&Venues (阵地)..."),
        ("Members: 3, organizations: 2", "Members: 3, organizations: 2"),
        # an address is typed as it stands: its host:port colon stays, the text around it not
        (
            "服务器地址 postgresql+psycopg://账号@主机:端口/数据库,或文件",
            "服务器地址 postgresql+psycopg://账号@主机:端口/数据库，或文件",
        ),
    ],
)
def test_full_width(text: str, expected: str) -> None:
    assert full_width(text) == expected
    assert half_width_marks(expected) == []


_QUOTE = re.compile(r"^([A-Za-z]*)('''|\"\"\"|'|\")")


def _body(token: str) -> str:
    m = _QUOTE.match(token)
    assert m is not None
    return token[m.end() : len(token) - len(m.group(2))]


def _python_strings(path: Path) -> list[tuple[int, str]]:
    """The program's string literals (docstrings aside), implicitly concatenated pieces
    joined: a message cut over two lines is checked as one text."""
    source = path.read_text(encoding="utf-8")
    docstrings = {
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    found: list[tuple[int, str]] = []
    run: list[tokenize.TokenInfo] = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING:
            run.append(tok)
        elif tok.type in (tokenize.NL, tokenize.COMMENT) and run:
            continue
        else:
            if run and run[0].start[0] not in docstrings:
                found.append((run[0].start[0], "".join(_body(t.string) for t in run)))
            run = []
    return found


def test_program_strings_use_full_width_punctuation() -> None:
    """Every string the program shows or prints (docstrings aside), generated forms included."""
    bad = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted((ROOT / "pbc_desktop").rglob("*.py"))
        if "migrations" not in path.parts and path.name != "punctuation.py"
        for line, text in _python_strings(path)
        if half_width_marks(text)
    ]
    assert not bad, "half-width punctuation in Chinese text:\n" + "\n".join(bad)


_XML_TEXT = re.compile(r"<(translation|string|numerusform)(?: [^>]*)?>(.*?)</\1>", re.S)


@pytest.mark.parametrize(
    "path",
    [
        *sorted((ROOT / "forms").glob("*.ui")),
        *sorted((ROOT / "resources" / "translations").glob("*.ts")),
    ],
    ids=lambda p: p.name,
)
def test_translations_and_forms_use_full_width_punctuation(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    bad = [m.group(2) for m in _XML_TEXT.finditer(text) if half_width_marks(m.group(2))]
    assert not bad, f"half-width punctuation in {path.name}:\n" + "\n".join(bad)
