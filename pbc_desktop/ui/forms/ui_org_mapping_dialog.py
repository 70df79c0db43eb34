# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QHeaderView, QLabel, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

class Ui_OrgMappingDialog(object):
    def setupUi(self, OrgMappingDialog):
        if not OrgMappingDialog.objectName():
            OrgMappingDialog.setObjectName(u"OrgMappingDialog")
        OrgMappingDialog.resize(640, 360)
        self.mainLayout = QVBoxLayout(OrgMappingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(OrgMappingDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.mappingTable = QTableWidget(OrgMappingDialog)
        if (self.mappingTable.columnCount() < 2):
            self.mappingTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mappingTable.setColumnCount(2)

        self.mainLayout.addWidget(self.mappingTable)

        self.buttonBox = QDialogButtonBox(OrgMappingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(OrgMappingDialog)

        QMetaObject.connectSlotsByName(OrgMappingDialog)
    # setupUi

    def retranslateUi(self, OrgMappingDialog):
        OrgMappingDialog.setWindowTitle(QCoreApplication.translate("OrgMappingDialog", u"Map organizations", None))
        self.introLabel.setText(QCoreApplication.translate("OrgMappingDialog", u"These organizations of the file do not exist, but each is close to an organization that does. Tick those that are the same organization: every row of the file naming it is then imported into the stored one. Nothing is mapped unless ticked.", None))
        ___qtablewidgetitem = self.mappingTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("OrgMappingDialog", u"In the file", None))
        ___qtablewidgetitem1 = self.mappingTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("OrgMappingDialog", u"Import into the stored organization", None))
    # retranslateUi
