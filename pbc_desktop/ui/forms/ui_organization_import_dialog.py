# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import *  # type: ignore
from PySide6.QtGui import *  # type: ignore
from PySide6.QtWidgets import *  # type: ignore

class Ui_OrganizationImportDialog(object):
    def setupUi(self, OrganizationImportDialog):
        if not OrganizationImportDialog.objectName():
            OrganizationImportDialog.setObjectName(u"OrganizationImportDialog")
        OrganizationImportDialog.resize(780, 600)
        self.mainLayout = QVBoxLayout(OrganizationImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OrganizationImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEditLabel = QLabel(OrganizationImportDialog)
        self.fileEditLabel.setObjectName(u"fileEditLabel")

        self.fileLayout.addWidget(self.fileEditLabel)

        self.fileEdit = QLineEdit(OrganizationImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.templateButton = QPushButton(OrganizationImportDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.fileLayout.addWidget(self.templateButton)

        self.chooseButton = QPushButton(OrganizationImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(OrganizationImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setStyleSheet(u"font-weight: bold;")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.noticeLabel = QLabel(OrganizationImportDialog)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setStyleSheet(u"color: #b9770e;")
        self.noticeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noticeLabel)

        self.badLabel = QLabel(OrganizationImportDialog)
        self.badLabel.setObjectName(u"badLabel")
        self.badLabel.setStyleSheet(u"color: #c0392b;")
        self.badLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.badLabel)

        self.badTable = QTableView(OrganizationImportDialog)
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

        self.optionsGroup = QGroupBox(OrganizationImportDialog)
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


        self.mainLayout.addWidget(self.optionsGroup)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(OrganizationImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(OrganizationImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.fileEditLabel.setBuddy(self.chooseButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.badTable)
        QWidget.setTabOrder(self.badTable, self.skipRadio)
        QWidget.setTabOrder(self.skipRadio, self.updateRadio)
        QWidget.setTabOrder(self.updateRadio, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(OrganizationImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(OrganizationImportDialog)
    # setupUi

    def retranslateUi(self, OrganizationImportDialog):
        OrganizationImportDialog.setWindowTitle(QCoreApplication.translate("OrganizationImportDialog", u"Import Party organizations from Excel", None))
        self.introLabel.setText(QCoreApplication.translate("OrganizationImportDialog", u"Choose an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) or a CSV file with one Party organization per row. The header row may be anywhere in the first 10 rows and must name the columns \u515a\u7ec4\u7ec7\u540d\u79f0, \u515a\u7ec4\u7ec7\u7c7b\u522b and \u6240\u5c5e\u9886\u57df; \u4e0a\u7ea7\u515a\u7ec4\u7ec7 may name another row of the sheet (in any order) or an organization already stored. Nothing is saved before you click Import.", None))
        self.fileEditLabel.setText(QCoreApplication.translate("OrganizationImportDialog", u"File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("OrganizationImportDialog", u"No file chosen yet", None))
        self.templateButton.setText(QCoreApplication.translate("OrganizationImportDialog", u"Save an empty &template...", None))
        self.chooseButton.setText(QCoreApplication.translate("OrganizationImportDialog", u"&Choose file...", None))
        self.badLabel.setText(QCoreApplication.translate("OrganizationImportDialog", u"Rows with errors (they are not imported; correct them in Excel and choose the file again):", None))
        self.optionsGroup.setTitle(QCoreApplication.translate("OrganizationImportDialog", u"Options", None))
        self.duplicateLabel.setText(QCoreApplication.translate("OrganizationImportDialog", u"Party organizations already present (same name):", None))
        self.skipRadio.setText(QCoreApplication.translate("OrganizationImportDialog", u"&Skip them and keep what is stored", None))
        self.updateRadio.setText(QCoreApplication.translate("OrganizationImportDialog", u"&Update them from the file (empty cells keep what is stored)", None))
        self.importButton.setText(QCoreApplication.translate("OrganizationImportDialog", u"Import", None))
        self.cancelButton.setText(QCoreApplication.translate("OrganizationImportDialog", u"Cancel", None))
    # retranslateUi
