# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_CommunityDialog(object):
    def setupUi(self, CommunityDialog):
        if not CommunityDialog.objectName():
            CommunityDialog.setObjectName(u"CommunityDialog")
        CommunityDialog.resize(820, 600)
        self.mainLayout = QVBoxLayout(CommunityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(CommunityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.tabs = QTabWidget(CommunityDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QFormLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.nameLabel = QLabel(self.basicTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.basicTab)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.basicLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.themeLabel = QLabel(self.basicTab)
        self.themeLabel.setObjectName(u"themeLabel")

        self.basicLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeEdit = QLineEdit(self.basicTab)
        self.themeEdit.setObjectName(u"themeEdit")
        self.themeEdit.setMaxLength(200)

        self.basicLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themeEdit)

        self.typesLabel = QLabel(self.basicTab)
        self.typesLabel.setObjectName(u"typesLabel")

        self.basicLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.typesLabel)

        self.typesBox = QWidget(self.basicTab)
        self.typesBox.setObjectName(u"typesBox")
        self.typesLayout = QHBoxLayout(self.typesBox)
        self.typesLayout.setObjectName(u"typesLayout")
        self.typesLayout.setContentsMargins(0, 0, 0, 0)
        self.typeCrossField = QCheckBox(self.typesBox)
        self.typeCrossField.setObjectName(u"typeCrossField")

        self.typesLayout.addWidget(self.typeCrossField)

        self.typeCrossLevel = QCheckBox(self.typesBox)
        self.typeCrossLevel.setObjectName(u"typeCrossLevel")

        self.typesLayout.addWidget(self.typeCrossLevel)

        self.typeCrossRegion = QCheckBox(self.typesBox)
        self.typeCrossRegion.setObjectName(u"typeCrossRegion")

        self.typesLayout.addWidget(self.typeCrossRegion)

        self.typeCrossIndustry = QCheckBox(self.typesBox)
        self.typeCrossIndustry.setObjectName(u"typeCrossIndustry")

        self.typesLayout.addWidget(self.typeCrossIndustry)

        self.typesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.typesLayout.addItem(self.typesSpacer)


        self.basicLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.typesBox)

        self.foundedLabel = QLabel(self.basicTab)
        self.foundedLabel.setObjectName(u"foundedLabel")

        self.basicLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.foundedLabel)

        self.foundedEdit = DateEdit(self.basicTab)
        self.foundedEdit.setObjectName(u"foundedEdit")
        self.foundedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.foundedEdit.setCalendarPopup(True)

        self.basicLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.foundedEdit)

        self.descriptionLabel = QLabel(self.basicTab)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.basicLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.basicTab)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.basicLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.tabs.addTab(self.basicTab, "")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersLayout = QGridLayout(self.membersTab)
        self.membersLayout.setObjectName(u"membersLayout")
        self.orgFilterEdit = QLineEdit(self.membersTab)
        self.orgFilterEdit.setObjectName(u"orgFilterEdit")
        self.orgFilterEdit.setClearButtonEnabled(True)

        self.membersLayout.addWidget(self.orgFilterEdit, 0, 0, 1, 1)

        self.membersLabel = QLabel(self.membersTab)
        self.membersLabel.setObjectName(u"membersLabel")

        self.membersLayout.addWidget(self.membersLabel, 0, 2, 1, 1)

        self.availableList = QListWidget(self.membersTab)
        self.availableList.setObjectName(u"availableList")
        self.availableList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.membersLayout.addWidget(self.availableList, 1, 0, 1, 1)

        self.pickerButtons = QVBoxLayout()
        self.pickerButtons.setObjectName(u"pickerButtons")
        self.addMemberButton = QPushButton(self.membersTab)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.pickerButtons.addWidget(self.addMemberButton)

        self.removeMemberButton = QPushButton(self.membersTab)
        self.removeMemberButton.setObjectName(u"removeMemberButton")

        self.pickerButtons.addWidget(self.removeMemberButton)

        self.memberUpButton = QPushButton(self.membersTab)
        self.memberUpButton.setObjectName(u"memberUpButton")

        self.pickerButtons.addWidget(self.memberUpButton)

        self.memberDownButton = QPushButton(self.membersTab)
        self.memberDownButton.setObjectName(u"memberDownButton")

        self.pickerButtons.addWidget(self.memberDownButton)

        self.pickerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pickerButtons.addItem(self.pickerSpacer)


        self.membersLayout.addLayout(self.pickerButtons, 1, 1, 1, 1)

        self.membersList = QListWidget(self.membersTab)
        self.membersList.setObjectName(u"membersList")

        self.membersLayout.addWidget(self.membersList, 1, 2, 1, 1)

        self.leadLayout = QHBoxLayout()
        self.leadLayout.setObjectName(u"leadLayout")
        self.leadLabel = QLabel(self.membersTab)
        self.leadLabel.setObjectName(u"leadLabel")

        self.leadLayout.addWidget(self.leadLabel)

        self.leadCombo = QComboBox(self.membersTab)
        self.leadCombo.setObjectName(u"leadCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.leadCombo.sizePolicy().hasHeightForWidth())
        self.leadCombo.setSizePolicy(sizePolicy)

        self.leadLayout.addWidget(self.leadCombo)


        self.membersLayout.addLayout(self.leadLayout, 2, 0, 1, 3)

        self.tabs.addTab(self.membersTab, "")
        self.teamTab = QWidget()
        self.teamTab.setObjectName(u"teamTab")
        self.teamLayout = QVBoxLayout(self.teamTab)
        self.teamLayout.setObjectName(u"teamLayout")
        self.rolesTable = QTableWidget(self.teamTab)
        if (self.rolesTable.columnCount() < 5):
            self.rolesTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.rolesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.rolesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.rolesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.rolesTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.rolesTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.rolesTable.setObjectName(u"rolesTable")
        self.rolesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rolesTable.setColumnCount(5)

        self.teamLayout.addWidget(self.rolesTable)

        self.teamButtons = QHBoxLayout()
        self.teamButtons.setObjectName(u"teamButtons")
        self.addRoleButton = QPushButton(self.teamTab)
        self.addRoleButton.setObjectName(u"addRoleButton")

        self.teamButtons.addWidget(self.addRoleButton)

        self.removeRoleButton = QPushButton(self.teamTab)
        self.removeRoleButton.setObjectName(u"removeRoleButton")

        self.teamButtons.addWidget(self.removeRoleButton)

        self.teamSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.teamButtons.addItem(self.teamSpacer)


        self.teamLayout.addLayout(self.teamButtons)

        self.tabs.addTab(self.teamTab, "")
        self.rotationTab = QWidget()
        self.rotationTab.setObjectName(u"rotationTab")
        self.rotationLayout = QVBoxLayout(self.rotationTab)
        self.rotationLayout.setObjectName(u"rotationLayout")
        self.rotationTable = QTableWidget(self.rotationTab)
        if (self.rotationTable.columnCount() < 4):
            self.rotationTable.setColumnCount(4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.rotationTable.setHorizontalHeaderItem(0, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.rotationTable.setHorizontalHeaderItem(1, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.rotationTable.setHorizontalHeaderItem(2, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.rotationTable.setHorizontalHeaderItem(3, __qtablewidgetitem8)
        self.rotationTable.setObjectName(u"rotationTable")
        self.rotationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rotationTable.setColumnCount(4)

        self.rotationLayout.addWidget(self.rotationTable)

        self.rotationButtons = QHBoxLayout()
        self.rotationButtons.setObjectName(u"rotationButtons")
        self.periodLengthLabel = QLabel(self.rotationTab)
        self.periodLengthLabel.setObjectName(u"periodLengthLabel")

        self.rotationButtons.addWidget(self.periodLengthLabel)

        self.periodLengthCombo = QComboBox(self.rotationTab)
        self.periodLengthCombo.setObjectName(u"periodLengthCombo")

        self.rotationButtons.addWidget(self.periodLengthCombo)

        self.proposeTurnButton = QPushButton(self.rotationTab)
        self.proposeTurnButton.setObjectName(u"proposeTurnButton")

        self.rotationButtons.addWidget(self.proposeTurnButton)

        self.removeTurnButton = QPushButton(self.rotationTab)
        self.removeTurnButton.setObjectName(u"removeTurnButton")

        self.rotationButtons.addWidget(self.removeTurnButton)

        self.rotationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rotationButtons.addItem(self.rotationSpacer)


        self.rotationLayout.addLayout(self.rotationButtons)

        self.tabs.addTab(self.rotationTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(CommunityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.themeLabel.setBuddy(self.themeEdit)
        self.foundedLabel.setBuddy(self.foundedEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.leadLabel.setBuddy(self.leadCombo)
        self.periodLengthLabel.setBuddy(self.periodLengthCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.themeEdit)
        QWidget.setTabOrder(self.themeEdit, self.typeCrossField)
        QWidget.setTabOrder(self.typeCrossField, self.typeCrossLevel)
        QWidget.setTabOrder(self.typeCrossLevel, self.typeCrossRegion)
        QWidget.setTabOrder(self.typeCrossRegion, self.typeCrossIndustry)
        QWidget.setTabOrder(self.typeCrossIndustry, self.foundedEdit)
        QWidget.setTabOrder(self.foundedEdit, self.descriptionEdit)

        self.retranslateUi(CommunityDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CommunityDialog)
    # setupUi

    def retranslateUi(self, CommunityDialog):
        CommunityDialog.setWindowTitle(QCoreApplication.translate("CommunityDialog", u"Party-building community", None))
        self.nameLabel.setText(QCoreApplication.translate("CommunityDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("CommunityDialog", u"e.g. Chensha Avenue Party-building community", None))
        self.themeLabel.setText(QCoreApplication.translate("CommunityDialog", u"&Theme:", None))
        self.typesLabel.setText(QCoreApplication.translate("CommunityDialog", u"Co-building types:", None))
        self.typeCrossField.setText(QCoreApplication.translate("CommunityDialog", u"Cross-field", None))
        self.typeCrossLevel.setText(QCoreApplication.translate("CommunityDialog", u"Cross-level", None))
        self.typeCrossRegion.setText(QCoreApplication.translate("CommunityDialog", u"Cross-region", None))
        self.typeCrossIndustry.setText(QCoreApplication.translate("CommunityDialog", u"Cross-industry", None))
        self.foundedLabel.setText(QCoreApplication.translate("CommunityDialog", u"&Founded on:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("CommunityDialog", u"&Description:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("CommunityDialog", u"&Basic information", None))
        self.orgFilterEdit.setPlaceholderText(QCoreApplication.translate("CommunityDialog", u"Search organizations by name or town", None))
        self.membersLabel.setText(QCoreApplication.translate("CommunityDialog", u"Members (in rotation order):", None))
        self.addMemberButton.setText(QCoreApplication.translate("CommunityDialog", u"&Add \u2192", None))
        self.removeMemberButton.setText(QCoreApplication.translate("CommunityDialog", u"\u2190 &Remove", None))
        self.memberUpButton.setText(QCoreApplication.translate("CommunityDialog", u"Move &up", None))
        self.memberDownButton.setText(QCoreApplication.translate("CommunityDialog", u"Move &down", None))
        self.leadLabel.setText(QCoreApplication.translate("CommunityDialog", u"&Lead organization:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.membersTab), QCoreApplication.translate("CommunityDialog", u"&Member organizations", None))
        ___qtablewidgetitem = self.rolesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CommunityDialog", u"Person", None))
        ___qtablewidgetitem1 = self.rolesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CommunityDialog", u"Role", None))
        ___qtablewidgetitem2 = self.rolesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CommunityDialog", u"From organization", None))
        ___qtablewidgetitem3 = self.rolesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CommunityDialog", u"Cross-appointment", None))
        ___qtablewidgetitem4 = self.rolesTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CommunityDialog", u"Phone", None))
        self.addRoleButton.setText(QCoreApplication.translate("CommunityDialog", u"Add &person", None))
        self.removeRoleButton.setText(QCoreApplication.translate("CommunityDialog", u"Remo&ve person", None))
        self.tabs.setTabText(self.tabs.indexOf(self.teamTab), QCoreApplication.translate("CommunityDialog", u"Leader&ship team", None))
        ___qtablewidgetitem5 = self.rotationTable.horizontalHeaderItem(0)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CommunityDialog", u"Convening organization", None))
        ___qtablewidgetitem6 = self.rotationTable.horizontalHeaderItem(1)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("CommunityDialog", u"Period", None))
        ___qtablewidgetitem7 = self.rotationTable.horizontalHeaderItem(2)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("CommunityDialog", u"From", None))
        ___qtablewidgetitem8 = self.rotationTable.horizontalHeaderItem(3)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("CommunityDialog", u"To", None))
        self.periodLengthLabel.setText(QCoreApplication.translate("CommunityDialog", u"Period length:", None))
        self.proposeTurnButton.setText(QCoreApplication.translate("CommunityDialog", u"&Propose next turn", None))
        self.removeTurnButton.setText(QCoreApplication.translate("CommunityDialog", u"Remove &turn", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rotationTab), QCoreApplication.translate("CommunityDialog", u"&Convener rotation", None))
    # retranslateUi
