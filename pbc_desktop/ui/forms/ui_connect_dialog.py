# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_ConnectDialog(object):
    def setupUi(self, ConnectDialog):
        if not ConnectDialog.objectName():
            ConnectDialog.setObjectName(u"ConnectDialog")
        ConnectDialog.resize(460, 320)
        ConnectDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(ConnectDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ConnectDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(ConnectDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.recentComboLabel = QLabel(ConnectDialog)
        self.recentComboLabel.setObjectName(u"recentComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recentComboLabel)

        self.recentCombo = QComboBox(ConnectDialog)
        self.recentCombo.setObjectName(u"recentCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recentCombo)

        self.hostEditLabel = QLabel(ConnectDialog)
        self.hostEditLabel.setObjectName(u"hostEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hostEditLabel)

        self.hostEdit = QLineEdit(ConnectDialog)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(253)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portSpinLabel = QLabel(ConnectDialog)
        self.portSpinLabel.setObjectName(u"portSpinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.portSpinLabel)

        self.portSpin = IntSpinBox(ConnectDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseEditLabel = QLabel(ConnectDialog)
        self.databaseEditLabel.setObjectName(u"databaseEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.databaseEditLabel)

        self.databaseEdit = QLineEdit(ConnectDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setMaxLength(63)
        self.databaseEdit.setText(u"pbc")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.accountEditLabel = QLabel(ConnectDialog)
        self.accountEditLabel.setObjectName(u"accountEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.accountEditLabel)

        self.accountEdit = QLineEdit(ConnectDialog)
        self.accountEdit.setObjectName(u"accountEdit")
        self.accountEdit.setMaxLength(63)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.accountEdit)

        self.passwordEditLabel = QLabel(ConnectDialog)
        self.passwordEditLabel.setObjectName(u"passwordEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passwordEditLabel)

        self.passwordEdit = QLineEdit(ConnectDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.rememberCheck = QCheckBox(ConnectDialog)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rememberCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ConnectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recentComboLabel.setBuddy(self.recentCombo)
        self.hostEditLabel.setBuddy(self.hostEdit)
        self.portSpinLabel.setBuddy(self.portSpin)
        self.databaseEditLabel.setBuddy(self.databaseEdit)
        self.accountEditLabel.setBuddy(self.accountEdit)
        self.passwordEditLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recentCombo, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.accountEdit)
        QWidget.setTabOrder(self.accountEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.rememberCheck)

        self.retranslateUi(ConnectDialog)

        QMetaObject.connectSlotsByName(ConnectDialog)
    # setupUi

    def retranslateUi(self, ConnectDialog):
        ConnectDialog.setWindowTitle(QCoreApplication.translate("ConnectDialog", u"Connect to a server", None))
        self.introLabel.setText(QCoreApplication.translate("ConnectDialog", u"The shared database of the town or the district on its server. The account and password are the office's, given by the server's administrator; then you sign in with your own account.", None))
        self.recentComboLabel.setText(QCoreApplication.translate("ConnectDialog", u"R&ecent:", None))
        self.hostEditLabel.setText(QCoreApplication.translate("ConnectDialog", u"&Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ConnectDialog", u"10.38.1.5", None))
        self.portSpinLabel.setText(QCoreApplication.translate("ConnectDialog", u"P&ort:", None))
        self.databaseEditLabel.setText(QCoreApplication.translate("ConnectDialog", u"&Database:", None))
        self.accountEditLabel.setText(QCoreApplication.translate("ConnectDialog", u"&Account:", None))
        self.passwordEditLabel.setText(QCoreApplication.translate("ConnectDialog", u"&Password:", None))
        self.rememberCheck.setText(QCoreApplication.translate("ConnectDialog", u"Re&member the password", None))
    # retranslateUi
