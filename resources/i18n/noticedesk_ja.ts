<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NoticeDesk</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <source>Breach notices for the clients of a labour and social-insurance consulting office: the list for the PPC's joint report and each client's documents.</source>
        <translation>社会保険労務士事務所が顧問先のために行う漏えい等の報告・通知を支援します。個人情報保護委員会への連名報告の一覧と、顧問先ごとの文書を作成します。</translation>
    </message>
    <message>
        <source>&amp;Open the data folder</source>
        <translation>データフォルダを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>動作環境</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダ</translation>
    </message>
    <message>
        <source>The cases, the office profile and the settings are kept in the data folder. Give this window's details when you ask for support.</source>
        <translation>事案・事務所情報・設定はデータフォルダに保存されています。サポートに問い合わせるときは、この画面の内容をお伝えください。</translation>
    </message>
</context>
<context>
    <name>AddressChoices</name>
    <message>
        <source>Envelopes and address labels</source>
        <translation>封筒・宛名ラベル</translation>
    </message>
    <message>
        <source>&amp;Envelopes, one page per client</source>
        <translation>封筒（1社1ページ）(&amp;E)</translation>
    </message>
    <message>
        <source>%1 (%2×%3 mm)</source>
        <translation>%1（%2×%3 mm）</translation>
    </message>
    <message>
        <source>Address &amp;labels on A4 sheets</source>
        <translation>A4の宛名ラベル(&amp;L)</translation>
    </message>
    <message>
        <source>The first label still free on the first sheet, counted across from the top left: a half-used sheet can go back into the printer.</source>
        <translation>1枚目のシートで最初に使うラベルの番号（左上を1として横に数えます）。使いかけのシートをもう一度使えます。</translation>
    </message>
    <message>
        <source>&amp;First label</source>
        <translation>開始位置(&amp;F)</translation>
    </message>
    <message>
        <source>Made for the chosen clients, into the print folder.</source>
        <translation>選んだ顧問先の分を「印刷用」フォルダに作ります。</translation>
    </message>
</context>
<context>
    <name>AddressPrint</name>
    <message>
        <source>Print &amp;envelopes and labels…</source>
        <translation>封筒・宛名ラベルの印刷(&amp;E)…</translation>
    </message>
    <message>
        <source>Print envelopes and labels</source>
        <translation>封筒・宛名ラベルの印刷</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>事案が開かれていません。</translation>
    </message>
    <message>
        <source>The case has no clients yet: open a client list first.</source>
        <translation>事案に顧問先がまだありません。先に顧問先一覧を開いてください。</translation>
    </message>
    <message>
        <source>To print the envelopes and labels as they are exported, NoticeDesk needs LibreOffice (free) or Microsoft Word on this PC.</source>
        <translation>封筒・宛名ラベルを書き出すとおりに印刷するには、このPCに LibreOffice（無料）か Microsoft Word が必要です。</translation>
    </message>
    <message>
        <source>The office profile could not be read</source>
        <translation>事務所情報を読み込めませんでした</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>ページを準備しています…</translation>
    </message>
    <message>
        <source>Envelopes (%1) — %2 client(s)</source>
        <translation>封筒（%1）— %2 件の顧問先</translation>
    </message>
    <message>
        <source>Address labels (%1) — %2 client(s)</source>
        <translation>宛名ラベル（%1）— %2 件の顧問先</translation>
    </message>
    <message>
        <source>The envelopes or labels could not be made</source>
        <translation>封筒・宛名ラベルを作れませんでした</translation>
    </message>
