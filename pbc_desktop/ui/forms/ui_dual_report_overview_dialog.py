# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSizePolicy, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget

class Ui_DualReportOverviewDialog(object):
    def setupUi(self, DualReportOverviewDialog):
        if not DualReportOverviewDialog.objectName():
            DualReportOverviewDialog.setObjectName(u"DualReportOverviewDialog")
        DualReportOverviewDialog.resize(1100, 700)
        self.mainLayout = QVBoxLayout(DualReportOverviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(DualReportOverviewDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.townComboLabel = QLabel(DualReportOverviewDialog)
        self.townComboLabel.setObjectName(u"townComboLabel")

        self.filterLayout.addWidget(self.townComboLabel)

        self.townCombo = QComboBox(DualReportOverviewDialog)
        self.townCombo.setObjectName(u"townCombo")

        self.filterLayout.addWidget(self.townCombo)

        self.yearComboLabel = QLabel(DualReportOverviewDialog)
        self.yearComboLabel.setObjectName(u"yearComboLabel")

        self.filterLayout.addWidget(self.yearComboLabel)

        self.yearCombo = QComboBox(DualReportOverviewDialog)
        self.yearCombo.setObjectName(u"yearCombo")

        self.filterLayout.addWidget(self.yearCombo)

        self.involvedCheck = QCheckBox(DualReportOverviewDialog)
        self.involvedCheck.setObjectName(u"involvedCheck")

        self.filterLayout.addWidget(self.involvedCheck)

        self.filterLayout.setStretch(0, 3)
        self.filterLayout.setStretch(2, 1)
        self.filterLayout.setStretch(4, 1)

        self.mainLayout.addLayout(self.filterLayout)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.introLabel = QLabel(DualReportOverviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"color: #666;")
        self.introLabel.setWordWrap(True)

        self.noteLayout.addWidget(self.introLabel)

        self.countLabel = QLabel(DualReportOverviewDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.noteLayout.addWidget(self.countLabel)

        self.noteLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.noteLayout)

        self.splitter = QSplitter(DualReportOverviewDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.overviewTable = QTableView(self.splitter)
        self.overviewTable.setObjectName(u"overviewTable")
        self.splitter.addWidget(self.overviewTable)
        self.detailView = QTextBrowser(self.splitter)
        self.detailView.setObjectName(u"detailView")
        self.detailView.setOpenLinks(False)
        self.splitter.addWidget(self.detailView)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(DualReportOverviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.townComboLabel.setBuddy(self.townCombo)
        self.yearComboLabel.setBuddy(self.yearCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.townCombo)
        QWidget.setTabOrder(self.townCombo, self.yearCombo)
        QWidget.setTabOrder(self.yearCombo, self.involvedCheck)
        QWidget.setTabOrder(self.involvedCheck, self.overviewTable)
        QWidget.setTabOrder(self.overviewTable, self.detailView)
        QWidget.setTabOrder(self.detailView, self.buttonBox)

        self.retranslateUi(DualReportOverviewDialog)

        QMetaObject.connectSlotsByName(DualReportOverviewDialog)
    # setupUi

    def retranslateUi(self, DualReportOverviewDialog):
        DualReportOverviewDialog.setWindowTitle(QCoreApplication.translate("DualReportOverviewDialog", u"Dual reporting overview", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("DualReportOverviewDialog", u"Search organization name", None))
        self.townComboLabel.setText(QCoreApplication.translate("DualReportOverviewDialog", u"&Town:", None))
        self.yearComboLabel.setText(QCoreApplication.translate("DualReportOverviewDialog", u"Hours in &year:", None))
        self.involvedCheck.setText(QCoreApplication.translate("DualReportOverviewDialog", u"Only organizations &involved", None))
#if QT_CONFIG(tooltip)
        self.involvedCheck.setToolTip(QCoreApplication.translate("DualReportOverviewDialog", u"Only organizations whose members reported, or that received reports", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
