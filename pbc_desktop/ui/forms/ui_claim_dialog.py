# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QRadioButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_ClaimDialog(object):
    def setupUi(self, ClaimDialog):
        if not ClaimDialog.objectName():
            ClaimDialog.setObjectName(u"ClaimDialog")
        ClaimDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(ClaimDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ClaimDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.itemLabelLabel = QLabel(ClaimDialog)
        self.itemLabelLabel.setObjectName(u"itemLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemLabelLabel)

        self.itemLabel = QLabel(ClaimDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemLabel)

        self.singleRadioLabel = QLabel(ClaimDialog)
        self.singleRadioLabel.setObjectName(u"singleRadioLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.singleRadioLabel)

        self.modeLayout = QHBoxLayout()
        self.modeLayout.setObjectName(u"modeLayout")
        self.singleRadio = QRadioButton(ClaimDialog)
        self.singleRadio.setObjectName(u"singleRadio")
        self.singleRadio.setChecked(True)

        self.modeLayout.addWidget(self.singleRadio)

        self.groupRadio = QRadioButton(ClaimDialog)
        self.groupRadio.setObjectName(u"groupRadio")

        self.modeLayout.addWidget(self.groupRadio)

        self.modeLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.modeLayout.addItem(self.modeLayoutSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.modeLayout)

        self.leadComboLabel = QLabel(ClaimDialog)
        self.leadComboLabel.setObjectName(u"leadComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leadComboLabel)

        self.leadCombo = QComboBox(ClaimDialog)
        self.leadCombo.setObjectName(u"leadCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leadCombo)

        self.partnersTableLabel = QLabel(ClaimDialog)
        self.partnersTableLabel.setObjectName(u"partnersTableLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.partnersTableLabel)

        self.partnersLayout = QVBoxLayout()
        self.partnersLayout.setObjectName(u"partnersLayout")
        self.partnersTable = QTableWidget(ClaimDialog)
        self.partnersTable.setObjectName(u"partnersTable")
        self.partnersTable.setColumnCount(2)

        self.partnersLayout.addWidget(self.partnersTable)

        self.partnersHint = QLabel(ClaimDialog)
        self.partnersHint.setObjectName(u"partnersHint")
        self.partnersHint.setWordWrap(True)

        self.partnersLayout.addWidget(self.partnersHint)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.partnersLayout)

        self.responsibleEditLabel = QLabel(ClaimDialog)
        self.responsibleEditLabel.setObjectName(u"responsibleEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.responsibleEditLabel)

        self.responsibleEdit = QLineEdit(ClaimDialog)
        self.responsibleEdit.setObjectName(u"responsibleEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.responsibleEdit)

        self.claimedEditLabel = QLabel(ClaimDialog)
        self.claimedEditLabel.setObjectName(u"claimedEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.claimedEditLabel)

        self.claimedEdit = DateEdit(ClaimDialog)
        self.claimedEdit.setObjectName(u"claimedEdit")
        self.claimedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.claimedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.claimedEdit)

        self.deadlineCheckLabel = QLabel(ClaimDialog)
        self.deadlineCheckLabel.setObjectName(u"deadlineCheckLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.deadlineCheckLabel)

        self.deadlineLayout = QHBoxLayout()
        self.deadlineLayout.setObjectName(u"deadlineLayout")
        self.deadlineCheck = QCheckBox(ClaimDialog)
        self.deadlineCheck.setObjectName(u"deadlineCheck")
        self.deadlineCheck.setChecked(True)

        self.deadlineLayout.addWidget(self.deadlineCheck)

        self.deadlineEdit = DateEdit(ClaimDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.deadlineEdit.setCalendarPopup(True)

        self.deadlineLayout.addWidget(self.deadlineEdit)

        self.deadlineLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadlineLayout.addItem(self.deadlineLayoutSpacer)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.deadlineLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ClaimDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.leadComboLabel.setBuddy(self.leadCombo)
        self.partnersTableLabel.setBuddy(self.partnersTable)
        self.responsibleEditLabel.setBuddy(self.responsibleEdit)
        self.claimedEditLabel.setBuddy(self.claimedEdit)
        self.deadlineCheckLabel.setBuddy(self.deadlineCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ClaimDialog)

        QMetaObject.connectSlotsByName(ClaimDialog)
    # setupUi

    def retranslateUi(self, ClaimDialog):
        ClaimDialog.setWindowTitle(QCoreApplication.translate("ClaimDialog", u"Claim a project", None))
        self.itemLabelLabel.setText(QCoreApplication.translate("ClaimDialog", u"Item:", None))
        self.singleRadioLabel.setText(QCoreApplication.translate("ClaimDialog", u"Mode:", None))
        self.singleRadio.setText(QCoreApplication.translate("ClaimDialog", u"&Single claim", None))
        self.groupRadio.setText(QCoreApplication.translate("ClaimDialog", u"&Group claim", None))
        self.leadComboLabel.setText(QCoreApplication.translate("ClaimDialog", u"&Lead organization:", None))
        self.partnersTableLabel.setText(QCoreApplication.translate("ClaimDialog", u"&Partners:", None))
        self.responsibleEditLabel.setText(QCoreApplication.translate("ClaimDialog", u"&Responsible person:", None))
        self.claimedEditLabel.setText(QCoreApplication.translate("ClaimDialog", u"&Claimed on:", None))
        self.deadlineCheckLabel.setText(QCoreApplication.translate("ClaimDialog", u"&Deadline:", None))
        self.deadlineCheck.setText(QCoreApplication.translate("ClaimDialog", u"Has a deadline", None))
    # retranslateUi
