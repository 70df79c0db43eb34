# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_PostReportDialog(object):
    def setupUi(self, PostReportDialog):
        if not PostReportDialog.objectName():
            PostReportDialog.setObjectName(u"PostReportDialog")
        PostReportDialog.resize(520, 340)
        self.mainLayout = QVBoxLayout(PostReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(PostReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabelLabel = QLabel(PostReportDialog)
        self.memberLabelLabel.setObjectName(u"memberLabelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabelLabel)

        self.memberLabel = QLabel(PostReportDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setWordWrap(True)
        self.memberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.communityComboLabel = QLabel(PostReportDialog)
        self.communityComboLabel.setObjectName(u"communityComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.communityComboLabel)

        self.communityCombo = QComboBox(PostReportDialog)
        self.communityCombo.setObjectName(u"communityCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.communityCombo)

        self.organizationComboLabel = QLabel(PostReportDialog)
        self.organizationComboLabel.setObjectName(u"organizationComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organizationComboLabel)

        self.organizationCombo = QComboBox(PostReportDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.postComboLabel = QLabel(PostReportDialog)
        self.postComboLabel.setObjectName(u"postComboLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.postComboLabel)

        self.postCombo = QComboBox(PostReportDialog)
        self.postCombo.setObjectName(u"postCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.postCombo)

        self.postHint = QLabel(PostReportDialog)
        self.postHint.setObjectName(u"postHint")
        self.postHint.setStyleSheet(u"color: #666;")
        self.postHint.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.postHint)

        self.reportedEditLabel = QLabel(PostReportDialog)
        self.reportedEditLabel.setObjectName(u"reportedEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reportedEditLabel)

        self.reportedEdit = DateEdit(PostReportDialog)
        self.reportedEdit.setObjectName(u"reportedEdit")
        self.reportedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.reportedEdit.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reportedEdit)

        self.remarkEditLabel = QLabel(PostReportDialog)
        self.remarkEditLabel.setObjectName(u"remarkEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remarkEditLabel)

        self.remarkEdit = QPlainTextEdit(PostReportDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(PostReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.communityComboLabel.setBuddy(self.communityCombo)
        self.organizationComboLabel.setBuddy(self.organizationCombo)
        self.postComboLabel.setBuddy(self.postCombo)
        self.reportedEditLabel.setBuddy(self.reportedEdit)
        self.remarkEditLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.communityCombo, self.organizationCombo)
        QWidget.setTabOrder(self.organizationCombo, self.postCombo)
        QWidget.setTabOrder(self.postCombo, self.reportedEdit)
        QWidget.setTabOrder(self.reportedEdit, self.remarkEdit)
        QWidget.setTabOrder(self.remarkEdit, self.buttonBox)

        self.retranslateUi(PostReportDialog)

        QMetaObject.connectSlotsByName(PostReportDialog)
    # setupUi

    def retranslateUi(self, PostReportDialog):
        PostReportDialog.setWindowTitle(QCoreApplication.translate("PostReportDialog", u"Report to a post", None))
        self.memberLabelLabel.setText(QCoreApplication.translate("PostReportDialog", u"Member:", None))
        self.communityComboLabel.setText(QCoreApplication.translate("PostReportDialog", u"&Community:", None))
        self.organizationComboLabel.setText(QCoreApplication.translate("PostReportDialog", u"&Report to:", None))
        self.postComboLabel.setText(QCoreApplication.translate("PostReportDialog", u"&Post:", None))
        self.reportedEditLabel.setText(QCoreApplication.translate("PostReportDialog", u"Report &date:", None))
        self.remarkEditLabel.setText(QCoreApplication.translate("PostReportDialog", u"R&emark:", None))
    # retranslateUi
