# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit
from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_TransferOutDialog(object):
    def setupUi(self, TransferOutDialog):
        if not TransferOutDialog.objectName():
            TransferOutDialog.setObjectName(u"TransferOutDialog")
        TransferOutDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(TransferOutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(TransferOutDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabelLabel = QLabel(TransferOutDialog)
        self.memberLabelLabel.setObjectName(u"memberLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabelLabel)

        self.memberLabel = QLabel(TransferOutDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setWordWrap(True)
        self.memberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.toOrganizationComboLabel = QLabel(TransferOutDialog)
        self.toOrganizationComboLabel.setObjectName(u"toOrganizationComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toOrganizationComboLabel)

        self.toOrganizationCombo = QComboBox(TransferOutDialog)
        self.toOrganizationCombo.setObjectName(u"toOrganizationCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toOrganizationCombo)

        self.toUnitEditLabel = QLabel(TransferOutDialog)
        self.toUnitEditLabel.setObjectName(u"toUnitEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.toUnitEditLabel)

        self.toUnitEdit = QLineEdit(TransferOutDialog)
        self.toUnitEdit.setObjectName(u"toUnitEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.toUnitEdit)

        self.letterNumberEditLabel = QLabel(TransferOutDialog)
        self.letterNumberEditLabel.setObjectName(u"letterNumberEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.letterNumberEditLabel)

        self.letterNumberEdit = QLineEdit(TransferOutDialog)
        self.letterNumberEdit.setObjectName(u"letterNumberEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.letterNumberEdit)

        self.issuedEditLabel = QLabel(TransferOutDialog)
        self.issuedEditLabel.setObjectName(u"issuedEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.issuedEditLabel)

        self.issuedEdit = DateEdit(TransferOutDialog)
        self.issuedEdit.setObjectName(u"issuedEdit")
        self.issuedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.issuedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.issuedEdit)

        self.validDaysSpinLabel = QLabel(TransferOutDialog)
        self.validDaysSpinLabel.setObjectName(u"validDaysSpinLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.validDaysSpinLabel)

        self.validDaysSpin = IntSpinBox(TransferOutDialog)
        self.validDaysSpin.setObjectName(u"validDaysSpin")
        self.validDaysSpin.setMinimum(1)
        self.validDaysSpin.setMaximum(365)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.validDaysSpin)

        self.reasonEditLabel = QLabel(TransferOutDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QLineEdit(TransferOutDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.remarkEditLabel = QLabel(TransferOutDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(TransferOutDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(TransferOutDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(TransferOutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.toOrganizationComboLabel.setBuddy(self.toOrganizationCombo)
        self.toUnitEditLabel.setBuddy(self.toUnitEdit)
        self.letterNumberEditLabel.setBuddy(self.letterNumberEdit)
        self.issuedEditLabel.setBuddy(self.issuedEdit)
        self.validDaysSpinLabel.setBuddy(self.validDaysSpin)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.toOrganizationCombo, self.toUnitEdit)
        QWidget.setTabOrder(self.toUnitEdit, self.letterNumberEdit)
        QWidget.setTabOrder(self.letterNumberEdit, self.issuedEdit)
        QWidget.setTabOrder(self.issuedEdit, self.validDaysSpin)
        QWidget.setTabOrder(self.validDaysSpin, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(TransferOutDialog)

        QMetaObject.connectSlotsByName(TransferOutDialog)
    # setupUi

    def retranslateUi(self, TransferOutDialog):
        TransferOutDialog.setWindowTitle(QCoreApplication.translate("TransferOutDialog", u"Letter of transfer", None))
        self.memberLabelLabel.setText(QCoreApplication.translate("TransferOutDialog", u"Member:", None))
        self.toOrganizationComboLabel.setText(QCoreApplication.translate("TransferOutDialog", u"To &organization in the district:", None))
        self.toUnitEditLabel.setText(QCoreApplication.translate("TransferOutDialog", u"Or to an outside &unit:", None))
        self.letterNumberEditLabel.setText(QCoreApplication.translate("TransferOutDialog", u"Letter &number:", None))
        self.issuedEditLabel.setText(QCoreApplication.translate("TransferOutDialog", u"&Issued on:", None))
        self.validDaysSpinLabel.setText(QCoreApplication.translate("TransferOutDialog", u"&Valid for (days):", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("TransferOutDialog", u"&Reason:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("TransferOutDialog", u"R&emark:", None))
    # retranslateUi
