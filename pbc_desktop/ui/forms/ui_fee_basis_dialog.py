# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

class Ui_FeeBasisDialog(object):
    def setupUi(self, FeeBasisDialog):
        if not FeeBasisDialog.objectName():
            FeeBasisDialog.setObjectName(u"FeeBasisDialog")
        FeeBasisDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(FeeBasisDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.errorLabel = QLabel(FeeBasisDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabelCaption = QLabel(FeeBasisDialog)
        self.memberLabelCaption.setObjectName(u"memberLabelCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabelCaption)

        self.memberLabel = QLabel(FeeBasisDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberLabel)

        self.monthEditCaption = QLabel(FeeBasisDialog)
        self.monthEditCaption.setObjectName(u"monthEditCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.monthEditCaption)

        self.monthEdit = QDateEdit(FeeBasisDialog)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setDisplayFormat(u"yyyy-MM")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.monthEdit)

        self.categoryComboCaption = QLabel(FeeBasisDialog)
        self.categoryComboCaption.setObjectName(u"categoryComboCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryComboCaption)

        self.categoryCombo = QComboBox(FeeBasisDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.incomeEditCaption = QLabel(FeeBasisDialog)
        self.incomeEditCaption.setObjectName(u"incomeEditCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.incomeEditCaption)

        self.incomeEdit = QLineEdit(FeeBasisDialog)
        self.incomeEdit.setObjectName(u"incomeEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.incomeEdit)

        self.fixedEditCaption = QLabel(FeeBasisDialog)
        self.fixedEditCaption.setObjectName(u"fixedEditCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fixedEditCaption)

        self.fixedEdit = QLineEdit(FeeBasisDialog)
        self.fixedEdit.setObjectName(u"fixedEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.fixedEdit)

        self.remarkEditCaption = QLabel(FeeBasisDialog)
        self.remarkEditCaption.setObjectName(u"remarkEditCaption")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.remarkEditCaption)

        self.remarkEdit = QLineEdit(FeeBasisDialog)
        self.remarkEdit.setObjectName(u"remarkEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.remarkEdit)

        self.standardLabelCaption = QLabel(FeeBasisDialog)
        self.standardLabelCaption.setObjectName(u"standardLabelCaption")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.standardLabelCaption)

        self.standardLabel = QLabel(FeeBasisDialog)
        self.standardLabel.setObjectName(u"standardLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.standardLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(FeeBasisDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.monthEditCaption.setBuddy(self.monthEdit)
        self.categoryComboCaption.setBuddy(self.categoryCombo)
        self.incomeEditCaption.setBuddy(self.incomeEdit)
        self.fixedEditCaption.setBuddy(self.fixedEdit)
        self.remarkEditCaption.setBuddy(self.remarkEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FeeBasisDialog)

        QMetaObject.connectSlotsByName(FeeBasisDialog)
    # setupUi

    def retranslateUi(self, FeeBasisDialog):
        FeeBasisDialog.setWindowTitle(QCoreApplication.translate("FeeBasisDialog", u"Party fee basis", None))
        self.memberLabelCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"Member:", None))
        self.monthEditCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"&From month:", None))
        self.categoryComboCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"&Category:", None))
        self.incomeEditCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"Monthly &income (after tax, yuan):", None))
        self.fixedEditCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"Fi&xed standard (yuan, optional):", None))
        self.remarkEditCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"&Remark:", None))
        self.standardLabelCaption.setText(QCoreApplication.translate("FeeBasisDialog", u"Standard now:", None))
    # retranslateUi
