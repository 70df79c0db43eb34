# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_FirstAdminDialog(object):
    def setupUi(self, FirstAdminDialog):
        if not FirstAdminDialog.objectName():
            FirstAdminDialog.setObjectName(u"FirstAdminDialog")
        FirstAdminDialog.resize(520, 440)
        FirstAdminDialog.setMinimumSize(QSize(460, 0))
        self.mainLayout = QVBoxLayout(FirstAdminDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstAdminDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(FirstAdminDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameEditLabel = QLabel(FirstAdminDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(FirstAdminDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.unitEditLabel = QLabel(FirstAdminDialog)
        self.unitEditLabel.setObjectName(u"unitEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitEditLabel)

        self.unitEdit = QLineEdit(FirstAdminDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(120)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.usernameEditLabel = QLabel(FirstAdminDialog)
        self.usernameEditLabel.setObjectName(u"usernameEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameEditLabel)

        self.usernameEdit = QLineEdit(FirstAdminDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(60)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.passwordEditLabel = QLabel(FirstAdminDialog)
        self.passwordEditLabel.setObjectName(u"passwordEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordEditLabel)

        self.passwordEdit = QLineEdit(FirstAdminDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(128)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordAgainEditLabel = QLabel(FirstAdminDialog)
        self.passwordAgainEditLabel.setObjectName(u"passwordAgainEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordAgainEditLabel)

        self.passwordAgainEdit = QLineEdit(FirstAdminDialog)
        self.passwordAgainEdit.setObjectName(u"passwordAgainEdit")
        self.passwordAgainEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordAgainEdit.setMaxLength(128)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordAgainEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.officeGroup = QGroupBox(FirstAdminDialog)
        self.officeGroup.setObjectName(u"officeGroup")
        self.officeLayout = QVBoxLayout(self.officeGroup)
        self.officeLayout.setObjectName(u"officeLayout")
        self.officeIntroLabel = QLabel(self.officeGroup)
        self.officeIntroLabel.setObjectName(u"officeIntroLabel")
        self.officeIntroLabel.setWordWrap(True)

        self.officeLayout.addWidget(self.officeIntroLabel)

        self.officeFormLayout = QFormLayout()
        self.officeFormLayout.setObjectName(u"officeFormLayout")
        self.officeLevelComboLabel = QLabel(self.officeGroup)
        self.officeLevelComboLabel.setObjectName(u"officeLevelComboLabel")

        self.officeFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officeLevelComboLabel)

        self.officeLevelCombo = QComboBox(self.officeGroup)
        self.officeLevelCombo.setObjectName(u"officeLevelCombo")

        self.officeFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officeLevelCombo)

        self.officeOrganizationComboLabel = QLabel(self.officeGroup)
        self.officeOrganizationComboLabel.setObjectName(u"officeOrganizationComboLabel")

        self.officeFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officeOrganizationComboLabel)

        self.officeOrganizationCombo = QComboBox(self.officeGroup)
        self.officeOrganizationCombo.setObjectName(u"officeOrganizationCombo")

        self.officeFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officeOrganizationCombo)

        self.officeTownComboLabel = QLabel(self.officeGroup)
        self.officeTownComboLabel.setObjectName(u"officeTownComboLabel")

        self.officeFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officeTownComboLabel)

        self.officeTownCombo = QComboBox(self.officeGroup)
        self.officeTownCombo.setObjectName(u"officeTownCombo")

        self.officeFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officeTownCombo)

        self.officeNameEditLabel = QLabel(self.officeGroup)
        self.officeNameEditLabel.setObjectName(u"officeNameEditLabel")

        self.officeFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officeNameEditLabel)

        self.officeNameEdit = QLineEdit(self.officeGroup)
        self.officeNameEdit.setObjectName(u"officeNameEdit")

        self.officeFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officeNameEdit)


        self.officeLayout.addLayout(self.officeFormLayout)


        self.mainLayout.addWidget(self.officeGroup)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(FirstAdminDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.unitEditLabel.setBuddy(self.unitEdit)
        self.usernameEditLabel.setBuddy(self.usernameEdit)
        self.passwordEditLabel.setBuddy(self.passwordEdit)
        self.passwordAgainEditLabel.setBuddy(self.passwordAgainEdit)
        self.officeLevelComboLabel.setBuddy(self.officeLevelCombo)
        self.officeOrganizationComboLabel.setBuddy(self.officeOrganizationCombo)
        self.officeTownComboLabel.setBuddy(self.officeTownCombo)
        self.officeNameEditLabel.setBuddy(self.officeNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstAdminDialog)

        QMetaObject.connectSlotsByName(FirstAdminDialog)
    # setupUi

    def retranslateUi(self, FirstAdminDialog):
        FirstAdminDialog.setWindowTitle(QCoreApplication.translate("FirstAdminDialog", u"First administrator", None))
        self.nameEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Name:", None))
        self.unitEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Unit / post:", None))
        self.usernameEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"User na&me:", None))
        self.passwordEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Password:", None))
        self.passwordAgainEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"Password &again:", None))
        self.officeGroup.setTitle(QCoreApplication.translate("FirstAdminDialog", u"This office", None))
        self.officeLevelComboLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Level:", None))
        self.officeOrganizationComboLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Organization (a village office):", None))
        self.officeTownComboLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Town (a town office):", None))
        self.officeNameEditLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"O&ffice name:", None))
    # retranslateUi
