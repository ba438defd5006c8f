; NoticeDesk's Windows installer (Inno Setup 6.3 or newer).
;
; Builds NoticeDesk-<version>-setup.exe from the folder `pyinstaller build.spec` makes:
;   iscc /DAppVersion=0.1.0 installer\NoticeDesk.iss
; (.github/workflows/windows.yml runs this, and signs when a certificate is configured.)
;
; Decisions:
; - Per user, no administrator: office PCs are locked down and staff are not administrators.
;   The program goes to %LOCALAPPDATA%\Programs\NoticeDesk, its Start menu entry to the user's
;   own Start menu, every registry value under HKCU.
; - The data folder is never touched: cases, the audit log, settings and crash reports live in
;   %LOCALAPPDATA%\NoticeDesk (noticedesk/core/paths.py), a different folder from the program's.
;   The uninstaller removes only what this script installed, so a case (and the office's record
;   of what was sent to whom) survives an uninstall and a reinstall. Case keys in Windows
;   Credential Manager are left too: without them the cases could only be opened with their
;   recovery codes.
; - Updates: a newer setup with the same AppId installs over the old one in place (same folder,
;   same Start menu entry); files the new build no longer has are removed first, a running
;   NoticeDesk is asked to close (every change is already saved in the case).
; - No file type is taken over: NoticeDesk writes no file of its own kind (no .noticedesk
;   export exists). It is offered in Explorer's 「プログラムから開く」 for the client lists it reads
;   (.csv, .xlsx, .xls, .xlsm, .ods) without becoming their default program, so a list can be
;   opened with it or dropped on its icon.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BuildDir
  #define BuildDir AddBackslash(SourcePath) + "..\dist\NoticeDesk"
#endif
#define AppName "NoticeDesk"
#define AppPublisher "NoticeDesk"
#define AppExe "NoticeDesk.exe"
#define ProgId "NoticeDesk.ClientList"

[Setup]
; The AppId ties every version together for updates and the uninstaller: never change it.
AppId={{78AD0D39-C0D5-47C7-BEBC-D60A848A746D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\noticedesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes
#ifdef Sign
; ISCC /DSign "/Ssigntool=signtool.exe sign /fd SHA256 … $f": the setup and its uninstaller.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the program whole: libraries an older build had must not linger beside
; the new ones. Only the program folder; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "個人情報漏えい等の通知文書作成"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Offered in 「プログラムから開く」 for client lists, never made their default.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "顧問先一覧 (NoticeDesk)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.csv\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.xlsm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.xls\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ods\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes the files and values above and nothing else;
; %LOCALAPPDATA%\NoticeDesk (the cases) stays.
