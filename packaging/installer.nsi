; setup.exe of PBC Desktop (党建共同体工作台): NSIS 3, Unicode, Modern UI 2.
;
; Built by `python packaging/build.py --installer` (or `make installer`), which calls
;
;   makensis -WX -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0
;            -DSOURCE_DIR=dist/pbc_desktop -DOUTFILE=dist/pbc-desktop-0.1.0-setup.exe
;            [-DEXE_SUFFIX=] [-DICON=resources/icons/app.ico] packaging/installer.nsi
;
; SOURCE_DIR is the PyInstaller folder (pbc.exe, pbc-desktop.exe, _internal\). On Linux a
; Linux bundle (programs without ".exe", so -DEXE_SUFFIX=) stands in to compile-check this
; script (tests/test_installer_script.py); the installer it makes is not meant to run.
;
; Behaviour:
; - Installs for the current user without administrator rights (%LOCALAPPDATA%\Programs);
;   an administrator may choose "all users" (Program Files) on a page, or pass /AllUsers.
;   /S installs silently for the current user (or upgrades the existing installation).
; - Installing over an existing installation upgrades it in place: same folder, old program
;   files removed first, the data folder (%LOCALAPPDATA%\PBCDesktop) never touched.
; - Start menu and desktop shortcuts, an entry in "Apps / Programs and Features".
; - The uninstaller removes the program and keeps the data folder unless the user ticks
;   "also delete my data" (or passes /DeleteData); silent uninstall keeps the data.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z (packaging/build.py does)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SOURCE_DIR
  !error "Pass the PyInstaller folder: makensis -DSOURCE_DIR=dist/pbc_desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "pbc-desktop-${VERSION}-setup.exe"
!endif
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif
!ifndef ICON
  !define ICON "${__FILEDIR__}\..\resources\icons\app.ico"
!endif

; Refuse a payload that is not the program (e.g. an empty or half-built dist folder).
!if ! /FileExists "${SOURCE_DIR}\pbc-desktop${EXE_SUFFIX}"
  !error "${SOURCE_DIR} holds no pbc-desktop${EXE_SUFFIX}: build the program first"
!endif
!if ! /FileExists "${SOURCE_DIR}\pbc${EXE_SUFFIX}"
  !error "${SOURCE_DIR} holds no pbc${EXE_SUFFIX}: build the program first"
!endif

!define APP_NAME_ZH "党建共同体工作台"
!define APP_NAME_EN "PBC Desktop"
!define PUBLISHER "PBC Desktop"
!define GUI_EXE "pbc-desktop.exe"
!define CLI_EXE "pbc.exe"
!define CONTENTS_DIR "_internal"
!define UNINSTALLER "uninstall.exe"
; The program's data folder: QStandardPaths GenericDataLocation\PBCDesktop (paths.py).
!define DATA_FOLDER "PBCDesktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PBCDesktop"

Name "${APP_NAME_ZH}" "${APP_NAME_ZH} ${APP_NAME_EN}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME_ZH} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

; --- per-user by default, all users on request --------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "PBC Desktop"
; An earlier installation decides the mode (HKCU or HKLM) and the folder: upgrade in place.
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh
!include x64.nsh

