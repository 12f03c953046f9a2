; Inno Setup 6.3+ script for the goalform installer: per-user, no admin rights, works offline.
; Saved as UTF-8 with a byte-order mark: without it ISCC reads the Chinese text in the ANSI code page.
;
; Do not build it by hand: packaging\windows\build.ps1 (or `python packaging\build.py --installer`)
; builds dist\goalform\ with PyInstaller first, then runs
;   ISCC.exe /DAppVersion=<version from the package metadata> packaging\windows\goalform.iss
; and writes dist\goalform-<version>-setup.exe. Silent install for IT: /VERYSILENT /CURRENTUSER.
;
; What it does: copies the bundle into %LOCALAPPDATA%\Programs\goalform, adds a Start-menu
; shortcut (and optionally a desktop one) to goalform-gui.exe, registers .goal files (icon,
; double-click opens them in goalform-gui.exe) under HKCU\Software\Classes, and an uninstaller.
; Uninstalling removes only what it installed: the user's .goal files and goalform's data folder
; (%LOCALAPPDATA%\goalform: working copies, settings) are kept.

#ifndef AppVersion
  #error AppVersion is not defined: run ISCC with /DAppVersion=<version> (build.ps1 does)
#endif

#define AppName     "goalform"
#define AppTitle    "部门整体绩效目标表 goalform"
#define AppExe      "goalform.exe"
#define AppGuiExe   "goalform-gui.exe"
; The bundle to pack; packaging/check_wine.py passes /DBundleDir= (a stand-in folder) to ISCC.
#ifndef BundleDir
  #define BundleDir "..\..\dist\goalform"
#endif
#define OutputDir   "..\..\dist"
#define IconFile    "..\..\resources\icons\goalform.ico"
#define ProgId      "goalform.Document"
#define FileExt     ".goal"
#ifndef Compression
  #define Compression "lzma2/max"
#endif

[Setup]
; The AppId identifies goalform to Windows across versions: never change it.
AppId={{9D09215B-2D46-45A4-BEAD-379EBBD9E799}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user install: no UAC prompt, no admin rights. InstallRoot ([Code]) is {autopf}, which is
; %LOCALAPPDATA%\Programs then, HKA is HKCU. IT may still force a machine-wide install with /ALLUSERS from an admin account.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={code:InstallRoot}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsedUserAreasWarning=no
ChangesAssociations=yes
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppGuiExe}
UninstallDisplayName={#AppTitle} {#AppVersion}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
; What the bundled Qt (6.11) needs: Qt supports 64-bit Windows 10 1809 (build 17763) and later, and its
; Qt6Core.dll imports Windows' own ICU (icuuc.dll, there since 1703). Older Windows would refuse to
; start goalform with a missing-DLL error; the installer says so instead.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
; The project's own Simplified Chinese translation of Inno Setup's messages (Inno Setup ships none),
; beside this script, so the wizard speaks Chinese whatever Inno Setup installation compiles it.
Name: "chs"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle, so files of the previous version do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#IconFile}"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\{#AppGuiExe}"; WorkingDir: "{userdocs}"; Comment: "填报、检查、导出部门整体绩效目标表"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppGuiExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .goal -> goalform.Document: the document icon, and double-click opens it in goalform-gui.exe.
; Uninstalling removes these values, and the .goal keys once nothing else (another program) uses them.
Root: HKA; Subkey: "Software\Classes\{#FileExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#FileExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "部门整体绩效目标表"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\goalform.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppGuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppGuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppTitle}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppGuiExe}\SupportedTypes"; ValueType: string; ValueName: "{#FileExt}"; ValueData: ""

[Run]
Filename: "{app}\{#AppGuiExe}"; Description: "启动 goalform"; Flags: nowait postinstall skipifsilent

[Code]
// {autopf}: %LOCALAPPDATA%\Programs in a per-user install, Program Files with /ALLUSERS. Wine (8.0)
// does not implement the per-user known folder behind it (FOLDERID_UserProgramFiles) and Setup
// would stop with an internal error; there the same folder is built from {localappdata}.
function InstallRoot(Param: String): String;
begin
  try
    Result := ExpandConstant('{autopf}');
  except
    Result := ExpandConstant('{localappdata}\Programs');
  end;
end;
