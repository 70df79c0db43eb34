# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.spin_boxes import DecimalSpinBox, IntSpinBox

class Ui_IndicatorSetDialog(object):
    def setupUi(self, IndicatorSetDialog):
        if not IndicatorSetDialog.objectName():
            IndicatorSetDialog.setObjectName(u"IndicatorSetDialog")
        IndicatorSetDialog.resize(940, 640)
        self.mainLayout = QVBoxLayout(IndicatorSetDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(IndicatorSetDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.headLayout = QFormLayout()
        self.headLayout.setObjectName(u"headLayout")
        self.yearLabel = QLabel(IndicatorSetDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearLayout = QHBoxLayout()
        self.yearLayout.setObjectName(u"yearLayout")
        self.yearSpin = IntSpinBox(IndicatorSetDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)

        self.yearLayout.addWidget(self.yearSpin)

        self.sourceLabel = QLabel(IndicatorSetDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.yearLayout.addWidget(self.sourceLabel)

        self.sourceCombo = QComboBox(IndicatorSetDialog)
        self.sourceCombo.setObjectName(u"sourceCombo")

        self.yearLayout.addWidget(self.sourceCombo)

        self.yearSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearLayout.addItem(self.yearSpacer)


        self.headLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.yearLayout)

        self.nameLabel = QLabel(IndicatorSetDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.headLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(IndicatorSetDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.headLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.thresholdsLabel = QLabel(IndicatorSetDialog)
        self.thresholdsLabel.setObjectName(u"thresholdsLabel")

        self.headLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.thresholdsLabel)

        self.thresholdsLayout = QHBoxLayout()
        self.thresholdsLayout.setObjectName(u"thresholdsLayout")
        self.excellentLabel = QLabel(IndicatorSetDialog)
        self.excellentLabel.setObjectName(u"excellentLabel")

        self.thresholdsLayout.addWidget(self.excellentLabel)

        self.excellentSpin = DecimalSpinBox(IndicatorSetDialog)
        self.excellentSpin.setObjectName(u"excellentSpin")
        self.excellentSpin.setDecimals(1)
        self.excellentSpin.setMaximum(100.000000000000000)

        self.thresholdsLayout.addWidget(self.excellentSpin)

        self.goodLabel = QLabel(IndicatorSetDialog)
        self.goodLabel.setObjectName(u"goodLabel")

        self.thresholdsLayout.addWidget(self.goodLabel)

        self.goodSpin = DecimalSpinBox(IndicatorSetDialog)
        self.goodSpin.setObjectName(u"goodSpin")
        self.goodSpin.setDecimals(1)
        self.goodSpin.setMaximum(100.000000000000000)

        self.thresholdsLayout.addWidget(self.goodSpin)

        self.passLabel = QLabel(IndicatorSetDialog)
        self.passLabel.setObjectName(u"passLabel")

        self.thresholdsLayout.addWidget(self.passLabel)

        self.passSpin = DecimalSpinBox(IndicatorSetDialog)
        self.passSpin.setObjectName(u"passSpin")
        self.passSpin.setDecimals(1)
        self.passSpin.setMaximum(100.000000000000000)

        self.thresholdsLayout.addWidget(self.passSpin)

        self.thresholdsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.thresholdsLayout.addItem(self.thresholdsSpacer)


        self.headLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.thresholdsLayout)


        self.mainLayout.addLayout(self.headLayout)

        self.tableLayout = QHBoxLayout()
        self.tableLayout.setObjectName(u"tableLayout")
        self.indicatorsTable = QTableWidget(IndicatorSetDialog)
        if (self.indicatorsTable.columnCount() < 5):
            self.indicatorsTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.indicatorsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.indicatorsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.indicatorsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.indicatorsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.indicatorsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.indicatorsTable.setObjectName(u"indicatorsTable")
        self.indicatorsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.indicatorsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.indicatorsTable.setColumnCount(5)

        self.tableLayout.addWidget(self.indicatorsTable)

        self.rowButtons = QVBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.addButton = QPushButton(IndicatorSetDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.addButton)

        self.removeButton = QPushButton(IndicatorSetDialog)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.removeButton)

        self.upButton = QPushButton(IndicatorSetDialog)
        self.upButton.setObjectName(u"upButton")
        self.upButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.upButton)

        self.downButton = QPushButton(IndicatorSetDialog)
        self.downButton.setObjectName(u"downButton")
        self.downButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.downButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowButtons.addItem(self.buttonsSpacer)


        self.tableLayout.addLayout(self.rowButtons)


        self.mainLayout.addLayout(self.tableLayout)

        self.totalsLabel = QLabel(IndicatorSetDialog)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.totalsLabel)

        self.warningLabel = QLabel(IndicatorSetDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"color: #b9770e;")
        self.warningLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.warningLabel)

        self.buttonBox = QDialogButtonBox(IndicatorSetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.sourceLabel.setBuddy(self.sourceCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.excellentLabel.setBuddy(self.excellentSpin)
        self.goodLabel.setBuddy(self.goodSpin)
        self.passLabel.setBuddy(self.passSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IndicatorSetDialog)

        QMetaObject.connectSlotsByName(IndicatorSetDialog)
    # setupUi

    def retranslateUi(self, IndicatorSetDialog):
        IndicatorSetDialog.setWindowTitle(QCoreApplication.translate("IndicatorSetDialog", u"Indicator system", None))
        self.yearLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Year:", None))
        self.sourceLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Start from:", None))
        self.nameLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Name:", None))
        self.thresholdsLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"Grade thresholds:", None))
        self.excellentLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Excellent from", None))
        self.goodLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Good from", None))
        self.passLabel.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Pass from", None))
        ___qtablewidgetitem = self.indicatorsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IndicatorSetDialog", u"Category", None))
        ___qtablewidgetitem1 = self.indicatorsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IndicatorSetDialog", u"Indicator", None))
        ___qtablewidgetitem2 = self.indicatorsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("IndicatorSetDialog", u"Max score", None))
        ___qtablewidgetitem3 = self.indicatorsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("IndicatorSetDialog", u"Figure shown", None))
        ___qtablewidgetitem4 = self.indicatorsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("IndicatorSetDialog", u"Scoring guidance", None))
        self.addButton.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Add", None))
        self.removeButton.setText(QCoreApplication.translate("IndicatorSetDialog", u"&Remove", None))
        self.upButton.setText(QCoreApplication.translate("IndicatorSetDialog", u"Move &up", None))
        self.downButton.setText(QCoreApplication.translate("IndicatorSetDialog", u"Move do&wn", None))
    # retranslateUi
