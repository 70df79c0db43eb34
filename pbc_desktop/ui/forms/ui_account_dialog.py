# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        AccountDialog.resize(460, 360)
        self.mainLayout = QVBoxLayout(AccountDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AccountDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(AccountDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameEditLabel = QLabel(AccountDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(AccountDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.unitEditLabel = QLabel(AccountDialog)
        self.unitEditLabel.setObjectName(u"unitEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitEditLabel)

        self.unitEdit = QLineEdit(AccountDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(120)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.usernameEditLabel = QLabel(AccountDialog)
        self.usernameEditLabel.setObjectName(u"usernameEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameEditLabel)

        self.usernameEdit = QLineEdit(AccountDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(60)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.roleComboLabel = QLabel(AccountDialog)
        self.roleComboLabel.setObjectName(u"roleComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleComboLabel)

        self.roleCombo = QComboBox(AccountDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.organizationComboLabel = QLabel(AccountDialog)
        self.organizationComboLabel.setObjectName(u"organizationComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organizationComboLabel)

        self.organizationCombo = QComboBox(AccountDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.townComboLabel = QLabel(AccountDialog)
        self.townComboLabel.setObjectName(u"townComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.townComboLabel)

        self.townCombo = QComboBox(AccountDialog)
        self.townCombo.setObjectName(u"townCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.townCombo)

        self.passwordEditLabel = QLabel(AccountDialog)
        self.passwordEditLabel.setObjectName(u"passwordEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordEditLabel)

        self.passwordEdit = QLineEdit(AccountDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.password2EditLabel = QLabel(AccountDialog)
        self.password2EditLabel.setObjectName(u"password2EditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.password2EditLabel)

        self.password2Edit = QLineEdit(AccountDialog)
        self.password2Edit.setObjectName(u"password2Edit")
        self.password2Edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2Edit.setMaxLength(128)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.password2Edit)


        self.mainLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(AccountDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.unitEditLabel.setBuddy(self.unitEdit)
        self.usernameEditLabel.setBuddy(self.usernameEdit)
        self.roleComboLabel.setBuddy(self.roleCombo)
        self.organizationComboLabel.setBuddy(self.organizationCombo)
        self.townComboLabel.setBuddy(self.townCombo)
        self.passwordEditLabel.setBuddy(self.passwordEdit)
        self.password2EditLabel.setBuddy(self.password2Edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"Account", None))
        self.nameEditLabel.setText(QCoreApplication.translate("AccountDialog", u"&Name:", None))
        self.unitEditLabel.setText(QCoreApplication.translate("AccountDialog", u"&Unit / post:", None))
        self.usernameEditLabel.setText(QCoreApplication.translate("AccountDialog", u"User na&me:", None))
        self.roleComboLabel.setText(QCoreApplication.translate("AccountDialog", u"&Role:", None))
        self.organizationComboLabel.setText(QCoreApplication.translate("AccountDialog", u"&Organization:", None))
        self.townComboLabel.setText(QCoreApplication.translate("AccountDialog", u"&Town:", None))
        self.passwordEditLabel.setText(QCoreApplication.translate("AccountDialog", u"&Password:", None))
        self.password2EditLabel.setText(QCoreApplication.translate("AccountDialog", u"Password &again:", None))
    # retranslateUi