</context>
<context>
    <name>AddressPrintDialog</name>
    <message>
        <source>Print envelopes and labels</source>
        <translation>封筒・宛名ラベルの印刷</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>顧問先</translation>
    </message>
    <message>
        <source>Se&amp;lected rows (%1)</source>
        <translation>選択した行（%1 件）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;All clients (%1)</source>
        <translation>すべての顧問先（%1 件）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>印刷プレビュー(&amp;P)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Record answer</source>
        <translation>回答の記録</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Client(s)</source>
        <translation>顧問先</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>受けた日(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Came by</source>
        <translation>受けた方法(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Taken by</source>
        <translation>受けた人(&amp;T)</translation>
    </message>
    <message>
        <source>Mark what the client answered.</source>
        <translation>顧問先の回答を選んでください。</translation>
    </message>
</context>
<context>
    <name>AnswerRecording</name>
    <message>
        <source>&amp;Record answer…</source>
        <translation>回答を記録(&amp;R)…</translation>
    </message>
    <message>
        <source>Record the answer on the reply slip for the selected clients (the tick follows)</source>
        <translation>選択した顧問先の回答書の回答を記録します（個別報告のチェックが回答に従います）</translation>
    </message>
    <message>
        <source>&amp;Withdraw answer</source>
        <translation>回答を取り消す(&amp;W)</translation>
    </message>
    <message>
        <source>Show only clients &amp;awaiting an answer</source>
        <translation>回答待ちだけ表示(&amp;A)</translation>
    </message>
    <message>
        <source>Clients to re&amp;mind…</source>
        <translation>回答の催促(&amp;M)…</translation>
    </message>
    <message>
        <source>Select the clients first.</source>
        <translation>先に顧問先を選んでください。</translation>
    </message>
    <message>
        <source>The selected clients have no recorded answer.</source>
        <translation>選んだ顧問先には記録された回答がありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) saved.</source>
        <translation>
            <numerusform>%n件の回答を保存しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The answer could not be saved</source>
        <translation>回答を保存できませんでした</translation>
    </message>
    <message>
        <source>Folder for the reminders</source>
        <translation>催促状の保存先フォルダ</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>Withdraw %n answer(s)</source>
        <translation>%n件の回答の取り消し</translation>
    </message>
    <message>
        <source>Record %n answer(s)</source>
        <translation>%n件の回答の記録</translation>
    </message>
    <message>
        <source>Include us in the office's joint report</source>
        <translation>事務所の連名による報告（一括報告）に含める</translation>
    </message>
    <message>
        <source>We report to the PPC ourselves</source>
        <translation>自ら個人情報保護委員会へ報告する（個別報告）</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>郵送</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>来所</translation>
    </message>
    <message>
        <source>Awaited</source>
        <translation>回答待ち</translation>
    </message>
    <message>
        <source>Own report</source>
        <translation>個別報告</translation>
    </message>
    <message>
        <source>Joint</source>
        <translation>共同報告</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · taken by %4</source>
        <translation>%1・%2・%3・受付 %4</translation>
    </message>
</context>
<context>
    <name>AssociationEditor</name>
    <message>
        <source>A&amp;dd</source>
        <translation>追加(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>“%1” is already in the list: change its row instead.</source>
        <translation>「%1」はすでに一覧にあります。その行を修正してください。</translation>
    </message>
</context>
<context>
    <name>AssociationTable</name>
    <message>
        <source>Association</source>
        <translation>労働保険事務組合</translation>
    </message>
    <message>
        <source>Recovery status</source>
        <translation>復旧の状況</translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <source>&amp;New case…</source>
        <translation>新しい事案(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;case…</source>
        <translation>事案を開く(&amp;C)…</translation>
    </message>
    <message>
        <source>Open with the &amp;recovery code…</source>
        <translation>回復コードで開く(&amp;R)…</translation>
    </message>
    <message>
        <source>Export the &amp;audit log…</source>
        <translation>監査ログを書き出す(&amp;A)…</translation>
    </message>
    <message>
        <source>The cases could not be listed</source>
        <translation>事案の一覧を読めませんでした</translation>
    </message>
    <message>
        <source>No case was created.</source>
        <translation>事案は作成されませんでした。</translation>
    </message>
    <message>
        <source>The case could not be created</source>
        <translation>事案を作成できませんでした</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>事案を開く</translation>
    </message>
    <message>
        <source>There is no case yet. Create one with Case → New case…</source>
        <translation>事案がまだありません。「事案」→「新しい事案…」で作成してください。</translation>
    </message>
    <message>
        <source>The key could not be saved on this PC</source>
        <translation>この PC に鍵を保存できませんでした</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>事案を開きました</translation>
    </message>
    <message>
        <source>The case was opened with its recovery code, and its key is now kept in %1: from now on it opens here by itself.</source>
        <translation>回復コードで事案を開き、鍵を%1に保管しました。次回からはこの PC で回復コードなしで開けます。</translation>
    </message>
    <message>
        <source>The case is now protected by the passphrase on this PC.</source>
        <translation>この PC では、この事案をパスフレーズで保護しました。</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>監査ログを書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Overwrite?</source>
        <translation>上書きしますか</translation>
    </message>
    <message>
        <source>%1 already exists. Overwrite it?</source>
        <translation>%1 は既にあります。上書きしますか？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書きする</translation>
    </message>
    <message>
        <source>The audit log could not be written</source>
        <translation>監査ログを書き出せませんでした</translation>
    </message>
    <message>
        <source>Audit log written to %1.</source>
        <translation>監査ログを %1 に書き出しました。</translation>
    </message>
</context>
<context>
    <name>CaseOpener</name>
    <message>
        <source>Open with the recovery code…</source>
        <translation>回復コードで開く…</translation>
    </message>
    <message>
        <source>The case “%1” is protected by a passphrase.</source>
        <translation>事案「%1」はパスフレーズで保護されています。</translation>
    </message>
    <message>
        <source>The case could not be opened</source>
        <translation>事案を開けませんでした</translation>
    </message>
</context>
<context>
    <name>CaseWatcher</name>
    <message>
        <source>The case changed elsewhere</source>
        <translation>事案がほかの場所で変更されました</translation>
    </message>
    <message>
        <source>The case was changed in another window or program; shown as it is now.</source>
        <translation>事案がほかの画面またはプログラムで変更されたため、現在の内容を表示しました。</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Client name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <source>Client code</source>
        <translation>顧問先コード</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Reports individually</source>
        <translation>個別報告</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>担当者</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Corporate number</source>
        <translation>法人番号</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <source>Self-reference</source>
        <translation>自称（当社・当院など）</translation>
    </message>
    <message>
        <source>Labour-insurance association</source>
        <translation>労働保険事務組合</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>従業員数</translation>
    </message>
    <message>
        <source>People affected</source>
        <translation>対象者数（本人の数）</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（使わない）</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Which column is which: %1</source>
        <translation>列の対応：%1</translation>
    </message>
    <message>
        <source>guessed</source>
        <translation>推測</translation>
    </message>
    <message>
        <source>The first rows of the list (row numbers as in Excel):</source>
        <translation>一覧の最初の行（行番号は Excel のとおり）：</translation>
    </message>
    <message>
        <source>NoticeDesk remembers this choice: a list with the same header row is read the same way next time, without asking.</source>
        <translation>この対応は記録されます。見出しが同じ一覧は、次からたずねずに同じように読み込みます。</translation>
    </message>
    <message>
        <source>&amp;Import with these columns</source>
        <translation>この対応で取り込む(&amp;I)</translation>
    </message>
    <message>
        <source>the sheet “%1”, header on row %2</source>
        <translation>シート「%1」、見出しは %2 行目</translation>
    </message>
    <message>
        <source>header on row %2</source>
        <translation>見出しは %2 行目</translation>
    </message>
    <message>
        <source>NoticeDesk could not tell for sure which column of “%1” (%2) holds what. Check each field below; the first rows show how the list will be read.</source>
        <translation>「%1」（%2）のどの列に何が書かれているか、NoticeDesk だけでは確かめきれませんでした。項目ごとに列を確かめてください。下の最初の数行で、どう読み込まれるかが分かります。</translation>
    </message>
    <message>
        <source>No column is headed with a client name NoticeDesk knows.</source>
        <translation>事業所名の列が見出しからは分かりませんでした。</translation>
    </message>
    <message>
        <source>Guessed from the headers: %1.</source>
        <translation>見出しから推測した項目：%1</translation>
    </message>
    <message>
        <source>More than one column could be: %1.</source>
        <translation>当てはまる列が二つ以上ある項目：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必須）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Not used (kept with each client, printed by no standard document): %1</source>
        <translation>使わない列（顧問先ごとに残しますが、標準の文書には載りません）：%1</translation>
    </message>
    <message>
        <source>Every column is used.</source>
        <translation>すべての列を使います。</translation>
    </message>
    <message>
        <source>Choose the column that holds the client name.</source>
        <translation>事業所名の列を選んでください。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong that NoticeDesk did not expect. Your ticks and statuses are saved. If it happens again, restart NoticeDesk and send this report to your support contact:</source>
        <translation>予期しないエラーが発生しました。チェックと状況はすべて保存されています。再び起きる場合は NoticeDesk を再起動し、次のレポートをサポート窓口へお送りください:</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>Preliminary report</source>
        <translation>速報</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>確報</translation>
    </message>
    <message>
        <source>filed (%1)</source>
        <translation>報告済（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/deadline_text.py" line="36" />
        <source>%n day(s) left</source>
        <translation>
            <numerusform>残り%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>本日期限</translation>
    </message>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/deadline_text.py" line="40" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n日超過</numerusform>
        </translation>
    </message>
<message>
        <source>%1 (set by the office; %2)</source>
        <comment>a due date the office set itself, and the days left</comment>
        <translation>%1（事務所が設定・%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a due date and the days left</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a deadline's name and its state</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>  |  </source>
        <comment>between the two deadlines</comment>
        <translation>　｜　</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Sample case: its data is in a temporary folder (%1), removed when NoticeDesk closes.</source>
        <translation>サンプル事案：データは一時フォルダ（%1）にあり、NoticeDesk を閉じると削除されます。</translation>
    </message>
    <message>
        <source>Sample case: its data is kept in %1.</source>
        <translation>サンプル事案：データは %1 に保存しています。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export documents</source>
        <translation>書類の書き出し</translation>
    </message>
    <message>
        <source>One folder per client is made in the chosen folder, with its documents numbered in envelope order, and the list of clients for the regulator.</source>
        <translation>選んだフォルダの中に顧問先ごとのフォルダを作り、封入する順に番号を付けた書類と、個人情報保護委員会への報告対象一覧を書き出します。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/export_dialog.py" line="69" />
        <source>Export to</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>E&amp;xport to</source>
        <translation>書き出し先(&amp;X)</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Only for clients who report individually</source>
        <translation>個別に報告する顧問先にのみ作成します</translation>
    </message>
    <message>
        <source>Only for clients in the joint report</source>
        <translation>共同報告の顧問先にのみ作成します</translation>
    </message>
    <message>
        <source>Also make print files (one file per document with every client)</source>
        <translation>印刷用にまとめたファイルも作る</translation>
    </message>
    <message>
        <source>In the folder “%1”: each ticked document for every client in one Word file, each client on a new page, to print the whole batch at once.</source>
        <translation>「%1」フォルダに、チェックした文書ごとに全顧問先分を1つの Word ファイルにまとめます。顧問先ごとに改ページされ、まとめて印刷できます。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出す(&amp;E)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>顧問先</translation>
    </message>
    <message>
        <source>&amp;All clients (%1)</source>
        <translation>すべての顧問先（%1 件）(&amp;A)</translation>
    </message>
    <message>
        <source>Se&amp;lected rows (%1)</source>
        <translation>選択した行（%1 件）(&amp;L)</translation>
    </message>
    <message>
        <source>Rows the searc&amp;h shows (%1)</source>
        <translation>検索で表示中の行（%1 件）(&amp;H)</translation>
    </message>
    <message>
        <source>Type in the search box to narrow the rows.</source>
        <translation>検索欄に入力すると、表示する行を絞り込めます。</translation>
    </message>
    <message>
        <source>Only documents &amp;not yet exported</source>
        <translation>まだ書き出していない文書だけ(&amp;N)</translation>
    </message>
    <message>
        <source>Per client and document, by the status columns: a document already exported, printed or sent is left as it is.</source>
        <translation>顧問先ごと・文書ごとに状況の列で判断します。書き出し済・印刷済・送付済の文書はそのままにします。</translation>
    </message>
    <message>
        <source>Print files hold every client's documents: they are made only when all clients are exported. Print chosen clients with File → Print preview.</source>
        <translation>印刷用ファイルには全顧問先の文書が入るため、すべての顧問先を書き出すときだけ作成します。選んだ顧問先を印刷するには「ファイル → 印刷プレビュー」を使ってください。</translation>
    </message>
    <message>
        <source>This writes %1 document(s) for %2 client(s), and the list for the regulator with every client of the case in the joint report.</source>
        <translation>顧問先 %2 件の文書 %1 件と、この事案の共同報告の顧問先をすべて載せた個人情報保護委員会への一覧を書き出します。</translation>
    </message>
    <message>
        <source>Nothing to write: every chosen document has been exported already. To write them again, untick “Only documents not yet exported”.</source>
        <translation>書き出す文書がありません。選んだ文書はすべて書き出し済みです。書き出し直すには「まだ書き出していない文書だけ」のチェックを外してください。</translation>
    </message>
    <message>
        <source>Nothing to write: tick at least one document.</source>
        <translation>書き出す文書がありません。文書を 1 つ以上選んでください。</translation>
    </message>
    <message>
        <source>Folder to export to</source>
        <translation>書き出し先のフォルダ</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>書き出し先のフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Give the whole path of the folder (for example C:\…).</source>
        <translation>フォルダはドライブから指定してください（例: C:\…）。</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>書類を1つ以上選んでください。</translation>
    </message>
    <message>
        <source>This writes the envelopes or labels of the chosen clients only.</source>
        <translation>選んだ顧問先の封筒・宛名ラベルだけを作ります。</translation>
    </message>
    <message>
        <source>The envelopes or labels of the chosen clients are made too.</source>
        <translation>選んだ顧問先の封筒・宛名ラベルも作ります。</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>ファイルの形式</translation>
    </message>
    <message>
        <source>&amp;Word files (.docx)</source>
        <translation>Word ファイル（.docx）(&amp;W)</translation>
    </message>
    <message>
        <source>Word files and a &amp;PDF beside each</source>
        <translation>Word ファイルと、その横に PDF (&amp;P)</translation>
    </message>
    <message>
        <source>PDF &amp;only</source>
        <translation>PDF だけ (&amp;O)</translation>
    </message>
    <message>
        <source>PDFs need Microsoft Word or LibreOffice, and neither was found on this PC. Word files can still be exported.</source>
        <translation>PDF を作るには Microsoft Word か LibreOffice が必要ですが、この PC にはどちらも見つかりません。Word ファイルは書き出せます。</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Cannot export yet</source>
        <translation>まだ書き出せません</translation>
    </message>
    <message>
        <source>The office profile could not be read</source>
        <translation>事務所情報を読めませんでした</translation>
    </message>
    <message>
        <source>Office profile:</source>
        <translation>事務所情報:</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>事案情報:</translation>
    </message>
    <message>
        <source>Open the office profile…</source>
        <translation>事務所情報を開く…</translation>
    </message>
    <message>
        <source>Open the incident…</source>
        <translation>事案情報を開く…</translation>
    </message>
    <message>
        <source>Something is missing</source>
        <translation>未入力の項目があります</translation>
    </message>
    <message>
        <source>The documents cannot be made until this is filled in:</source>
        <translation>次の項目を入力するまで書類を作成できません:</translation>
    </message>
    <message>
        <source>The templates cannot be used</source>
        <translation>テンプレートを使用できません</translation>
    </message>
    <message>
        <source>The documents cannot be made with the templates in %1:</source>
        <translation>%1 のテンプレートでは文書を作成できません:</translation>
    </message>
    <message>
        <source>Nothing was written. Correct the template in Word and export again, or choose other templates (Settings → Template folder…).</source>
        <translation>何も書き出していません。Word でテンプレートを修正してから書き出し直すか、別のテンプレートを選んでください（設定 → テンプレートのフォルダ…）。</translation>
    </message>
    <message>
        <source>Template folder…</source>
        <translation>テンプレートのフォルダ…</translation>
    </message>
    <message>
        <source>Writing the documents…</source>
        <translation>書類を書き出しています…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stopping: the documents being written are finished first…</source>
        <translation>中止しています。書き込み中の文書を書き終えてから止めます…</translation>
    </message>
    <message>
        <source>Writing the documents… %1 of %2</source>
        <translation>書類を書き出しています… %1 / %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… ほか %1 件</translation>
    </message>
    <message>
        <source>Overwrite?</source>
        <translation>上書きしますか</translation>
    </message>
    <message>
        <source>%1 file(s) to be written already exist in %2. Nothing has been written. Overwrite them?</source>
        <translation>%2 に、書き出すファイルと同じ名前のファイルが %1 件あります。まだ何も書き込んでいません。上書きしますか？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書きする</translation>
    </message>
    <message>
        <source>They are kept in %1 and marked as exported. To make the rest, export to the same folder again with “Only documents not yet exported”.</source>
        <translation>書き出した文書は %1 に残し、書き出し済みとして記録しました。残りを作成するには、同じフォルダに「まだ書き出していない文書だけ」を選んで書き出してください。</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>The export was cancelled. %1 document(s) for %2 client(s) had been written.</source>
        <translation>書き出しを中止しました。中止までに顧問先 %2 件分、%1 件の文書を書き出しました。</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>書き出しを中止しました</translation>
    </message>
    <message>
        <source>The export could not be recorded</source>
        <translation>書き出しを事案に記録できませんでした</translation>
    </message>
    <message>
        <source>The documents were written to %1, but the case file could not record it. Mark them by hand once the case can be written.</source>
        <translation>書類は %1 に書き出しましたが、事案ファイルに記録できませんでした。事案に書き込めるようになってから、状況を手作業で設定してください。</translation>
    </message>
    <message>
        <source>%1 document(s) for %2 client(s) were written to %3.</source>
        <translation>顧問先 %2 件分の書類 %1 件を %3 に書き出しました。</translation>
    </message>
    <message>
        <source>The list for the regulator names %1 client(s) in the joint report.</source>
        <translation>個人情報保護委員会への報告対象一覧には、共同報告の顧問先 %1 件を載せました。</translation>
    </message>
    <message>
        <source>Only the chosen documents were written; the list for the regulator is always written for the whole case.</source>
        <translation>選んだ文書だけを書き出しました。個人情報保護委員会への一覧は、常に事案全体について書き出します。</translation>
    </message>
    <message>
        <source>For printing, each document with every client is in one file in %1.</source>
        <translation>印刷用に、文書ごとに全顧問先分をまとめたファイルを %1 に作成しました。</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>書き出しが終わりました</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>No incident has been entered.</source>
        <translation>事案情報が入力されていません。</translation>
    </message>
    <message>
        <source>For printing: %1</source>
        <translation>印刷用: %1</translation>
    </message>
    <message>
        <source>A PDF was made beside each Word file.</source>
        <translation>各 Word ファイルの横に PDF も作成しました。</translation>
    </message>
    <message>
        <source>The documents were written as PDF only.</source>
        <translation>文書は PDF だけで書き出しました。</translation>
    </message>
</context>
<context>
    <name>FirstCaseDialog</name>
    <message>
        <source>A case for this list</source>
        <translation>事案を作成して取り込む</translation>
    </message>
    <message>
        <source>To read in “%1”, NoticeDesk first makes a case: the record of this incident, its clients, what was sent and when. Name the case and choose how it is protected.</source>
        <translation>「%1」を取り込むには、まず事案（この件の記録：顧問先、送った文書とその日付）を作ります。事案の名前と、保護のしかたを選んでください。</translation>
    </message>
    <message>
        <source>Once the case is made, its recovery code is shown once: write it on paper. It opens the case on another PC.</source>
        <translation>作成すると、回復コードを一度だけ表示します。紙に書き写してください。別の PC でこの事案を開くときに使います。</translation>
    </message>
    <message>
        <source>&amp;Make the case and import</source>
        <translation>事案を作成して取り込む(&amp;M)</translation>
    </message>
    <message>
        <source>The key could not be kept in %1 (it may be locked or not set up). Protect the case with a passphrase instead; nothing was made yet.</source>
        <translation>%1に鍵を保管できませんでした（ロックされているか、設定されていない可能性があります）。代わりにパスフレーズで保護してください。まだ何も作成していません。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>How to use NoticeDesk</source>
        <translation>使い方</translation>
    </message>
    <message>
        <source>The guide is not included in this installation. It is the section “A day's work in the window” of NoticeDesk's README.</source>
        <translation>このインストールには使い方の説明が含まれていません。NoticeDesk の README の「A day's work in the window」の節をご覧ください。</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>(1) Overview</source>
        <translation>(1) 概要</translation>
    </message>
    <message>
        <source>(2) Personal data items (separate with 、 or commas)</source>
        <translation>(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目（「、」または「,」区切り）</translation>
    </message>
    <message>
        <source>(3) Number of people affected</source>
        <translation>(3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数</translation>
    </message>
    <message>
        <source>(4) Cause</source>
        <translation>(4) 原因</translation>
    </message>
    <message>
        <source>(5) Secondary damage or its risk</source>
        <translation>(5) 二次被害又はそのおそれの有無及びその内容</translation>
    </message>
    <message>
        <source>(6) Steps taken toward the people</source>
        <translation>(6) 本人への対応の実施状況</translation>
    </message>
    <message>
        <source>(7) Public announcement</source>
        <translation>(7) 公表の実施状況</translation>
    </message>
    <message>
        <source>(8) Measures against recurrence</source>
        <translation>(8) 再発防止のための措置</translation>
    </message>
    <message>
        <source>(9) Other useful information</source>
        <translation>(9) その他参考となる事項</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事案情報</translation>
    </message>
    <message>
        <source>Facts and dead&amp;lines</source>
        <translation>事実と期限(&amp;L)</translation>
    </message>
    <message>
        <source>Report &amp;items (9)</source>
        <translation>報告事項（9項目）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Employee notice and contact</source>
        <translation>従業員向け通知・窓口(&amp;E)</translation>
    </message>
    <message>
        <source>Ot&amp;her</source>
        <translation>その他(&amp;H)</translation>
    </message>
    <message>
        <source>Not &amp;known</source>
        <translation>不明(&amp;K)</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>通知日</translation>
    </message>
    <message>
        <source>Date of &amp;occurrence</source>
        <translation>発生日(&amp;O)</translation>
    </message>
    <message>
        <source>First notice to the &amp;clients</source>
        <translation>委託元への第一報(&amp;C)</translation>
    </message>
    <message>
        <source>Needed when a client reports itself: its own deadlines count from the day the office told it.</source>
        <translation>個別に報告する顧問先がある場合に必要です。その顧問先の報告期限は、事務所が知らせたこの日から数えます。</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>e.g. weekdays 9:00–17:00</source>
        <translation>例：平日9時～17時</translation>
    </message>
    <message>
        <source>&amp;Overview for employees</source>
        <translation>従業員向けの概要(&amp;O)</translation>
    </message>
    <message>
        <source>Added to the overview in the notice to employees: write it for them, not for the regulator.</source>
        <translation>従業員向け通知の概要に加える文章です。委員会向けではなく、従業員の方に向けて書いてください。</translation>
    </message>
    <message>
        <source>Contact &amp;desk</source>
        <translation>お問い合わせ窓口(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>電話番号(&amp;P)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>メールアドレス(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reception hours</source>
        <translation>受付時間(&amp;R)</translation>
    </message>
    <message>
        <source>Left blank, the documents give the office's own name, phone and e-mail (Case → Office profile…); the hours are left out.</source>
        <translation>空欄の項目には、事務所の名称・電話番号・メールアドレス（「事案」→「事務所情報…」）を記載します。受付時間は空欄なら記載しません。</translation>
    </message>
    <message>
        <source>&amp;Restart of the service</source>
        <translation>業務再開の状況(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Vendor's report (URL)</source>
        <translation>提供事業者の公表（URL）(&amp;V)</translation>
    </message>
    <message>
        <source>Office's &amp;news (URL)</source>
        <translation>事務所のお知らせ（URL）(&amp;N)</translation>
    </message>
    <message>
        <source>Labour-insurance &amp;associations</source>
        <translation>労働保険事務組合(&amp;A)</translation>
    </message>
    <message>
        <source>A client whose row in the client list names an association gets a paragraph with its recovery status: write the name as the list does.</source>
        <translation>顧問先一覧で労働保険事務組合が記入されている顧問先には、その事務組合の復旧状況の段落が入ります。名称は顧問先一覧と同じ表記で入力してください。</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the names of missing fields</comment>
        <translation>／</translation>
    </message>
    <message>
        <source>Still needed for the documents (you can save now; the export asks again):</source>
        <translation>書類に必要な項目がまだ入力されていません（このまま保存し、後から入力できます。書き出しの際にも確認します）：</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>件名(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Vendor</source>
        <translation>システム提供事業者(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;ystem</source>
        <translation>システム名(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Discovered on</source>
        <translation>発覚日(&amp;D)</translation>
    </message>
    <message>
        <source>Date on the docu&amp;ments</source>
        <translation>書類の日付(&amp;M)</translation>
    </message>
    <message>
        <source>(2) Personal data items</source>
        <translation>(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目</translation>
    </message>
    <message>
        <source>The nine report items (rule art. 8(1))</source>
        <translation>報告事項（施行規則8条1項の9項目）</translation>
    </message>
    <message>
        <source>Ask by</source>
        <translation>期限を設ける</translation>
    </message>
    <message>
        <source>Reply slip &amp;back by</source>
        <translation>回答書の返送期限(&amp;B)</translation>
    </message>
    <message>
        <source>In the joint report (the letter says so)</source>
        <translation>共同報告に含める（文書にもそう記載）</translation>
    </message>
    <message>
        <source>Off the list until they answer</source>
        <translation>回答があるまで一覧に載せない</translation>
    </message>
    <message>
        <source>Clients who do &amp;not answer</source>
        <translation>回答のない顧問先(&amp;N)</translation>
    </message>
</context>
<context>
    <name>KeyStorage</name>
    <message>
        <source>Windows Credentials</source>
        <translation>Windows の資格情報</translation>
    </message>
    <message>
        <source>this Mac's keychain</source>
        <translation>この Mac のキーチェーン</translation>
    </message>
    <message>
        <source>this computer's key storage</source>
        <translation>この PC の鍵の保管場所</translation>
    </message>
    <message>
        <source>Keep the key on this PC (Windows Credentials)</source>
        <translation>この PC（Windows の資格情報）に鍵を保管する</translation>
    </message>
    <message>
        <source>Keep the key in this Mac's keychain</source>
        <translation>この Mac のキーチェーンに鍵を保管する</translation>
    </message>
    <message>
        <source>Keep the key in this computer's key storage</source>
        <translation>この PC の鍵の保管場所に鍵を保管する</translation>
    </message>
    <message>
        <source>Signed in to this computer as yourself, you open the case without typing anything. On another PC it opens with its recovery code.</source>
        <translation>ご自分のアカウントでこの PC にサインインしていれば、何も入力せずに事案を開けます。別の PC では回復コードで開きます。</translation>
    </message>
    <message>
        <source>Protect it with a passphrase</source>
        <translation>パスフレーズで保護する</translation>
    </message>
    <message>
        <source>The passphrase is asked once each time NoticeDesk starts and is never stored. Choose this on a shared PC or a USB stick.</source>
        <translation>パスフレーズは NoticeDesk を起動するたびに一度だけたずね、どこにも保存しません。共用の PC や USB メモリで使うときはこちらを選んでください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Temporary key</source>
        <translation>一時的な鍵</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>NoticeDesk includes these libraries, each under its own licence: the list first, then every licence text. The program's folder holds the same text as THIRD_PARTY_NOTICES.txt.</source>
        <translation>NoticeDesk は以下のライブラリを含み、それぞれのライセンスに従っています。はじめに一覧、続いて各ライセンスの全文を示します。同じ内容がプログラムのフォルダの THIRD_PARTY_NOTICES.txt にもあります。</translation>
    </message>
    <message>
        <source>NoticeDesk is built on these libraries, each under its own licence (as installed on this computer). The full licence texts ship with the installer.</source>
        <translation>NoticeDesk は次のライブラリを使っています（この PC にインストールされているもの）。それぞれのライセンスに従います。ライセンスの全文はインストーラーに同梱しています。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>記載なし</translation>
    </message>
</context>
<context>
    <name>MailFlow</name>
    <message>
        <source>Cannot send yet</source>
        <translation>まだ送信できません</translation>
    </message>
    <message>
        <source>The office profile could not be read</source>
        <translation>事務所情報を読み込めませんでした</translation>
    </message>
    <message>
        <source>The mail server's password is not stored yet: enter it in the office profile.</source>
        <translation>送信サーバーのパスワードがまだ保存されていません。事務所情報で入力してください。</translation>
    </message>
    <message>
        <source>The mail settings are not complete</source>
        <translation>メール送信の設定が完了していません</translation>
    </message>
    <message>
        <source>Open the office profile…</source>
        <translation>事務所情報を開く…</translation>
    </message>
</context>
<context>
    <name>MailPlanModel</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>顧問先</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>添付</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>(not used: %1)</source>
        <translation>（使わないアドレス: %1）</translation>
    </message>
    <message>
        <source> by e-mail %1</source>
        <translation>・メール %1</translation>
    </message>
</context>
<context>
    <name>MailSendDialog</name>
    <message>
        <source>Send by e-mail</source>
        <translation>メールで送信</translation>
    </message>
    <message>
        <source>Select a client to read its message as it will be sent.</source>
        <translation>顧問先を選ぶと、送信されるとおりのメールを表示します。</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 件／分</translation>
    </message>
    <message>
        <source>Many providers refuse or delay senders that send faster than they allow.</source>
        <translation>多くのメール事業者は、決められた速さを超えて送る差出人を拒否したり遅らせたりします。</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>送信の上限</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>再送する…</translation>
    </message>
    <message>
        <source>Send this client its message again (it was sent, or its outcome is unknown)</source>
        <translation>この顧問先にメールをもう一度送ります（送付済、または送信結果不明の場合）</translation>
    </message>
    <message>
        <source>Record as sent…</source>
        <translation>送付済として記録…</translation>
    </message>
    <message>
        <source>The message whose outcome is unknown did arrive: record it, send nothing</source>
        <translation>送信結果不明のメールが届いていたと確認できた場合に記録します（送信はしません）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The documents are attached as PDF (made by %1).</source>
        <translation>文書は PDF で添付します（%1 で変換）。</translation>
    </message>
    <message>
        <source>No PDF converter (Microsoft Word or LibreOffice) was found: the documents are attached as Word files (.docx).</source>
        <translation>PDF に変換するプログラム（Microsoft Word または LibreOffice）が見つからないため、文書は Word ファイル（.docx）で添付します。</translation>
    </message>
    <message>
        <source>%1 client(s) will get a message; %2 will not (see the State column).</source>
        <translation>%1 件の顧問先にメールを送ります。%2 件には送りません（理由は「状況」の列）。</translation>
    </message>
    <message>
        <source>From %1 through %2.</source>
        <translation>差出人 %1、送信サーバー %2。</translation>
    </message>
    <message numerus="yes">
        <source>Send %n message(s)</source>
        <translation>
            <numerusform>%n 件を送信</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was already sent a message (%2). Send it again? It will get the message twice if the first one arrived.</source>
        <translation>%1 にはすでにメールを送っています（%2）。もう一度送りますか？ 最初のメールが届いていれば、同じメールが2通届きます。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再送する</translation>
    </message>
    <message>
        <source>Record the message to %1 (Message-ID %2) as sent? Do so only after finding it in the sent mail or the server's log; nothing is sent.</source>
        <translation>%1 へのメール（Message-ID %2）を送付済として記録しますか？ 送信済みのメールかサーバーの記録で確認できた場合だけにしてください。送信はしません。</translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation>送付済として記録</translation>
    </message>
    <message>
        <source>No message goes to this client: %1.</source>
        <translation>この顧問先にはメールを送りません: %1。</translation>
    </message>
    <message>
        <source>Preparing the message…</source>
        <translation>メールを準備しています…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信しています…</translation>
    </message>
    <message>
        <source>Stopping after the message being sent…</source>
        <translation>送信中のメールを送り終えたら中止します…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送信済</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>送信できず</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>送信結果不明</translation>
    </message>
    <message>
        <source>%1 sent, %2 failed, %3 with an unknown outcome.</source>
        <translation>送信 %1 件、送信できず %2 件、送信結果不明 %3 件。</translation>
    </message>
    <message>
        <source>Stopped: the others were not sent.</source>
        <translation>中止しました。残りは送信していません。</translation>
    </message>
    <message>
        <source>outcome unknown (Message-ID %1): check the sent mail before sending again</source>
        <translation>送信結果不明（Message-ID %1）: 再送する前に送信済みのメールを確認してください</translation>
    </message>
</context>
<context>
    <name>MailSettingsBox</name>
    <message>
        <source>Outgoing mail (for sending the documents by e-mail)</source>
        <translation>メール送信（文書をメールで送る場合）</translation>
    </message>
    <message>
        <source>usual port</source>
        <translation>通常のポート</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（ポート 587）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（ポート 465）</translation>
    </message>
    <message>
        <source>None (a server on the office's own network only)</source>
        <translation>暗号化なし（事務所内ネットワークのサーバーのみ）</translation>
    </message>
    <message>
        <source>This server is on the office's own network (the password and documents go unencrypted)</source>
        <translation>このサーバーは事務所内のネットワークにあります（パスワードと文書は暗号化されずに送られます）</translation>
    </message>
    <message>
        <source>kept in %1; left empty, the saved one is used</source>
        <translation>%1に保存します。空欄なら保存済みのものを使います</translation>
    </message>
    <message>
        <source>the office's e-mail</source>
        <translation>事務所のメールアドレス</translation>
    </message>
    <message>
        <source>Send the office a copy (Cc) of each message</source>
        <translation>各メールの写し（Cc）を事務所に送る</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>テストメールを送る</translation>
    </message>
    <message>
        <source>Server (SMTP)</source>
        <translation>送信サーバー（SMTP）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>差出人のアドレス</translation>
    </message>
    <message>
        <source>Sending without encryption needs the confirmation that the server is on the office's own network.</source>
        <translation>暗号化せずに送るには、サーバーが事務所内のネットワークにあることの確認が必要です。</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>テストメールを送っています…</translation>
    </message>
    <message>
        <source>Sent to %1: check that it arrived.</source>
        <translation>%1 に送りました。届いたか確認してください。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>Name, address, phone, code or association — spaces separate words</source>
        <translation>名称・所在地・電話番号・コード・事務組合で検索（スペース区切りで複数語）</translation>
    </message>
    <message>
        <source>Problems in the client list</source>
        <translation>顧問先一覧の問題</translation>
    </message>
    <message>
        <source>&amp;Problems in the client list</source>
        <translation>顧問先一覧の問題(&amp;P)</translation>
    </message>
    <message>
        <source>Row %1 is not in the table: it was not read as a client, is held back by its problem, or was left out by a decision.</source>
        <translation>行 %1 は表にありません。顧問先として読めなかった行、問題があるため保留している行、または決定でこの事案から除いた行です。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open client list…</source>
        <translation>顧問先一覧を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export documents…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Send by e-&amp;mail…</source>
        <translation>メールで送信(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;How to use…</source>
        <translation>使い方(&amp;H)…</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>データフォルダを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Licences…</source>
        <translation>ライセンス(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;About NoticeDesk…</source>
        <translation>バージョン情報(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>元に戻す(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>やり直し(&amp;R)：%1</translation>
    </message>
    <message>
        <source>Tick / untick &amp;individual report</source>
        <translation>個別報告のチェックを切り替える(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>事案(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Office profile…</source>
        <translation>事務所情報(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Incident and deadlines…</source>
        <translation>事案情報と報告期限(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Template folder…</source>
        <translation>テンプレートのフォルダ(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/window/main_window.py" line="328" />
        <source>Row %1 is not in the table: it could not be read as a client.</source>
        <translation>%1 行目は顧問先として読み取れなかったため、一覧にありません。</translation>
    </message>
    <message>
        <source>The tick could not be saved</source>
        <translation>チェックを保存できませんでした</translation>
    </message>
    <message>
        <source>The case file could not be written. Nothing was changed.</source>
        <translation>事案ファイルに書き込めませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <source>Open client list</source>
        <translation>顧問先一覧を開く</translation>
    </message>
    <message>
        <source>Client lists (%1)</source>
        <translation>顧問先一覧 (%1)</translation>
    </message>
    <message>
        <source>Still reading the previous file…</source>
        <translation>前のファイルを読み込み中です…</translation>
    </message>
    <message>
        <source>Please wait until the export has finished.</source>
        <translation>書き出しが終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>%1 was not imported: the columns were not confirmed.</source>
        <translation>列の対応を確定しなかったため、%1 は取り込んでいません。</translation>
    </message>
    <message>
        <source>Read %1: %2 client(s).</source>
        <translation>%1 を読み込みました（顧問先 %2 件）。</translation>
    </message>
    <message>
        <source>Columns as chosen before for this header row.</source>
        <translation>この見出しの一覧で前に選んだ列の対応を使いました。</translation>
    </message>
    <message>
        <source>The column choice could not be remembered (%1).</source>
        <translation>列の対応を記録できませんでした（%1）。</translation>
    </message>
    <message>
        <source>Columns not used: %1.</source>
        <translation>使っていない列：%1。</translation>
    </message>
    <message>
        <source>No case was made, so %1 was not imported.</source>
        <translation>事案を作成しなかったため、%1 は取り込んでいません。</translation>
    </message>
    <message>
        <source>The case could not be made</source>
        <translation>事案を作成できませんでした</translation>
    </message>
    <message>
        <source>%1 was not imported.</source>
        <translation>%1 は取り込んでいません。</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>事案が開かれていません。</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>ファイルを読み込めませんでした</translation>
    </message>
    <message>
        <source>%1 could not be read as a client list. The case is unchanged.</source>
        <translation>%1 は顧問先一覧として読み込めませんでした。事案は変更されていません。</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>追加: %1 件</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>削除: %1 件</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>変更なし: %1 件</translation>
    </message>
    <message>
        <source>Individual-report answers that differ from the file: %1 (the ticks in the case were kept)</source>
        <translation>個別報告の回答がファイルと異なる顧問先: %1 件（事案のチェックを残しました）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Answer differs from the file</source>
        <translation>ファイルと回答が異なる</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>%1 was read into the case.</source>
        <translation>%1 を事案に読み込みました。</translation>
    </message>
    <message>
        <source>One client list at a time</source>
        <translation>顧問先一覧は1つずつ</translation>
    </message>
    <message>
        <source>%1 files were dropped. Importing replaces the case's client list, so drop only the one to use. Nothing was imported.</source>
        <translation>%1 個のファイルがドロップされました。取り込むと事案の顧問先一覧が置き換わるため、使う一覧を1つだけドロップしてください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The case has no clients yet: open a client list first.</source>
        <translation>事案に顧問先がまだありません。先に顧問先一覧を開いてください。</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/export/flow.py" line="114" />
        <source>The client list has %1 error(s) (see Problems in the client list). Correct them in the file and open it again; then the documents can be exported.</source>
        <translation>顧問先一覧にエラーが %1 件あります（「顧問先一覧の問題」を参照）。ファイルを直して読み込み直すと、書類を書き出せます。</translation>
    </message>
    <message>
        <source>Write every client's documents and the list for the regulator</source>
        <translation>全顧問先の書類と個人情報保護委員会への報告対象一覧を書き出します</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the list.</source>
        <translation>%1 は見つからないため、一覧から外しました。</translation>
    </message>
    <message>
        <source>Clients: %1 · reporting individually: %2 · in the joint report: %3 · documents pending: %4</source>
        <translation>顧問先 %1 件 ／ 個別報告 %2 件 ／ 共同報告 %3 件 ／ 書類未作成 %4 件</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <source>No incident entered (Case → Incident and deadlines…)</source>
        <translation>事案情報が未入力です（事案 → 事案情報と報告期限…）</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between overdue deadlines</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Filed already? Enter the date…</source>
        <translation>報告済みの場合は報告日を入力…</translation>
    </message>
    <message>
        <source>Overdue: </source>
        <translation>報告期限を過ぎています: </translation>
    </message>
    <message>
        <source>The office profile could not be read</source>
        <translation>事務所情報を読み込めませんでした</translation>
    </message>
    <message>
        <source>The office profile could not be saved</source>
        <translation>事務所情報を保存できませんでした</translation>
    </message>
    <message>
        <source>Office profile saved.</source>
        <translation>事務所情報を保存しました。</translation>
    </message>
    <message>
        <source>The incident could not be saved</source>
        <translation>事案情報を保存できませんでした</translation>
    </message>
    <message>
        <source>Incident saved.</source>
        <translation>事案情報を保存しました。</translation>
    </message>
    <message>
        <source> · awaiting an answer: %1</source>
        <translation> ／ 回答待ち %1 件</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新しい事案</translation>
    </message>
    <message>
        <source>e.g. July 2023 system outage</source>
        <translation>例：2023年7月 システム障害</translation>
    </message>
    <message>
        <source>The case name is stored unencrypted so that the list of cases can be shown before any key is asked for. Do not use a client's name: name the incident instead.</source>
        <translation>事案名は、鍵を求める前に事案の一覧を表示できるよう、暗号化せずに保存されます。顧問先の名前は使わず、出来事の名前を付けてください。</translation>
    </message>
    <message>
        <source>Case &amp;name</source>
        <translation>事案名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <source>Please enter a name for the case.</source>
        <translation>事案名を入力してください。</translation>
    </message>
    <message>
        <source>A case with this name already exists.</source>
        <translation>同じ名前の事案が既にあります。</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office name</source>
        <translation>事務所名</translation>
    </message>
    <message>
        <source>Office &amp;name</source>
        <translation>事務所名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind of office</source>
        <translation>事務所の種類(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Corporate number</source>
        <translation>法人番号(&amp;C)</translation>
    </message>
    <message>
        <source>Representative's re&amp;gistration number</source>
        <translation>代表者の社会保険労務士登録番号(&amp;G)</translation>
    </message>
    <message>
        <source>Representative's &amp;title</source>
        <translation>代表者の役職(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Representative</source>
        <translation>代表者名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>郵便番号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>所在地(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>電話番号(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Fax</source>
        <translation>FAX番号(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>メールアドレス(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation>担当者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>ウェブサイト(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Dates in the documents</source>
        <translation>書類の日付の書き方(&amp;D)</translation>
    </message>
    <message>
        <source>Read from the name</source>
        <translation>名前から判断</translation>
    </message>
    <message>
        <source>Corporation (社会保険労務士法人)</source>
        <translation>社会保険労務士法人</translation>
    </message>
    <message>
        <source>Individual office (個人事務所)</source>
        <translation>個人事務所</translation>
    </message>
    <message>
        <source>Western calendar: %1</source>
        <translation>西暦（%1）</translation>
    </message>
    <message>
        <source>Japanese era: %1</source>
        <translation>和暦（%1）</translation>
    </message>
    <message>
        <source>Office profile</source>
        <translation>事務所情報</translation>
    </message>
    <message>
        <source>13 digits (法人 only)</source>
        <translation>13桁（法人のみ）</translation>
    </message>
    <message>
        <source>* required for the documents</source>
        <translation>* は書類に必要な項目です</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open case</source>
        <translation>事案を開く</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>事案</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>最後に開いた日時</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1（開いています）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>Choose a case.</source>
        <translation>事案を選んでください。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Choose a passphrase for this case (at least %1 characters).</source>
        <translation>この事案のパスフレーズを決めてください（%1 文字以上）。</translation>
    </message>
    <message>
        <source>Type the passphrase of the case.</source>
        <translation>事案のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>確認のためもう一度(&amp;A)</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>パスフレーズは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>Please type the passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>印刷プレビュー…</translation>
    </message>
    <message>
        <source>Print every document of this client, exactly as it is exported; with several clients selected, this tab's document of each of them</source>
        <translation>この顧問先の文書をすべて、書き出すとおりに印刷します。複数の顧問先を選択しているときは、このタブの文書を選択した顧問先すべて分印刷します</translation>
    </message>
    <message>
        <source>Open in Word</source>
        <translation>Word で開く</translation>
    </message>
    <message>
        <source>Open a read-only copy of this document in Word (or the program for .docx)</source>
        <translation>この文書の読み取り専用のコピーを Word（または .docx を開くプログラム）で開きます</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再確認</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>文書のプレビュー</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>印刷プレビュー(&amp;P)…</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>プレビューを作成しています…</translation>
    </message>
    <message>
        <source>The preview could not be made.</source>
        <translation>プレビューを作成できませんでした。</translation>
    </message>
    <message>
        <source>To show the documents as they will be printed, NoticeDesk needs LibreOffice (free) or Microsoft Word on this PC. Install one of them, then press “Check again”.

Until then, “Open in Word” opens the document in the program that opens Word files on this PC.</source>
        <translation>文書を印刷されるとおりに表示するには、この PC に LibreOffice（無料）または Microsoft Word が必要です。どちらかをインストールしてから「再確認」を押してください。

それまでは「Word で開く」で、この PC で Word 文書を開くプログラムを使って文書を開けます。</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>印刷プレビュー — %1</translation>
    </message>
    <message>
        <source>The document could not be written to a temporary folder.</source>
        <translation>文書を一時フォルダーに書き込めませんでした。</translation>
    </message>
    <message>
        <source>No program on this PC opens Word documents (.docx).</source>
        <translation>この PC には Word 文書（.docx）を開くプログラムがありません。</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>事案が開かれていません。</translation>
    </message>
    <message>
        <source>Select a client in the table to see its documents.</source>
        <translation>表で顧問先を選ぶと、その文書がここに表示されます。</translation>
    </message>
    <message>
        <source>Enter the incident (Case → Incident and deadlines…) to see the documents.</source>
        <translation>文書を表示するには、事案情報を入力してください（事案 → 事案情報と報告期限…）。</translation>
    </message>
    <message>
        <source>The template folder %1 is not found (Settings → Template folder…).</source>
        <translation>テンプレートのフォルダ %1 が見つかりません（設定 → テンプレートのフォルダ…）。</translation>
    </message>
</context>
<context>
    <name>PrintKindsDialog</name>
    <message>
        <source>Print preview of the selected clients</source>
        <translation>選択した顧問先の印刷プレビュー</translation>
    </message>
    <message>
        <source>%1 client(s) selected. Their documents are printed client by client.</source>
        <translation>%1 件の顧問先を選択しています。文書は顧問先ごとに続けて印刷されます。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Only for clients who report individually (%1 selected)</source>
        <translation>個別に報告する顧問先のみ（選択中 %1 件）</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>印刷プレビュー(&amp;P)</translation>
    </message>
    <message>
        <source>Documents to print: %1</source>
        <translation>印刷する文書: %1 件</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>書類を1つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>The pages could not be printed.</source>
        <translation>ページを印刷できませんでした。</translation>
    </message>
</context>
<context>
    <name>ProblemDecisions</name>
    <message>
        <source>Name of the client</source>
        <translation>顧問先の名称</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/clients/problem_decisions.py" line="60" />
        <source>The name this row's client has in the case. A row without a name was read for nothing else: the client has only this name until a corrected list is imported.</source>
        <translation>この行の顧問先の、この事案での名称です。名称のない行はほかの値も読み込んでいないため、直した一覧を取り込み直すまで、顧問先は名称だけになります。</translation>
    </message>
    <message>
        <source>The name of the client on row %1, as this case keeps it (the file is not changed). A row without a name was read for nothing else: the client has only this name until a corrected list is imported.</source>
        <translation>行 %1 の顧問先の、この事案での名称です（ファイルは変更しません）。名称のない行はほかの値も読み込んでいないため、直した一覧を取り込み直すまで、顧問先は名称だけになります。</translation>
    </message>
    <message>
        <source>Save the name</source>
        <translation>名称を保存</translation>
    </message>
    <message>
        <source>The decision was not saved</source>
        <translation>決定を保存できませんでした</translation>
    </message>
    <message>
        <source>Row %1: the decision “%2” was withdrawn.</source>
        <translation>行 %1: 決定「%2」を取り消しました。</translation>
    </message>
    <message>
        <source>Row %1: %2 — saved in the case and logged.</source>
        <translation>行 %1: %2 — 事案に保存し、操作記録に残しました。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Decided: %1</source>
        <translation>決定: %1</translation>
    </message>
    <message>
        <source>Settled by the decision on row %1: %2</source>
        <translation>行 %1 の決定で解決済: %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Answer: joint report</source>
        <translation>答えを決める：共同報告</translation>
    </message>
    <message>
        <source>Answer: reports individually</source>
        <translation>答えを決める：個別報告</translation>
    </message>
    <message>
        <source>Enter the name…</source>
        <translation>名称を入力…</translation>
    </message>
    <message>
        <source>Leave this row out of this case</source>
        <translation>この行を今回は除く</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>両方残す</translation>
    </message>
    <message>
        <source>No problems found in the client list.</source>
        <translation>顧問先一覧に問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s). Double-click a line to show the client.</source>
        <translation>エラー %1 件、警告 %2 件。項目をダブルクリックすると、その顧問先を表に表示します。</translation>
    </message>
    <message>
        <source>Decide each error with the buttons below the list, or correct the file and open it again: until then the documents cannot be exported.</source>
        <translation>エラーは一覧の下のボタンで一件ずつ決めるか、ファイルを直して開き直してください。それまで文書は書き出せません。</translation>
    </message>
    <message>
        <source>Every error is decided (the decisions are kept in the case and logged): the documents can be exported.</source>
        <translation>エラーはすべて決定済みです（決定は事案に保存され、操作記録に残ります）。文書を書き出せます。</translation>
    </message>
    <message>
        <source>Row %1 of the file: %2</source>
        <translation>ファイルの行 %1: %2</translation>
    </message>
    <message>
        <source>Withdraw the decision</source>
        <translation>決定を取り消す</translation>
    </message>
    <message>
        <source>Withdraw the decision on row %1</source>
        <translation>行 %1 の決定を取り消す</translation>
    </message>
    <message>
        <location filename="../../noticedesk/gui/clients/problems_panel.py" line="179" />
        <source>Correct the errors in the file and open it again: until then the documents cannot be exported.</source>
        <translation>エラーはファイルで直してから読み込み直してください。それまで書類は書き出せません。</translation>
    </message>
</context>
<context>
    <name>ProtectionChoice</name>
    <message>
        <source>How the case is protected</source>
        <translation>事案の保護のしかた</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>%1 文字以上</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>パスフレーズ(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;gain</source>
        <translation>確認のためもう一度(&amp;G)</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>パスフレーズは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>回復コード</translation>
    </message>
    <message>
        <source>The case “%1” was created. Write this recovery code on paper now and keep it in a safe place: it opens the case on another PC, or on this one if the key kept here is lost. It is shown only this once and kept nowhere else.</source>
        <translation>事案「%1」を作成しました。この回復コードを今すぐ紙に書き写し、安全な場所に保管してください。別の PC で開くときや、この PC に保管した鍵が失われたときに必要です。回復コードはこの一度しか表示されず、どこにも保存されません。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>書き写しました</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>RecoveryOpenDialog</name>
    <message>
        <source>Open with the recovery code</source>
        <translation>回復コードで開く</translation>
    </message>
    <message>
        <source>Type the recovery code written down when the case was created (25 letters and digits; hyphens and spaces do not matter). The case's key is then saved on this PC, so it opens without the code next time.</source>
        <translation>事案を作成したときに書き写した回復コード（英数字25文字。ハイフンや空白はあってもなくても構いません）を入力してください。開いた後、事案の鍵をこの PC に保存するので、次回からは回復コードなしで開けます。</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>事案(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Recovery code</source>
        <translation>回復コード(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>Please type the recovery code.</source>
        <translation>回復コードを入力してください。</translation>
    </message>
</context>
<context>
    <name>ReminderListDialog</name>
    <message>
        <source>Clients to remind</source>
        <translation>回答の催促</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>顧問先</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>催促状</translation>
    </message>
    <message>
        <source>&amp;Export reminders…</source>
        <translation>催促状を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Select in the table</source>
        <translation>表で選択(&amp;S)</translation>
    </message>
    <message>
        <source>No reply-by date is entered (Case → Incident and deadlines…). %1 client(s) have not answered yet.</source>
        <translation>回答書の返送期限が入力されていません（事案 → 事案情報と報告期限…）。まだ回答のない顧問先は %1件です。</translation>
    </message>
    <message>
        <source>No client is past the reply-by date %1. %2 client(s) have not answered yet.</source>
        <translation>返送期限 %1 を過ぎた顧問先はありません。まだ回答のない顧問先は %2件です。</translation>
    </message>
    <message>
        <source>%1 client(s) have not answered by the reply-by date %2. The reminder asks again and encloses the reply slip.</source>
        <translation>返送期限 %2 までに回答のない顧問先が %1件あります。催促状は回答を改めてお願いし、回答書を同封します。</translation>
    </message>
</context>
<context>
    <name>ReportDeadlines</name>
    <message>
        <source>Reports to the PPC and their deadlines</source>
        <translation>個人情報保護委員会への報告と期限</translation>
    </message>
    <message>
        <source>May have been done for an &amp;unauthorized purpose (rule art. 7 no. 3)</source>
        <translation>不正の目的をもって行われたおそれがある（施行規則7条3号）(&amp;U)</translation>
    </message>
    <message>
        <source>Unauthorized access, ransomware and the like: final report within 60 days, not 30.</source>
        <translation>不正アクセス・ランサムウェア等。確報の期限は30日ではなく60日です。</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>報告日</translation>
    </message>
    <message>
        <source>Set it myself</source>
        <translation>事務所で設定</translation>
    </message>
    <message>
        <source>&amp;Preliminary report (速報)</source>
        <translation>速報(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;reliminary deadline</source>
        <translation>速報の期限(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Final report (確報)</source>
        <translation>確報(&amp;F)</translation>
    </message>
    <message>
        <source>Fin&amp;al deadline</source>
        <translation>確報の期限(&amp;A)</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>顧問先名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>労働保険事務組合</translation>
    </message>
    <message>
        <source>Own report</source>
        <translation>個別報告</translation>
    </message>
    <message>
        <source>Ticked: the client reports to the PPC itself and is left out of the joint report's list (click, or Space on the selected rows)</source>
        <translation>チェックあり：この顧問先は自ら個人情報保護委員会に報告し、共同報告の一覧には載せません（クリック、または選択した行でスペースキー）</translation>
    </message>
    <message>
        <source>Document %1: %2</source>
        <translation>文書 %1：%2</translation>
    </message>
    <message>
        <source>Employee notice</source>
        <translation>従業員向け通知</translation>
    </message>
    <message>
        <source>Notice to client</source>
        <translation>委託元への通知</translation>
    </message>
    <message>
        <source>Cover letter</source>
        <translation>送付状</translation>
    </message>
    <message>
        <source>Own-report guide</source>
        <translation>個別報告の案内</translation>
    </message>
    <message>
        <source>Not made</source>
        <translation>未作成</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>書き出し済</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>印刷済</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>送付済</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The client's answer to the reply slip: joint report, own report, or awaited (Edit → Record answer…)</source>
        <translation>回答書への顧問先の回答：共同報告・個別報告・回答待ち（編集 → 回答を記録…）</translation>
    </message>
    <message>
        <source>Reply slip</source>
        <translation>回答書</translation>
    </message>
    <message>
        <source>Reminder to answer</source>
        <translation>回答の催促状</translation>
    </message>
</context>
<context>
    <name>RosterTableView</name>
    <message>
        <source>Drag and drop the client list (CSV or Excel) here,
or open it with File → Open client list… (%1).</source>
        <translation>顧問先一覧（CSV または Excel）をここにドラッグ＆ドロップするか、
「ファイル」→「顧問先一覧を開く」（%1）で開いてください。</translation>
    </message>
    <message>
        <source>No client matches the search. Clear the search box to see every client.</source>
        <translation>検索に一致する顧問先はありません。すべての顧問先を表示するには検索欄を空にしてください。</translation>
    </message>
</context>
<context>
    <name>SelectionPrint</name>
    <message>
        <source>Print preview</source>
        <translation>印刷プレビュー</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>事案が開かれていません。</translation>
    </message>
    <message>
        <source>Enter the incident (Case → Incident and deadlines…) to print the documents.</source>
        <translation>文書を印刷するには、事案情報を入力してください（事案 → 事案情報と報告期限…）。</translation>
    </message>
    <message>
        <source>The template folder %1 is not found (Settings → Template folder…).</source>
        <translation>テンプレートのフォルダ %1 が見つかりません（設定 → テンプレートのフォルダ…）。</translation>
    </message>
    <message>
        <source>To print the documents as they are exported, NoticeDesk needs LibreOffice (free) or Microsoft Word on this PC.</source>
        <translation>書き出すとおりに文書を印刷するには、この PC に LibreOffice（無料）または Microsoft Word が必要です。</translation>
    </message>
    <message>
        <source>Preparing the documents of %1 client(s)…</source>
        <translation>%1 件の顧問先の文書を準備しています…</translation>
    </message>
    <message>
        <source>Preparing the pages… %1 of %2 document(s)</source>
        <translation>ページを準備しています… %2 件中 %1 件</translation>
    </message>
    <message>
        <source>Print preview — %1 client(s)</source>
        <translation>印刷プレビュー — 顧問先 %1 件</translation>
    </message>
    <message>
        <source>The print preview could not be made</source>
        <translation>印刷プレビューを作成できませんでした</translation>
    </message>
</context>
<context>
    <name>StatusMarking</name>
    <message>
        <source>Mark as &amp;printed</source>
        <translation>印刷済にする(&amp;P)</translation>
    </message>
    <message>
        <source>Mark as &amp;sent</source>
        <translation>送付済にする(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;All documents</source>
        <translation>すべての書類(&amp;A)</translation>
    </message>
    <message>
        <source>Select the clients first.</source>
        <translation>先に顧問先を選んでください。</translation>
    </message>
    <message>
        <source>The own-report guide is only for clients who report individually.</source>
        <translation>個別報告のご案内は、個別に報告する顧問先にのみ作成します。</translation>
    </message>
    <message>
        <source>%1 client(s) marked.</source>
        <translation>顧問先 %1 件の状況を変更しました。</translation>
    </message>
    <message>
        <source>The status could not be saved</source>
        <translation>状況を保存できませんでした</translation>
    </message>
    <message>
        <source>The case file could not be written.</source>
        <translation>事案ファイルに書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>TemplateFolder</name>
    <message>
        <source>Templates: %1</source>
        <translation>テンプレート: %1</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（見つかりません）</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Standard templates (shipped with NoticeDesk)</source>
        <translation>標準のテンプレート（NoticeDesk に付属）</translation>
    </message>
    <message>
        <source>Template folder</source>
        <translation>テンプレートのフォルダ</translation>
    </message>
    <message>
        <source>The documents are made from Word templates. To use your office's own wording, copy the standard templates into a folder of your own, edit them in Word (keep the file names), and choose that folder here. A document whose template is not in the folder is made from the standard one.</source>
        <translation>書類は Word のテンプレートから作成されます。事務所独自の文面にするには、標準のテンプレートを事務所のフォルダにコピーし、Word で編集して（ファイル名は変えずに）、そのフォルダをここで選んでください。フォルダに無い書類は標準のテンプレートで作成されます。</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダ:</translation>
    </message>
    <message>
        <source>Templates used</source>
        <translation>使用するテンプレート</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>フォルダを選ぶ(&amp;C)…</translation>
    </message>
    <message>
        <source>Use the &amp;standard templates</source>
        <translation>標準のテンプレートに戻す(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open the standard templates folder</source>
        <translation>標準のテンプレートのフォルダを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the templates from there into your own folder before editing them</source>
        <translation>編集する前に、ここにあるテンプレートを事務所のフォルダへコピーしてください</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>再確認(&amp;A)</translation>
    </message>
    <message>
        <source>Folder with your templates</source>
        <translation>事務所のテンプレートがあるフォルダ</translation>
    </message>
    <message>
        <source>%1 holds none of the template files (%2). Nothing was changed. Copy the standard templates there first, edit them in Word, then choose the folder again.</source>
        <translation>%1 にはテンプレートのファイル（%2）がひとつもありません。設定は変えていません。先に標準のテンプレートをそのフォルダへコピーし、Word で編集してから、もう一度フォルダを選んでください。</translation>
    </message>
    <message>
        <source>%1 in your folder</source>
        <translation>事務所のフォルダの %1</translation>
    </message>
    <message>
        <source>Standard template</source>
        <translation>標準のテンプレート</translation>
    </message>
    <message>
        <source>These templates cannot be used yet:</source>
        <translation>次の理由で、このテンプレートはまだ使用できません:</translation>
    </message>
    <message>
        <source>The templates were checked: no problems.</source>
        <translation>テンプレートを確認しました。問題はありません。</translation>
    </message>
</context>
<context>
    <name>TickCommand</name>
    <message numerus="yes">
        <location filename="../../noticedesk/gui/tick_history.py" line="40" />
        <source>Tick %n client(s)</source>
        <translation>
            <numerusform>%n 件の個別報告をチェック</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untick %n client(s)</source>
        <translation>
            <numerusform>%n 件の個別報告のチェックを外す</numerusform>
        </translation>
    </message>
</context>
</TS>
