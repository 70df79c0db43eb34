# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_TransferReceiveDialog(object):
    def setupUi(self, TransferReceiveDialog):
        if not TransferReceiveDialog.objectName():
            TransferReceiveDialog.setObjectName(u"TransferReceiveDialog")
        TransferReceiveDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(TransferReceiveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(TransferReceiveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.transferLabelLabel = QLabel(TransferReceiveDialog)
        self.transferLabelLabel.setObjectName(u"transferLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.transferLabelLabel)

        self.transferLabel = QLabel(TransferReceiveDialog)
        self.transferLabel.setObjectName(u"transferLabel")
        self.transferLabel.setWordWrap(True)
        self.transferLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.transferLabel)

        self.receivedEditLabel = QLabel(TransferReceiveDialog)
        self.receivedEditLabel.setObjectName(u"receivedEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.receivedEditLabel)

        self.receivedEdit = DateEdit(TransferReceiveDialog)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.receivedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.remarkEditLabel = QLabel(TransferReceiveDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(TransferReceiveDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(TransferReceiveDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(TransferReceiveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.receivedEditLabel.setBuddy(self.receivedEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receivedEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(TransferReceiveDialog)

        QMetaObject.connectSlotsByName(TransferReceiveDialog)
    # setupUi

    def retranslateUi(self, TransferReceiveDialog):
        TransferReceiveDialog.setWindowTitle(QCoreApplication.translate("TransferReceiveDialog", u"Receive the transfer", None))
        self.transferLabelLabel.setText(QCoreApplication.translate("TransferReceiveDialog", u"Letter:", None))
        self.receivedEditLabel.setText(QCoreApplication.translate("TransferReceiveDialog", u"&Received on:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("TransferReceiveDialog", u"R&emark:", None))
    # retranslateUi
