# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_ApplicantDialog(object):
    def setupUi(self, ApplicantDialog):
        if not ApplicantDialog.objectName():
            ApplicantDialog.setObjectName(u"ApplicantDialog")
        ApplicantDialog.resize(520, 560)
        self.mainLayout = QVBoxLayout(ApplicantDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ApplicantDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameEditLabel = QLabel(ApplicantDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(ApplicantDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.organizationComboLabel = QLabel(ApplicantDialog)
        self.organizationComboLabel.setObjectName(u"organizationComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organizationComboLabel)

        self.organizationCombo = QComboBox(ApplicantDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.idNumberEditLabel = QLabel(ApplicantDialog)
        self.idNumberEditLabel.setObjectName(u"idNumberEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idNumberEditLabel)

        self.idNumberEdit = QLineEdit(ApplicantDialog)
        self.idNumberEdit.setObjectName(u"idNumberEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idNumberEdit)

        self.genderComboLabel = QLabel(ApplicantDialog)
        self.genderComboLabel.setObjectName(u"genderComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.genderComboLabel)

        self.genderCombo = QComboBox(ApplicantDialog)
        self.genderCombo.setObjectName(u"genderCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.genderCombo)

        self.birthEditLabel = QLabel(ApplicantDialog)
        self.birthEditLabel.setObjectName(u"birthEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birthEditLabel)

        self.birthLayout = QHBoxLayout()
        self.birthLayout.setObjectName(u"birthLayout")
        self.birthCheck = QCheckBox(ApplicantDialog)
        self.birthCheck.setObjectName(u"birthCheck")

        self.birthLayout.addWidget(self.birthCheck)

        self.birthEdit = DateEdit(ApplicantDialog)
        self.birthEdit.setObjectName(u"birthEdit")
        self.birthEdit.setEnabled(False)
        self.birthEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.birthEdit.setCalendarPopup(True)

        self.birthLayout.addWidget(self.birthEdit)

        self.birthSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.birthLayout.addItem(self.birthSpacer)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.birthLayout)

        self.ethnicityComboLabel = QLabel(ApplicantDialog)
        self.ethnicityComboLabel.setObjectName(u"ethnicityComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicityComboLabel)

        self.ethnicityCombo = QComboBox(ApplicantDialog)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        self.ethnicityCombo.setEditable(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ethnicityCombo)

        self.appliedEditLabel = QLabel(ApplicantDialog)
        self.appliedEditLabel.setObjectName(u"appliedEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.appliedEditLabel)

        self.appliedEdit = DateEdit(ApplicantDialog)
        self.appliedEdit.setObjectName(u"appliedEdit")
        self.appliedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.appliedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.appliedEdit)

        self.educationComboLabel = QLabel(ApplicantDialog)
        self.educationComboLabel.setObjectName(u"educationComboLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.educationComboLabel)

        self.educationCombo = QComboBox(ApplicantDialog)
        self.educationCombo.setObjectName(u"educationCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.educationCombo)

        self.workUnitEditLabel = QLabel(ApplicantDialog)
        self.workUnitEditLabel.setObjectName(u"workUnitEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.workUnitEditLabel)

        self.workUnitEdit = QLineEdit(ApplicantDialog)
        self.workUnitEdit.setObjectName(u"workUnitEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.workUnitEdit)

        self.phoneEditLabel = QLabel(ApplicantDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(ApplicantDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.remarkEditLabel = QLabel(ApplicantDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(ApplicantDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(ApplicantDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ApplicantDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.organizationComboLabel.setBuddy(self.organizationCombo)
        self.idNumberEditLabel.setBuddy(self.idNumberEdit)
        self.genderComboLabel.setBuddy(self.genderCombo)
        self.birthEditLabel.setBuddy(self.birthCheck)
        self.ethnicityComboLabel.setBuddy(self.ethnicityCombo)
        self.appliedEditLabel.setBuddy(self.appliedEdit)
        self.educationComboLabel.setBuddy(self.educationCombo)
        self.workUnitEditLabel.setBuddy(self.workUnitEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthCheck)
        QWidget.setTabOrder(self.birthCheck, self.birthEdit)
        QWidget.setTabOrder(self.birthEdit, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.appliedEdit)
        QWidget.setTabOrder(self.appliedEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.workUnitEdit)
        QWidget.setTabOrder(self.workUnitEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(ApplicantDialog)

        QMetaObject.connectSlotsByName(ApplicantDialog)
    # setupUi

    def retranslateUi(self, ApplicantDialog):
        ApplicantDialog.setWindowTitle(QCoreApplication.translate("ApplicantDialog", u"New applicant", None))
        self.nameEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Name:", None))
        self.organizationComboLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Organization:", None))
        self.idNumberEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&ID number:", None))
        self.genderComboLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Gender:", None))
        self.birthEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Birth date:", None))
        self.birthCheck.setText(QCoreApplication.translate("ApplicantDialog", u"Not as in the ID number", None))
        self.ethnicityComboLabel.setText(QCoreApplication.translate("ApplicantDialog", u"E&thnicity:", None))
        self.appliedEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Applied on:", None))
        self.educationComboLabel.setText(QCoreApplication.translate("ApplicantDialog", u"E&ducation:", None))
        self.workUnitEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Work unit and post:", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"&Phone:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("ApplicantDialog", u"R&emark:", None))
    # retranslateUi
