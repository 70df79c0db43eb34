# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(520, 600)
        self.mainLayout = QVBoxLayout(OrganizationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(OrganizationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganizationDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(OrganizationDialog)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(OrganizationDialog)
        self.shortNameEdit.setObjectName(u"shortNameEdit")
        self.shortNameEdit.setMaxLength(60)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.kindLabel = QLabel(OrganizationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(OrganizationDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.fieldLabel = QLabel(OrganizationDialog)
        self.fieldLabel.setObjectName(u"fieldLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fieldLabel)

        self.fieldCombo = QComboBox(OrganizationDialog)
        self.fieldCombo.setObjectName(u"fieldCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fieldCombo)

        self.levelLabel = QLabel(OrganizationDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(OrganizationDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.townLabel = QLabel(OrganizationDialog)
        self.townLabel.setObjectName(u"townLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.townLabel)

        self.townCombo = QComboBox(OrganizationDialog)
        self.townCombo.setObjectName(u"townCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.townCombo.sizePolicy().hasHeightForWidth())
        self.townCombo.setSizePolicy(sizePolicy)
        self.townCombo.setEditable(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.townCombo)

        self.parentLabel = QLabel(OrganizationDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(OrganizationDialog)
        self.parentCombo.setObjectName(u"parentCombo")
        sizePolicy.setHeightForWidth(self.parentCombo.sizePolicy().hasHeightForWidth())
        self.parentCombo.setSizePolicy(sizePolicy)
        self.parentCombo.setEditable(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.secretaryLabel = QLabel(OrganizationDialog)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryEdit = QLineEdit(OrganizationDialog)
        self.secretaryEdit.setObjectName(u"secretaryEdit")
        self.secretaryEdit.setMaxLength(60)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.secretaryEdit)

        self.contactPersonLabel = QLabel(OrganizationDialog)
        self.contactPersonLabel.setObjectName(u"contactPersonLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contactPersonLabel)

        self.contactPersonEdit = QLineEdit(OrganizationDialog)
        self.contactPersonEdit.setObjectName(u"contactPersonEdit")
        self.contactPersonEdit.setMaxLength(60)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contactPersonEdit)

        self.phoneLabel = QLabel(OrganizationDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(OrganizationDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.addressLabel = QLabel(OrganizationDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(OrganizationDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.foundedLabel = QLabel(OrganizationDialog)
        self.foundedLabel.setObjectName(u"foundedLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.foundedLabel)

        self.foundedLayout = QHBoxLayout()
        self.foundedLayout.setObjectName(u"foundedLayout")
        self.foundedCheck = QCheckBox(OrganizationDialog)
        self.foundedCheck.setObjectName(u"foundedCheck")

        self.foundedLayout.addWidget(self.foundedCheck)

        self.foundedEdit = DateEdit(OrganizationDialog)
        self.foundedEdit.setObjectName(u"foundedEdit")
        self.foundedEdit.setEnabled(False)
        self.foundedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.foundedEdit.setCalendarPopup(True)

        self.foundedLayout.addWidget(self.foundedEdit)

        self.foundedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.foundedLayout.addItem(self.foundedSpacer)


        self.formLayout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.foundedLayout)

        self.startLabel = QLabel(OrganizationDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startLayout = QHBoxLayout()
        self.startLayout.setObjectName(u"startLayout")
        self.startCheck = QCheckBox(OrganizationDialog)
        self.startCheck.setObjectName(u"startCheck")

        self.startLayout.addWidget(self.startCheck)

        self.startEdit = DateEdit(OrganizationDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setEnabled(False)
        self.startEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.startEdit.setCalendarPopup(True)

        self.startLayout.addWidget(self.startEdit)

        self.startSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startLayout.addItem(self.startSpacer)


        self.formLayout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.startLayout)

        self.endLabel = QLabel(OrganizationDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endLayout = QHBoxLayout()
        self.endLayout.setObjectName(u"endLayout")
        self.endCheck = QCheckBox(OrganizationDialog)
        self.endCheck.setObjectName(u"endCheck")

        self.endLayout.addWidget(self.endCheck)

        self.endEdit = DateEdit(OrganizationDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setEnabled(False)
        self.endEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.endEdit.setCalendarPopup(True)

        self.endLayout.addWidget(self.endEdit)

        self.endSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endLayout.addItem(self.endSpacer)


        self.formLayout.setLayout(13, QFormLayout.ItemRole.FieldRole, self.endLayout)

        self.remarkLabel = QLabel(OrganizationDialog)
        self.remarkLabel.setObjectName(u"remarkLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.remarkLabel)

        self.remarkEdit = QPlainTextEdit(OrganizationDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setMaximumSize(QSize(16777215, 80))
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(OrganizationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OrganizationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.fieldLabel.setBuddy(self.fieldCombo)
        self.levelLabel.setBuddy(self.levelCombo)
        self.townLabel.setBuddy(self.townCombo)
        self.parentLabel.setBuddy(self.parentCombo)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.contactPersonLabel.setBuddy(self.contactPersonEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.foundedLabel.setBuddy(self.foundedCheck)
        self.startLabel.setBuddy(self.startCheck)
        self.endLabel.setBuddy(self.endCheck)
        self.remarkLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.fieldCombo)
        QWidget.setTabOrder(self.fieldCombo, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.townCombo)
        QWidget.setTabOrder(self.townCombo, self.parentCombo)
        QWidget.setTabOrder(self.parentCombo, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.contactPersonEdit)
        QWidget.setTabOrder(self.contactPersonEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.foundedCheck)
        QWidget.setTabOrder(self.foundedCheck, self.foundedEdit)
        QWidget.setTabOrder(self.foundedEdit, self.startCheck)
        QWidget.setTabOrder(self.startCheck, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endCheck)
        QWidget.setTabOrder(self.endCheck, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(OrganizationDialog)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(QCoreApplication.translate("OrganizationDialog", u"Party organization", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Name:", None))
        self.shortNameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Short name:", None))
        self.kindLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Kind:", None))
        self.fieldLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Field:", None))
        self.levelLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Level:", None))
        self.townLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Town:", None))
        self.parentLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Parent organization:", None))
        self.secretaryLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Se&cretary:", None))
        self.contactPersonLabel.setText(QCoreApplication.translate("OrganizationDialog", u"C&ontact person:", None))
        self.phoneLabel.setText(QCoreApplication.translate("OrganizationDialog", u"P&hone:", None))
        self.addressLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Address:", None))
        self.foundedLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Founded on:", None))
        self.foundedCheck.setText(QCoreApplication.translate("OrganizationDialog", u"Known", None))
        self.startLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Start date:", None))
        self.startCheck.setText(QCoreApplication.translate("OrganizationDialog", u"Set", None))
        self.endLabel.setText(QCoreApplication.translate("OrganizationDialog", u"End date:", None))
        self.endCheck.setText(QCoreApplication.translate("OrganizationDialog", u"Set", None))
        self.remarkLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Remark:", None))
    # retranslateUi
