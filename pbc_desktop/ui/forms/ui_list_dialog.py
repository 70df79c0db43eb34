# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit
from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_ListDialog(object):
    def setupUi(self, ListDialog):
        if not ListDialog.objectName():
            ListDialog.setObjectName(u"ListDialog")
        ListDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(ListDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ListDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.communityLabelLabel = QLabel(ListDialog)
        self.communityLabelLabel.setObjectName(u"communityLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.communityLabelLabel)

        self.communityLabel = QLabel(ListDialog)
        self.communityLabel.setObjectName(u"communityLabel")
        self.communityLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.communityLabel)

        self.kindComboLabel = QLabel(ListDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(ListDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.titleEditLabel = QLabel(ListDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(ListDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.yearSpinLabel = QLabel(ListDialog)
        self.yearSpinLabel.setObjectName(u"yearSpinLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.yearSpinLabel)

        self.yearSpin = IntSpinBox(ListDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.signedCheckLabel = QLabel(ListDialog)
        self.signedCheckLabel.setObjectName(u"signedCheckLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signedCheckLabel)

        self.signedLayout = QHBoxLayout()
        self.signedLayout.setObjectName(u"signedLayout")
        self.signedCheck = QCheckBox(ListDialog)
        self.signedCheck.setObjectName(u"signedCheck")

        self.signedLayout.addWidget(self.signedCheck)

        self.signedEdit = DateEdit(ListDialog)
        self.signedEdit.setObjectName(u"signedEdit")
        self.signedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.signedEdit.setCalendarPopup(True)

        self.signedLayout.addWidget(self.signedEdit)

        self.signedLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signedLayout.addItem(self.signedLayoutSpacer)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.signedLayout)

        self.remarkEditLabel = QLabel(ListDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(ListDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ListDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.yearSpinLabel.setBuddy(self.yearSpin)
        self.signedCheckLabel.setBuddy(self.signedCheck)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ListDialog)

        QMetaObject.connectSlotsByName(ListDialog)
    # setupUi

    def retranslateUi(self, ListDialog):
        ListDialog.setWindowTitle(QCoreApplication.translate("ListDialog", u"Service list", None))
        self.communityLabelLabel.setText(QCoreApplication.translate("ListDialog", u"Community:", None))
        self.kindComboLabel.setText(QCoreApplication.translate("ListDialog", u"&Kind:", None))
        self.titleEditLabel.setText(QCoreApplication.translate("ListDialog", u"&Title:", None))
        self.yearSpinLabel.setText(QCoreApplication.translate("ListDialog", u"&Year:", None))
        self.signedCheckLabel.setText(QCoreApplication.translate("ListDialog", u"&Signed on:", None))
        self.signedCheck.setText(QCoreApplication.translate("ListDialog", u"Signed", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("ListDialog", u"&Remark:", None))
    # retranslateUi
