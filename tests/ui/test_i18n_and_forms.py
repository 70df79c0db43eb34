"""Translations complete and compiled; generated form code in step with the .ui files."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pbc_desktop import i18n, lang
from pbc_desktop.paths import forms_dir
from pbc_desktop.ui.forms import build as forms_build
from tests.qt_helpers import accelerator


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_source_string_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(i18n.ts_file(), fresh)
    lupdate = i18n._tool("pyside6-lupdate")
    assert lupdate is not None
    subprocess.run(
        [
            lupdate,
            "-silent",
            "-locations",
            "none",
            *map(str, i18n.source_files()),
            "-ts",
            str(fresh),
        ],
        check=True,
    )
    shipped = _messages(i18n.ts_file())
    missing = []
    for key, message in _messages(fresh).items():
        translation = shipped.get(key, message).find("translation")
        if (
            key not in shipped
            or translation is None
            or not (translation.text or "").strip()
            or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        ):
            missing.append(f"{key[0]}: {key[1]}")
    assert not missing, (
        "untranslated strings (run `python -m pbc_desktop.i18n update`):\n" + "\n".join(missing)
    )
    assert len(shipped) > 50


def test_the_shipped_qm_is_the_ts_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled translations are committed (a wheel and the installer ship them as
    they are): they must be what the .ts compiles to now (`python -m pbc_desktop.i18n build`)."""
    shipped = i18n.qm_file().read_bytes()
    monkeypatch.setattr(i18n, "qm_file", lambda locale="zh_CN": tmp_path / f"pbc_{locale}.qm")
    qm = i18n.build()
    assert qm.stat().st_size > 1000
    assert qm.read_bytes() == shipped, "run `python -m pbc_desktop.i18n build` and commit the .qm"


@pytest.mark.parametrize("ui_file", sorted(forms_dir().glob("*.ui")), ids=lambda p: p.stem)
def test_generated_form_code_matches_its_ui_file(ui_file: Path) -> None:
    target = forms_build.target_for(ui_file)
    assert target.exists(), f"run `make forms`: {target.name} missing"
    assert target.read_text(encoding="utf-8") == forms_build.generate(ui_file), (
        f"{ui_file.name} changed without regenerating; run `make forms`"
    )


def _labelled(widget: ET.Element, page: str | None, out: list[tuple[str | None, str]]) -> None:
    """Every text of ``widget`` and below with the tab page it is on (None: on every page:
    Qt answers Alt+letter only for visible widgets, so two pages may share a letter)."""
    for prop in widget.findall("property"):
        if prop.get("name") in ("text", "title") and prop.findtext("string"):
            out.append((page, prop.findtext("string") or ""))
    tabs = widget.get("class") == "QTabWidget"
    for child in widget:
        if child.tag == "widget" and tabs:
            title = child.findtext("attribute[@name='title']/string")
            if title:
                out.append((None, title))
            _labelled(child, child.get("name"), out)
        elif child.tag in ("widget", "layout", "item"):
            _labelled(child, page, out)


@pytest.mark.parametrize("ui_file", sorted(forms_dir().glob("*.ui")), ids=lambda p: p.stem)
def test_no_two_alt_letters_alike_in_a_dialog(ui_file: Path) -> None:
    """Alt+letter reaches one field or button of a dialog, in English and in Chinese."""
    root = ET.parse(ui_file).getroot()
    context = root.findtext("class") or ""
    chinese = {
        source: message.findtext("translation") or ""
        for (name, source), message in _messages(i18n.ts_file()).items()
        if name == context
    }
    texts: list[tuple[str | None, str]] = []
    top = root.find("widget")
    assert top is not None
    _labelled(top, None, texts)
    pages = {page for page, _ in texts if page} or {None}
    for language, shown in (("en", lambda s: s), ("zh", lambda s: chinese.get(s) or s)):
        for page in pages:
            letters = [accelerator(shown(s)) for p, s in texts if p in (None, page)]
            twice = {a for a in letters if a and letters.count(a) > 1}
            assert not twice, f"{ui_file.name} ({language}, {page}): Alt+{', '.join(twice)}"


def test_qts_own_file_dialog_is_all_chinese(qtbot: QtBot, qapp: QApplication) -> None:
    """Qt's translations are loaded with ours, and Qt's non-native file dialog (Linux) read
    "Look in" and "Files of type" in English beside its Chinese: ``qtbase_zh_CN`` has those
    labels without their Alt letters only (ours adds them)."""
    locale = QLocale()
    translators = i18n.install(qapp, "zh")
    try:
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        dialog = QFileDialog(None, "打开")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        texts += [b.text() for b in dialog.findChildren(QPushButton)]
        english = [x for x in texts if re.search("[A-Za-z]{2,}", x)]
        assert len(texts) > 3 and not english, texts
        dialog.reject()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
        QLocale.setDefault(locale)
        lang.set_language("zh")
