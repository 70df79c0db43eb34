# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_SolveDialog(object):
    def setupUi(self, SolveDialog):
        if not SolveDialog.objectName():
            SolveDialog.setObjectName(u"SolveDialog")
        SolveDialog.resize(480, 320)
        self.mainLayout = QVBoxLayout(SolveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SolveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.itemLabelLabel = QLabel(SolveDialog)
        self.itemLabelLabel.setObjectName(u"itemLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemLabelLabel)

        self.itemLabel = QLabel(SolveDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemLabel)

        self.dateEditLabel = QLabel(SolveDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = DateEdit(SolveDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.resultEditLabel = QLabel(SolveDialog)
        self.resultEditLabel.setObjectName(u"resultEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resultEditLabel)

        self.resultEdit = QPlainTextEdit(SolveDialog)
        self.resultEdit.setObjectName(u"resultEdit")
        self.resultEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resultEdit)

        self.satisfactionComboLabel = QLabel(SolveDialog)
        self.satisfactionComboLabel.setObjectName(u"satisfactionComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.satisfactionComboLabel)

        self.satisfactionCombo = QComboBox(SolveDialog)
        self.satisfactionCombo.setObjectName(u"satisfactionCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.satisfactionCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(SolveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.resultEditLabel.setBuddy(self.resultEdit)
        self.satisfactionComboLabel.setBuddy(self.satisfactionCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SolveDialog)

        QMetaObject.connectSlotsByName(SolveDialog)
    # setupUi

    def retranslateUi(self, SolveDialog):
        SolveDialog.setWindowTitle(QCoreApplication.translate("SolveDialog", u"Solve the item", None))
        self.itemLabelLabel.setText(QCoreApplication.translate("SolveDialog", u"Item:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("SolveDialog", u"&Solved on:", None))
        self.resultEditLabel.setText(QCoreApplication.translate("SolveDialog", u"&Result:", None))
        self.satisfactionComboLabel.setText(QCoreApplication.translate("SolveDialog", u"Residents' satisf&action:", None))
    # retranslateUi
