# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.resize(420, 240)
        self.mainLayout = QVBoxLayout(ChangePasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ChangePasswordDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(ChangePasswordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldPasswordEditLabel = QLabel(ChangePasswordDialog)
        self.oldPasswordEditLabel.setObjectName(u"oldPasswordEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldPasswordEditLabel)

        self.oldPasswordEdit = QLineEdit(ChangePasswordDialog)
        self.oldPasswordEdit.setObjectName(u"oldPasswordEdit")
        self.oldPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.oldPasswordEdit.setMaxLength(128)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldPasswordEdit)

        self.passwordEditLabel = QLabel(ChangePasswordDialog)
        self.passwordEditLabel.setObjectName(u"passwordEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordEditLabel)

        self.passwordEdit = QLineEdit(ChangePasswordDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.password2EditLabel = QLabel(ChangePasswordDialog)
        self.password2EditLabel.setObjectName(u"password2EditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password2EditLabel)

        self.password2Edit = QLineEdit(ChangePasswordDialog)
        self.password2Edit.setObjectName(u"password2Edit")
        self.password2Edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2Edit.setMaxLength(128)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password2Edit)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ChangePasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldPasswordEditLabel.setBuddy(self.oldPasswordEdit)
        self.passwordEditLabel.setBuddy(self.passwordEdit)
        self.password2EditLabel.setBuddy(self.password2Edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangePasswordDialog)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Change password", None))
        self.oldPasswordEditLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&Current password:", None))
        self.passwordEditLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"&New password:", None))
        self.password2EditLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"New password &again:", None))
    # retranslateUi
