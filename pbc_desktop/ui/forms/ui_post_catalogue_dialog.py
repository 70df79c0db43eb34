# -*- coding: utf-8 -*-

################################################################################
##
##
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMetaObject, QObject, QPoint, QRect, QSize, QTime, QUrl, Qt
from PySide6.QtGui import QBrush, QColor, QConicalGradient, QCursor, QFont, QFontDatabase, QGradient, QIcon, QImage, QKeySequence, QLinearGradient, QPainter, QPalette, QPixmap, QRadialGradient, QTransform
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

class Ui_PostCatalogueDialog(object):
    def setupUi(self, PostCatalogueDialog):
        if not PostCatalogueDialog.objectName():
            PostCatalogueDialog.setObjectName(u"PostCatalogueDialog")
        PostCatalogueDialog.resize(720, 440)
        self.mainLayout = QVBoxLayout(PostCatalogueDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PostCatalogueDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"color: #666;")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.errorLabel = QLabel(PostCatalogueDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.listLayout = QVBoxLayout()
        self.listLayout.setObjectName(u"listLayout")
        self.postList = QListWidget(PostCatalogueDialog)
        self.postList.setObjectName(u"postList")

        self.listLayout.addWidget(self.postList)

        self.moveButtons = QHBoxLayout()
        self.moveButtons.setObjectName(u"moveButtons")
        self.upButton = QPushButton(PostCatalogueDialog)
        self.upButton.setObjectName(u"upButton")

        self.moveButtons.addWidget(self.upButton)

        self.downButton = QPushButton(PostCatalogueDialog)
        self.downButton.setObjectName(u"downButton")

        self.moveButtons.addWidget(self.downButton)


        self.listLayout.addLayout(self.moveButtons)


        self.bodyLayout.addLayout(self.listLayout)

        self.postBox = QGroupBox(PostCatalogueDialog)
        self.postBox.setObjectName(u"postBox")
        self.postBoxLayout = QVBoxLayout(self.postBox)
        self.postBoxLayout.setObjectName(u"postBoxLayout")
        self.postForm = QFormLayout()
        self.postForm.setObjectName(u"postForm")
        self.nameEditLabel = QLabel(self.postBox)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.postForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(self.postBox)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(60)

        self.postForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.descriptionEditLabel = QLabel(self.postBox)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.postForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(self.postBox)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.postForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.usageLabel = QLabel(self.postBox)
        self.usageLabel.setObjectName(u"usageLabel")
        self.usageLabel.setStyleSheet(u"color: #666;")
        self.usageLabel.setWordWrap(True)

        self.postForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.usageLabel)


        self.postBoxLayout.addLayout(self.postForm)

        self.editButtons = QHBoxLayout()
        self.editButtons.setObjectName(u"editButtons")
        self.newButton = QPushButton(self.postBox)
        self.newButton.setObjectName(u"newButton")

        self.editButtons.addWidget(self.newButton)

        self.saveButton = QPushButton(self.postBox)
        self.saveButton.setObjectName(u"saveButton")

        self.editButtons.addWidget(self.saveButton)

        self.activeButton = QPushButton(self.postBox)
        self.activeButton.setObjectName(u"activeButton")

        self.editButtons.addWidget(self.activeButton)

        self.deleteButton = QPushButton(self.postBox)
        self.deleteButton.setObjectName(u"deleteButton")

        self.editButtons.addWidget(self.deleteButton)


        self.postBoxLayout.addLayout(self.editButtons)


        self.bodyLayout.addWidget(self.postBox)

        self.bodyLayout.setStretch(0, 2)
        self.bodyLayout.setStretch(1, 3)

        self.mainLayout.addLayout(self.bodyLayout)

        self.buttonBox = QDialogButtonBox(PostCatalogueDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.postList, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.newButton)
        QWidget.setTabOrder(self.newButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.activeButton)
        QWidget.setTabOrder(self.activeButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.buttonBox)

        self.retranslateUi(PostCatalogueDialog)

        QMetaObject.connectSlotsByName(PostCatalogueDialog)
    # setupUi

    def retranslateUi(self, PostCatalogueDialog):
        PostCatalogueDialog.setWindowTitle(QCoreApplication.translate("PostCatalogueDialog", u"Post catalogue", None))
        self.upButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"Move &up", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("PostCatalogueDialog", u"Move the post up (Ctrl+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"Move do&wn", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("PostCatalogueDialog", u"Move the post down (Ctrl+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.postBox.setTitle(QCoreApplication.translate("PostCatalogueDialog", u"Post", None))
        self.nameEditLabel.setText(QCoreApplication.translate("PostCatalogueDialog", u"N&ame:", None))
        self.descriptionEditLabel.setText(QCoreApplication.translate("PostCatalogueDialog", u"Dut&ies:", None))
        self.newButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"&New", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("PostCatalogueDialog", u"Add a post to the catalogue (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"&Save", None))
        self.activeButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"Deac&tivate", None))
        self.deleteButton.setText(QCoreApplication.translate("PostCatalogueDialog", u"&Delete", None))
    # retranslateUi
