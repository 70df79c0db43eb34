# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_TransferInDialog(object):
    def setupUi(self, TransferInDialog):
        if not TransferInDialog.objectName():
            TransferInDialog.setObjectName(u"TransferInDialog")
        TransferInDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(TransferInDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(TransferInDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameEditLabel = QLabel(TransferInDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(TransferInDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.idEditLabel = QLabel(TransferInDialog)
        self.idEditLabel.setObjectName(u"idEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idEditLabel)

        self.idEdit = QLineEdit(TransferInDialog)
        self.idEdit.setObjectName(u"idEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.organizationComboLabel = QLabel(TransferInDialog)
        self.organizationComboLabel.setObjectName(u"organizationComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organizationComboLabel)

        self.organizationCombo = QComboBox(TransferInDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.fromUnitEditLabel = QLabel(TransferInDialog)
        self.fromUnitEditLabel.setObjectName(u"fromUnitEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fromUnitEditLabel)

        self.fromUnitEdit = QLineEdit(TransferInDialog)
        self.fromUnitEdit.setObjectName(u"fromUnitEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fromUnitEdit)

        self.receivedEditLabel = QLabel(TransferInDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = DateEdit(TransferInDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.remarkEditLabel = QLabel(TransferInDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(TransferInDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(TransferInDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(TransferInDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.idEditLabel.setBuddy(self.idEdit)
        self.organizationComboLabel.setBuddy(self.organizationCombo)
        self.fromUnitEditLabel.setBuddy(self.fromUnitEdit)
        self.receivedEditLabel.setBuddy(self.receivedEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.idEdit)
        QWidget.setTabOrder(self.idEdit, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.fromUnitEdit)
        QWidget.setTabOrder(self.fromUnitEdit, self.receivedEdit)
        QWidget.setTabOrder(self.receivedEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(TransferInDialog)

        QMetaObject.connectSlotsByName(TransferInDialog)
    # setupUi

    def retranslateUi(self, TransferInDialog):
        TransferInDialog.setWindowTitle(QCoreApplication.translate("TransferInDialog", u"Member transferred in", None))
        self.nameEditLabel.setText(QCoreApplication.translate("TransferInDialog", u"&Name:", None))
        self.idEditLabel.setText(QCoreApplication.translate("TransferInDialog", u"&ID number:", None))
        self.organizationComboLabel.setText(QCoreApplication.translate("TransferInDialog", u"&Organization:", None))
        self.fromUnitEditLabel.setText(QCoreApplication.translate("TransferInDialog", u"&From unit:", None))
        self.receivedEditLabel.setText(QCoreApplication.translate("TransferInDialog", u"&Received on:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("TransferInDialog", u"R&emark:", None))
    # retranslateUi
