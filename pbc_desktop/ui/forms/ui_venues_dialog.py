# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_VenuesDialog(object):
    def setupUi(self, VenuesDialog):
        if not VenuesDialog.objectName():
            VenuesDialog.setObjectName(u"VenuesDialog")
        VenuesDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(VenuesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(VenuesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.listLayout = QVBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.searchEdit = QLineEdit(VenuesDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.listLayout.addWidget(self.searchEdit)

        self.venueList = QListWidget(VenuesDialog)
        self.venueList.setObjectName(u"venueList")

        self.listLayout.addWidget(self.venueList)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.newButton = QPushButton(VenuesDialog)
        self.newButton.setObjectName(u"newButton")

        self.listButtons.addWidget(self.newButton)

        self.deleteButton = QPushButton(VenuesDialog)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtons.addWidget(self.deleteButton)


        self.listLayout.addLayout(self.listButtons)


        self.bodyLayout.addLayout(self.listLayout)

        self.venueBox = QGroupBox(VenuesDialog)
        self.venueBox.setObjectName(u"venueBox")
        self.venueBoxLayout = QVBoxLayout(self.venueBox)
        self.venueBoxLayout.setObjectName(u"venueBoxLayout")
        self.venueForm = QFormLayout()
        self.venueForm.setObjectName(u"venueForm")
        self.nameLabel = QLabel(self.venueBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.venueForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.venueBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.venueForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(self.venueBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.venueForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.venueBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.venueForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.ownerLabel = QLabel(self.venueBox)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.venueForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(self.venueBox)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.venueForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.addressLabel = QLabel(self.venueBox)
        self.addressLabel.setObjectName(u"addressLabel")

        self.venueForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.venueBox)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(200)

        self.venueForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.capacityLabel = QLabel(self.venueBox)
        self.capacityLabel.setObjectName(u"capacityLabel")

        self.venueForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.capacityLabel)

        self.capacitySpin = IntSpinBox(self.venueBox)
        self.capacitySpin.setObjectName(u"capacitySpin")
        self.capacitySpin.setMaximum(100000)

        self.venueForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.capacitySpin)

        self.hoursLabel = QLabel(self.venueBox)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.venueForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursEdit = QLineEdit(self.venueBox)
        self.hoursEdit.setObjectName(u"hoursEdit")
        self.hoursEdit.setMaxLength(120)

        self.venueForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hoursEdit)

        self.communitiesLabel = QLabel(self.venueBox)
        self.communitiesLabel.setObjectName(u"communitiesLabel")

        self.venueForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.communitiesLabel)

        self.communitiesList = QListWidget(self.venueBox)
        self.communitiesList.setObjectName(u"communitiesList")

        self.venueForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.communitiesList)

        self.remarkLabel = QLabel(self.venueBox)
        self.remarkLabel.setObjectName(u"remarkLabel")

        self.venueForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.remarkLabel)

        self.remarkEdit = QPlainTextEdit(self.venueBox)
        self.remarkEdit.setObjectName(u"remarkEdit")

        self.venueForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.venueBoxLayout.addLayout(self.venueForm)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)

        self.saveButton = QPushButton(self.venueBox)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)


        self.venueBoxLayout.addLayout(self.saveLayout)


        self.bodyLayout.addWidget(self.venueBox)


        self.mainLayout.addLayout(self.bodyLayout)

        self.buttonBox = QDialogButtonBox(VenuesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.capacityLabel.setBuddy(self.capacitySpin)
        self.hoursLabel.setBuddy(self.hoursEdit)
        self.communitiesLabel.setBuddy(self.communitiesList)
        self.remarkLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.venueList)
        QWidget.setTabOrder(self.venueList, self.newButton)
        QWidget.setTabOrder(self.newButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.capacitySpin)
        QWidget.setTabOrder(self.capacitySpin, self.hoursEdit)
        QWidget.setTabOrder(self.hoursEdit, self.communitiesList)
        QWidget.setTabOrder(self.communitiesList, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.saveButton)

        self.retranslateUi(VenuesDialog)

        QMetaObject.connectSlotsByName(VenuesDialog)
    # setupUi

    def retranslateUi(self, VenuesDialog):
        VenuesDialog.setWindowTitle(QCoreApplication.translate("VenuesDialog", u"Venues (\u9635\u5730)", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("VenuesDialog", u"Search name or address", None))
        self.newButton.setText(QCoreApplication.translate("VenuesDialog", u"&New", None))
        self.deleteButton.setText(QCoreApplication.translate("VenuesDialog", u"&Delete", None))
        self.venueBox.setTitle(QCoreApplication.translate("VenuesDialog", u"Venue", None))
        self.nameLabel.setText(QCoreApplication.translate("VenuesDialog", u"Na&me:", None))
        self.kindLabel.setText(QCoreApplication.translate("VenuesDialog", u"&Kind:", None))
        self.ownerLabel.setText(QCoreApplication.translate("VenuesDialog", u"&Owner organization:", None))
        self.addressLabel.setText(QCoreApplication.translate("VenuesDialog", u"&Address:", None))
        self.capacityLabel.setText(QCoreApplication.translate("VenuesDialog", u"&Capacity:", None))
        self.capacitySpin.setSpecialValueText("")
        self.hoursLabel.setText(QCoreApplication.translate("VenuesDialog", u"Opening &hours:", None))
        self.communitiesLabel.setText(QCoreApplication.translate("VenuesDialog", u"Opened &to:", None))
        self.remarkLabel.setText(QCoreApplication.translate("VenuesDialog", u"&Remark:", None))
        self.saveButton.setText(QCoreApplication.translate("VenuesDialog", u"&Save venue", None))
    # retranslateUi
