# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_EndReportDialog(object):
    def setupUi(self, EndReportDialog):
        if not EndReportDialog.objectName():
            EndReportDialog.setObjectName(u"EndReportDialog")
        EndReportDialog.resize(480, 300)
        self.mainLayout = QVBoxLayout(EndReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(EndReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reportLabelLabel = QLabel(EndReportDialog)
        self.reportLabelLabel.setObjectName(u"reportLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportLabelLabel)

        self.reportLabel = QLabel(EndReportDialog)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportLabel)

        self.endedEditLabel = QLabel(EndReportDialog)
        self.endedEditLabel.setObjectName(u"endedEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endedEditLabel)

        self.endedEdit = DateEdit(EndReportDialog)
        self.endedEdit.setObjectName(u"endedEdit")
        self.endedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.endedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.endedEdit)

        self.remarkEditLabel = QLabel(EndReportDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(EndReportDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(EndReportDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(EndReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.endedEditLabel.setBuddy(self.endedEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.endedEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(EndReportDialog)

        QMetaObject.connectSlotsByName(EndReportDialog)
    # setupUi

    def retranslateUi(self, EndReportDialog):
        EndReportDialog.setWindowTitle(QCoreApplication.translate("EndReportDialog", u"Leave the post", None))
        self.reportLabelLabel.setText(QCoreApplication.translate("EndReportDialog", u"Report:", None))
        self.endedEditLabel.setText(QCoreApplication.translate("EndReportDialog", u"&Left the post on:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("EndReportDialog", u"R&emark:", None))
    # retranslateUi
