; Windows installer of PolicyDesk (政策解读与公众参与工作台), built by build/package.sh with Debian's makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVMAJ=0 -DVMIN=1 -DVPAT=0 -DEXE=…\policydesk.exe \
;            -DICON=…\policydesk.ico -DOUTFILE=…-setup.exe installer.nsi
; Installs for every user of the machine into Program Files, adds a Start-menu entry and registers the uninstaller in
; “应用和功能 / 程序和功能”. The WebView2 runtime is never downloaded (bureau desks are often offline): when it is
; missing the installer says which offline package to install. Uninstalling keeps each user's data
; (%APPDATA%\PolicyDesk) unless the uninstaller is asked to remove it.
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!define PRODUCT_NAME "政策解读与公众参与工作台"
!define PRODUCT_KEY "PolicyDesk"
!define PUBLISHER "PolicyDesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_KEY}"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${PRODUCT_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT_KEY}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${PRODUCT_NAME} ${VERSION}"

VIProductVersion "${VMAJ}.${VMIN}.${VPAT}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "FileDescription" "${PRODUCT_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "© 2026 ${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\policydesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即启动${PRODUCT_NAME}"
!define MUI_UNCOMPONENTSPAGE_TEXT_TOP "默认只删除程序，保留您的数据（数据库、备份与导出文件）。若确定不再需要这些数据，请勾选“我的数据”。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; WebView2 is installed when one of its EdgeUpdate client keys has a version ("pv") other than 0.0.0.0:
; per machine (64-bit view of WOW6432Node and the native key) or per user.
Function HasWebView2
  Push $0
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  Exch $0
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${PRODUCT_NAME}只支持 64 位 Windows 10/11。"
    Abort
  ${EndIf}
  SetRegView 64
  Call HasWebView2
  Pop $0
  ${If} $0 == ""
    MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "本机未安装 Microsoft Edge WebView2 运行时，${PRODUCT_NAME}需要它才能显示界面。$\r$\n$\r$\n安装程序不会联网下载。请向本单位信息中心索取离线安装包$\r$\n“Microsoft Edge WebView2 运行时 独立安装程序 (x64)”$\r$\n（文件名 MicrosoftEdgeWebView2RuntimeInstallerX64.exe，微软官网“WebView2”页面的“常青版独立安装程序”），$\r$\n安装后即可使用；Windows 11 通常已自带。$\r$\n$\r$\n点“确定”继续安装本程序，点“取消”退出。" /SD IDOK IDOK +2
    Abort
  ${EndIf}
FunctionEnd

Section "!${PRODUCT_NAME}（必需）" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "/oname=policydesk.exe" "${EXE}"
  File "/oname=policydesk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${PRODUCT_NAME}.lnk" "$INSTDIR\policydesk.exe" "" "$INSTDIR\policydesk.ico" 0 \
    SW_SHOWNORMAL "" "${PRODUCT_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\policydesk.exe,0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${PRODUCT_NAME}.lnk" "$INSTDIR\policydesk.exe" "" "$INSTDIR\policydesk.ico" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "程序文件、开始菜单项和卸载程序。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在公共桌面上放一个快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function un.onInit
  SetRegView 64
FunctionEnd

Section "un.程序文件（必需）" UnSecMain
  SectionIn RO
  SetShellVarContext all
  Delete "$SMPROGRAMS\${PRODUCT_NAME}.lnk"
  Delete "$DESKTOP\${PRODUCT_NAME}.lnk"
  Delete "$INSTDIR\policydesk.exe"
  Delete "$INSTDIR\policydesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; Unchecked by default (/o): the database, backups and exports are the office's records.
Section /o "un.我的数据（%APPDATA%\PolicyDesk，含数据库与备份）" UnSecData
  SetShellVarContext current
  RMDir /r "$APPDATA\PolicyDesk"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecMain} "删除程序文件、开始菜单项和卸载信息。"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "同时删除当前用户的数据库、备份和导出文件。删除后无法恢复，请先确认已另行备份。"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
