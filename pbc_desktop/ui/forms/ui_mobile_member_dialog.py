# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_MobileMemberDialog(object):
    def setupUi(self, MobileMemberDialog):
        if not MobileMemberDialog.objectName():
            MobileMemberDialog.setObjectName(u"MobileMemberDialog")
        MobileMemberDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(MobileMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(MobileMemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabelLabel = QLabel(MobileMemberDialog)
        self.memberLabelLabel.setObjectName(u"memberLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabelLabel)

        self.memberLabel = QLabel(MobileMemberDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setWordWrap(True)
        self.memberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.leftEditLabel = QLabel(MobileMemberDialog)
        self.leftEditLabel.setObjectName(u"leftEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.leftEditLabel)

        self.leftEdit = DateEdit(MobileMemberDialog)
        self.leftEdit.setObjectName(u"leftEdit")
        self.leftEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.leftEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leftEdit)

        self.whereaboutsEditLabel = QLabel(MobileMemberDialog)
        self.whereaboutsEditLabel.setObjectName(u"whereaboutsEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whereaboutsEditLabel)

        self.whereaboutsEdit = QLineEdit(MobileMemberDialog)
        self.whereaboutsEdit.setObjectName(u"whereaboutsEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.whereaboutsEdit)

        self.contactPhoneEditLabel = QLabel(MobileMemberDialog)
        self.contactPhoneEditLabel.setObjectName(u"contactPhoneEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactPhoneEditLabel)

        self.contactPhoneEdit = QLineEdit(MobileMemberDialog)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)

        self.managingOrganizationComboLabel = QLabel(MobileMemberDialog)
        self.managingOrganizationComboLabel.setObjectName(u"managingOrganizationComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.managingOrganizationComboLabel)

        self.managingOrganizationCombo = QComboBox(MobileMemberDialog)
        self.managingOrganizationCombo.setObjectName(u"managingOrganizationCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.managingOrganizationCombo)

        self.managingUnitEditLabel = QLabel(MobileMemberDialog)
        self.managingUnitEditLabel.setObjectName(u"managingUnitEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.managingUnitEditLabel)

        self.managingUnitEdit = QLineEdit(MobileMemberDialog)
        self.managingUnitEdit.setObjectName(u"managingUnitEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.managingUnitEdit)

        self.remarkEditLabel = QLabel(MobileMemberDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(MobileMemberDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(MobileMemberDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(MobileMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.leftEditLabel.setBuddy(self.leftEdit)
        self.whereaboutsEditLabel.setBuddy(self.whereaboutsEdit)
        self.contactPhoneEditLabel.setBuddy(self.contactPhoneEdit)
        self.managingOrganizationComboLabel.setBuddy(self.managingOrganizationCombo)
        self.managingUnitEditLabel.setBuddy(self.managingUnitEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.leftEdit, self.whereaboutsEdit)
        QWidget.setTabOrder(self.whereaboutsEdit, self.contactPhoneEdit)
        QWidget.setTabOrder(self.contactPhoneEdit, self.managingOrganizationCombo)
        QWidget.setTabOrder(self.managingOrganizationCombo, self.managingUnitEdit)
        QWidget.setTabOrder(self.managingUnitEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(MobileMemberDialog)

        QMetaObject.connectSlotsByName(MobileMemberDialog)
    # setupUi

    def retranslateUi(self, MobileMemberDialog):
        MobileMemberDialog.setWindowTitle(QCoreApplication.translate("MobileMemberDialog", u"Mobile Party member", None))
        self.memberLabelLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"Member:", None))
        self.leftEditLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"&Left on:", None))
        self.whereaboutsEditLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"&Whereabouts:", None))
        self.contactPhoneEditLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"Contact &phone:", None))
        self.managingOrganizationComboLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"Managing &organization in the district:", None))
        self.managingUnitEditLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"Or managing &unit elsewhere:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("MobileMemberDialog", u"R&emark:", None))
    # retranslateUi
