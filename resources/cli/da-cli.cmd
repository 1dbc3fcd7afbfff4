@echo off
rem Dynamic Assessment command line: the installed program runs its CLI (no Node needed).
rem Usage: da-cli --help    da-cli verify-audit    da-cli backup --to E:\backup
rem Output is collected in a file and shown when the command ends, because the program is a
rem windowed executable and does not write to this console directly.
setlocal
chcp 65001 >nul
set "DA_CLI_OUT=%TEMP%\da-cli-%RANDOM%%RANDOM%.txt"
"%~dp0DynamicAssessment.exe" --cli %* > "%DA_CLI_OUT%" 2>&1
set "DA_CLI_RC=%ERRORLEVEL%"
type "%DA_CLI_OUT%"
del "%DA_CLI_OUT%" >nul 2>&1
exit /b %DA_CLI_RC%
