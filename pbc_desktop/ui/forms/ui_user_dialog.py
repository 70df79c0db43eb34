# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(460, 380)
        self.mainLayout = QVBoxLayout(UserDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.usernameLabel = QLabel(UserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(UserDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(60)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.nameLabel = QLabel(UserDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(UserDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.unitLabel = QLabel(UserDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(UserDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(120)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.roleLabel = QLabel(UserDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(UserDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.organizationLabel = QLabel(UserDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationCombo = QComboBox(UserDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")
        self.organizationCombo.setEditable(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.townLabel = QLabel(UserDialog)
        self.townLabel.setObjectName(u"townLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.townLabel)

        self.townCombo = QComboBox(UserDialog)
        self.townCombo.setObjectName(u"townCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.townCombo)

        self.passwordLabel = QLabel(UserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(UserDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordAgainLabel = QLabel(UserDialog)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgainEdit = QLineEdit(UserDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordAgainEdit.setMaxLength(128)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.scopeNote = QLabel(UserDialog)
        self.scopeNote.setObjectName(u"scopeNote")
        self.scopeNote.setWordWrap(True)
        self.scopeNote.setStyleSheet(u"color: #666;")

        self.mainLayout.addWidget(self.scopeNote)

        self.errorLabel = QLabel(UserDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(UserDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.organizationLabel.setBuddy(self.organizationCombo)
        self.townLabel.setBuddy(self.townCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.passwordAgainLabel.setBuddy(self.passwordAgainEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.townCombo)
        QWidget.setTabOrder(self.townCombo, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.passwordAgainEdit)
        QWidget.setTabOrder(self.passwordAgainEdit, self.buttonBox)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"New account", None))
        self.usernameLabel.setText(QCoreApplication.translate("UserDialog", u"&User name:", None))
        self.nameLabel.setText(QCoreApplication.translate("UserDialog", u"&Name:", None))
        self.unitLabel.setText(QCoreApplication.translate("UserDialog", u"Un&it / post:", None))
        self.roleLabel.setText(QCoreApplication.translate("UserDialog", u"&Role:", None))
        self.organizationLabel.setText(QCoreApplication.translate("UserDialog", u"&Organization:", None))
        self.townLabel.setText(QCoreApplication.translate("UserDialog", u"&Town:", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserDialog", u"Initial &password:", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("UserDialog", u"Repeat p&assword:", None))
        self.scopeNote.setText("")
    # retranslateUi
