# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit
from pbc_desktop.ui.common.spin_boxes import DecimalSpinBox

class Ui_ServiceLogDialog(object):
    def setupUi(self, ServiceLogDialog):
        if not ServiceLogDialog.objectName():
            ServiceLogDialog.setObjectName(u"ServiceLogDialog")
        ServiceLogDialog.resize(480, 320)
        self.mainLayout = QVBoxLayout(ServiceLogDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ServiceLogDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.reportLabelLabel = QLabel(ServiceLogDialog)
        self.reportLabelLabel.setObjectName(u"reportLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportLabelLabel)

        self.reportLabel = QLabel(ServiceLogDialog)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportLabel)

        self.servedEditLabel = QLabel(ServiceLogDialog)
        self.servedEditLabel.setObjectName(u"servedEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.servedEditLabel)

        self.servedEdit = DateEdit(ServiceLogDialog)
        self.servedEdit.setObjectName(u"servedEdit")
        self.servedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.servedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.servedEdit)

        self.hoursSpinLabel = QLabel(ServiceLogDialog)
        self.hoursSpinLabel.setObjectName(u"hoursSpinLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hoursSpinLabel)

        self.hoursSpin = DecimalSpinBox(ServiceLogDialog)
        self.hoursSpin.setObjectName(u"hoursSpin")
        self.hoursSpin.setDecimals(1)
        self.hoursSpin.setMinimum(0.000000000000000)
        self.hoursSpin.setMaximum(24.000000000000000)
        self.hoursSpin.setSingleStep(0.500000000000000)
        self.hoursSpin.setValue(2.000000000000000)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hoursSpin)

        self.contentEditLabel = QLabel(ServiceLogDialog)
        self.contentEditLabel.setObjectName(u"contentEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contentEditLabel)

        self.contentEdit = QPlainTextEdit(ServiceLogDialog)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contentEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ServiceLogDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.servedEditLabel.setBuddy(self.servedEdit)
        self.hoursSpinLabel.setBuddy(self.hoursSpin)
        self.contentEditLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.servedEdit, self.hoursSpin)
        QWidget.setTabOrder(self.hoursSpin, self.contentEdit)
        QWidget.setTabOrder(self.contentEdit, self.buttonBox)

        self.retranslateUi(ServiceLogDialog)

        QMetaObject.connectSlotsByName(ServiceLogDialog)
    # setupUi

    def retranslateUi(self, ServiceLogDialog):
        ServiceLogDialog.setWindowTitle(QCoreApplication.translate("ServiceLogDialog", u"Service entry", None))
        self.reportLabelLabel.setText(QCoreApplication.translate("ServiceLogDialog", u"Report:", None))
        self.servedEditLabel.setText(QCoreApplication.translate("ServiceLogDialog", u"&Date:", None))
        self.hoursSpinLabel.setText(QCoreApplication.translate("ServiceLogDialog", u"&Hours:", None))
        self.contentEditLabel.setText(QCoreApplication.translate("ServiceLogDialog", u"&What was done:", None))
    # retranslateUi
