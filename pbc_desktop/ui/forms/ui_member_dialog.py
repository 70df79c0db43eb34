# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(760, 500)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.personalBox = QGroupBox(MemberDialog)
        self.personalBox.setObjectName(u"personalBox")
        self.personalLayout = QGridLayout(self.personalBox)
        self.personalLayout.setObjectName(u"personalLayout")
        self.nameLabel = QLabel(self.personalBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.personalLayout.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.personalBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.personalLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.idLabel = QLabel(self.personalBox)
        self.idLabel.setObjectName(u"idLabel")

        self.personalLayout.addWidget(self.idLabel, 0, 2, 1, 1)

        self.idEdit = QLineEdit(self.personalBox)
        self.idEdit.setObjectName(u"idEdit")
        self.idEdit.setMaxLength(22)

        self.personalLayout.addWidget(self.idEdit, 0, 3, 1, 1)

        self.idHintLabel = QLabel(self.personalBox)
        self.idHintLabel.setObjectName(u"idHintLabel")
        self.idHintLabel.setWordWrap(True)

        self.personalLayout.addWidget(self.idHintLabel, 1, 3, 1, 1)

        self.genderLabel = QLabel(self.personalBox)
        self.genderLabel.setObjectName(u"genderLabel")

        self.personalLayout.addWidget(self.genderLabel, 2, 0, 1, 1)

        self.genderCombo = QComboBox(self.personalBox)
        self.genderCombo.setObjectName(u"genderCombo")

        self.personalLayout.addWidget(self.genderCombo, 2, 1, 1, 1)

        self.birthLabel = QLabel(self.personalBox)
        self.birthLabel.setObjectName(u"birthLabel")

        self.personalLayout.addWidget(self.birthLabel, 2, 2, 1, 1)

        self.birthLayout = QHBoxLayout()
        self.birthLayout.setObjectName(u"birthLayout")
        self.birthCheck = QCheckBox(self.personalBox)
        self.birthCheck.setObjectName(u"birthCheck")

        self.birthLayout.addWidget(self.birthCheck)

        self.birthEdit = DateEdit(self.personalBox)
        self.birthEdit.setObjectName(u"birthEdit")
        self.birthEdit.setEnabled(False)
        self.birthEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.birthEdit.setCalendarPopup(True)

        self.birthLayout.addWidget(self.birthEdit)

        self.birthSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.birthLayout.addItem(self.birthSpacer)


        self.personalLayout.addLayout(self.birthLayout, 2, 3, 1, 1)

        self.ethnicityLabel = QLabel(self.personalBox)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.personalLayout.addWidget(self.ethnicityLabel, 3, 0, 1, 1)

        self.ethnicityCombo = QComboBox(self.personalBox)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        self.ethnicityCombo.setEditable(True)

        self.personalLayout.addWidget(self.ethnicityCombo, 3, 1, 1, 1)

        self.nativePlaceLabel = QLabel(self.personalBox)
        self.nativePlaceLabel.setObjectName(u"nativePlaceLabel")

        self.personalLayout.addWidget(self.nativePlaceLabel, 3, 2, 1, 1)

        self.nativePlaceEdit = QLineEdit(self.personalBox)
        self.nativePlaceEdit.setObjectName(u"nativePlaceEdit")
        self.nativePlaceEdit.setMaxLength(60)

        self.personalLayout.addWidget(self.nativePlaceEdit, 3, 3, 1, 1)

        self.educationLabel = QLabel(self.personalBox)
        self.educationLabel.setObjectName(u"educationLabel")

        self.personalLayout.addWidget(self.educationLabel, 4, 0, 1, 1)

        self.educationCombo = QComboBox(self.personalBox)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.personalLayout.addWidget(self.educationCombo, 4, 1, 1, 1)

        self.phoneLabel = QLabel(self.personalBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.personalLayout.addWidget(self.phoneLabel, 4, 2, 1, 1)

        self.phoneEdit = QLineEdit(self.personalBox)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(24)

        self.personalLayout.addWidget(self.phoneEdit, 4, 3, 1, 1)

        self.personalLayout.setColumnStretch(1, 1)
        self.personalLayout.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.personalBox)

        self.partyBox = QGroupBox(MemberDialog)
        self.partyBox.setObjectName(u"partyBox")
        self.partyLayout = QGridLayout(self.partyBox)
        self.partyLayout.setObjectName(u"partyLayout")
        self.organizationLabel = QLabel(self.partyBox)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.partyLayout.addWidget(self.organizationLabel, 0, 0, 1, 1)

        self.organizationCombo = QComboBox(self.partyBox)
        self.organizationCombo.setObjectName(u"organizationCombo")
        self.organizationCombo.setEditable(True)

        self.partyLayout.addWidget(self.organizationCombo, 0, 1, 1, 3)

        self.categoryLabel = QLabel(self.partyBox)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.partyLayout.addWidget(self.categoryLabel, 1, 0, 1, 1)

        self.categoryCombo = QComboBox(self.partyBox)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.partyLayout.addWidget(self.categoryCombo, 1, 1, 1, 1)

        self.statusLabel = QLabel(self.partyBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.partyLayout.addWidget(self.statusLabel, 1, 2, 1, 1)

        self.statusCombo = QComboBox(self.partyBox)
        self.statusCombo.setObjectName(u"statusCombo")

        self.partyLayout.addWidget(self.statusCombo, 1, 3, 1, 1)

        self.joinedLabel = QLabel(self.partyBox)
        self.joinedLabel.setObjectName(u"joinedLabel")

        self.partyLayout.addWidget(self.joinedLabel, 2, 0, 1, 1)

        self.joinedLayout = QHBoxLayout()
        self.joinedLayout.setObjectName(u"joinedLayout")
        self.joinedCheck = QCheckBox(self.partyBox)
        self.joinedCheck.setObjectName(u"joinedCheck")

        self.joinedLayout.addWidget(self.joinedCheck)

        self.joinedEdit = DateEdit(self.partyBox)
        self.joinedEdit.setObjectName(u"joinedEdit")
        self.joinedEdit.setEnabled(False)
        self.joinedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.joinedEdit.setCalendarPopup(True)

        self.joinedLayout.addWidget(self.joinedEdit)

        self.joinedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.joinedLayout.addItem(self.joinedSpacer)


        self.partyLayout.addLayout(self.joinedLayout, 2, 1, 1, 1)

        self.confirmedLabel = QLabel(self.partyBox)
        self.confirmedLabel.setObjectName(u"confirmedLabel")

        self.partyLayout.addWidget(self.confirmedLabel, 2, 2, 1, 1)

        self.confirmedLayout = QHBoxLayout()
        self.confirmedLayout.setObjectName(u"confirmedLayout")
        self.confirmedCheck = QCheckBox(self.partyBox)
        self.confirmedCheck.setObjectName(u"confirmedCheck")

        self.confirmedLayout.addWidget(self.confirmedCheck)

        self.confirmedEdit = DateEdit(self.partyBox)
        self.confirmedEdit.setObjectName(u"confirmedEdit")
        self.confirmedEdit.setEnabled(False)
        self.confirmedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.confirmedEdit.setCalendarPopup(True)

        self.confirmedLayout.addWidget(self.confirmedEdit)

        self.confirmedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.confirmedLayout.addItem(self.confirmedSpacer)


        self.partyLayout.addLayout(self.confirmedLayout, 2, 3, 1, 1)

        self.partyPostLabel = QLabel(self.partyBox)
        self.partyPostLabel.setObjectName(u"partyPostLabel")

        self.partyLayout.addWidget(self.partyPostLabel, 3, 0, 1, 1)

        self.partyPostEdit = QLineEdit(self.partyBox)
        self.partyPostEdit.setObjectName(u"partyPostEdit")
        self.partyPostEdit.setMaxLength(60)

        self.partyLayout.addWidget(self.partyPostEdit, 3, 1, 1, 1)

        self.workUnitLabel = QLabel(self.partyBox)
        self.workUnitLabel.setObjectName(u"workUnitLabel")

        self.partyLayout.addWidget(self.workUnitLabel, 3, 2, 1, 1)

        self.workUnitEdit = QLineEdit(self.partyBox)
        self.workUnitEdit.setObjectName(u"workUnitEdit")
        self.workUnitEdit.setMaxLength(120)

        self.partyLayout.addWidget(self.workUnitEdit, 3, 3, 1, 1)

        self.partyLayout.setColumnStretch(1, 1)
        self.partyLayout.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.partyBox)

        self.remarkBox = QGroupBox(MemberDialog)
        self.remarkBox.setObjectName(u"remarkBox")
        self.remarkLayout = QVBoxLayout(self.remarkBox)
        self.remarkLayout.setObjectName(u"remarkLayout")
        self.remarkEdit = QPlainTextEdit(self.remarkBox)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setMinimumSize(QSize(0, 50))
        self.remarkEdit.setTabChangesFocus(True)

        self.remarkLayout.addWidget(self.remarkEdit)


        self.mainLayout.addWidget(self.remarkBox)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idLabel.setBuddy(self.idEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birthLabel.setBuddy(self.birthCheck)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.nativePlaceLabel.setBuddy(self.nativePlaceEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.organizationLabel.setBuddy(self.organizationCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.joinedLabel.setBuddy(self.joinedCheck)
        self.confirmedLabel.setBuddy(self.confirmedCheck)
        self.partyPostLabel.setBuddy(self.partyPostEdit)
        self.workUnitLabel.setBuddy(self.workUnitEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.idEdit)
        QWidget.setTabOrder(self.idEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthCheck)
        QWidget.setTabOrder(self.birthCheck, self.birthEdit)
        QWidget.setTabOrder(self.birthEdit, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.nativePlaceEdit)
        QWidget.setTabOrder(self.nativePlaceEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.joinedCheck)
        QWidget.setTabOrder(self.joinedCheck, self.joinedEdit)
        QWidget.setTabOrder(self.joinedEdit, self.confirmedCheck)
        QWidget.setTabOrder(self.confirmedCheck, self.confirmedEdit)
        QWidget.setTabOrder(self.confirmedEdit, self.partyPostEdit)
        QWidget.setTabOrder(self.partyPostEdit, self.workUnitEdit)
        QWidget.setTabOrder(self.workUnitEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"Party member", None))
        self.personalBox.setTitle(QCoreApplication.translate("MemberDialog", u"Personal information", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"&Name:", None))
        self.idLabel.setText(QCoreApplication.translate("MemberDialog", u"&ID number:", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberDialog", u"&Gender:", None))
        self.birthLabel.setText(QCoreApplication.translate("MemberDialog", u"&Birth date:", None))
        self.birthCheck.setText(QCoreApplication.translate("MemberDialog", u"Known", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"&Ethnicity:", None))
        self.nativePlaceLabel.setText(QCoreApplication.translate("MemberDialog", u"Nati&ve place:", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"Ed&ucation:", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"P&hone:", None))
        self.partyBox.setTitle(QCoreApplication.translate("MemberDialog", u"Party membership", None))
        self.organizationLabel.setText(QCoreApplication.translate("MemberDialog", u"Party &organization:", None))
        self.categoryLabel.setText(QCoreApplication.translate("MemberDialog", u"&Category:", None))
        self.statusLabel.setText(QCoreApplication.translate("MemberDialog", u"&Status:", None))
        self.joinedLabel.setText(QCoreApplication.translate("MemberDialog", u"&Joined on:", None))
        self.joinedCheck.setText(QCoreApplication.translate("MemberDialog", u"Known", None))
        self.confirmedLabel.setText(QCoreApplication.translate("MemberDialog", u"Con&firmed on:", None))
        self.confirmedCheck.setText(QCoreApplication.translate("MemberDialog", u"Known", None))
        self.partyPostLabel.setText(QCoreApplication.translate("MemberDialog", u"Party &post:", None))
        self.workUnitLabel.setText(QCoreApplication.translate("MemberDialog", u"&Work unit and post:", None))
        self.remarkBox.setTitle(QCoreApplication.translate("MemberDialog", u"&Remark", None))
    # retranslateUi
