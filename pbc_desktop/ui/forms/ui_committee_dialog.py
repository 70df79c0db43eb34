# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit
from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_CommitteeDialog(object):
    def setupUi(self, CommitteeDialog):
        if not CommitteeDialog.objectName():
            CommitteeDialog.setObjectName(u"CommitteeDialog")
        CommitteeDialog.resize(640, 520)
        self.mainLayout = QVBoxLayout(CommitteeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(CommitteeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.organizationLabel = QLabel(CommitteeDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationName = QLabel(CommitteeDialog)
        self.organizationName.setObjectName(u"organizationName")
        self.organizationName.setStyleSheet(u"font-weight: bold;")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organizationName)

        self.termNoLabel = QLabel(CommitteeDialog)
        self.termNoLabel.setObjectName(u"termNoLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.termNoLabel)

        self.termNoLayout = QHBoxLayout()
        self.termNoLayout.setObjectName(u"termNoLayout")
        self.termNoSpin = IntSpinBox(CommitteeDialog)
        self.termNoSpin.setObjectName(u"termNoSpin")
        self.termNoSpin.setMinimum(1)
        self.termNoSpin.setMaximum(999)

        self.termNoLayout.addWidget(self.termNoSpin)

        self.termNoHint = QLabel(CommitteeDialog)
        self.termNoHint.setObjectName(u"termNoHint")
        self.termNoHint.setStyleSheet(u"color: #666;")

        self.termNoLayout.addWidget(self.termNoHint)

        self.termNoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.termNoLayout.addItem(self.termNoSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.termNoLayout)

        self.electedLabel = QLabel(CommitteeDialog)
        self.electedLabel.setObjectName(u"electedLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.electedLabel)

        self.electedLayout = QHBoxLayout()
        self.electedLayout.setObjectName(u"electedLayout")
        self.electedEdit = DateEdit(CommitteeDialog)
        self.electedEdit.setObjectName(u"electedEdit")
        self.electedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.electedEdit.setCalendarPopup(True)

        self.electedLayout.addWidget(self.electedEdit)

        self.electedHint = QLabel(CommitteeDialog)
        self.electedHint.setObjectName(u"electedHint")
        self.electedHint.setStyleSheet(u"color: #666;")

        self.electedLayout.addWidget(self.electedHint)

        self.electedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.electedLayout.addItem(self.electedSpacer)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.electedLayout)

        self.yearsLabel = QLabel(CommitteeDialog)
        self.yearsLabel.setObjectName(u"yearsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.yearsLabel)

        self.yearsLayout = QHBoxLayout()
        self.yearsLayout.setObjectName(u"yearsLayout")
        self.yearsCombo = QComboBox(CommitteeDialog)
        self.yearsCombo.setObjectName(u"yearsCombo")

        self.yearsLayout.addWidget(self.yearsCombo)

        self.dueHint = QLabel(CommitteeDialog)
        self.dueHint.setObjectName(u"dueHint")
        self.dueHint.setStyleSheet(u"color: #666;")

        self.yearsLayout.addWidget(self.dueHint)

        self.yearsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearsLayout.addItem(self.yearsSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.yearsLayout)

        self.remarkLabel = QLabel(CommitteeDialog)
        self.remarkLabel.setObjectName(u"remarkLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.remarkLabel)

        self.remarkEdit = QLineEdit(CommitteeDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setMaxLength(500)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.membersLabel = QLabel(CommitteeDialog)
        self.membersLabel.setObjectName(u"membersLabel")

        self.mainLayout.addWidget(self.membersLabel)

        self.membersLayout = QHBoxLayout()
        self.membersLayout.setObjectName(u"membersLayout")
        self.membersTable = QTableWidget(CommitteeDialog)
        if (self.membersTable.columnCount() < 2):
            self.membersTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.membersTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.membersTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.membersTable.setColumnCount(2)

        self.membersLayout.addWidget(self.membersTable)

        self.rowButtons = QVBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.addButton = QPushButton(CommitteeDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.addButton)

        self.removeButton = QPushButton(CommitteeDialog)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.rowButtons.addWidget(self.removeButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowButtons.addItem(self.buttonsSpacer)


        self.membersLayout.addLayout(self.rowButtons)


        self.mainLayout.addLayout(self.membersLayout)

        self.buttonBox = QDialogButtonBox(CommitteeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.termNoLabel.setBuddy(self.termNoSpin)
        self.electedLabel.setBuddy(self.electedEdit)
        self.yearsLabel.setBuddy(self.yearsCombo)
        self.remarkLabel.setBuddy(self.remarkEdit)
        self.membersLabel.setBuddy(self.membersTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.termNoSpin, self.electedEdit)
        QWidget.setTabOrder(self.electedEdit, self.yearsCombo)
        QWidget.setTabOrder(self.yearsCombo, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.membersTable)
        QWidget.setTabOrder(self.membersTable, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)

        self.retranslateUi(CommitteeDialog)

        QMetaObject.connectSlotsByName(CommitteeDialog)
    # setupUi

    def retranslateUi(self, CommitteeDialog):
        CommitteeDialog.setWindowTitle(QCoreApplication.translate("CommitteeDialog", u"New committee", None))
        self.organizationLabel.setText(QCoreApplication.translate("CommitteeDialog", u"Organization:", None))
        self.termNoLabel.setText(QCoreApplication.translate("CommitteeDialog", u"&Term number:", None))
        self.electedLabel.setText(QCoreApplication.translate("CommitteeDialog", u"&Elected on:", None))
        self.yearsLabel.setText(QCoreApplication.translate("CommitteeDialog", u"Term &length:", None))
        self.remarkLabel.setText(QCoreApplication.translate("CommitteeDialog", u"&Remark:", None))
        self.membersLabel.setText(QCoreApplication.translate("CommitteeDialog", u"Committee &members (a secretary is required):", None))
        ___qtablewidgetitem = self.membersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CommitteeDialog", u"Post", None))
        ___qtablewidgetitem1 = self.membersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CommitteeDialog", u"Name", None))
        self.addButton.setText(QCoreApplication.translate("CommitteeDialog", u"&Add member", None))
        self.removeButton.setText(QCoreApplication.translate("CommitteeDialog", u"Remo&ve member", None))
    # retranslateUi
