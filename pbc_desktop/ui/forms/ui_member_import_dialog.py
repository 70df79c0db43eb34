# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import *  # type: ignore
from PySide6.QtGui import *  # type: ignore
from PySide6.QtWidgets import *  # type: ignore

class Ui_MemberImportDialog(object):
    def setupUi(self, MemberImportDialog):
        if not MemberImportDialog.objectName():
            MemberImportDialog.setObjectName(u"MemberImportDialog")
        MemberImportDialog.resize(780, 600)
        self.mainLayout = QVBoxLayout(MemberImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MemberImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEditLabel = QLabel(MemberImportDialog)
        self.fileEditLabel.setObjectName(u"fileEditLabel")

        self.fileLayout.addWidget(self.fileEditLabel)

        self.fileEdit = QLineEdit(MemberImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.templateButton = QPushButton(MemberImportDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.fileLayout.addWidget(self.templateButton)

        self.chooseButton = QPushButton(MemberImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(MemberImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setStyleSheet(u"font-weight: bold;")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.sheetLayout = QHBoxLayout()
        self.sheetLayout.setObjectName(u"sheetLayout")
        self.sheetLabel = QLabel(MemberImportDialog)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sheetLayout.addWidget(self.sheetLabel)

        self.sheetCombo = QComboBox(MemberImportDialog)
        self.sheetCombo.setObjectName(u"sheetCombo")
        self.sheetCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.sheetLayout.addWidget(self.sheetCombo)

        self.sheetSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sheetLayout.addItem(self.sheetSpacer)


        self.mainLayout.addLayout(self.sheetLayout)

        self.noticeLabel = QLabel(MemberImportDialog)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setStyleSheet(u"color: #b9770e;")
        self.noticeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noticeLabel)

        self.columnsLabel = QLabel(MemberImportDialog)
        self.columnsLabel.setObjectName(u"columnsLabel")
        self.columnsLabel.setWordWrap(True)
        self.columnsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.columnsLabel)

        self.badLabel = QLabel(MemberImportDialog)
        self.badLabel.setObjectName(u"badLabel")
        self.badLabel.setStyleSheet(u"color: #c0392b;")
        self.badLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.badLabel)

        self.badTable = QTableView(MemberImportDialog)
        self.badTable.setObjectName(u"badTable")
        self.badTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.badTable.setAlternatingRowColors(True)
        self.badTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.badTable.setWordWrap(True)
        self.badTable.horizontalHeader().setStretchLastSection(True)
        self.badTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.badTable)

        self.emptySpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.emptySpacer)

        self.optionsGroup = QGroupBox(MemberImportDialog)
        self.optionsGroup.setObjectName(u"optionsGroup")
        self.optionsLayout = QVBoxLayout(self.optionsGroup)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.duplicateLabel = QLabel(self.optionsGroup)
        self.duplicateLabel.setObjectName(u"duplicateLabel")

        self.optionsLayout.addWidget(self.duplicateLabel)

        self.skipRadio = QRadioButton(self.optionsGroup)
        self.skipRadio.setObjectName(u"skipRadio")
        self.skipRadio.setChecked(True)

        self.optionsLayout.addWidget(self.skipRadio)

        self.updateRadio = QRadioButton(self.optionsGroup)
        self.updateRadio.setObjectName(u"updateRadio")

        self.optionsLayout.addWidget(self.updateRadio)

        self.createOrgsCheck = QCheckBox(self.optionsGroup)
        self.createOrgsCheck.setObjectName(u"createOrgsCheck")

        self.optionsLayout.addWidget(self.createOrgsCheck)

        self.newOrgsLabel = QLabel(self.optionsGroup)
        self.newOrgsLabel.setObjectName(u"newOrgsLabel")
        self.newOrgsLabel.setWordWrap(True)

        self.optionsLayout.addWidget(self.newOrgsLabel)

        self.mapOrgsLayout = QHBoxLayout()
        self.mapOrgsLayout.setObjectName(u"mapOrgsLayout")
        self.mapOrgsLabel = QLabel(self.optionsGroup)
        self.mapOrgsLabel.setObjectName(u"mapOrgsLabel")
        self.mapOrgsLabel.setWordWrap(True)

        self.mapOrgsLayout.addWidget(self.mapOrgsLabel)

        self.mapOrgsButton = QPushButton(self.optionsGroup)
        self.mapOrgsButton.setObjectName(u"mapOrgsButton")

        self.mapOrgsLayout.addWidget(self.mapOrgsButton)


        self.optionsLayout.addLayout(self.mapOrgsLayout)

        self.applicantsCheck = QCheckBox(self.optionsGroup)
        self.applicantsCheck.setObjectName(u"applicantsCheck")

        self.optionsLayout.addWidget(self.applicantsCheck)

        self.applicantsLabel = QLabel(self.optionsGroup)
        self.applicantsLabel.setObjectName(u"applicantsLabel")
        self.applicantsLabel.setWordWrap(True)

        self.optionsLayout.addWidget(self.applicantsLabel)


        self.mainLayout.addWidget(self.optionsGroup)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(MemberImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(MemberImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(6, 1)
#if QT_CONFIG(shortcut)
        self.fileEditLabel.setBuddy(self.chooseButton)
        self.sheetLabel.setBuddy(self.sheetCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.sheetCombo)
        QWidget.setTabOrder(self.sheetCombo, self.badTable)
        QWidget.setTabOrder(self.badTable, self.skipRadio)
        QWidget.setTabOrder(self.skipRadio, self.updateRadio)
        QWidget.setTabOrder(self.updateRadio, self.createOrgsCheck)
        QWidget.setTabOrder(self.createOrgsCheck, self.applicantsCheck)
        QWidget.setTabOrder(self.applicantsCheck, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(MemberImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(MemberImportDialog)
    # setupUi

    def retranslateUi(self, MemberImportDialog):
        MemberImportDialog.setWindowTitle(QCoreApplication.translate("MemberImportDialog", u"Import party members from Excel", None))
        self.introLabel.setText(QCoreApplication.translate("MemberImportDialog", u"Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) or a CSV file with one member per row. The header row may be anywhere in the first 10 rows and must name the columns \u59d3\u540d, \u8eab\u4efd\u8bc1\u53f7 and \u6240\u5728\u515a\u7ec4\u7ec7; the columns may come in any order and other columns are ignored. Nothing is saved before you click Import.", None))
        self.fileEditLabel.setText(QCoreApplication.translate("MemberImportDialog", u"File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("MemberImportDialog", u"No file chosen yet", None))
        self.templateButton.setText(QCoreApplication.translate("MemberImportDialog", u"Save an empty &template...", None))
        self.chooseButton.setText(QCoreApplication.translate("MemberImportDialog", u"&Choose file...", None))
        self.sheetLabel.setText(QCoreApplication.translate("MemberImportDialog", u"Roster s&heet:", None))
        self.badLabel.setText(QCoreApplication.translate("MemberImportDialog", u"Rows with errors (they are not imported; correct them in Excel and choose the file again):", None))
        self.optionsGroup.setTitle(QCoreApplication.translate("MemberImportDialog", u"Options", None))
        self.duplicateLabel.setText(QCoreApplication.translate("MemberImportDialog", u"Members already present (same ID number):", None))
        self.skipRadio.setText(QCoreApplication.translate("MemberImportDialog", u"&Skip them and keep what is stored", None))
        self.updateRadio.setText(QCoreApplication.translate("MemberImportDialog", u"&Update them from the file (empty cells keep what is stored)", None))
        self.createOrgsCheck.setText(QCoreApplication.translate("MemberImportDialog", u"C&reate the Party organizations that the file names but that do not exist yet", None))
        self.mapOrgsButton.setText(QCoreApplication.translate("MemberImportDialog", u"&Map organizations...", None))
        self.applicantsCheck.setText(QCoreApplication.translate("MemberImportDialog", u"Also import &applicants, activists and candidates (development records)", None))
        self.importButton.setText(QCoreApplication.translate("MemberImportDialog", u"Import", None))
        self.cancelButton.setText(QCoreApplication.translate("MemberImportDialog", u"Cancel", None))
    # retranslateUi
