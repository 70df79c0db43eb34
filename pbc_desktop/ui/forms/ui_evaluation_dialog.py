# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_EvaluationDialog(object):
    def setupUi(self, EvaluationDialog):
        if not EvaluationDialog.objectName():
            EvaluationDialog.setObjectName(u"EvaluationDialog")
        EvaluationDialog.resize(480, 320)
        self.mainLayout = QVBoxLayout(EvaluationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(EvaluationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reportLabelLabel = QLabel(EvaluationDialog)
        self.reportLabelLabel.setObjectName(u"reportLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportLabelLabel)

        self.reportLabel = QLabel(EvaluationDialog)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportLabel)

        self.yearComboLabel = QLabel(EvaluationDialog)
        self.yearComboLabel.setObjectName(u"yearComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearComboLabel)

        self.yearCombo = QComboBox(EvaluationDialog)
        self.yearCombo.setObjectName(u"yearCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearCombo)

        self.resultBoxLabel = QLabel(EvaluationDialog)
        self.resultBoxLabel.setObjectName(u"resultBoxLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resultBoxLabel)

        self.resultBox = QWidget(EvaluationDialog)
        self.resultBox.setObjectName(u"resultBox")
        self.resultLayout = QHBoxLayout(self.resultBox)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(0, 0, 0, 0)
        self.excellentRadio = QRadioButton(self.resultBox)
        self.excellentRadio.setObjectName(u"excellentRadio")

        self.resultLayout.addWidget(self.excellentRadio)

        self.qualifiedRadio = QRadioButton(self.resultBox)
        self.qualifiedRadio.setObjectName(u"qualifiedRadio")

        self.resultLayout.addWidget(self.qualifiedRadio)

        self.unqualifiedRadio = QRadioButton(self.resultBox)
        self.unqualifiedRadio.setObjectName(u"unqualifiedRadio")

        self.resultLayout.addWidget(self.unqualifiedRadio)

        self.resultSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resultLayout.addItem(self.resultSpacer)


        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resultBox)

        self.existingHint = QLabel(EvaluationDialog)
        self.existingHint.setObjectName(u"existingHint")
        self.existingHint.setStyleSheet(u"color: #666;")
        self.existingHint.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.existingHint)

        self.remarkEditLabel = QLabel(EvaluationDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(EvaluationDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(EvaluationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearComboLabel.setBuddy(self.yearCombo)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearCombo, self.excellentRadio)
        QWidget.setTabOrder(self.excellentRadio, self.qualifiedRadio)
        QWidget.setTabOrder(self.qualifiedRadio, self.unqualifiedRadio)
        QWidget.setTabOrder(self.unqualifiedRadio, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(EvaluationDialog)

        QMetaObject.connectSlotsByName(EvaluationDialog)
    # setupUi

    def retranslateUi(self, EvaluationDialog):
        EvaluationDialog.setWindowTitle(QCoreApplication.translate("EvaluationDialog", u"Yearly evaluation", None))
        self.reportLabelLabel.setText(QCoreApplication.translate("EvaluationDialog", u"Report:", None))
        self.yearComboLabel.setText(QCoreApplication.translate("EvaluationDialog", u"&Year:", None))
        self.resultBoxLabel.setText(QCoreApplication.translate("EvaluationDialog", u"Result:", None))
        self.excellentRadio.setText(QCoreApplication.translate("EvaluationDialog", u"E&xcellent", None))
        self.qualifiedRadio.setText(QCoreApplication.translate("EvaluationDialog", u"&Qualified", None))
        self.unqualifiedRadio.setText(QCoreApplication.translate("EvaluationDialog", u"&Unqualified", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("EvaluationDialog", u"R&emark:", None))
    # retranslateUi
