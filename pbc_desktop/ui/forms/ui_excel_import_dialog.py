# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractItemView, QApplication, QButtonGroup, QCheckBox, QComboBox, QDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_ExcelImportDialog(object):
    def setupUi(self, ExcelImportDialog):
        if not ExcelImportDialog.objectName():
            ExcelImportDialog.setObjectName(u"ExcelImportDialog")
        ExcelImportDialog.resize(780, 600)
        self.mainLayout = QVBoxLayout(ExcelImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ExcelImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEditLabel = QLabel(ExcelImportDialog)
        self.fileEditLabel.setObjectName(u"fileEditLabel")

        self.fileLayout.addWidget(self.fileEditLabel)

        self.fileEdit = QLineEdit(ExcelImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.templateButton = QPushButton(ExcelImportDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.fileLayout.addWidget(self.templateButton)

        self.chooseButton = QPushButton(ExcelImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(ExcelImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setStyleSheet(u"font-weight: bold;")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.sheetLayout = QHBoxLayout()
        self.sheetLayout.setObjectName(u"sheetLayout")
        self.sheetLabel = QLabel(ExcelImportDialog)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sheetLayout.addWidget(self.sheetLabel)

        self.sheetCombo = QComboBox(ExcelImportDialog)
        self.sheetCombo.setObjectName(u"sheetCombo")
        self.sheetCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.sheetLayout.addWidget(self.sheetCombo)

        self.sheetSpacer = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sheetLayout.addItem(self.sheetSpacer)


        self.mainLayout.addLayout(self.sheetLayout)

        self.noticeLabel = QLabel(ExcelImportDialog)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setStyleSheet(u"color: #b9770e;")
        self.noticeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noticeLabel)

        self.columnsLabel = QLabel(ExcelImportDialog)
        self.columnsLabel.setObjectName(u"columnsLabel")
        self.columnsLabel.setWordWrap(True)
        self.columnsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.columnsLabel)

        self.badLabel = QLabel(ExcelImportDialog)
        self.badLabel.setObjectName(u"badLabel")
        self.badLabel.setStyleSheet(u"color: #c0392b;")
        self.badLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.badLabel)

        self.badTable = QTableView(ExcelImportDialog)
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

        self.optionsGroup = QGroupBox(ExcelImportDialog)
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

        self.movesWidget = QWidget(self.optionsGroup)
        self.movesWidget.setObjectName(u"movesWidget")
        self.movesLayout = QVBoxLayout(self.movesWidget)
        self.movesLayout.setObjectName(u"movesLayout")
        self.movesLayout.setContentsMargins(20, 0, 0, 0)
        self.movesLabel = QLabel(self.movesWidget)
        self.movesLabel.setObjectName(u"movesLabel")
        self.movesLabel.setWordWrap(True)

        self.movesLayout.addWidget(self.movesLabel)

        self.correctionRadio = QRadioButton(self.movesWidget)
        self.movesGroup = QButtonGroup(ExcelImportDialog)
        self.movesGroup.setObjectName(u"movesGroup")
        self.movesGroup.addButton(self.correctionRadio)
        self.correctionRadio.setObjectName(u"correctionRadio")
        self.correctionRadio.setChecked(True)

        self.movesLayout.addWidget(self.correctionRadio)

        self.transferRadio = QRadioButton(self.movesWidget)
        self.movesGroup.addButton(self.transferRadio)
        self.transferRadio.setObjectName(u"transferRadio")

        self.movesLayout.addWidget(self.transferRadio)


        self.optionsLayout.addWidget(self.movesWidget)

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

        self.importButton = QPushButton(ExcelImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(ExcelImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(7, 1)
#if QT_CONFIG(shortcut)
        self.fileEditLabel.setBuddy(self.chooseButton)
        self.sheetLabel.setBuddy(self.sheetCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.templateButton)
        QWidget.setTabOrder(self.templateButton, self.sheetCombo)
        QWidget.setTabOrder(self.sheetCombo, self.badTable)
        QWidget.setTabOrder(self.badTable, self.skipRadio)
        QWidget.setTabOrder(self.skipRadio, self.updateRadio)
        QWidget.setTabOrder(self.updateRadio, self.correctionRadio)
        QWidget.setTabOrder(self.correctionRadio, self.transferRadio)
        QWidget.setTabOrder(self.transferRadio, self.createOrgsCheck)
        QWidget.setTabOrder(self.createOrgsCheck, self.applicantsCheck)
        QWidget.setTabOrder(self.applicantsCheck, self.importButton)
        QWidget.setTabOrder(self.importButton, self.cancelButton)

        self.retranslateUi(ExcelImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ExcelImportDialog)
    # setupUi

    def retranslateUi(self, ExcelImportDialog):
        self.fileEditLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ExcelImportDialog", u"No file chosen yet", None))
        self.templateButton.setText(QCoreApplication.translate("ExcelImportDialog", u"Save an empty &template...", None))
        self.chooseButton.setText(QCoreApplication.translate("ExcelImportDialog", u"&Choose file...", None))
        self.sheetLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"Roster s&heet:", None))
        self.badLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"Rows with errors (they are not imported; correct them in Excel and choose the file again):", None))
        self.optionsGroup.setTitle(QCoreApplication.translate("ExcelImportDialog", u"Options", None))
        self.skipRadio.setText(QCoreApplication.translate("ExcelImportDialog", u"&Skip them and keep what is stored", None))
        self.updateRadio.setText(QCoreApplication.translate("ExcelImportDialog", u"&Update them from the file (empty cells keep what is stored)", None))
        self.correctionRadio.setText(QCoreApplication.translate("ExcelImportDialog", u"Entered by mistake (c&orrect it): no transfer recorded", None))
        self.transferRadio.setText(QCoreApplication.translate("ExcelImportDialog", u"The members mo&ved (transfer): transferred out and in today", None))
        self.createOrgsCheck.setText(QCoreApplication.translate("ExcelImportDialog", u"C&reate the Party organizations that the file names but that do not exist yet", None))
        self.mapOrgsButton.setText(QCoreApplication.translate("ExcelImportDialog", u"&Map organizations...", None))
        self.applicantsCheck.setText(QCoreApplication.translate("ExcelImportDialog", u"Also import &applicants, activists and candidates (development records)", None))
        self.importButton.setText(QCoreApplication.translate("ExcelImportDialog", u"Import", None))
        self.cancelButton.setText(QCoreApplication.translate("ExcelImportDialog", u"Cancel", None))
        pass
    # retranslateUi