; --- the wizard ---------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!define MUI_FINISHPAGE_RUN_FUNCTION RunProgram
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UnComponentsTop)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: the default wherever Windows is not in English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_SIMPCHINESE} "现在打开${APP_NAME_ZH}"
LangString RunNow ${LANG_ENGLISH} "Open ${APP_NAME_EN} now"
LangString NeedsWin10 ${LANG_SIMPCHINESE} "${APP_NAME_ZH}需要 64 位的 Windows 10 或更新版本。"
LangString NeedsWin10 ${LANG_ENGLISH} "${APP_NAME_EN} needs 64-bit Windows 10 or newer."
LangString CloseProgram ${LANG_SIMPCHINESE} "${APP_NAME_ZH}正在运行。请先关闭它(包括命令行窗口中的 pbc),然后点“重试”。"
LangString CloseProgram ${LANG_ENGLISH} "${APP_NAME_EN} is running. Please close it (including pbc in a command window), then click Retry."
LangString ShortcutComment ${LANG_SIMPCHINESE} "党建共同体的组建、活动、清单和考核"
LangString ShortcutComment ${LANG_ENGLISH} "Party-building communities: formation, activities, lists and assessment"
LangString DemoShortcut ${LANG_SIMPCHINESE} "${APP_NAME_ZH}(演示数据)"
LangString DemoShortcut ${LANG_ENGLISH} "${APP_NAME_EN} (demo district)"
LangString DemoShortcutComment ${LANG_SIMPCHINESE} "打开演示区的数据,账号 admin,密码 demo1234"
LangString DemoShortcutComment ${LANG_ENGLISH} "The demo district: account admin, password demo1234"
LangString UnComponentsTop ${LANG_SIMPCHINESE} "程序文件将被删除。您的数据(数据库、备份、日志)默认保留,重新安装后可以继续使用。"
LangString UnComponentsTop ${LANG_ENGLISH} "The program files will be removed. Your data (database, backups, logs) is kept unless you tick it below, so a new installation can carry on with it."
LangString UnSecProgram ${LANG_SIMPCHINESE} "程序"
LangString UnSecProgram ${LANG_ENGLISH} "Program"
LangString UnSecData ${LANG_SIMPCHINESE} "同时删除我的数据"
LangString UnSecData ${LANG_ENGLISH} "Also delete my data"
LangString UnDescProgram ${LANG_SIMPCHINESE} "删除程序文件、快捷方式和卸载信息。"
LangString UnDescProgram ${LANG_ENGLISH} "Removes the program files, the shortcuts and the uninstall entry."
LangString UnDescData ${LANG_SIMPCHINESE} "永久删除本用户的数据文件夹 $LOCALAPPDATA\${DATA_FOLDER}(数据库、备份、日志)。删除后无法恢复。"
LangString UnDescData ${LANG_ENGLISH} "Permanently deletes this user's data folder $LOCALAPPDATA\${DATA_FOLDER} (database, backups, logs). This cannot be undone."
LangString UnConfirmData ${LANG_SIMPCHINESE} "确定要永久删除数据文件夹“$LOCALAPPDATA\${DATA_FOLDER}”吗?其中的数据库和备份将无法恢复。"
LangString UnConfirmData ${LANG_ENGLISH} "Permanently delete the data folder “$LOCALAPPDATA\${DATA_FOLDER}”? Its database and backups cannot be recovered."
LangString UnNeedsAdmin ${LANG_SIMPCHINESE} "这是为本机所有用户安装的${APP_NAME_ZH},需要管理员权限才能卸载。"
LangString UnNeedsAdmin ${LANG_ENGLISH} "${APP_NAME_EN} was installed for all users of this computer; uninstalling it needs administrator rights."

; Version resource of setup.exe.
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME_ZH} ${APP_NAME_EN}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME_ZH} 安装程序 (setup)"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Apache License 2.0"

; --- install ------------------------------------------------------------------------

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10)" /SD IDOK
    Abort
  ${EndIf}
  ; A 32-bit installer of a 64-bit program: read and write the 64-bit registry.
  SetRegView 64
  ; The folder given with /D= (else empty) wins over the mode's default and the registry.
  StrCpy $R9 "$INSTDIR"
  !insertmacro MULTIUSER_INIT
  ${If} $R9 != ""
    StrCpy $INSTDIR "$R9"
  ${EndIf}
FunctionEnd

; An upgrade goes where the program already is: no folder to choose.
Function SkipDirectoryOnUpgrade
  ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\${GUI_EXE}"
    StrCpy $INSTDIR $0
    Abort
  ${EndIf}
FunctionEnd

; Delete a program file, asking to close the program while Windows holds it open.
!macro DeleteProgramFile FILE
  ${If} ${FileExists} "${FILE}"
    ClearErrors
    Delete "${FILE}"
    ${While} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseProgram)" /SD IDCANCEL IDRETRY +2
      Abort
      ClearErrors
      Delete "${FILE}"
    ${EndWhile}
  ${EndIf}
!macroend

