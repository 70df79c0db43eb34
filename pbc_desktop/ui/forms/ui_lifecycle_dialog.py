# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pbc_desktop.ui.common.dates import DateEdit

class Ui_LifecycleDialog(object):
    def setupUi(self, LifecycleDialog):
        if not LifecycleDialog.objectName():
            LifecycleDialog.setObjectName(u"LifecycleDialog")
        LifecycleDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(LifecycleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(LifecycleDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.communityCaption = QLabel(LifecycleDialog)
        self.communityCaption.setObjectName(u"communityCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.communityCaption)

        self.communityLabel = QLabel(LifecycleDialog)
        self.communityLabel.setObjectName(u"communityLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.communityLabel)

        self.statusCaption = QLabel(LifecycleDialog)
        self.statusCaption.setObjectName(u"statusCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusLabel = QLabel(LifecycleDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusLabel)

        self.actionLabel = QLabel(LifecycleDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionCombo = QComboBox(LifecycleDialog)
        self.actionCombo.setObjectName(u"actionCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.actionCombo)

        self.dateLabel = QLabel(LifecycleDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateEdit(LifecycleDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.remarkLabel = QLabel(LifecycleDialog)
        self.remarkLabel.setObjectName(u"remarkLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.remarkLabel)

        self.remarkEdit = QPlainTextEdit(LifecycleDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")
        self.remarkEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remarkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(LifecycleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.actionLabel.setBuddy(self.actionCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.remarkLabel.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LifecycleDialog)

        QMetaObject.connectSlotsByName(LifecycleDialog)
    # setupUi

    def retranslateUi(self, LifecycleDialog):
        LifecycleDialog.setWindowTitle(QCoreApplication.translate("LifecycleDialog", u"Record a procedure step", None))
        self.communityCaption.setText(QCoreApplication.translate("LifecycleDialog", u"Community:", None))
        self.statusCaption.setText(QCoreApplication.translate("LifecycleDialog", u"Current status:", None))
        self.actionLabel.setText(QCoreApplication.translate("LifecycleDialog", u"&Step:", None))
        self.dateLabel.setText(QCoreApplication.translate("LifecycleDialog", u"&Date:", None))
        self.remarkLabel.setText(QCoreApplication.translate("LifecycleDialog", u"&Remark:", None))
    # retranslateUi
