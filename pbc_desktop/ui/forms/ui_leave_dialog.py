# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_LeaveDialog(object):
    def setupUi(self, LeaveDialog):
        if not LeaveDialog.objectName():
            LeaveDialog.setObjectName(u"LeaveDialog")
        LeaveDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(LeaveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(LeaveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabelLabel = QLabel(LeaveDialog)
        self.memberLabelLabel.setObjectName(u"memberLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabelLabel)

        self.memberLabel = QLabel(LeaveDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setWordWrap(True)
        self.memberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.kindComboLabel = QLabel(LeaveDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(LeaveDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.occurredEditLabel = QLabel(LeaveDialog)
        self.occurredEditLabel.setObjectName(u"occurredEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.occurredEditLabel)

        self.occurredEdit = DateEdit(LeaveDialog)
        self.occurredEdit.setObjectName(u"occurredEdit")
        self.occurredEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.occurredEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.occurredEdit)

        self.leavingKindComboLabel = QLabel(LeaveDialog)
        self.leavingKindComboLabel.setObjectName(u"leavingKindComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.leavingKindComboLabel)

        self.leavingKindCombo = QComboBox(LeaveDialog)
        self.leavingKindCombo.setObjectName(u"leavingKindCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.leavingKindCombo)

        self.otherUnitEditLabel = QLabel(LeaveDialog)
        self.otherUnitEditLabel.setObjectName(u"otherUnitEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.otherUnitEditLabel)

        self.otherUnitEdit = QLineEdit(LeaveDialog)
        self.otherUnitEdit.setObjectName(u"otherUnitEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.otherUnitEdit)

        self.remarkEditLabel = QLabel(LeaveDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(LeaveDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(LeaveDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(LeaveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.occurredEditLabel.setBuddy(self.occurredEdit)
        self.leavingKindComboLabel.setBuddy(self.leavingKindCombo)
        self.otherUnitEditLabel.setBuddy(self.otherUnitEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.occurredEdit)
        QWidget.setTabOrder(self.occurredEdit, self.leavingKindCombo)
        QWidget.setTabOrder(self.leavingKindCombo, self.otherUnitEdit)
        QWidget.setTabOrder(self.otherUnitEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(LeaveDialog)

        QMetaObject.connectSlotsByName(LeaveDialog)
    # setupUi

    def retranslateUi(self, LeaveDialog):
        LeaveDialog.setWindowTitle(QCoreApplication.translate("LeaveDialog", u"Member leaves", None))
        self.memberLabelLabel.setText(QCoreApplication.translate("LeaveDialog", u"Member:", None))
        self.kindComboLabel.setText(QCoreApplication.translate("LeaveDialog", u"&How:", None))
        self.occurredEditLabel.setText(QCoreApplication.translate("LeaveDialog", u"&Date:", None))
        self.leavingKindComboLabel.setText(QCoreApplication.translate("LeaveDialog", u"&Kind of leaving:", None))
        self.otherUnitEditLabel.setText(QCoreApplication.translate("LeaveDialog", u"&To unit:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("LeaveDialog", u"R&emark:", None))
    # retranslateUi
