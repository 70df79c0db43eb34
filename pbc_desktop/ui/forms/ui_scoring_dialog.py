# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

class Ui_ScoringDialog(object):
    def setupUi(self, ScoringDialog):
        if not ScoringDialog.objectName():
            ScoringDialog.setObjectName(u"ScoringDialog")
        ScoringDialog.resize(900, 680)
        self.mainLayout = QVBoxLayout(ScoringDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ScoringDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.communityLabel = QLabel(ScoringDialog)
        self.communityLabel.setObjectName(u"communityLabel")
        self.communityLabel.setStyleSheet(u"font-weight: bold;")

        self.headerLayout.addWidget(self.communityLabel)

        self.setLabel = QLabel(ScoringDialog)
        self.setLabel.setObjectName(u"setLabel")

        self.headerLayout.addWidget(self.setLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.statusLabel = QLabel(ScoringDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerLayout.addWidget(self.statusLabel)


        self.mainLayout.addLayout(self.headerLayout)

        self.scoresTable = QTableWidget(ScoringDialog)
        if (self.scoresTable.columnCount() < 5):
            self.scoresTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.scoresTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.scoresTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.scoresTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.scoresTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.scoresTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.scoresTable.setObjectName(u"scoresTable")
        self.scoresTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.scoresTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.scoresTable.setTabKeyNavigation(False)
        self.scoresTable.setColumnCount(5)

        self.mainLayout.addWidget(self.scoresTable)

        self.totalLayout = QHBoxLayout()
        self.totalLayout.setObjectName(u"totalLayout")
        self.totalCaption = QLabel(ScoringDialog)
        self.totalCaption.setObjectName(u"totalCaption")

        self.totalLayout.addWidget(self.totalCaption)

        self.totalLabel = QLabel(ScoringDialog)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setStyleSheet(u"font-weight: bold; font-size: 14pt;")

        self.totalLayout.addWidget(self.totalLabel)

        self.gradeCaption = QLabel(ScoringDialog)
        self.gradeCaption.setObjectName(u"gradeCaption")

        self.totalLayout.addWidget(self.gradeCaption)

        self.gradeLabel = QLabel(ScoringDialog)
        self.gradeLabel.setObjectName(u"gradeLabel")
        self.gradeLabel.setStyleSheet(u"font-weight: bold; font-size: 14pt;")

        self.totalLayout.addWidget(self.gradeLabel)

        self.totalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.totalLayout.addItem(self.totalSpacer)

        self.thresholdsLabel = QLabel(ScoringDialog)
        self.thresholdsLabel.setObjectName(u"thresholdsLabel")
        self.thresholdsLabel.setStyleSheet(u"color: #666;")

        self.totalLayout.addWidget(self.thresholdsLabel)


        self.mainLayout.addLayout(self.totalLayout)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.feedbackBox = QGroupBox(ScoringDialog)
        self.feedbackBox.setObjectName(u"feedbackBox")
        self.feedbackLayout = QVBoxLayout(self.feedbackBox)
        self.feedbackLayout.setObjectName(u"feedbackLayout")
        self.feedbackEdit = QPlainTextEdit(self.feedbackBox)
        self.feedbackEdit.setObjectName(u"feedbackEdit")
        self.feedbackEdit.setTabChangesFocus(True)

        self.feedbackLayout.addWidget(self.feedbackEdit)


        self.bottomLayout.addWidget(self.feedbackBox)

        self.outcomeBox = QGroupBox(ScoringDialog)
        self.outcomeBox.setObjectName(u"outcomeBox")
        self.outcomeLayout = QFormLayout(self.outcomeBox)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLabel = QLabel(self.outcomeBox)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.outcomeBox)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.awardLabel = QLabel(self.outcomeBox)
        self.awardLabel.setObjectName(u"awardLabel")

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.awardLabel)

        self.awardEdit = QLineEdit(self.outcomeBox)
        self.awardEdit.setObjectName(u"awardEdit")

        self.outcomeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.awardEdit)

        self.reasonsLabel = QLabel(self.outcomeBox)
        self.reasonsLabel.setObjectName(u"reasonsLabel")

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonsLabel)

        self.reasonsEdit = QPlainTextEdit(self.outcomeBox)
        self.reasonsEdit.setObjectName(u"reasonsEdit")
        self.reasonsEdit.setTabChangesFocus(True)

        self.outcomeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonsEdit)


        self.bottomLayout.addWidget(self.outcomeBox)


        self.mainLayout.addLayout(self.bottomLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.finishButton = QPushButton(ScoringDialog)
        self.finishButton.setObjectName(u"finishButton")
        self.finishButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.finishButton)

        self.buttonBox = QDialogButtonBox(ScoringDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.awardLabel.setBuddy(self.awardEdit)
        self.reasonsLabel.setBuddy(self.reasonsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringDialog)

        QMetaObject.connectSlotsByName(ScoringDialog)
    # setupUi

    def retranslateUi(self, ScoringDialog):
        ScoringDialog.setWindowTitle(QCoreApplication.translate("ScoringDialog", u"Score a community", None))
        ___qtablewidgetitem = self.scoresTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ScoringDialog", u"Category", None))
        ___qtablewidgetitem1 = self.scoresTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ScoringDialog", u"Indicator", None))
        ___qtablewidgetitem2 = self.scoresTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ScoringDialog", u"Max", None))
        ___qtablewidgetitem3 = self.scoresTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ScoringDialog", u"Figures on record", None))
        ___qtablewidgetitem4 = self.scoresTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ScoringDialog", u"Score", None))
        self.totalCaption.setText(QCoreApplication.translate("ScoringDialog", u"Total:", None))
        self.gradeCaption.setText(QCoreApplication.translate("ScoringDialog", u"Grade:", None))
        self.feedbackBox.setTitle(QCoreApplication.translate("ScoringDialog", u"&Feedback", None))
        self.outcomeBox.setTitle(QCoreApplication.translate("ScoringDialog", u"Outcome", None))
        self.outcomeLabel.setText(QCoreApplication.translate("ScoringDialog", u"&Outcome:", None))
        self.awardLabel.setText(QCoreApplication.translate("ScoringDialog", u"&Award (yuan):", None))
        self.reasonsLabel.setText(QCoreApplication.translate("ScoringDialog", u"&Reasons for rectification:", None))
        self.finishButton.setText(QCoreApplication.translate("ScoringDialog", u"Save and f&inish", None))
    # retranslateUi
