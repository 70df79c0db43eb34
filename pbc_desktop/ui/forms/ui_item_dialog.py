# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_ItemDialog(object):
    def setupUi(self, ItemDialog):
        if not ItemDialog.objectName():
            ItemDialog.setObjectName(u"ItemDialog")
        ItemDialog.resize(520, 480)
        self.mainLayout = QVBoxLayout(ItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.listLabelLabel = QLabel(ItemDialog)
        self.listLabelLabel.setObjectName(u"listLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.listLabelLabel)

        self.listLabel = QLabel(ItemDialog)
        self.listLabel.setObjectName(u"listLabel")
        self.listLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.listLabel)

        self.titleEditLabel = QLabel(ItemDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(ItemDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoryEditLabel = QLabel(ItemDialog)
        self.categoryEditLabel.setObjectName(u"categoryEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryEditLabel)

        self.categoryEdit = QLineEdit(ItemDialog)
        self.categoryEdit.setObjectName(u"categoryEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoryEdit)

        self.descriptionEditLabel = QLabel(ItemDialog)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(ItemDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.answersComboLabel = QLabel(ItemDialog)
        self.answersComboLabel.setObjectName(u"answersComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.answersComboLabel)

        self.answersCombo = QComboBox(ItemDialog)
        self.answersCombo.setObjectName(u"answersCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.answersCombo)

        self.usesComboLabel = QLabel(ItemDialog)
        self.usesComboLabel.setObjectName(u"usesComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.usesComboLabel)

        self.usesCombo = QComboBox(ItemDialog)
        self.usesCombo.setObjectName(u"usesCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.usesCombo)

        self.expectedEditLabel = QLabel(ItemDialog)
        self.expectedEditLabel.setObjectName(u"expectedEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.expectedEditLabel)

        self.expectedEdit = QPlainTextEdit(ItemDialog)
        self.expectedEdit.setObjectName(u"expectedEdit")
        self.expectedEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.expectedEdit)

        self.deadlineCheckLabel = QLabel(ItemDialog)
        self.deadlineCheckLabel.setObjectName(u"deadlineCheckLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.deadlineCheckLabel)

        self.deadlineLayout = QHBoxLayout()
        self.deadlineLayout.setObjectName(u"deadlineLayout")
        self.deadlineCheck = QCheckBox(ItemDialog)
        self.deadlineCheck.setObjectName(u"deadlineCheck")

        self.deadlineLayout.addWidget(self.deadlineCheck)

        self.deadlineEdit = DateEdit(ItemDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.deadlineEdit.setCalendarPopup(True)

        self.deadlineLayout.addWidget(self.deadlineEdit)

        self.deadlineLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadlineLayout.addItem(self.deadlineLayoutSpacer)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.deadlineLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.categoryEditLabel.setBuddy(self.categoryEdit)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
        self.answersComboLabel.setBuddy(self.answersCombo)
        self.usesComboLabel.setBuddy(self.usesCombo)
        self.expectedEditLabel.setBuddy(self.expectedEdit)
        self.deadlineCheckLabel.setBuddy(self.deadlineCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ItemDialog)

        QMetaObject.connectSlotsByName(ItemDialog)
    # setupUi

    def retranslateUi(self, ItemDialog):
        ItemDialog.setWindowTitle(QCoreApplication.translate("ItemDialog", u"List item", None))
        self.listLabelLabel.setText(QCoreApplication.translate("ItemDialog", u"List:", None))
        self.titleEditLabel.setText(QCoreApplication.translate("ItemDialog", u"&Title:", None))
        self.categoryEditLabel.setText(QCoreApplication.translate("ItemDialog", u"&Category:", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("ItemDialog", u"&Description:", None))
        self.answersComboLabel.setText(QCoreApplication.translate("ItemDialog", u"&Answers the demand:", None))
        self.usesComboLabel.setText(QCoreApplication.translate("ItemDialog", u"&Uses the resource:", None))
        self.expectedEditLabel.setText(QCoreApplication.translate("ItemDialog", u"E&xpected result:", None))
        self.deadlineCheckLabel.setText(QCoreApplication.translate("ItemDialog", u"Dead&line:", None))
        self.deadlineCheck.setText(QCoreApplication.translate("ItemDialog", u"Has a deadline", None))
    # retranslateUi
