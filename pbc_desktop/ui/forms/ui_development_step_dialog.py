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

class Ui_DevelopmentStepDialog(object):
    def setupUi(self, DevelopmentStepDialog):
        if not DevelopmentStepDialog.objectName():
            DevelopmentStepDialog.setObjectName(u"DevelopmentStepDialog")
        DevelopmentStepDialog.resize(520, 400)
        self.mainLayout = QVBoxLayout(DevelopmentStepDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(DevelopmentStepDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.personLabelLabel = QLabel(DevelopmentStepDialog)
        self.personLabelLabel.setObjectName(u"personLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabelLabel)

        self.personLabel = QLabel(DevelopmentStepDialog)
        self.personLabel.setObjectName(u"personLabel")
        self.personLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personLabel)

        self.stepComboLabel = QLabel(DevelopmentStepDialog)
        self.stepComboLabel.setObjectName(u"stepComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stepComboLabel)

        self.stepCombo = QComboBox(DevelopmentStepDialog)
        self.stepCombo.setObjectName(u"stepCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stepCombo)

        self.dateEditLabel = QLabel(DevelopmentStepDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = DateEdit(DevelopmentStepDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.peopleEditLabel = QLabel(DevelopmentStepDialog)
        self.peopleEditLabel.setObjectName(u"peopleEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.peopleEditLabel)

        self.peopleEdit = QLineEdit(DevelopmentStepDialog)
        self.peopleEdit.setObjectName(u"peopleEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.peopleEdit)

        self.monthsSpinLabel = QLabel(DevelopmentStepDialog)
        self.monthsSpinLabel.setObjectName(u"monthsSpinLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.monthsSpinLabel)

        self.monthsSpin = IntSpinBox(DevelopmentStepDialog)
        self.monthsSpin.setObjectName(u"monthsSpin")
        self.monthsSpin.setMinimum(6)
        self.monthsSpin.setMaximum(12)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.monthsSpin)

        self.remarkEditLabel = QLabel(DevelopmentStepDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(DevelopmentStepDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(DevelopmentStepDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #666;")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(DevelopmentStepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.personLabelLabel.setBuddy(self.personLabel)
        self.stepComboLabel.setBuddy(self.stepCombo)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.peopleEditLabel.setBuddy(self.peopleEdit)
        self.monthsSpinLabel.setBuddy(self.monthsSpin)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.stepCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.peopleEdit)
        QWidget.setTabOrder(self.peopleEdit, self.monthsSpin)
        QWidget.setTabOrder(self.monthsSpin, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(DevelopmentStepDialog)

        QMetaObject.connectSlotsByName(DevelopmentStepDialog)
    # setupUi

    def retranslateUi(self, DevelopmentStepDialog):
        DevelopmentStepDialog.setWindowTitle(QCoreApplication.translate("DevelopmentStepDialog", u"Record a step", None))
        self.personLabelLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"Person:", None))
        self.stepComboLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"&Step:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"&Date:", None))
        self.peopleEditLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"&People:", None))
        self.monthsSpinLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"Extended by (&months):", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("DevelopmentStepDialog", u"R&emark:", None))
    # retranslateUi