; Upgrade in place: remove the previous version's program files (only those; the user's
; data lives elsewhere and other files in the folder are left alone).
Function RemoveOldProgram
  !insertmacro DeleteProgramFile "$INSTDIR\${GUI_EXE}"
  !insertmacro DeleteProgramFile "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\${CONTENTS_DIR}"
  Delete "$INSTDIR\${UNINSTALLER}"
FunctionEnd

Section "-Program" SecProgram
  SetOutPath "$INSTDIR"
  Call RemoveOldProgram
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ; Shortcuts (per user or for all users, following SetShellVarContext of the mode).
  CreateShortcut "$SMPROGRAMS\${APP_NAME_ZH}.lnk" "$INSTDIR\${GUI_EXE}" "" \
    "$INSTDIR\${GUI_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
  CreateShortcut "$DESKTOP\${APP_NAME_ZH}.lnk" "$INSTDIR\${GUI_EXE}" "" \
    "$INSTDIR\${GUI_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
  ; The demo district, to look around before entering one's own data (its own database).
  CreateShortcut "$SMPROGRAMS\$(DemoShortcut).lnk" "$INSTDIR\${GUI_EXE}" "--demo" \
    "$INSTDIR\${GUI_EXE}" 0 SW_SHOWNORMAL "" "$(DemoShortcutComment)"

  ; Apps / Programs and Features: HKCU for the current user, HKLM for all users.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME_ZH} ${APP_NAME_EN}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" \
    '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" \
    '"$INSTDIR\${UNINSTALLER}" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Start the program as the user who ran setup, not elevated (setup may run as administrator).
Function RunProgram
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\${GUI_EXE}"'
FunctionEnd

; --- uninstall ----------------------------------------------------------------------

Section "un.$(UnSecProgram)" UnSecProgram
  SectionIn RO
  !insertmacro DeleteProgramFile "$INSTDIR\${GUI_EXE}"
  !insertmacro DeleteProgramFile "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\${CONTENTS_DIR}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty: never files the user put there

  Delete "$SMPROGRAMS\${APP_NAME_ZH}.lnk"
  Delete "$DESKTOP\${APP_NAME_ZH}.lnk"
  Delete "$SMPROGRAMS\$(DemoShortcut).lnk"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default, so a silent uninstall keeps the data (unless /DeleteData is given).
Section /o "un.$(UnSecData)" UnSecData
  ; The data folder is the current user's, whichever mode the program was installed in.
  SetShellVarContext current
  ${If} ${Silent}
  ${OrIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnConfirmData)" IDYES`
    RMDir /r "$LOCALAPPDATA\${DATA_FOLDER}"
  ${EndIf}
  ${If} $MultiUser.InstallMode == "AllUsers"
    SetShellVarContext all
  ${EndIf}
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} "$(UnDescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(UnDescData)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  SetRegView 64
  ; $INSTDIR is the uninstaller's own folder: keep it whatever the registry says.
  StrCpy $R9 "$INSTDIR"
  !insertmacro MULTIUSER_UNINIT
  ; Without /AllUsers or /CurrentUser, the registry tells which installation this is.
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/AllUsers" $R1
  ${If} ${Errors}
    ClearErrors
    ${un.GetOptions} $R0 "/CurrentUser" $R1
    ${If} ${Errors}
      ReadRegStr $R2 HKLM "${UNINSTALL_KEY}" "InstallLocation"
      ReadRegStr $R3 HKCU "${UNINSTALL_KEY}" "InstallLocation"
      ${If} $R2 == $R9
      ${AndIf} $R3 != $R9
        ${If} $MultiUser.Privileges == "Admin"
        ${OrIf} $MultiUser.Privileges == "Power"
          Call un.MultiUser.InstallMode.AllUsers
        ${Else}
          MessageBox MB_OK|MB_ICONSTOP "$(UnNeedsAdmin)" /SD IDOK
          Quit
        ${EndIf}
      ${ElseIf} $R3 == $R9
        Call un.MultiUser.InstallMode.CurrentUser
      ${EndIf}
    ${EndIf}
  ${EndIf}
  StrCpy $INSTDIR $R9
  ClearErrors
  ${un.GetOptions} $R0 "/DeleteData" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
