# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_FundEntryDialog(object):
    def setupUi(self, FundEntryDialog):
        if not FundEntryDialog.objectName():
            FundEntryDialog.setObjectName(u"FundEntryDialog")
        FundEntryDialog.resize(480, 420)
        self.mainLayout = QVBoxLayout(FundEntryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(FundEntryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.communityLabelLabel = QLabel(FundEntryDialog)
        self.communityLabelLabel.setObjectName(u"communityLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.communityLabelLabel)

        self.communityLabel = QLabel(FundEntryDialog)
        self.communityLabel.setObjectName(u"communityLabel")
        self.communityLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.communityLabel)

        self.dateEditLabel = QLabel(FundEntryDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEdit = DateEdit(FundEntryDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.amountEditLabel = QLabel(FundEntryDialog)
        self.amountEditLabel.setObjectName(u"amountEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.amountEditLabel)

        self.amountEdit = QLineEdit(FundEntryDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.sourceComboLabel = QLabel(FundEntryDialog)
        self.sourceComboLabel.setObjectName(u"sourceComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceComboLabel)

        self.sourceCombo = QComboBox(FundEntryDialog)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceCombo)

        self.purposeEditLabel = QLabel(FundEntryDialog)
        self.purposeEditLabel.setObjectName(u"purposeEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purposeEditLabel)

        self.purposeEdit = QLineEdit(FundEntryDialog)
        self.purposeEdit.setObjectName(u"purposeEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.activityComboLabel = QLabel(FundEntryDialog)
        self.activityComboLabel.setObjectName(u"activityComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.activityComboLabel)

        self.activityCombo = QComboBox(FundEntryDialog)
        self.activityCombo.setObjectName(u"activityCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.activityCombo)

        self.itemComboLabel = QLabel(FundEntryDialog)
        self.itemComboLabel.setObjectName(u"itemComboLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.itemComboLabel)

        self.itemCombo = QComboBox(FundEntryDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.handlerEditLabel = QLabel(FundEntryDialog)
        self.handlerEditLabel.setObjectName(u"handlerEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.handlerEditLabel)

        self.handlerEdit = QLineEdit(FundEntryDialog)
        self.handlerEdit.setObjectName(u"handlerEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.handlerEdit)

        self.remarkEditLabel = QLabel(FundEntryDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(FundEntryDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(FundEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.amountEditLabel.setBuddy(self.amountEdit)
        self.sourceComboLabel.setBuddy(self.sourceCombo)
        self.purposeEditLabel.setBuddy(self.purposeEdit)
        self.activityComboLabel.setBuddy(self.activityCombo)
        self.itemComboLabel.setBuddy(self.itemCombo)
        self.handlerEditLabel.setBuddy(self.handlerEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FundEntryDialog)

        QMetaObject.connectSlotsByName(FundEntryDialog)
    # setupUi

    def retranslateUi(self, FundEntryDialog):
        FundEntryDialog.setWindowTitle(QCoreApplication.translate("FundEntryDialog", u"Fund entry", None))
        self.communityLabelLabel.setText(QCoreApplication.translate("FundEntryDialog", u"Community:", None))
        self.dateEditLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Date:", None))
        self.amountEditLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Amount (yuan):", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("FundEntryDialog", u"1,234.50", None))
        self.sourceComboLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Source:", None))
        self.purposeEditLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Purpose:", None))
        self.activityComboLabel.setText(QCoreApplication.translate("FundEntryDialog", u"A&ctivity:", None))
        self.itemComboLabel.setText(QCoreApplication.translate("FundEntryDialog", u"Pro&ject:", None))
        self.handlerEditLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Handled by:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("FundEntryDialog", u"&Remark:", None))
    # retranslateUi
