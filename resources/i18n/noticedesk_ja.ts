<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CaseOpener</name>
    <message>
        <location filename="../../noticedesk/gui/startup.py" line="81"/>
        <source>The case “%1” is protected by a passphrase.</source>
        <translation>事案「%1」はパスフレーズで保護されています。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/startup.py" line="117"/>
        <source>The case could not be opened</source>
        <translation>事案を開けませんでした</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <location filename="../../noticedesk/gui/deadline_text.py" line="15"/>
        <source>Preliminary report</source>
        <translation>速報</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/deadline_text.py" line="16"/>
        <source>Final report</source>
        <translation>確報</translation>
    </message>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/deadline_text.py" line="27"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>残り%n日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/deadline_text.py" line="29"/>
        <source>due today</source>
        <translation>本日期限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/deadline_text.py" line="31"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n日超過</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="37"/>
        <source>(1) Overview</source>
        <translation>(1) 概要</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="38"/>
        <source>(2) Personal data items (separate with 、 or commas)</source>
        <translation>(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目（「、」または「,」区切り）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="41"/>
        <source>(3) Number of people affected</source>
        <translation>(3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="42"/>
        <source>(4) Cause</source>
        <translation>(4) 原因</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="43"/>
        <source>(5) Secondary damage or its risk</source>
        <translation>(5) 二次被害又はそのおそれの有無及びその内容</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="46"/>
        <source>(6) Steps taken toward the people</source>
        <translation>(6) 本人への対応の実施状況</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="49"/>
        <source>(7) Public announcement</source>
        <translation>(7) 公表の実施状況</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="50"/>
        <source>(8) Measures against recurrence</source>
        <translation>(8) 再発防止のための措置</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="53"/>
        <source>(9) Other useful information</source>
        <translation>(9) その他参考となる事項</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="86"/>
        <source>Incident</source>
        <translation>事案情報</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="103"/>
        <source>May have been done for an unauthorized purpose (rule art. 7 no. 3: unauthorized access, ransomware) — final report within 60 days</source>
        <translation>不正の目的をもって行われたおそれがある（施行規則7条3号：不正アクセス・ランサムウェア等）— 確報は60日以内</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="113"/>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="114"/>
        <source>Vendor</source>
        <translation>システム提供事業者</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="115"/>
        <source>System</source>
        <translation>システム名</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="116"/>
        <source>Discovered on</source>
        <translation>発覚日</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="117"/>
        <source>Notice date</source>
        <translation>通知日</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="119"/>
        <source>Deadlines</source>
        <translation>報告期限</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="136"/>
        <source>The nine report items (rule art. 8(1))</source>
        <translation>報告事項（施行規則8条1項の9項目）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/incident_dialog.py" line="195"/>
        <source>Please fill in: </source>
        <translation>次の項目を入力してください: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="336"/>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="338"/>
        <source>Name, address, phone, code or association — spaces separate words</source>
        <translation>名称・所在地・電話番号・コード・事務組合で検索（スペース区切りで複数語）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="340"/>
        <source>Problems in the client list</source>
        <translation>顧問先一覧の問題</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="341"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="342"/>
        <source>&amp;Open client list…</source>
        <translation>顧問先一覧を開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="343"/>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="344"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="345"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="347"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="348"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="349"/>
        <source>Tick / untick &amp;individual report (Space)</source>
        <translation>個別報告のチェックを切り替え(&amp;I)（Space）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="350"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="351"/>
        <source>&amp;Case</source>
        <translation>事案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="352"/>
        <source>&amp;Office profile…</source>
        <translation>事務所情報(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="353"/>
        <source>&amp;Incident and deadlines…</source>
        <translation>事案情報と報告期限(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="354"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="355"/>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="356"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="421"/>
        <source>Row %1 is not in the table: it could not be read as a client.</source>
        <translation>%1 行目は顧問先として読み取れなかったため、一覧にありません。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="467"/>
        <source>The tick could not be saved</source>
        <translation>チェックを保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="468"/>
        <source>The case file could not be written. Nothing was changed.</source>
        <translation>事案ファイルに書き込めませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="478"/>
        <source>Open client list</source>
        <translation>顧問先一覧を開く</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="479"/>
        <source>Client lists (%1)</source>
        <translation>顧問先一覧 (%1)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="492"/>
        <source>Still reading the previous file…</source>
        <translation>前のファイルを読み込み中です…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="514"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="536"/>
        <source>Read %1: %2 client(s).</source>
        <translation>%1 を読み込みました（顧問先 %2 件）。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="548"/>
        <source>No case is open.</source>
        <translation>事案が開かれていません。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="585"/>
        <source>The file could not be read</source>
        <translation>ファイルを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="586"/>
        <source>%1 could not be read as a client list. The case is unchanged.</source>
        <translation>%1 は顧問先一覧として読み込めませんでした。事案は変更されていません。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="598"/>
        <source>Added: %1</source>
        <translation>追加: %1 件</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="599"/>
        <source>Removed: %1</source>
        <translation>削除: %1 件</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="600"/>
        <source>Unchanged: %1</source>
        <translation>変更なし: %1 件</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="605"/>
        <source>Individual-report answers that differ from the file: %1 (the ticks in the case were kept)</source>
        <translation>個別報告の回答がファイルと異なる顧問先: %1 件（事案のチェックを残しました）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="611"/>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="612"/>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="613"/>
        <source>Answer differs from the file</source>
        <translation>ファイルと回答が異なる</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="620"/>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="621"/>
        <source>%1 was read into the case.</source>
        <translation>%1 を事案に読み込みました。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="634"/>
        <source>Recovery code</source>
        <translation>回復コード</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="636"/>
        <source>A new case was created. Write this recovery code on paper and keep it safe: it opens the case if this PC&apos;s credential store is lost.</source>
        <translation>新しい事案を作成しました。この回復コードを紙に控えて大切に保管してください。この PC の資格情報ストアが失われたときに事案を開くために必要です。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="663"/>
        <source>File not found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="664"/>
        <source>%1 no longer exists; it was removed from the list.</source>
        <translation>%1 は見つからないため、一覧から外しました。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="699"/>
        <source>Clients: %1 · reporting individually: %2 · in the joint report: %3 · documents pending: %4</source>
        <translation>顧問先 %1 件 · 個別報告 %2 件 · 一括報告 %3 件 · 文書未作成 %4 件</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="711"/>
        <source>%1 clients</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="714"/>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="720"/>
        <source>No incident entered (Case → Incident)</source>
        <translation>事案情報が未入力です（事案 → 事案情報）</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="734"/>
        <source>Overdue: </source>
        <translation>報告期限を過ぎています: </translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="750"/>
        <source>The office profile could not be read</source>
        <translation>事務所情報を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="763"/>
        <source>The office profile could not be saved</source>
        <translation>事務所情報を保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="765"/>
        <source>Office profile saved.</source>
        <translation>事務所情報を保存しました。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="783"/>
        <source>The incident could not be saved</source>
        <translation>事案情報を保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/main_window.py" line="786"/>
        <source>Incident saved.</source>
        <translation>事案情報を保存しました。</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="32"/>
        <source>Office name</source>
        <translation>事務所名</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="33"/>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="34"/>
        <source>Registration number</source>
        <translation>登録番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="35"/>
        <source>Representative&apos;s title</source>
        <translation>代表者の役職</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="38"/>
        <source>Representative</source>
        <translation>代表者名</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="39"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="40"/>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="41"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="42"/>
        <source>Fax</source>
        <translation>FAX番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="43"/>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="44"/>
        <source>Contact person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="45"/>
        <source>Website</source>
        <translation>ウェブサイト</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="58"/>
        <source>%1 is required.</source>
        <translation>「%1」は必須です。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="71"/>
        <source>The corporate number must be 13 digits with a correct check digit.</source>
        <translation>法人番号は13桁で、先頭のチェックデジットが正しい必要があります。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="83"/>
        <source>Office profile</source>
        <translation>事務所情報</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/office_dialog.py" line="99"/>
        <source>* required for the documents</source>
        <translation>* は文書に必要な項目です</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="28"/>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="47"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="34"/>
        <source>Choose a passphrase for this case (at least %1 characters).</source>
        <translation>この事案のパスフレーズを決めてください（%1 文字以上）。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="38"/>
        <source>Type the passphrase of the case.</source>
        <translation>事案のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="49"/>
        <source>Again</source>
        <translation>確認のためもう一度</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="75"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>パスフレーズは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="79"/>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/passphrase_dialog.py" line="81"/>
        <source>Please type the passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="66"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="67"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="68"/>
        <source>Problem</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="86"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="88"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="130"/>
        <source>No problems found in the client list.</source>
        <translation>顧問先一覧に問題は見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/problems_panel.py" line="133"/>
        <source>%1 error(s), %2 warning(s). Double-click a line to show the client.</source>
        <translation>エラー %1 件、警告 %2 件。行をダブルクリックすると該当の顧問先を表示します。</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="59"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="60"/>
        <source>Client</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="61"/>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="62"/>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="63"/>
        <source>Association</source>
        <translation>労働保険事務組合</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="65"/>
        <source>Reports individually</source>
        <translation>個別報告</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="67"/>
        <source>Employee notice</source>
        <translation>従業員向け通知</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="68"/>
        <source>Notice to client</source>
        <translation>委託元への通知</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="69"/>
        <source>Cover letter</source>
        <translation>送付状</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="70"/>
        <source>Own-report guide</source>
        <translation>個別報告の案内</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="80"/>
        <location filename="../../noticedesk/gui/roster_model.py" line="81"/>
        <source>Not made</source>
        <translation>未作成</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="82"/>
        <source>Made</source>
        <translation>作成済</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="83"/>
        <source>Printed</source>
        <translation>印刷済</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/roster_model.py" line="84"/>
        <source>Sent</source>
        <translation>送付済</translation>
    </message>
</context>
<context>
    <name>TickCommand</name>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/tick_history.py" line="40"/>
        <source>Tick %n client(s)</source>
        <translation>
            <numerusform>%n 件の個別報告をチェック</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/tick_history.py" line="42"/>
        <source>Untick %n client(s)</source>
        <translation>
            <numerusform>%n 件の個別報告のチェックを外す</numerusform>
        </translation>
    </message>
</context>
</TS>
