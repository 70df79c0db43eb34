# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ResetPasswordDialog(object):
    def setupUi(self, ResetPasswordDialog):
        if not ResetPasswordDialog.objectName():
            ResetPasswordDialog.setObjectName(u"ResetPasswordDialog")
        ResetPasswordDialog.resize(400, 200)
        self.mainLayout = QVBoxLayout(ResetPasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.accountLabel = QLabel(ResetPasswordDialog)
        self.accountLabel.setObjectName(u"accountLabel")
        self.accountLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.accountLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passwordLabel = QLabel(ResetPasswordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(ResetPasswordDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordAgainLabel = QLabel(ResetPasswordDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgainEdit = QLineEdit(ResetPasswordDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordAgainEdit.setMaxLength(128)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(ResetPasswordDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(u"color: #666;")

        self.mainLayout.addWidget(self.noteLabel)

        self.errorLabel = QLabel(ResetPasswordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ResetPasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passwordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.buttonBox)

        self.retranslateUi(ResetPasswordDialog)

        QMetaObject.connectSlotsByName(ResetPasswordDialog)
    # setupUi

    def retranslateUi(self, ResetPasswordDialog):
        ResetPasswordDialog.setWindowTitle(QCoreApplication.translate("ResetPasswordDialog", u"Reset password", None))
        self.accountLabel.setText("")
        self.passwordLabel.setText(QCoreApplication.translate("ResetPasswordDialog", u"New &password:", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("ResetPasswordDialog", u"Repeat p&assword:", None))
        self.noteLabel.setText(QCoreApplication.translate("ResetPasswordDialog", u"The person must choose a new password at the next sign-in.", None))
    # retranslateUi
