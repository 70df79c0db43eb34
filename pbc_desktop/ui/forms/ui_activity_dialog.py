# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateTimeEdit
from pbc_desktop.ui.common.spin_boxes import IntSpinBox

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(920, 700)
        self.mainLayout = QVBoxLayout(ActivityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(ActivityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.tabs = QTabWidget(ActivityDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicsPage = QWidget()
        self.basicsPage.setObjectName(u"basicsPage")
        self.basicsForm = QFormLayout(self.basicsPage)
        self.basicsForm.setObjectName(u"basicsForm")
        self.communityLabel = QLabel(self.basicsPage)
        self.communityLabel.setObjectName(u"communityLabel")

        self.basicsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.communityLabel)

        self.communityCombo = QComboBox(self.basicsPage)
        self.communityCombo.setObjectName(u"communityCombo")

        self.basicsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.communityCombo)

        self.kindLabel = QLabel(self.basicsPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.basicsPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.basicsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.titleLabel = QLabel(self.basicsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.basicsPage)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.basicsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.statusLabel = QLabel(self.basicsPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.basicsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.basicsPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.basicsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.startLabel = QLabel(self.basicsPage)
        self.startLabel.setObjectName(u"startLabel")

        self.basicsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = DateTimeEdit(self.basicsPage)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.basicsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.endLabel = QLabel(self.basicsPage)
        self.endLabel.setObjectName(u"endLabel")

        self.basicsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endLayout = QHBoxLayout()
        self.endLayout.setObjectName(u"endLayout")
        self.endCheck = QCheckBox(self.basicsPage)
        self.endCheck.setObjectName(u"endCheck")

        self.endLayout.addWidget(self.endCheck)

        self.endEdit = DateTimeEdit(self.basicsPage)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.endLayout.addWidget(self.endEdit)

        self.endSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endLayout.addItem(self.endSpacer)


        self.basicsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.endLayout)

        self.placeLabel = QLabel(self.basicsPage)
        self.placeLabel.setObjectName(u"placeLabel")

        self.basicsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeCombo = QComboBox(self.basicsPage)
        self.placeCombo.setObjectName(u"placeCombo")
        self.placeCombo.setEditable(True)

        self.basicsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.placeCombo)

        self.hostLabel = QLabel(self.basicsPage)
        self.hostLabel.setObjectName(u"hostLabel")

        self.basicsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostLayout = QHBoxLayout()
        self.hostLayout.setObjectName(u"hostLayout")
        self.hostCombo = QComboBox(self.basicsPage)
        self.hostCombo.setObjectName(u"hostCombo")

        self.hostLayout.addWidget(self.hostCombo)

        self.proposeHostButton = QPushButton(self.basicsPage)
        self.proposeHostButton.setObjectName(u"proposeHostButton")

        self.hostLayout.addWidget(self.proposeHostButton)


        self.basicsForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.hostLayout)

        self.chairLabel = QLabel(self.basicsPage)
        self.chairLabel.setObjectName(u"chairLabel")

        self.basicsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(self.basicsPage)
        self.chairEdit.setObjectName(u"chairEdit")
        self.chairEdit.setMaxLength(60)

        self.basicsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.recorderLabel = QLabel(self.basicsPage)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.basicsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.recorderLabel)

        self.recorderEdit = QLineEdit(self.basicsPage)
        self.recorderEdit.setObjectName(u"recorderEdit")
        self.recorderEdit.setMaxLength(60)

        self.basicsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.recorderEdit)

        self.lecturerLabel = QLabel(self.basicsPage)
        self.lecturerLabel.setObjectName(u"lecturerLabel")

        self.basicsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.lecturerLabel)

        self.lecturerEdit = QLineEdit(self.basicsPage)
        self.lecturerEdit.setObjectName(u"lecturerEdit")
        self.lecturerEdit.setMaxLength(60)

        self.basicsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.lecturerEdit)

        self.traineeLabel = QLabel(self.basicsPage)
        self.traineeLabel.setObjectName(u"traineeLabel")

        self.basicsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.traineeLabel)

        self.traineeSpin = IntSpinBox(self.basicsPage)
        self.traineeSpin.setObjectName(u"traineeSpin")
        self.traineeSpin.setMaximum(100000)

        self.basicsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.traineeSpin)

        self.guestsLabel = QLabel(self.basicsPage)
        self.guestsLabel.setObjectName(u"guestsLabel")

        self.basicsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.guestsLabel)

        self.guestsEdit = QLineEdit(self.basicsPage)
        self.guestsEdit.setObjectName(u"guestsEdit")

        self.basicsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.guestsEdit)

        self.summaryLabel = QLabel(self.basicsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.basicsForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.basicsPage)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.basicsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.tabs.addTab(self.basicsPage, "")
        self.peoplePage = QWidget()
        self.peoplePage.setObjectName(u"peoplePage")
        self.peopleLayout = QVBoxLayout(self.peoplePage)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.pickersLayout = QHBoxLayout()
        self.pickersLayout.setObjectName(u"pickersLayout")
        self.orgsBox = QGroupBox(self.peoplePage)
        self.orgsBox.setObjectName(u"orgsBox")
        self.orgsLayout = QVBoxLayout(self.orgsBox)
        self.orgsLayout.setObjectName(u"orgsLayout")
        self.orgsList = QListWidget(self.orgsBox)
        self.orgsList.setObjectName(u"orgsList")

        self.orgsLayout.addWidget(self.orgsList)

        self.callMembersButton = QPushButton(self.orgsBox)
        self.callMembersButton.setObjectName(u"callMembersButton")

        self.orgsLayout.addWidget(self.callMembersButton)


        self.pickersLayout.addWidget(self.orgsBox)

        self.memberBox = QGroupBox(self.peoplePage)
        self.memberBox.setObjectName(u"memberBox")
        self.memberLayout = QVBoxLayout(self.memberBox)
        self.memberLayout.setObjectName(u"memberLayout")
        self.memberSearchEdit = QLineEdit(self.memberBox)
        self.memberSearchEdit.setObjectName(u"memberSearchEdit")
        self.memberSearchEdit.setClearButtonEnabled(True)

        self.memberLayout.addWidget(self.memberSearchEdit)

        self.memberResults = QListWidget(self.memberBox)
        self.memberResults.setObjectName(u"memberResults")

        self.memberLayout.addWidget(self.memberResults)

        self.memberButtons = QHBoxLayout()
        self.memberButtons.setObjectName(u"memberButtons")
        self.addMemberButton = QPushButton(self.memberBox)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.memberButtons.addWidget(self.addMemberButton)

        self.addPersonButton = QPushButton(self.memberBox)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.memberButtons.addWidget(self.addPersonButton)


        self.memberLayout.addLayout(self.memberButtons)


        self.pickersLayout.addWidget(self.memberBox)


        self.peopleLayout.addLayout(self.pickersLayout)

        self.attendanceTable = QTableWidget(self.peoplePage)
        if (self.attendanceTable.columnCount() < 5):
            self.attendanceTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.attendanceTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.attendanceTable.setObjectName(u"attendanceTable")

        self.peopleLayout.addWidget(self.attendanceTable)

        self.attendanceButtons = QHBoxLayout()
        self.attendanceButtons.setObjectName(u"attendanceButtons")
        self.removePersonButton = QPushButton(self.peoplePage)
        self.removePersonButton.setObjectName(u"removePersonButton")

        self.attendanceButtons.addWidget(self.removePersonButton)

        self.attendanceSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceButtons.addItem(self.attendanceSpacer)

        self.countsLabel = QLabel(self.peoplePage)
        self.countsLabel.setObjectName(u"countsLabel")

        self.attendanceButtons.addWidget(self.countsLabel)


        self.peopleLayout.addLayout(self.attendanceButtons)

        self.tabs.addTab(self.peoplePage, "")
        self.agendaPage = QWidget()
        self.agendaPage.setObjectName(u"agendaPage")
        self.agendaLayout = QHBoxLayout(self.agendaPage)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaListLayout = QVBoxLayout()
        self.agendaListLayout.setObjectName(u"agendaListLayout")
        self.agendaList = QListWidget(self.agendaPage)
        self.agendaList.setObjectName(u"agendaList")

        self.agendaListLayout.addWidget(self.agendaList)

        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.addAgendaButton = QPushButton(self.agendaPage)
        self.addAgendaButton.setObjectName(u"addAgendaButton")

        self.agendaButtons.addWidget(self.addAgendaButton)

        self.removeAgendaButton = QPushButton(self.agendaPage)
        self.removeAgendaButton.setObjectName(u"removeAgendaButton")

        self.agendaButtons.addWidget(self.removeAgendaButton)

        self.agendaUpButton = QPushButton(self.agendaPage)
        self.agendaUpButton.setObjectName(u"agendaUpButton")

        self.agendaButtons.addWidget(self.agendaUpButton)

        self.agendaDownButton = QPushButton(self.agendaPage)
        self.agendaDownButton.setObjectName(u"agendaDownButton")

        self.agendaButtons.addWidget(self.agendaDownButton)


        self.agendaListLayout.addLayout(self.agendaButtons)


        self.agendaLayout.addLayout(self.agendaListLayout)

        self.agendaItemBox = QGroupBox(self.agendaPage)
        self.agendaItemBox.setObjectName(u"agendaItemBox")
        self.agendaForm = QFormLayout(self.agendaItemBox)
        self.agendaForm.setObjectName(u"agendaForm")
        self.agendaTitleLabel = QLabel(self.agendaItemBox)
        self.agendaTitleLabel.setObjectName(u"agendaTitleLabel")

        self.agendaForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agendaTitleLabel)

        self.agendaTitleEdit = QLineEdit(self.agendaItemBox)
        self.agendaTitleEdit.setObjectName(u"agendaTitleEdit")
        self.agendaTitleEdit.setMaxLength(200)

        self.agendaForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agendaTitleEdit)

        self.discussionLabel = QLabel(self.agendaItemBox)
        self.discussionLabel.setObjectName(u"discussionLabel")

        self.agendaForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.discussionLabel)

        self.discussionEdit = QPlainTextEdit(self.agendaItemBox)
        self.discussionEdit.setObjectName(u"discussionEdit")

        self.agendaForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.discussionEdit)

        self.resolutionLabel = QLabel(self.agendaItemBox)
        self.resolutionLabel.setObjectName(u"resolutionLabel")

        self.agendaForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resolutionLabel)

        self.resolutionEdit = QPlainTextEdit(self.agendaItemBox)
        self.resolutionEdit.setObjectName(u"resolutionEdit")

        self.agendaForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resolutionEdit)

        self.votedCheck = QCheckBox(self.agendaItemBox)
        self.votedCheck.setObjectName(u"votedCheck")

        self.agendaForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.votedCheck)

        self.votesLabel = QLabel(self.agendaItemBox)
        self.votesLabel.setObjectName(u"votesLabel")

        self.agendaForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.votesLabel)

        self.votesLayout = QHBoxLayout()
        self.votesLayout.setObjectName(u"votesLayout")
        self.forLabel = QLabel(self.agendaItemBox)
        self.forLabel.setObjectName(u"forLabel")

        self.votesLayout.addWidget(self.forLabel)

        self.forSpin = IntSpinBox(self.agendaItemBox)
        self.forSpin.setObjectName(u"forSpin")
        self.forSpin.setMaximum(100000)

        self.votesLayout.addWidget(self.forSpin)

        self.againstLabel = QLabel(self.agendaItemBox)
        self.againstLabel.setObjectName(u"againstLabel")

        self.votesLayout.addWidget(self.againstLabel)

        self.againstSpin = IntSpinBox(self.agendaItemBox)
        self.againstSpin.setObjectName(u"againstSpin")
        self.againstSpin.setMaximum(100000)

        self.votesLayout.addWidget(self.againstSpin)

        self.abstainLabel = QLabel(self.agendaItemBox)
        self.abstainLabel.setObjectName(u"abstainLabel")

        self.votesLayout.addWidget(self.abstainLabel)

        self.abstainSpin = IntSpinBox(self.agendaItemBox)
        self.abstainSpin.setObjectName(u"abstainSpin")
        self.abstainSpin.setMaximum(100000)

        self.votesLayout.addWidget(self.abstainSpin)

        self.votesSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.votesLayout.addItem(self.votesSpacer)


        self.agendaForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.votesLayout)


        self.agendaLayout.addWidget(self.agendaItemBox)

        self.tabs.addTab(self.agendaPage, "")
        self.filesPage = QWidget()
        self.filesPage.setObjectName(u"filesPage")
        self.filesLayout = QVBoxLayout(self.filesPage)
        self.filesLayout.setObjectName(u"filesLayout")
        self.filesList = QListWidget(self.filesPage)
        self.filesList.setObjectName(u"filesList")
        self.filesList.setViewMode(QListView.ViewMode.IconMode)
        self.filesList.setIconSize(QSize(120, 90))
        self.filesList.setResizeMode(QListView.ResizeMode.Adjust)
        self.filesList.setMovement(QListView.Movement.Static)
        self.filesList.setSpacing(8)
        self.filesList.setWordWrap(True)

        self.filesLayout.addWidget(self.filesList)

        self.filesButtons = QHBoxLayout()
        self.filesButtons.setObjectName(u"filesButtons")
        self.addFilesButton = QPushButton(self.filesPage)
        self.addFilesButton.setObjectName(u"addFilesButton")

        self.filesButtons.addWidget(self.addFilesButton)

        self.removeFileButton = QPushButton(self.filesPage)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.filesButtons.addWidget(self.removeFileButton)

        self.openFileButton = QPushButton(self.filesPage)
        self.openFileButton.setObjectName(u"openFileButton")

        self.filesButtons.addWidget(self.openFileButton)

        self.saveFileButton = QPushButton(self.filesPage)
        self.saveFileButton.setObjectName(u"saveFileButton")

        self.filesButtons.addWidget(self.saveFileButton)

        self.filesSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filesButtons.addItem(self.filesSpacer)


        self.filesLayout.addLayout(self.filesButtons)

        self.tabs.addTab(self.filesPage, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(ActivityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.communityLabel.setBuddy(self.communityCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endCheck)
        self.placeLabel.setBuddy(self.placeCombo)
        self.hostLabel.setBuddy(self.hostCombo)
        self.chairLabel.setBuddy(self.chairEdit)
        self.recorderLabel.setBuddy(self.recorderEdit)
        self.lecturerLabel.setBuddy(self.lecturerEdit)
        self.traineeLabel.setBuddy(self.traineeSpin)
        self.guestsLabel.setBuddy(self.guestsEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.agendaTitleLabel.setBuddy(self.agendaTitleEdit)
        self.discussionLabel.setBuddy(self.discussionEdit)
        self.resolutionLabel.setBuddy(self.resolutionEdit)
        self.forLabel.setBuddy(self.forSpin)
        self.againstLabel.setBuddy(self.againstSpin)
        self.abstainLabel.setBuddy(self.abstainSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.communityCombo)
        QWidget.setTabOrder(self.communityCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endCheck)
        QWidget.setTabOrder(self.endCheck, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.placeCombo)
        QWidget.setTabOrder(self.placeCombo, self.hostCombo)
        QWidget.setTabOrder(self.hostCombo, self.proposeHostButton)
        QWidget.setTabOrder(self.proposeHostButton, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.recorderEdit)
        QWidget.setTabOrder(self.recorderEdit, self.lecturerEdit)
        QWidget.setTabOrder(self.lecturerEdit, self.traineeSpin)
        QWidget.setTabOrder(self.traineeSpin, self.guestsEdit)
        QWidget.setTabOrder(self.guestsEdit, self.summaryEdit)

        self.retranslateUi(ActivityDialog)

        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        ActivityDialog.setWindowTitle(QCoreApplication.translate("ActivityDialog", u"Activity", None))
        self.communityLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Community:", None))
        self.kindLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Kind:", None))
        self.titleLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Title:", None))
        self.statusLabel.setText(QCoreApplication.translate("ActivityDialog", u"Stat&us:", None))
        self.startLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Starts at:", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd HH:mm", None))
        self.endLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Ends at:", None))
        self.endCheck.setText(QCoreApplication.translate("ActivityDialog", u"Record the end", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd HH:mm", None))
        self.placeLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Place:", None))
#if QT_CONFIG(tooltip)
        self.placeCombo.setToolTip(QCoreApplication.translate("ActivityDialog", u"Choose a venue (\u9635\u5730) or type another place", None))
#endif // QT_CONFIG(tooltip)
        self.hostLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Host organization:", None))
        self.proposeHostButton.setText(QCoreApplication.translate("ActivityDialog", u"Pr&opose from rotation", None))
        self.chairLabel.setText(QCoreApplication.translate("ActivityDialog", u"Ch&air:", None))
        self.recorderLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Recorder:", None))
        self.lecturerLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Lecturer:", None))
        self.traineeLabel.setText(QCoreApplication.translate("ActivityDialog", u"Tra&inee person-times:", None))
        self.guestsLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Guests:", None))
        self.summaryLabel.setText(QCoreApplication.translate("ActivityDialog", u"Su&mmary:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicsPage), QCoreApplication.translate("ActivityDialog", u"&Basics", None))
        self.orgsBox.setTitle(QCoreApplication.translate("ActivityDialog", u"Participating organizations", None))
        self.callMembersButton.setText(QCoreApplication.translate("ActivityDialog", u"Call their &members", None))
        self.memberBox.setTitle(QCoreApplication.translate("ActivityDialog", u"Find party members", None))
        self.memberSearchEdit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"Type a name to find a party member", None))
        self.addMemberButton.setText(QCoreApplication.translate("ActivityDialog", u"&Add to attendance", None))
        self.addPersonButton.setText(QCoreApplication.translate("ActivityDialog", u"Add a &person not on the roll", None))
        ___qtablewidgetitem = self.attendanceTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ActivityDialog", u"Name", None))
        ___qtablewidgetitem1 = self.attendanceTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ActivityDialog", u"Organization", None))
        ___qtablewidgetitem2 = self.attendanceTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ActivityDialog", u"Attendance", None))
        ___qtablewidgetitem3 = self.attendanceTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ActivityDialog", u"Reason", None))
        ___qtablewidgetitem4 = self.attendanceTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ActivityDialog", u"Reason details", None))
        self.removePersonButton.setText(QCoreApplication.translate("ActivityDialog", u"Remo&ve person", None))
        self.tabs.setTabText(self.tabs.indexOf(self.peoplePage), QCoreApplication.translate("ActivityDialog", u"Participa&nts", None))
        self.addAgendaButton.setText(QCoreApplication.translate("ActivityDialog", u"Add ite&m", None))
        self.removeAgendaButton.setText(QCoreApplication.translate("ActivityDialog", u"&Remove item", None))
        self.agendaUpButton.setText(QCoreApplication.translate("ActivityDialog", u"&Up", None))
        self.agendaDownButton.setText(QCoreApplication.translate("ActivityDialog", u"Do&wn", None))
        self.agendaItemBox.setTitle(QCoreApplication.translate("ActivityDialog", u"Agenda item (\u8bae\u9898)", None))
        self.agendaTitleLabel.setText(QCoreApplication.translate("ActivityDialog", u"&Item:", None))
        self.discussionLabel.setText(QCoreApplication.translate("ActivityDialog", u"Dis&cussion:", None))
        self.resolutionLabel.setText(QCoreApplication.translate("ActivityDialog", u"Res&olution:", None))
        self.votedCheck.setText(QCoreApplication.translate("ActivityDialog", u"Put to a &vote", None))
        self.votesLabel.setText(QCoreApplication.translate("ActivityDialog", u"Votes:", None))
        self.forLabel.setText(QCoreApplication.translate("ActivityDialog", u"For", None))
        self.againstLabel.setText(QCoreApplication.translate("ActivityDialog", u"Against", None))
        self.abstainLabel.setText(QCoreApplication.translate("ActivityDialog", u"Abstain", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agendaPage), QCoreApplication.translate("ActivityDialog", u"Agen&da and resolutions", None))
        self.addFilesButton.setText(QCoreApplication.translate("ActivityDialog", u"Add &photos or files...", None))
        self.removeFileButton.setText(QCoreApplication.translate("ActivityDialog", u"&Remove", None))
        self.openFileButton.setText(QCoreApplication.translate("ActivityDialog", u"&Open", None))
        self.saveFileButton.setText(QCoreApplication.translate("ActivityDialog", u"&Save as...", None))
        self.tabs.setTabText(self.tabs.indexOf(self.filesPage), QCoreApplication.translate("ActivityDialog", u"Photos and &files", None))
    # retranslateUi
