; Additions to electron-builder's NSIS installer (included through nsis.include in electron-builder.yml).
; The installer is compiled as Unicode (nsis.unicode), so the Chinese strings below are kept as written.

; Always install for the current user only: no administrator rights, no UAC prompt, and no page
; offering "all users" (which would need rights an office clerk does not have).
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend

; The uninstaller removes the program folder only. Say where the assessment data stays.
!macro customUnInstall
  SetShellVarContext current
  DetailPrint "考核数据保留在 $LOCALAPPDATA\DynamicAssessment（卸载不会删除；如需删除请先备份再手动处理）"
!macroend
