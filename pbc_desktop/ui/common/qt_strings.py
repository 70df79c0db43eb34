"""Qt's own words that Qt's Chinese translations (``qtbase_zh_CN.qm``, loaded by
:func:`pbc_desktop.i18n.install`) lack, translated in ours under Qt's contexts.

Qt's non-native file dialog (Linux, or wherever the native one is not used) labels its
fields "&Look in:" and "Files of &type:", while ``qtbase_zh_CN`` has only the older
"Look in:" and "Files of type:": the dialog was half English. Our translator is installed
after Qt's, so these entries are found first. Only listed here for ``pyside6-lupdate``
(``python -m pbc_desktop.i18n update``); nothing imports them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
