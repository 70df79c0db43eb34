# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_SupervisionDialog(object):
    def setupUi(self, SupervisionDialog):
        if not SupervisionDialog.objectName():
            SupervisionDialog.setObjectName(u"SupervisionDialog")
        SupervisionDialog.resize(480, 360)
        self.mainLayout = QVBoxLayout(SupervisionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(SupervisionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.itemLabelLabel = QLabel(SupervisionDialog)
        self.itemLabelLabel.setObjectName(u"itemLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemLabelLabel)

        self.itemLabel = QLabel(SupervisionDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemLabel)

        self.dateEditLabel = QLabel(SupervisionDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = DateEdit(SupervisionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.byEditLabel = QLabel(SupervisionDialog)
        self.byEditLabel.setObjectName(u"byEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.byEditLabel)

        self.byEdit = QLineEdit(SupervisionDialog)
        self.byEdit.setObjectName(u"byEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.byEdit)

        self.progressEditLabel = QLabel(SupervisionDialog)
        self.progressEditLabel.setObjectName(u"progressEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.progressEditLabel)

        self.progressEdit = QPlainTextEdit(SupervisionDialog)
        self.progressEdit.setObjectName(u"progressEdit")
        self.progressEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.progressEdit)

        self.nextEditLabel = QLabel(SupervisionDialog)
        self.nextEditLabel.setObjectName(u"nextEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nextEditLabel)

        self.nextEdit = QPlainTextEdit(SupervisionDialog)
        self.nextEdit.setObjectName(u"nextEdit")
        self.nextEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nextEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(SupervisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.byEditLabel.setBuddy(self.byEdit)
        self.progressEditLabel.setBuddy(self.progressEdit)
        self.nextEditLabel.setBuddy(self.nextEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SupervisionDialog)

        QMetaObject.connectSlotsByName(SupervisionDialog)
    # setupUi

    def retranslateUi(self, SupervisionDialog):
        SupervisionDialog.setWindowTitle(QCoreApplication.translate("SupervisionDialog", u"Follow-up (supervision)", None))
        self.itemLabelLabel.setText(QCoreApplication.translate("SupervisionDialog", u"Item:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("SupervisionDialog", u"&Date:", None))
        self.byEditLabel.setText(QCoreApplication.translate("SupervisionDialog", u"&By whom:", None))
        self.progressEditLabel.setText(QCoreApplication.translate("SupervisionDialog", u"&Progress:", None))
        self.nextEditLabel.setText(QCoreApplication.translate("SupervisionDialog", u"&Next step:", None))
    # retranslateUi
