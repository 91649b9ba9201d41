<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>QObject</name>
    <message>
        <source>Save chart as…</source>
        <translation>Grafiği farklı kaydet…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Grafiği kaydet</translation>
    </message>
    <message>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabloyu dışa aktar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>new in B</source>
        <translation>B&apos;de yeni</translation>
    </message>
    <message>
        <source>gone in B</source>
        <translation>B&apos;de yok</translation>
    </message>
    <message>
        <source>slower (own time)</source>
        <translation>daha yavaş (kendi süresi)</translation>
    </message>
    <message>
        <source>faster (own time)</source>
        <translation>daha hızlı (kendi süresi)</translation>
    </message>
    <message>
        <source>slower (callees)</source>
        <translation>daha yavaş (çağırdıkları)</translation>
    </message>
    <message>
        <source>faster (callees)</source>
        <translation>daha hızlı (çağırdıkları)</translation>
    </message>
    <message>
        <source>end unknown</source>
        <translation>sonu bilinmiyor</translation>
    </message>
    <message>
        <source> at concurrency %1 to %2</source>
        <translation> %1 ile %2 arası eşzamanlılıkta</translation>
    </message>
    <message>
        <source>1 load-test point</source>
        <translation>1 yük testi noktası</translation>
    </message>
    <message>
        <source>%1 load-test points</source>
        <translation>%1 yük testi noktası</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing to draw: this run holds no spans.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It is a NAT sizing calculator result: %1%2, with p95 latencies and NAT&apos;s GPU estimate.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;sizing&apos;&gt;Open it in the Sizing tab&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Çizilecek bir şey yok: bu çalıştırmada span yok.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bu bir NAT boyutlandırma hesaplayıcısı sonucu: %1%2, p95 gecikmeleri ve NAT&apos;ın GPU tahminiyle.&lt;/p&gt;&lt;p&gt;&lt;a href=&apos;sizing&apos;&gt;Boyutlandırma sekmesinde aç&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing to draw: this run holds no spans.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Its files had no timed spans; the Overview tab shows what it holds.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Çizilecek bir şey yok: bu çalıştırmada span yok.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Dosyalarında zamanlı span yoktu; içinde ne olduğunu Genel bakış sekmesi gösterir.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>%1 başlar</translation>
    </message>
    <message>
        <source>&lt;h3&gt;This workspace is empty&lt;/h3&gt;&lt;p&gt;&lt;a href=&apos;import-folder&apos;&gt;Import a folder…&lt;/a&gt; (Ctrl+O) &amp;nbsp; &lt;a href=&apos;import-file&apos;&gt;Import a file…&lt;/a&gt; (Ctrl+Shift+O) &amp;nbsp; or drop files and folders on this window.&lt;/p&gt;&lt;p&gt;&lt;b&gt;NeMo Agent Toolkit:&lt;/b&gt; the folder &lt;code&gt;nat eval&lt;/code&gt; wrote (with &lt;code&gt;all_requests_profiler_traces.json&lt;/code&gt;, &lt;code&gt;workflow_output.json&lt;/code&gt; and the evaluators&apos; files), a &lt;code&gt;nat sizing calc&lt;/code&gt; output folder, or a folder holding many of them: every run inside is found.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OpenTelemetry:&lt;/b&gt; collector file-exporter dumps (&lt;code&gt;.json&lt;/code&gt;, &lt;code&gt;.jsonl&lt;/code&gt;, &lt;code&gt;.ndjson&lt;/code&gt;, &lt;code&gt;.bin&lt;/code&gt;, &lt;code&gt;.otlp&lt;/code&gt;, zstd-compressed &lt;code&gt;.zst&lt;/code&gt;), Jaeger and Zipkin JSON, Phoenix span exports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bu çalışma alanı boş&lt;/h3&gt;&lt;p&gt;&lt;a href=&apos;import-folder&apos;&gt;Klasör içe aktar…&lt;/a&gt; (Ctrl+O) &amp;nbsp; &lt;a href=&apos;import-file&apos;&gt;Dosya içe aktar…&lt;/a&gt; (Ctrl+Shift+O) &amp;nbsp; ya da dosya ve klasörleri bu pencereye bırakın.&lt;/p&gt;&lt;p&gt;&lt;b&gt;NeMo Agent Toolkit:&lt;/b&gt; &lt;code&gt;nat eval&lt;/code&gt; komutunun yazdığı klasör (&lt;code&gt;all_requests_profiler_traces.json&lt;/code&gt;, &lt;code&gt;workflow_output.json&lt;/code&gt; ve değerlendiricilerin dosyalarıyla), bir &lt;code&gt;nat sizing calc&lt;/code&gt; çıktı klasörü ya da bunların birçoğunu tutan bir klasör: içindeki her çalıştırma bulunur.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OpenTelemetry:&lt;/b&gt; collector file-exporter dökümleri (&lt;code&gt;.json&lt;/code&gt;, &lt;code&gt;.jsonl&lt;/code&gt;, &lt;code&gt;.ndjson&lt;/code&gt;, &lt;code&gt;.bin&lt;/code&gt;, &lt;code&gt;.otlp&lt;/code&gt;, zstd ile sıkıştırılmış &lt;code&gt;.zst&lt;/code&gt;), Jaeger ve Zipkin JSON, Phoenix span dışa aktarımları.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>NAT sizing calculator: run %1, %2</source>
        <translation>NAT boyutlandırma hesaplayıcısı: çalıştırma %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), each at the concurrency NAT&apos;s configuration gives, else the one its traces show (p95 of requests in flight)</source>
        <translation>
            <numerusform>%n çalıştırma, her biri NAT yapılandırmasının verdiği eşzamanlılıkta, yoksa izlerinin gösterdiğinde (aynı anda süren isteklerin p95&apos;i)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineControls</name>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>Packed by concurrency</source>
        <translation>Eşzamanlılığa göre sıkıştırılmış</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>Şelale</translation>
    </message>
    <message>
        <source>Lanes: a group per request, all spans packed into as few lanes as their concurrency needs, or one request&apos;s call tree</source>
        <translation>Şeritler: her istek için bir grup, tüm spanlar eşzamanlılıklarının gerektirdiği en az şeride sıkıştırılmış ya da tek bir isteğin çağrı ağacı</translation>
    </message>
    <message>
        <source>◂ Whole run</source>
        <translation>◂ Tüm çalıştırma</translation>
    </message>
    <message>
        <source>Back to the run&apos;s Gantt</source>
        <translation>Çalıştırmanın Gantt görünümüne dön</translation>
    </message>
    <message>
        <source>Spans that started and never ended (an LLM call that timed out, a request cut off): drawn fading and hatched to the request&apos;s last event. Uncheck to hide them.</source>
        <translation>Başlayıp hiç bitmeyen spanlar (zaman aşımına uğrayan bir LLM çağrısı, kesilen bir istek): isteğin son olayına kadar solarak ve taranarak çizilir. Gizlemek için işareti kaldırın.</translation>
    </message>
    <message>
        <source>Search names and attributes  ( / )</source>
        <translation>Adlarda ve özniteliklerde ara  ( / )</translation>
    </message>
    <message>
        <source>spike ≥ </source>
        <translation>tepe ≥ </translation>
    </message>
    <message>
        <source>Concurrency spike threshold: LLM and tool calls in flight at once (the run&apos;s NAT spike_threshold, else 7)</source>
        <translation>Eşzamanlılık tepe eşiği: aynı anda süren LLM ve araç çağrıları (çalıştırmanın NAT spike_threshold değeri, yoksa 7)</translation>
    </message>
    <message>
        <source>Timeline layout</source>
        <translation>Zaman çizelgesi düzeni</translation>
    </message>
    <message>
        <source>Search spans</source>
        <translation>Spanlarda ara</translation>
    </message>
    <message>
        <source>Concurrency spike threshold</source>
        <translation>Eşzamanlılık tepe eşiği</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Takip et</translation>
    </message>
    <message>
        <source>Follow the newest spans</source>
        <translation>En yeni span&apos;leri takip et</translation>
    </message>
    <message>
        <source>A live run: keep its newest time in view as spans arrive. Scrolling or zooming back stops following.</source>
        <translation>Canlı bir çalıştırma: span&apos;ler geldikçe en yeni zamanı görünümde tut. Geri kaydırmak ya da yakınlaştırmak takibi durdurur.</translation>
    </message>
</context>
<context>
    <name>TimelineKeys</name>
    <message>
        <source>wheel, W / S</source>
        <translation>tekerlek, W / S</translation>
    </message>
    <message>
        <source>zoom at the cursor / the middle</source>
        <translation>imleçte / ortada yakınlaştır</translation>
    </message>
    <message>
        <source>drag, A / D, ← / →</source>
        <translation>sürükle, A / D, ← / →</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>kaydır</translation>
    </message>
    <message>
        <source>↑ / ↓, PageUp / PageDown</source>
        <translation>↑ / ↓, PageUp / PageDown</translation>
    </message>
    <message>
        <source>scroll a lane / a screen of lanes</source>
        <translation>bir şerit / bir ekran şerit kaydır</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>the first / the last lanes</source>
        <translation>ilk / son şeritler</translation>
    </message>
    <message>
        <source>0, Ctrl+0</source>
        <translation>0, Ctrl+0</translation>
    </message>
    <message>
        <source>zoom to fit</source>
        <translation>sığdır</translation>
    </message>
    <message>
        <source>Shift + drag</source>
        <translation>Shift + sürükle</translation>
    </message>
    <message>
        <source>measure a duration</source>
        <translation>bir süre ölç</translation>
    </message>
    <message>
        <source>click</source>
        <translation>tıkla</translation>
    </message>
    <message>
        <source>select (details in the inspector)</source>
        <translation>seç (ayrıntılar inceleyicide)</translation>
    </message>
    <message>
        <source>double-click</source>
        <translation>çift tıkla</translation>
    </message>
    <message>
        <source>open the request&apos;s waterfall</source>
        <translation>isteğin şelalesini aç</translation>
    </message>
    <message>
        <source>F / Esc</source>
        <translation>F / Esc</translation>
    </message>
    <message>
        <source>focus the selection / clear it</source>
        <translation>seçime odaklan / seçimi kaldır</translation>
    </message>
    <message>
        <source>/ then Enter</source>
        <translation>/ sonra Enter</translation>
    </message>
    <message>
        <source>search names, models and attributes; the first hit</source>
        <translation>adlarda, modellerde ve özniteliklerde ara; ilk sonuç</translation>
    </message>
    <message>
        <source>N / Shift+N</source>
        <translation>N / Shift+N</translation>
    </message>
    <message>
        <source>next / previous hit</source>
        <translation>sonraki / önceki sonuç</translation>
    </message>
    <message>
        <source>Esc in the search box</source>
        <translation>arama kutusunda Esc</translation>
    </message>
    <message>
        <source>back to the timeline</source>
        <translation>zaman çizelgesine dön</translation>
    </message>
</context>
<context>
    <name>spanscope::AppearanceMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistem</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Açık</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Koyu</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Spanscope uses the new language from its next start.</source>
        <translation>Spanscope yeni dili bir sonraki açılışında kullanır.</translation>
    </message>
</context>
<context>
    <name>spanscope::CompareConfig</name>
    <message>
        <source>&lt;p&gt;Pick two runs to compare.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Karşılaştırmak için iki çalıştırma seçin.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Neither run kept its configuration. NAT 1.4 and later write &lt;code&gt;config_effective.yml&lt;/code&gt;, &lt;code&gt;config_original.yml&lt;/code&gt; and &lt;code&gt;config_metadata.json&lt;/code&gt; beside the results of an evaluation.&lt;/p&gt;</source>
        <translation>&lt;p&gt;İki çalıştırma da yapılandırmasını saklamamış. NAT 1.4 ve sonrası bir değerlendirmenin sonuçlarının yanına &lt;code&gt;config_effective.yml&lt;/code&gt;, &lt;code&gt;config_original.yml&lt;/code&gt; ve &lt;code&gt;config_metadata.json&lt;/code&gt; yazar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Only run %1 has it:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Yalnızca %1. çalıştırmada var:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The same in both runs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;İki çalıştırmada da aynı.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;1 line differs: </source>
        <translation>&lt;p&gt;1 satır farklı: </translation>
    </message>
    <message>
        <source>&lt;p&gt;%L1 lines differ: </source>
        <translation>&lt;p&gt;%L1 satır farklı: </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b71c1c&apos;&gt;- A&lt;/span&gt;, &lt;span style=&apos;color:#1b5e20&apos;&gt;+ B&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;span style=&apos;color:#b71c1c&apos;&gt;- A&lt;/span&gt;, &lt;span style=&apos;color:#1b5e20&apos;&gt;+ B&lt;/span&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Configuration differences</source>
        <translation>Yapılandırma farkları</translation>
    </message>
</context>
<context>
    <name>spanscope::CompareItems</name>
    <message>
        <source>Sort the items by how much this changed</source>
        <translation>Öğeleri bunun ne kadar değiştiğine göre sırala</translation>
    </message>
    <message>
        <source>Open A&apos;s request</source>
        <translation>A&apos;nın isteğini aç</translation>
    </message>
    <message>
        <source>Open B&apos;s request</source>
        <translation>B&apos;nin isteğini aç</translation>
    </message>
    <message>
        <source>Sort by the change in</source>
        <translation>Şundaki değişime göre sırala:</translation>
    </message>
    <message>
        <source>request latency</source>
        <translation>istek gecikmesi</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Öğe</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Soru</translation>
    </message>
    <message>
        <source>Latency A</source>
        <translation>Gecikme A</translation>
    </message>
    <message>
        <source>%1 A</source>
        <translation>%1 A</translation>
    </message>
    <message>
        <source>Latency B</source>
        <translation>Gecikme B</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>Latency A (s)</source>
        <translation>Gecikme A (s)</translation>
    </message>
    <message>
        <source>Latency B (s)</source>
        <translation>Gecikme B (s)</translation>
    </message>
    <message>
        <source> (only in B)</source>
        <translation> (yalnızca B&apos;de)</translation>
    </message>
    <message>
        <source> (only in A)</source>
        <translation> (yalnızca A&apos;da)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#616161&apos;&gt;Reference: %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#616161&apos;&gt;Referans: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;This item is not in %1.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Bu öğe %1 içinde yok.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:%5&apos;&gt;latency %1 s, %2 tokens in, %3 out, %4 errors&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:%5&apos;&gt;gecikme %1 s, %2 giriş tokenı, %3 çıkış, %4 hata&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Sort items by</source>
        <translation>Öğeleri sıralama ölçütü</translation>
    </message>
    <message>
        <source>Items compared</source>
        <translation>Karşılaştırılan öğeler</translation>
    </message>
    <message>
        <source>A&apos;s answer</source>
        <translation>A&apos;nın cevabı</translation>
    </message>
    <message>
        <source>B&apos;s answer</source>
        <translation>B&apos;nin cevabı</translation>
    </message>
</context>
<context>
    <name>spanscope::ComparePane</name>
    <message>
        <source>A: the baseline</source>
        <translation>A: temel</translation>
    </message>
    <message>
        <source>B: the candidate</source>
        <translation>B: aday</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Yer değiştir</translation>
    </message>
    <message>
        <source>Significance level: changes with p (or q) below it are called better or worse</source>
        <translation>Anlamlılık düzeyi: p (ya da q) değeri bunun altında kalan değişimler daha iyi ya da daha kötü sayılır</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Özet</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Öğeler</translation>
    </message>
    <message>
        <source>Call paths</source>
        <translation>Çağrı yolları</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Yan yana</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Yapılandırma</translation>
    </message>
    <message>
        <source>comparing...</source>
        <translation>karşılaştırılıyor...</translation>
    </message>
    <message>
        <source>cannot compare: %1</source>
        <translation>karşılaştırılamıyor: %1</translation>
    </message>
    <message>
        <source>%1 %2, item %3</source>
        <translation>%1 %2, öğe %3</translation>
    </message>
    <message>
        <source>: %1 s</source>
        <translation>: %1 s</translation>
    </message>
    <message>
        <source>: not in this run</source>
        <translation>: bu çalıştırmada yok</translation>
    </message>
    <message>
        <source>Run A, the baseline</source>
        <translation>Çalıştırma A, temel</translation>
    </message>
    <message>
        <source>Run B, the candidate</source>
        <translation>Çalıştırma B, aday</translation>
    </message>
    <message>
        <source>Significance level</source>
        <translation>Anlamlılık düzeyi</translation>
    </message>
</context>
<context>
    <name>spanscope::ComparePaths</name>
    <message>
        <source>Call path</source>
        <translation>Çağrı yolu</translation>
    </message>
    <message>
        <source>Calls A</source>
        <translation>Çağrı A</translation>
    </message>
    <message>
        <source>Calls B</source>
        <translation>Çağrı B</translation>
    </message>
    <message>
        <source>p50 A (s)</source>
        <translation>p50 A (s)</translation>
    </message>
    <message>
        <source>p50 B (s)</source>
        <translation>p50 B (s)</translation>
    </message>
    <message>
        <source>p50 B − A</source>
        <translation>p50 B − A</translation>
    </message>
    <message>
        <source>p95 A (s)</source>
        <translation>p95 A (s)</translation>
    </message>
    <message>
        <source>p95 B (s)</source>
        <translation>p95 B (s)</translation>
    </message>
    <message>
        <source>Self p50 A</source>
        <translation>Kendi p50 A</translation>
    </message>
    <message>
        <source>Self p50 B</source>
        <translation>Kendi p50 B</translation>
    </message>
    <message>
        <source>Tokens A</source>
        <translation>Token A</translation>
    </message>
    <message>
        <source>Tokens B</source>
        <translation>Token B</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Değişti</translation>
    </message>
    <message>
        <source>Mann-Whitney test per path on the durations and on the self times, Benjamini-Hochberg over all paths: &apos;own time&apos; when the path&apos;s own work changed, &apos;callees&apos; when only what it called did</source>
        <translation>Her yol için süreler ve kendi süreleri üzerinde Mann-Whitney testi, tüm yollar üzerinde Benjamini-Hochberg: yolun kendi işi değiştiyse &apos;kendi süresi&apos;, yalnızca çağırdıkları değiştiyse &apos;çağırdıkları&apos;</translation>
    </message>
    <message>
        <source>&lt;hr&gt;&lt;b&gt;new in B&lt;/b&gt;: A had no such path</source>
        <translation>&lt;hr&gt;&lt;b&gt;B&apos;de yeni&lt;/b&gt;: A&apos;da böyle bir yol yoktu</translation>
    </message>
    <message>
        <source>&lt;hr&gt;A: %L1 calls, p50 %2 s, p95 %3 s&lt;br&gt;B − A: p50 %4 s</source>
        <translation>&lt;hr&gt;A: %L1 çağrı, p50 %2 s, p95 %3 s&lt;br&gt;B − A: p50 %4 s</translation>
    </message>
    <message>
        <source>&lt;br&gt;own time q %1, duration q %2</source>
        <translation>&lt;br&gt;kendi süresi q %1, süre q %2</translation>
    </message>
    <message>
        <source>Width: B&apos;s time. &lt;span style=&apos;background:#e53935;color:white&apos;&gt;&amp;nbsp;own time slower&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ef9a9a;color:#212121&apos;&gt;&amp;nbsp;slower through callees&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#43a047;color:white&apos;&gt;&amp;nbsp;own time faster&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a5d6a7;color:#212121&apos;&gt;&amp;nbsp;faster through callees&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#e0e0e0;color:#212121&apos;&gt;&amp;nbsp;within noise&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ab47bc;color:white&apos;&gt;&amp;nbsp;new in B&amp;nbsp;&lt;/span&gt;</source>
        <translation>Genişlik: B&apos;nin süresi. &lt;span style=&apos;background:#e53935;color:white&apos;&gt;&amp;nbsp;kendi süresi daha yavaş&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ef9a9a;color:#212121&apos;&gt;&amp;nbsp;çağırdıkları yüzünden daha yavaş&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#43a047;color:white&apos;&gt;&amp;nbsp;kendi süresi daha hızlı&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a5d6a7;color:#212121&apos;&gt;&amp;nbsp;çağırdıkları sayesinde daha hızlı&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#e0e0e0;color:#212121&apos;&gt;&amp;nbsp;gürültü içinde&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ab47bc;color:white&apos;&gt;&amp;nbsp;B&apos;de yeni&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Call paths compared</source>
        <translation>Karşılaştırılan çağrı yolları</translation>
    </message>
</context>
<context>
    <name>spanscope::CompareSummary</name>
    <message>
        <source>Evaluator</source>
        <translation>Değerlendirici</translation>
    </message>
    <message>
        <source>Mean A</source>
        <translation>Ortalama A</translation>
    </message>
    <message>
        <source>Mean B</source>
        <translation>Ortalama B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>%95 GA</translation>
    </message>
    <message>
        <source>p (Wilcoxon)</source>
        <translation>p (Wilcoxon)</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Daha iyi</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Daha kötü</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Aynı</translation>
    </message>
    <message>
        <source>Items paired by id. The interval is a seeded bootstrap of the mean paired difference (10,000 resamples); the p-value is Wilcoxon&apos;s signed-rank test, exact up to 25 changed items.</source>
        <translation>Öğeler kimliklerine göre eşlenir. Aralık, ortalama eşli farkın tohumlu bir bootstrap&apos;ıdır (10.000 yeniden örnekleme); p değeri Wilcoxon işaretli sıra testidir, 25 değişen öğeye kadar kesindir.</translation>
    </message>
    <message>
        <source>request latency (s)</source>
        <translation>istek gecikmesi (s)</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>istekler</translation>
    </message>
    <message>
        <source>share of requests at or under</source>
        <translation>bu değerde ya da altında kalan isteklerin payı</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt; %1 (candidate) against &lt;b&gt;A&lt;/b&gt; %2 (baseline): %3 items paired</source>
        <translation>&lt;b&gt;B&lt;/b&gt; %1 (aday) ile &lt;b&gt;A&lt;/b&gt; %2 (temel): %3 öğe eşlendi</translation>
    </message>
    <message>
        <source>, &lt;span style=&apos;color:#c62828&apos;&gt;%1 only in A, %2 only in B&lt;/span&gt; (listed under Items)</source>
        <translation>, &lt;span style=&apos;color:#c62828&apos;&gt;%1 yalnızca A&apos;da, %2 yalnızca B&apos;de&lt;/span&gt; (Öğeler altında listelenir)</translation>
    </message>
    <message>
        <source>  better</source>
        <translation>  daha iyi</translation>
    </message>
    <message>
        <source>  WORSE</source>
        <translation>  DAHA KÖTÜ</translation>
    </message>
    <message>
        <source>A %1</source>
        <translation>A %1</translation>
    </message>
    <message>
        <source>B %1</source>
        <translation>B %1</translation>
    </message>
    <message>
        <source>%1: p50 %2 s, p95 %3 s</source>
        <translation>%1: p50 %2 s, p95 %3 s</translation>
    </message>
    <message>
        <source>Quality by evaluator</source>
        <translation>Değerlendiriciye göre kalite</translation>
    </message>
</context>
<context>
    <name>spanscope::ConcurrencyTrack</name>
    <message>
        <source>LLM and tool calls in flight; the dashed line is the spike threshold. Click a shaded spike to zoom to it and outline its calls.</source>
        <translation>Aynı anda süren LLM ve araç çağrıları; kesikli çizgi tepe eşiğidir. Bir tepeye yakınlaşmak ve çağrılarını belirginleştirmek için gölgeli tepeye tıklayın.</translation>
    </message>
    <message>
        <source>a spike (peak %1 in flight, %2)</source>
        <translation>bir tepe (en çok %1 eşzamanlı, %2)</translation>
    </message>
</context>
<context>
    <name>spanscope::DecisionTabs</name>
    <message>
        <source>Overview</source>
        <translation>Genel bakış</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Sıralama</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Karşılaştır</translation>
    </message>
    <message>
        <source>Sizing</source>
        <translation>Boyutlandırma</translation>
    </message>
</context>
<context>
    <name>spanscope::FlameGraphView</name>
    <message>
        <source>%L1 calls</source>
        <translation>%L1 çağrı</translation>
    </message>
    <message>
        <source>%L1 tokens</source>
        <translation>%L1 token</translation>
    </message>
    <message>
        <source>&lt;b&gt;whole run&lt;/b&gt;&lt;br&gt;%L1 top-level calls, %2 in all</source>
        <translation>&lt;b&gt;tüm çalıştırma&lt;/b&gt;&lt;br&gt;%L1 üst düzey çağrı, toplam %2</translation>
    </message>
    <message>
        <source>%L1 calls, total %2, self %3&lt;br&gt;mean %4, p50 %5, p95 %6, max %7</source>
        <translation>%L1 çağrı, toplam %2, kendi %3&lt;br&gt;ortalama %4, p50 %5, p95 %6, en çok %7</translation>
    </message>
    <message>
        <source>&lt;br&gt;tokens %L1 in, %L2 out</source>
        <translation>&lt;br&gt;token: %L1 giriş, %L2 çıkış</translation>
    </message>
    <message>
        <source>&lt;br&gt;at most %L1 at once</source>
        <translation>&lt;br&gt;aynı anda en çok %L1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;font color=&apos;#c62828&apos;&gt;%L1 failed&lt;/font&gt;</source>
        <translation>&lt;br&gt;&lt;font color=&apos;#c62828&apos;&gt;%L1 başarısız&lt;/font&gt;</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Çalıştırma yok</translation>
    </message>
    <message>
        <source>+%L1 more</source>
        <translation>+%L1 daha</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>tüm istekler</translation>
    </message>
    <message>
        <source>%L1 paths too narrow to draw; zoom in to see them</source>
        <translation>çizilemeyecek kadar dar %L1 yol; görmek için yakınlaşın</translation>
    </message>
</context>
<context>
    <name>spanscope::HelpMenu</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klavye kısayolları</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Başlarken</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Başlarken</translation>
    </message>
    <message>
        <source>&amp;About Spanscope</source>
        <translation>Spanscope &amp;hakkında</translation>
    </message>
    <message>
        <source>About Spanscope</source>
        <translation>Spanscope hakkında</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>&amp;Qt hakkında</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Menus&lt;/h3&gt;&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Menu&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Action&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Keys&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;&lt;h3&gt;Timeline&lt;/h3&gt;%2</source>
        <translation>&lt;h3&gt;Menüler&lt;/h3&gt;&lt;table cellspacing=&apos;6&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Menü&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Eylem&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Tuşlar&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;&lt;h3&gt;Zaman çizelgesi&lt;/h3&gt;%2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What to open&lt;/h3&gt;&lt;p&gt;Import a folder or a file with &lt;b&gt;File &amp;gt; Import folder&lt;/b&gt; (Ctrl+O), &lt;b&gt;Import file&lt;/b&gt;, or drop it on the window. Each import becomes a run in the &lt;b&gt;Runs&lt;/b&gt; list; everything stays in one workspace file (&lt;tt&gt;.spanscope&lt;/tt&gt;) that &lt;tt&gt;spanscope-cli&lt;/tt&gt; reads too.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;NAT eval folders&lt;/b&gt;: &lt;tt&gt;nat eval --config_file CONFIG&lt;/tt&gt; writes the folder named by &lt;tt&gt;eval.general.output_dir&lt;/tt&gt; in the configuration (often &lt;tt&gt;.tmp/nat/examples/&amp;lt;workflow&amp;gt;/eval&lt;/tt&gt;), with &lt;tt&gt;workflow_output.json&lt;/tt&gt;, the evaluators&apos; &lt;tt&gt;*_output.json&lt;/tt&gt; and, with the profiler on, &lt;tt&gt;all_requests_profiler_traces.json&lt;/tt&gt; and &lt;tt&gt;standardized_data_all.csv&lt;/tt&gt;. Open the folder.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Load tests&lt;/b&gt;: &lt;tt&gt;nat sizing calc --calc_output_dir DIR&lt;/tt&gt; writes &lt;tt&gt;DIR/online/job_&amp;lt;time&amp;gt;/&lt;/tt&gt; (or &lt;tt&gt;offline&lt;/tt&gt;) with &lt;tt&gt;calc_runner_output.json&lt;/tt&gt; and an eval folder per concurrency. Open the job folder; the &lt;b&gt;Sizing&lt;/b&gt; tab shows p95 against concurrency and the GPUs needed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OpenTelemetry traces&lt;/b&gt;: the collector&apos;s file exporter (JSON lines, optionally zstd), OTLP JSON, Jaeger and Zipkin JSON, Phoenix exports.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agent trajectories&lt;/b&gt;: ATOF event streams and ATIF trajectory files.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Where to look&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Timeline&lt;/b&gt;: every request of the run; double-click one for its waterfall. &lt;b&gt;Stacks&lt;/b&gt;: where the time goes, self and total, p95. &lt;b&gt;Slow requests&lt;/b&gt;: the outliers, one click from their waterfall. &lt;b&gt;Tokens&lt;/b&gt;: token use per call. &lt;b&gt;Compare&lt;/b&gt;: two runs side by side, quality with paired statistics. &lt;b&gt;Sizing&lt;/b&gt;: how many GPUs N users need.&lt;/p&gt;&lt;p&gt;Press F1 for the keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ne açılır&lt;/h3&gt;&lt;p&gt;Bir klasörü ya da dosyayı &lt;b&gt;Dosya &amp;gt; Klasör içe aktar&lt;/b&gt; (Ctrl+O), &lt;b&gt;Dosya içe aktar&lt;/b&gt; ile içe aktarın ya da pencereye bırakın. Her içe aktarma &lt;b&gt;Çalıştırmalar&lt;/b&gt; listesinde bir çalıştırma olur; hepsi &lt;tt&gt;spanscope-cli&lt;/tt&gt; komutunun da okuduğu tek bir çalışma alanı dosyasında (&lt;tt&gt;.spanscope&lt;/tt&gt;) durur.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;NAT eval klasörleri&lt;/b&gt;: &lt;tt&gt;nat eval --config_file CONFIG&lt;/tt&gt;, yapılandırmadaki &lt;tt&gt;eval.general.output_dir&lt;/tt&gt; ile adlandırılan klasörü yazar (çoğu zaman &lt;tt&gt;.tmp/nat/examples/&amp;lt;workflow&amp;gt;/eval&lt;/tt&gt;); içinde &lt;tt&gt;workflow_output.json&lt;/tt&gt;, değerlendiricilerin &lt;tt&gt;*_output.json&lt;/tt&gt; dosyaları ve profilleyici açıksa &lt;tt&gt;all_requests_profiler_traces.json&lt;/tt&gt; ile &lt;tt&gt;standardized_data_all.csv&lt;/tt&gt; bulunur. Klasörü açın.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Yük testleri&lt;/b&gt;: &lt;tt&gt;nat sizing calc --calc_output_dir DIR&lt;/tt&gt;, &lt;tt&gt;calc_runner_output.json&lt;/tt&gt; ve her eşzamanlılık için bir eval klasörüyle &lt;tt&gt;DIR/online/job_&amp;lt;time&amp;gt;/&lt;/tt&gt; (ya da &lt;tt&gt;offline&lt;/tt&gt;) yazar. İş klasörünü açın; &lt;b&gt;Boyutlandırma&lt;/b&gt; sekmesi eşzamanlılığa karşı p95&apos;i ve gereken GPU&apos;ları gösterir.&lt;/li&gt;&lt;li&gt;&lt;b&gt;OpenTelemetry izleri&lt;/b&gt;: collector&apos;ın file exporter çıktısı (JSON satırları, isteğe bağlı zstd), OTLP JSON, Jaeger ve Zipkin JSON, Phoenix dışa aktarımları.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ajan yörüngeleri&lt;/b&gt;: ATOF olay akışları ve ATIF yörünge dosyaları.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Nereye bakılır&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Zaman çizelgesi&lt;/b&gt;: çalıştırmanın her isteği; şelalesi için birine çift tıklayın. &lt;b&gt;Yığınlar&lt;/b&gt;: zamanın nereye gittiği, kendi ve toplam, p95. &lt;b&gt;Yavaş istekler&lt;/b&gt;: aykırı olanlar, şelalelerine bir tık uzakta. &lt;b&gt;Tokenlar&lt;/b&gt;: çağrı başına token kullanımı. &lt;b&gt;Karşılaştır&lt;/b&gt;: iki çalıştırma yan yana, eşli istatistiklerle kalite. &lt;b&gt;Boyutlandırma&lt;/b&gt;: N kullanıcının kaç GPU&apos;ya ihtiyacı olduğu.&lt;/p&gt;&lt;p&gt;Klavye kısayolları için F1&apos;e basın.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spanscope %1&lt;/h2&gt;&lt;p&gt;Where an LLM agent&apos;s time, tokens and quality go: NAT eval folders, load tests and OpenTelemetry traces in one workspace.&lt;/p&gt;&lt;p&gt;Released under the MIT licence.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;%2&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Spanscope %1&lt;/h2&gt;&lt;p&gt;Bir LLM ajanının zamanı, tokenları ve kalitesi nereye gidiyor: NAT eval klasörleri, yük testleri ve OpenTelemetry izleri tek bir çalışma alanında.&lt;/p&gt;&lt;p&gt;MIT lisansıyla yayımlanmıştır.&lt;/p&gt;&lt;h3&gt;Kütüphaneler&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;%2&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>spanscope::InspectorView</name>
    <message>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Olay</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Öznitelikler</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Olaylar</translation>
    </message>
    <message>
        <source>Input / output</source>
        <translation>Girdi / çıktı</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a span to inspect it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;İncelemek için bir span seçin.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>no timing in the source</source>
        <translation>kaynakta zamanlama yok</translation>
    </message>
    <message>
        <source> &amp;middot; &lt;font color=#d32f2f&gt;error&lt;/font&gt;</source>
        <translation> &amp;middot; &lt;font color=#d32f2f&gt;hata&lt;/font&gt;</translation>
    </message>
    <message>
        <source>request</source>
        <translation>istek</translation>
    </message>
    <message>
        <source> (starts at %1)</source>
        <translation> (%1 anında başlar)</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>süre</translation>
    </message>
    <message>
        <source>self time</source>
        <translation>kendi süresi</translation>
    </message>
    <message>
        <source>starts at</source>
        <translation>başlangıç</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>input tokens</source>
        <translation>giriş tokenları</translation>
    </message>
    <message>
        <source>output tokens</source>
        <translation>çıkış tokenları</translation>
    </message>
    <message>
        <source>streamed chunks</source>
        <translation>akışla gelen parçalar</translation>
    </message>
    <message>
        <source>time to first chunk</source>
        <translation>ilk parçaya kadar süre</translation>
    </message>
    <message>
        <source>error</source>
        <translation>hata</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>bitmemiş</translation>
    </message>
    <message>
        <source>orphan (parent not in the trace)</source>
        <translation>öksüz (üst span izde yok)</translation>
    </message>
    <message>
        <source>ended before it started (end set to start)</source>
        <translation>başlamadan bitmiş (bitiş başlangıca eşitlendi)</translation>
    </message>
    <message>
        <source>inner LLM call (tokens counted once)</source>
        <translation>iç LLM çağrısı (tokenlar bir kez sayılır)</translation>
    </message>
    <message>
        <source>start unknown (only its END was recorded)</source>
        <translation>başlangıcı bilinmiyor (yalnızca END kaydedilmiş)</translation>
    </message>
    <message>
        <source>no timing in the source (placed at its parent&apos;s start)</source>
        <translation>kaynakta zamanlama yok (üst spanın başlangıcına konur)</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>işaretler</translation>
    </message>
    <message>
        <source>span id</source>
        <translation>span kimliği</translation>
    </message>
    <message>
        <source>parent id</source>
        <translation>üst span kimliği</translation>
    </message>
    <message>
        <source>trace id</source>
        <translation>iz kimliği</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>öznitelikler</translation>
    </message>
    <message>
        <source>Events (%L1)</source>
        <translation>Olaylar (%L1)</translation>
    </message>
    <message>
        <source>Events (%L1 chunks)</source>
        <translation>Olaylar (%L1 parça)</translation>
    </message>
    <message>
        <source>Events (%L1 + %L2 chunks)</source>
        <translation>Olaylar (%L1 + %L2 parça)</translation>
    </message>
    <message>
        <source>Input / output (%1)</source>
        <translation>Girdi / çıktı (%1)</translation>
    </message>
    <message>
        <source>Input / output (none)</source>
        <translation>Girdi / çıktı (yok)</translation>
    </message>
    <message>
        <source>first chunk</source>
        <translation>ilk parça</translation>
    </message>
    <message>
        <source>chunk %L1</source>
        <translation>parça %L1</translation>
    </message>
    <message>
        <source>… %L1 more chunks</source>
        <translation>… %L1 parça daha</translation>
    </message>
    <message>
        <source>first of %L1 chunks</source>
        <translation>%L1 parçanın ilki</translation>
    </message>
    <message>
        <source>This span has no recorded input or output.</source>
        <translation>Bu spanın kaydedilmiş girdisi ya da çıktısı yok.</translation>
    </message>
    <message>
        <source>Span fields</source>
        <translation>Span alanları</translation>
    </message>
    <message>
        <source>Span events</source>
        <translation>Span olayları</translation>
    </message>
    <message>
        <source>Span input and output</source>
        <translation>Span girdisi ve çıktısı</translation>
    </message>
</context>
<context>
    <name>spanscope::LaunchPaths</name>
    <message>
        <source>One workspace at a time: %1 and %2 given.</source>
        <translation>Bir seferde tek çalışma alanı: %1 ve %2 verildi.</translation>
    </message>
</context>
<context>
    <name>spanscope::LeaderboardModel</name>
    <message>
        <source>Id</source>
        <translation>Kimlik</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Çalıştırma</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>İçe aktarıldı</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>p50 (s)</source>
        <translation>p50 (s)</translation>
    </message>
    <message>
        <source>p95 (s)</source>
        <translation>p95 (s)</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM çağrıları</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Giriş tokenları</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Çıkış tokenları</translation>
    </message>
</context>
<context>
    <name>spanscope::LeaderboardPane</name>
    <message>
        <source>Best value of each column in bold green. Select two runs to compare them, or several runs of traces to size from them</source>
        <translation>Her sütunun en iyi değeri kalın yeşil. Karşılaştırmak için iki çalıştırma, boyutlandırmak için birkaç iz çalıştırması seçin</translation>
    </message>
    <message>
        <source>Compare the two selected</source>
        <translation>Seçilen ikisini karşılaştır</translation>
    </message>
    <message>
        <source>Size from the selected runs</source>
        <translation>Seçilen çalıştırmalardan boyutlandır</translation>
    </message>
    <message>
        <source>A = run %1 (baseline), B = run %2</source>
        <translation>A = çalıştırma %1 (temel), B = çalıştırma %2</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) selected</source>
        <translation>
            <numerusform>%n çalıştırma seçildi</numerusform>
        </translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Sıralama</translation>
    </message>
</context>
<context>
    <name>spanscope::LivePanel</name>
    <message>
        <source>OTLP endpoint</source>
        <translation>OTLP uç noktası</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <source>Copy the endpoint</source>
        <translation>Uç noktayı kopyala</translation>
    </message>
    <message>
        <source>Stop receiving</source>
        <translation>Almayı durdur</translation>
    </message>
    <message>
        <source>Send OTLP/HTTP traces (protobuf or JSON) to:</source>
        <translation>OTLP/HTTP izlerini (protobuf ya da JSON) şuraya gönderin:</translation>
    </message>
    <message>
        <source>NAT: a tracing exporter (general.telemetry.tracing) with _type: otelcollector and the endpoint above.
OpenTelemetry SDKs: OTEL_EXPORTER_OTLP_ENDPOINT set to
%1</source>
        <translation>NAT: _type: otelcollector ve yukarıdaki uç nokta ile bir izleme dışa aktarıcısı (general.telemetry.tracing).
OpenTelemetry SDK&apos;leri: OTEL_EXPORTER_OTLP_ENDPOINT değeri
%1</translation>
    </message>
    <message>
        <source>OTEL_EXPORTER_OTLP_ENDPOINT=%1
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (or http/json)</source>
        <translation>OTEL_EXPORTER_OTLP_ENDPOINT=%1
OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (ya da http/json)</translation>
    </message>
    <message>
        <source>Receiving: %L1 spans in %L2 requests, %3 spans/s</source>
        <translation>Alınıyor: %L2 istekte %L1 span, saniyede %3 span</translation>
    </message>
    <message>
        <source>; %L1 spans rejected (invalid ids)</source>
        <translation>; %L1 span reddedildi (geçersiz kimlikler)</translation>
    </message>
    <message>
        <source>; %L1 requests refused</source>
        <translation>; %L1 istek geri çevrildi</translation>
    </message>
    <message>
        <source>Stopped: the workspace could not take more spans: %1</source>
        <translation>Durdu: çalışma alanı daha fazla span alamadı: %1</translation>
    </message>
    <message>
        <source>Stopping: committing what arrived and linking the run…</source>
        <translation>Durduruluyor: gelenler kaydediliyor ve çalıştırma bağlanıyor…</translation>
    </message>
    <message>
        <source>Stopped: %L1 spans in %L2 requests kept in the run.</source>
        <translation>Durdu: %L2 istekte %L1 span çalıştırmada tutuldu.</translation>
    </message>
</context>
<context>
    <name>spanscope::LiveSession</name>
    <message>
        <source>live %1</source>
        <translation>canlı %1</translation>
    </message>
</context>
<context>
    <name>spanscope::MainWindow</name>
    <message>
        <source>Cannot open the workspace %1:
%2</source>
        <translation>%1 çalışma alanı açılamıyor:
%2</translation>
    </message>
    <message>
        <source>Spanscope — %1</source>
        <translation>Spanscope — %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zaman çizelgesi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>%1: unchanged since it was imported</source>
        <translation>%1: içe aktarıldığından beri değişmemiş</translation>
    </message>
    <message>
        <source>%1: imported 1 run</source>
        <translation>%1: 1 çalıştırma içe aktarıldı</translation>
    </message>
    <message>
        <source>%1: imported %L2 runs</source>
        <translation>%1: %L2 çalıştırma içe aktarıldı</translation>
    </message>
    <message>
        <source>%1
  %2</source>
        <translation>%1
  %2</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Çalışma alanı</translation>
    </message>
    <message>
        <source>Could not read the run: %1</source>
        <translation>Çalıştırma okunamadı: %1</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Çalıştırmalar</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>İnceleyici</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>kritik yol</translation>
    </message>
    <message>
        <source>%1 on it, %2% of the request</source>
        <translation>%1 üzerinde, isteğin %%2 kadarı</translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation>Yığınlar</translation>
    </message>
    <message>
        <source>Slow requests</source>
        <translation>Yavaş istekler</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenlar</translation>
    </message>
    <message>
        <source>Could not analyse the run: %1</source>
        <translation>Çalıştırma çözümlenemedi: %1</translation>
    </message>
    <message>
        <source>the critical path</source>
        <translation>kritik yol</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>&amp;Klasör içe aktar…</translation>
    </message>
    <message>
        <source>Import f&amp;ile…</source>
        <translation>D&amp;osya içe aktar…</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Yeni çalışma alanı…</translation>
    </message>
    <message>
        <source>Open &amp;workspace…</source>
        <translation>Çalışma &amp;alanı aç…</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Son kullanılanlar</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Pencereyi &amp;kapat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;k</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>Requests (a lane group each)</source>
        <translation>İstekler (her biri bir şerit grubu)</translation>
    </message>
    <message>
        <source>Packed by concurrency</source>
        <translation>Eşzamanlılığa göre sıkıştırılmış</translation>
    </message>
    <message>
        <source>Waterfall of the selected request</source>
        <translation>Seçili isteğin şelalesi</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>Sığdır</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Git</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>Çalıştır&amp;malar</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>İs&amp;tekler</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>&amp;Görünümler</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>İ&amp;nceleyici</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Bir içe aktarma sürüyor; bitmesini bekleyin ya da önce onu iptal edin.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 içe aktarılıyor…</translation>
    </message>
    <message>
        <source>%1 paths</source>
        <translation>%1 yol</translation>
    </message>
    <message>
        <source>Writing the demo data…</source>
        <translation>Tanıtım verisi yazılıyor…</translation>
    </message>
    <message>
        <source>Could not write the demo data: %1</source>
        <translation>Tanıtım verisi yazılamadı: %1</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Tanıtım verisi</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Import cancelled: nothing of it was kept.</source>
        <translation>İçe aktarma iptal edildi: hiçbir parçası tutulmadı.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>İçe aktarma başarısız</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) could not be imported; the workspace is as it was before them.</source>
        <translation>
            <numerusform>%n yol içe aktarılamadı; çalışma alanı onlardan önceki hâlinde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a folder (NAT runs, trace dumps, found recursively)</source>
        <translation>Bir klasör içe aktar (NAT çalıştırmaları, iz dökümleri, alt klasörlerde de aranır)</translation>
    </message>
    <message>
        <source>Import a trace file</source>
        <translation>Bir iz dosyası içe aktar</translation>
    </message>
    <message>
        <source>Trace dumps (*.json *.jsonl *.zst *.csv);;All files (*)</source>
        <translation>İz dökümleri (*.json *.jsonl *.zst *.csv);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Bir çalışma alanı aç</translation>
    </message>
    <message>
        <source>Spanscope workspaces (*.spanscope);;All files (*)</source>
        <translation>Spanscope çalışma alanları (*.spanscope);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Yeni çalışma alanı</translation>
    </message>
    <message>
        <source>Spanscope workspaces (*.spanscope)</source>
        <translation>Spanscope çalışma alanları (*.spanscope)</translation>
    </message>
    <message>
        <source>%1 workspace windows are open.</source>
        <translation>%1 çalışma alanı penceresi açık.</translation>
    </message>
    <message>
        <source>An import is running; quitting cancels it and keeps nothing of it.</source>
        <translation>Bir içe aktarma sürüyor; çıkmak onu iptal eder ve hiçbir parçasını tutmaz.</translation>
    </message>
    <message>
        <source>Quit Spanscope</source>
        <translation>Spanscope&apos;tan çık</translation>
    </message>
    <message>
        <source>Quit Spanscope?</source>
        <translation>Spanscope&apos;tan çıkılsın mı?</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Çalışma alanı aç</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 açılamıyor:
%2</translation>
    </message>
    <message>
        <source>Already receiving at %1</source>
        <translation>Zaten %1 adresinde alınıyor</translation>
    </message>
    <message>
        <source>Cannot receive live traces: %1</source>
        <translation>Canlı izler alınamıyor: %1</translation>
    </message>
    <message>
        <source>Receive live traces</source>
        <translation>Canlı izleri al</translation>
    </message>
    <message>
        <source>Live traces</source>
        <translation>Canlı izler</translation>
    </message>
    <message>
        <source>Stopped receiving: %L1 spans kept.</source>
        <translation>Alma durdu: %L1 span tutuldu.</translation>
    </message>
    <message>
        <source>Receiving live traces at %1</source>
        <translation>Canlı izler %1 adresinde alınıyor</translation>
    </message>
    <message>
        <source>Port on this machine to receive OTLP/HTTP traces on (4318 is OTLP/HTTP&apos;s; 0 picks a free one):</source>
        <translation>OTLP/HTTP izlerinin alınacağı bu makinedeki bağlantı noktası (4318 OTLP/HTTP&apos;nin; 0 boş birini seçer):</translation>
    </message>
    <message>
        <source>Receive &amp;live traces…</source>
        <translation>&amp;Canlı izleri al…</translation>
    </message>
</context>
<context>
    <name>spanscope::NatOperationsView</name>
    <message>
        <source>Operation</source>
        <translation>İşlem</translation>
    </message>
    <message>
        <source>NAT calls</source>
        <translation>NAT çağrıları</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Ölçülen</translation>
    </message>
    <message>
        <source>NAT mean (s)</source>
        <translation>NAT ortalama (s)</translation>
    </message>
    <message>
        <source>NAT p95 (s)</source>
        <translation>NAT p95 (s)</translation>
    </message>
    <message>
        <source>NAT p99 (s)</source>
        <translation>NAT p99 (s)</translation>
    </message>
    <message>
        <source>Peak concurrency</source>
        <translation>En yüksek eşzamanlılık</translation>
    </message>
    <message>
        <source>NAT score</source>
        <translation>NAT puanı</translation>
    </message>
    <message>
        <source>This run carries no NAT simple stack analysis (workflow_profiling_metrics.json, simple_stack_analysis).</source>
        <translation>Bu çalıştırmada NAT basit yığın analizi yok (workflow_profiling_metrics.json, simple_stack_analysis).</translation>
    </message>
    <message>
        <source>NAT&apos;s per-operation bottleneck report, highest score first, beside the same figures Spanscope measured from the run&apos;s finished LLM and tool calls; a difference means NAT counted other calls.</source>
        <translation>NAT&apos;ın işlem başına darboğaz raporu, en yüksek puan önce; yanında Spanscope&apos;un çalıştırmanın biten LLM ve araç çağrılarından ölçtüğü aynı değerler. Bir fark, NAT&apos;ın başka çağrıları saydığı anlamına gelir.</translation>
    </message>
    <message>
        <source>NAT&apos;s operations</source>
        <translation>NAT&apos;ın işlemleri</translation>
    </message>
</context>
<context>
    <name>spanscope::NatPatternsView</name>
    <message>
        <source>Call sequence</source>
        <translation>Çağrı dizisi</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Çağrılar</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Görülme</translation>
    </message>
    <message>
        <source>NAT coverage</source>
        <translation>NAT kapsamı</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Ölçülen</translation>
    </message>
    <message>
        <source>Mean duration (s)</source>
        <translation>Ortalama süre (s)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>This run carries no NAT call patterns (workflow_profiling_metrics.json, prefix_span_analysis, written when the profiler&apos;s prefix_span_analysis is enabled).</source>
        <translation>Bu çalıştırmada NAT çağrı örüntüsü yok (workflow_profiling_metrics.json, prefix_span_analysis; profilleyicinin prefix_span_analysis seçeneği açıkken yazılır).</translation>
    </message>
    <message>
        <source>The call sequences NAT&apos;s PrefixSpan analysis found recurring across requests (calls in order, others may come between), with the share of requests that hold each. &quot;Measured&quot; is the share of this run&apos;s requests whose LLM and tool calls show the same sequence, matched by name (NAT also matches the start of each prompt, so its share can be lower).</source>
        <translation>NAT&apos;ın PrefixSpan analizinin istekler arasında yinelenen bulduğu çağrı dizileri (çağrılar sırayla, araya başkaları girebilir) ve her birini içeren isteklerin payı. “Ölçülen”, bu çalıştırmada LLM ve araç çağrıları aynı diziyi ada göre eşleşerek gösteren isteklerin payıdır (NAT her istemin başını da eşleştirir, bu yüzden onun payı daha düşük olabilir).</translation>
    </message>
    <message>
        <source>NAT&apos;s call patterns</source>
        <translation>NAT&apos;ın çağrı örüntüleri</translation>
    </message>
</context>
<context>
    <name>spanscope::NatPredictionsView</name>
    <message>
        <source>Path</source>
        <translation>Yol</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>LLM çağrısı</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Örnekler</translation>
    </message>
    <message>
        <source>Calls to come</source>
        <translation>Gelecek çağrılar</translation>
    </message>
    <message>
        <source>Next call in (ms)</source>
        <translation>Sonraki çağrıya (ms)</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Çıkış tokenları</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Duyarlılık</translation>
    </message>
    <message>
        <source>Measured calls</source>
        <translation>Ölçülen çağrılar</translation>
    </message>
    <message>
        <source>On critical path</source>
        <translation>Kritik yolda</translation>
    </message>
    <message>
        <source>Share of request</source>
        <translation>İstekteki payı</translation>
    </message>
    <message>
        <source>This run carries no NAT prediction trie. NAT 1.5 and later write prediction_trie.json when the profiler&apos;s prediction_trie is enabled.</source>
        <translation>Bu çalıştırmada NAT tahmin ağacı yok. NAT 1.5 ve sonrası, profilleyicinin prediction_trie seçeneği açıkken prediction_trie.json yazar.</translation>
    </message>
    <message>
        <source>What NAT&apos;s profiler predicts for each LLM call of %1, by its place in the call hierarchy, for Dynamo&apos;s router: the calls still to come after it, the time to the next, its output tokens, and how sensitive to latency the call is (1 to 5, from its critical-path, fan-out and position weights). Means over the samples. Beside them, the run&apos;s own LLM calls at the same place: how many, how much of their time lies on their request&apos;s critical path (what the request waited on), and the mean share of the request&apos;s latency one takes (what NAT weighs as critical).</source>
        <translation>NAT profilleyicisinin, Dynamo yönlendiricisi için %1 içindeki her LLM çağrısına dair çağrı hiyerarşisindeki yerine göre tahmini: ondan sonra gelecek çağrılar, bir sonrakine kadar geçen süre, çıkış tokenları ve çağrının gecikmeye ne kadar duyarlı olduğu (1&apos;den 5&apos;e, kritik yol, yayılım ve konum ağırlıklarından). Örnekler üzerinden ortalamalar. Yanlarında, çalıştırmanın aynı yerdeki kendi LLM çağrıları: kaç tane oldukları, sürelerinin ne kadarının isteklerinin kritik yolunda olduğu (isteğin beklediği) ve birinin isteğin gecikmesinden ortalama aldığı pay (NAT&apos;ın kritik diye tarttığı).</translation>
    </message>
    <message>
        <source>the workflow</source>
        <translation>iş akışı</translation>
    </message>
    <message>
        <source>any</source>
        <translation>herhangi</translation>
    </message>
    <message>
        <source>NAT&apos;s call predictions</source>
        <translation>NAT&apos;ın çağrı tahminleri</translation>
    </message>
</context>
<context>
    <name>spanscope::OverviewPane</name>
    <message>
        <source>Filter items by id, question or answer</source>
        <translation>Öğeleri kimlik, soru ya da cevaba göre süz</translation>
    </message>
    <message>
        <source>Show all scores</source>
        <translation>Tüm puanları göster</translation>
    </message>
    <message>
        <source>Double-click an item to open its request&apos;s waterfall</source>
        <translation>İsteğin şelalesini açmak için bir öğeye çift tıklayın</translation>
    </message>
    <message>
        <source>No run selected.</source>
        <translation>Seçili çalıştırma yok.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Gecikme</translation>
    </message>
    <message>
        <source>p50 %1, p95 %2, max %3</source>
        <translation>p50 %1, p95 %2, en çok %3</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM çağrıları</translation>
    </message>
    <message>
        <source>%1, p50 %2, p95 %3</source>
        <translation>%1, p50 %2, p95 %3</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenlar</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 giriş, %2 çıkış</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spanlar</translation>
    </message>
    <message>
        <source>%1, %2 unfinished, %3 with errors</source>
        <translation>%1, %2 bitmemiş, %3 hatalı</translation>
    </message>
    <message>
        <source> (%1% of prompt tokens cached, %L2 reasoning tokens)</source>
        <translation> (istem tokenlarının %%1 kadarı önbellekten, %L2 akıl yürütme tokenı)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modeller</translation>
    </message>
    <message>
        <source>mean %1 over %2 items (the evaluator reported %3)</source>
        <translation>%2 öğe üzerinde ortalama %1 (değerlendiricinin bildirdiği %3)</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Eşzamanlılık</translation>
    </message>
    <message>
        <source>%1 (the max_concurrency NAT ran it at)</source>
        <translation>%1 (NAT&apos;ın çalıştırdığı max_concurrency)</translation>
    </message>
    <message>
        <source>Dynamo</source>
        <translation>Dynamo</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;The inference server&apos;s metrics, as NAT read them.&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Çıkarım sunucusunun ölçümleri, NAT&apos;ın okuduğu şekliyle.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Sizing points</source>
        <translation>Boyutlandırma noktaları</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;The Sizing tab fits them for any target.&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Boyutlandırma sekmesi bunları her hedef için uydurur.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dosyalar</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Öğe</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Soru</translation>
    </message>
    <message>
        <source>Generated answer</source>
        <translation>Üretilen cevap</translation>
    </message>
    <message>
        <source>Latency (s)</source>
        <translation>Gecikme (s)</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Giriş tokenları</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Çıkış tokenları</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
    <message>
        <source>The workflow failed on this item: %1</source>
        <translation>İş akışı bu öğede başarısız oldu: %1</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puan</translation>
    </message>
    <message>
        <source>items</source>
        <translation>öğeler</translation>
    </message>
    <message>
        <source>Click a bar to list its items</source>
        <translation>Öğelerini listelemek için bir çubuğa tıklayın</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 / %2 öğe</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Question&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Soru&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reference answer&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Referans cevap&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Generated answer&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Üretilen cevap&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;&lt;font color=#c62828&gt;The workflow failed on this item&lt;/font&gt;&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;&lt;font color=#c62828&gt;İş akışı bu öğede başarısız oldu&lt;/font&gt;&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dataset fields&lt;/b&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Veri kümesi alanları&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Filter evaluation items</source>
        <translation>Değerlendirme öğelerini süz</translation>
    </message>
    <message>
        <source>Evaluation items</source>
        <translation>Değerlendirme öğeleri</translation>
    </message>
    <message>
        <source>Item details</source>
        <translation>Öğe ayrıntıları</translation>
    </message>
</context>
<context>
    <name>spanscope::RecentMenu</name>
    <message>
        <source>Workspace: %1</source>
        <translation>Çalışma alanı: %1</translation>
    </message>
    <message>
        <source>Import again: %1</source>
        <translation>Yeniden içe aktar: %1</translation>
    </message>
</context>
<context>
    <name>spanscope::RequestsPanel</name>
    <message>
        <source>Filter: name, item, span, model…</source>
        <translation>Süz: ad, öğe, span, model…</translation>
    </message>
    <message>
        <source>Requests whose name, session, trace or item id, or any of whose spans&apos; names, models or attributes contain the text</source>
        <translation>Adı, oturumu, iz ya da öğe kimliği veya spanlarından birinin adı, modeli ya da öznitelikleri metni içeren istekler</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>≥ </source>
        <translation>≥ </translation>
    </message>
    <message>
        <source>Only requests lasting at least this long: the slow outliers</source>
        <translation>Yalnızca en az bu kadar süren istekler: yavaş aykırılar</translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation>süzülüyor…</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 / %L2</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 istek</translation>
    </message>
    <message>
        <source>%L1 requests</source>
        <translation>%L1 istek</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>İstekleri süz</translation>
    </message>
    <message>
        <source>Minimum request duration</source>
        <translation>En kısa istek süresi</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
</context>
<context>
    <name>spanscope::RunListModel</name>
    <message>
        <source>Could not remove the run: %1</source>
        <translation>Çalıştırma kaldırılamadı: %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Çalıştırma</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>İçe aktarıldı</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spanlar</translation>
    </message>
    <message>
        <source>Could not rename the run: %1</source>
        <translation>Çalıştırma yeniden adlandırılamadı: %1</translation>
    </message>
</context>
<context>
    <name>spanscope::RunsPanel</name>
    <message>
        <source>Rename</source>
        <translation>Yeniden adlandır</translation>
    </message>
    <message>
        <source>Remove from workspace…</source>
        <translation>Çalışma alanından kaldır…</translation>
    </message>
    <message>
        <source>Remove run</source>
        <translation>Çalıştırmayı kaldır</translation>
    </message>
    <message>
        <source>Remove the run “%1” and all its spans from the workspace? The files it was imported from are not touched.</source>
        <translation>“%1” çalıştırması ve tüm spanları çalışma alanından kaldırılsın mı? İçe aktarıldığı dosyalara dokunulmaz.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Çalıştırmalar</translation>
    </message>
</context>
<context>
    <name>spanscope::SessionTableModel</name>
    <message>
        <source>Summed latency above Q3 + 1.5 IQR of the sessions</source>
        <translation>Oturumların Q3 + 1,5 IQR değerinin üstünde toplam gecikme</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Oturum</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>İlk başlangıç</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Kapsam</translation>
    </message>
    <message>
        <source>Summed latency</source>
        <translation>Toplam gecikme</translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>En yavaş</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenlar</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
</context>
<context>
    <name>spanscope::SessionsPane</name>
    <message>
        <source>request start (s from the run&apos;s start)</source>
        <translation>istek başlangıcı (çalıştırmanın başından s)</translation>
    </message>
    <message>
        <source>latency (s)</source>
        <translation>gecikme (s)</translation>
    </message>
    <message>
        <source>Click a point to open its request&apos;s waterfall with the critical path; drag a box to list the requests in it; the wheel zooms</source>
        <translation>Kritik yoluyla birlikte isteğin şelalesini açmak için bir noktaya tıklayın; içindeki istekleri listelemek için bir kutu sürükleyin; tekerlek yakınlaştırır</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>istekler</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Gecikme</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Oturum</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spanlar</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
    <message>
        <source>Double-click opens the request&apos;s waterfall with its critical path</source>
        <translation>Çift tıklama isteğin şelalesini kritik yoluyla açar</translation>
    </message>
    <message>
        <source>This run has no requests.</source>
        <translation>Bu çalıştırmada istek yok.</translation>
    </message>
    <message>
        <source>outliers</source>
        <translation>aykırılar</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>medyan %1</translation>
    </message>
    <message>
        <source>p95 %1</source>
        <translation>p95 %1</translation>
    </message>
    <message>
        <source>%L1 requests%2 · median %3 · p95 %4 · %L5 outliers above %6 (Q3 + 1.5 IQR, ringed)</source>
        <translation>%L1 istek%2 · medyan %3 · p95 %4 · %6 üstünde %L5 aykırı (Q3 + 1,5 IQR, halkalı)</translation>
    </message>
    <message>
        <source> in %L1 sessions (a colour each)</source>
        <translation> %L1 oturumda (her biri bir renk)</translation>
    </message>
    <message>
        <source>forecast %1 s</source>
        <translation>tahmin %1 s</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Oturumlar</translation>
    </message>
    <message>
        <source>Slow requests</source>
        <translation>Yavaş istekler</translation>
    </message>
</context>
<context>
    <name>spanscope::SizingPane</name>
    <message>
        <source>p95 workflow runtime</source>
        <translation>p95 iş akışı süresi</translation>
    </message>
    <message>
        <source>p95 LLM latency</source>
        <translation>p95 LLM gecikmesi</translation>
    </message>
    <message>
        <source>Concurrent users the deployment must serve</source>
        <translation>Dağıtımın hizmet vermesi gereken eşzamanlı kullanıcılar</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The p95 the users may wait (NAT&apos;s target)</source>
        <translation>Kullanıcıların bekleyebileceği p95 (NAT&apos;ın hedefi)</translation>
    </message>
    <message>
        <source>GPUs the load test ran on</source>
        <translation>Yük testinin çalıştığı GPU&apos;lar</translation>
    </message>
    <message>
        <source>&amp;Metric</source>
        <translation>&amp;Ölçüt</translation>
    </message>
    <message>
        <source>Target &amp;users</source>
        <translation>Hedef &amp;kullanıcı</translation>
    </message>
    <message>
        <source>&amp;Budget (p95)</source>
        <translation>&amp;Bütçe (p95)</translation>
    </message>
    <message>
        <source>&amp;GPUs in the test</source>
        <translation>Testteki &amp;GPU&apos;lar</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>eşzamanlılık</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Eşzamanlılık</translation>
    </message>
    <message>
        <source>p95 (s)</source>
        <translation>p95 (s)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Öğeler</translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation>Bütçe aşımı</translation>
    </message>
    <message>
        <source>GPUs (single point)</source>
        <translation>GPU (tek nokta)</translation>
    </message>
    <message>
        <source>NAT&apos;s single point</source>
        <translation>NAT&apos;ın tek noktası</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>Select a NAT sizing-calculator run, or several runs in the leaderboard (each measured at its own concurrency).</source>
        <translation>Bir NAT boyutlandırma hesaplayıcısı çalıştırması ya da sıralama tablosunda birkaç çalıştırma seçin (her biri kendi eşzamanlılığında ölçülmüş).</translation>
    </message>
    <message>
        <source>p95 workflow runtime (s)</source>
        <translation>p95 iş akışı süresi (s)</translation>
    </message>
    <message>
        <source>p95 LLM latency (s)</source>
        <translation>p95 LLM gecikmesi (s)</translation>
    </message>
    <message>
        <source>each item&apos;s time</source>
        <translation>her öğenin süresi</translation>
    </message>
    <message>
        <source>p95 at each concurrency</source>
        <translation>her eşzamanlılıkta p95</translation>
    </message>
    <message>
        <source>outlier: left out of the fit</source>
        <translation>aykırı: uydurmanın dışında bırakıldı</translation>
    </message>
    <message>
        <source>interrupted run (not fitted)</source>
        <translation>kesilen çalıştırma (uydurulmadı)</translation>
    </message>
    <message>
        <source>fit: %1 s + %2 s per concurrency, R² %3</source>
        <translation>uydurma: %1 s + eşzamanlılık başına %2 s, R² %3</translation>
    </message>
    <message>
        <source>fit rejected: %1</source>
        <translation>uydurma reddedildi: %1</translation>
    </message>
    <message>
        <source>budget %1 s</source>
        <translation>bütçe %1 s</translation>
    </message>
    <message>
        <source>within budget up to %1</source>
        <translation>%1 değerine kadar bütçe içinde</translation>
    </message>
    <message>
        <source>interrupted: not fitted</source>
        <translation>kesildi: uydurulmadı</translation>
    </message>
    <message>
        <source>over the budget: no single-point estimate</source>
        <translation>bütçenin üstünde: tek nokta tahmini yok</translation>
    </message>
    <message>
        <source>its eval is run %1</source>
        <translation>eval çalıştırması %1</translation>
    </message>
    <message>
        <source>run %1, at the concurrency NAT ran it at</source>
        <translation>çalıştırma %1, NAT&apos;ın çalıştırdığı eşzamanlılıkta</translation>
    </message>
    <message>
        <source>run %1, concurrency measured from its requests in flight</source>
        <translation>çalıştırma %1, eşzamanlılık aynı anda süren isteklerinden ölçüldü</translation>
    </message>
    <message>
        <source>Within %1 s on %2 GPUs: &lt;b&gt;%3&lt;/b&gt; concurrent users by the fit</source>
        <translation>%2 GPU&apos;da %1 s içinde: uydurmaya göre &lt;b&gt;%3&lt;/b&gt; eşzamanlı kullanıcı</translation>
    </message>
    <message>
        <source>The fitted time does not rise with concurrency (slope %1 s): these points show no load effect, so the line gives no limit</source>
        <translation>Uydurulan süre eşzamanlılıkla artmıyor (eğim %1 s): bu noktalar yük etkisi göstermiyor, bu yüzden doğru bir sınır vermiyor</translation>
    </message>
    <message>
        <source>The fitted line starts at %1 s, over the %2 s budget: no concurrency is within it</source>
        <translation>Uydurulan doğru %1 s&apos;den, yani %2 s bütçesinin üstünden başlıyor: hiçbir eşzamanlılık bütçe içinde değil</translation>
    </message>
    <message>
        <source>Within %1 s on %2 GPUs: no fit to read it from</source>
        <translation>%2 GPU&apos;da %1 s içinde: okunacak bir uydurma yok</translation>
    </message>
    <message>
        <source> (%1 tested within it)</source>
        <translation> (içinde %1 test edildi)</translation>
    </message>
    <message>
        <source>GPUs for %1 users: &lt;b&gt;%2&lt;/b&gt; by the slope method</source>
        <translation>%1 kullanıcı için GPU: eğim yöntemiyle &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Single-point estimate from concurrency %1: %2 GPUs&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 eşzamanlılığından tek nokta tahmini: %2 GPU&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;No fit: %1. NAT gives no slope estimate then.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;Uydurma yok: %1. NAT o zaman eğim tahmini vermez.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#2e7d32&apos;&gt;NAT&apos;s own estimate for these inputs: %1 GPUs, and its per-concurrency estimates: the same.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#2e7d32&apos;&gt;NAT&apos;ın bu girdiler için kendi tahmini: %1 GPU; eşzamanlılık başına tahminleri de aynı.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;NAT&apos;s own estimate for these inputs (%1 GPUs) differs.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;NAT&apos;ın bu girdiler için kendi tahmini (%1 GPU) farklı.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#616161&apos;&gt;NAT estimated %1 GPUs for %2 users on %3 GPUs with a %4 s budget.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#616161&apos;&gt;NAT, %4 s bütçeyle %3 GPU&apos;da %2 kullanıcı için %1 GPU tahmin etti.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#616161&apos;&gt;NAT estimated nothing for this metric (it had no target for it).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#616161&apos;&gt;NAT bu ölçüt için bir şey tahmin etmedi (onun için hedefi yoktu).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sizing metric</source>
        <translation>Boyutlandırma ölçütü</translation>
    </message>
    <message>
        <source>Target users</source>
        <translation>Hedef kullanıcılar</translation>
    </message>
    <message>
        <source>p95 budget in seconds</source>
        <translation>Saniye cinsinden p95 bütçesi</translation>
    </message>
    <message>
        <source>GPUs in the test</source>
        <translation>Testteki GPU&apos;lar</translation>
    </message>
    <message>
        <source>Load-test points</source>
        <translation>Yük testi noktaları</translation>
    </message>
</context>
<context>
    <name>spanscope::StackTableModel</name>
    <message>
        <source>Call path</source>
        <translation>Çağrı yolu</translation>
    </message>
    <message>
        <source>Function / callers</source>
        <translation>İşlev / çağıranlar</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Çağrılar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>Kendi</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Ortalama</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>En çok</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenlar</translation>
    </message>
    <message>
        <source>Max conc.</source>
        <translation>En çok eşz.</translation>
    </message>
</context>
<context>
    <name>spanscope::StacksPane</name>
    <message>
        <source>Total time</source>
        <translation>Toplam süre</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Kendi süresi</translation>
    </message>
    <message>
        <source>Wall-clock share</source>
        <translation>Duvar saati payı</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Çağrılar</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenlar</translation>
    </message>
    <message>
        <source>Box widths: total = the calls&apos; durations; self = less the union of their children (parallel calls each count in full); wall-clock share = each instant shared by the innermost calls running then (adds up to the request&apos;s time); calls; tokens</source>
        <translation>Kutu genişlikleri: toplam = çağrıların süreleri; kendi = çocuklarının birleşimi çıkarılmış hâli (paralel çağrıların her biri tam sayılır); duvar saati payı = her an, o sırada çalışan en içteki çağrılar arasında paylaştırılır (toplamı isteğin süresidir); çağrılar; tokenlar</translation>
    </message>
    <message>
        <source>Highlight paths by name</source>
        <translation>Yolları ada göre vurgula</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Dışa aktar…</translation>
    </message>
    <message>
        <source>Save the flame graph as PNG, SVG or PDF</source>
        <translation>Alev grafiğini PNG, SVG ya da PDF olarak kaydet</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Ağırlık</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>Kendi</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Yol</translation>
    </message>
    <message>
        <source>The selected path&apos;s slowest calls; double-click opens the call in its request&apos;s waterfall</source>
        <translation>Seçili yolun en yavaş çağrıları; çift tıklama çağrıyı isteğinin şelalesinde açar</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Çağrı</translation>
    </message>
    <message>
        <source>NAT subtree</source>
        <translation>NAT alt ağacı</translation>
    </message>
    <message>
        <source>Recomputed</source>
        <translation>Yeniden hesaplanan</translation>
    </message>
    <message>
        <source>NAT self</source>
        <translation>NAT kendi</translation>
    </message>
    <message>
        <source>Self by parent</source>
        <translation>Üst çağrıya göre kendi</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Eşzamanlılık</translation>
    </message>
    <message>
        <source>Top-down</source>
        <translation>Yukarıdan aşağı</translation>
    </message>
    <message>
        <source>Bottom-up</source>
        <translation>Aşağıdan yukarı</translation>
    </message>
    <message>
        <source>Slowest calls</source>
        <translation>En yavaş çağrılar</translation>
    </message>
    <message>
        <source>NAT&apos;s bottlenecks</source>
        <translation>NAT&apos;ın darboğazları</translation>
    </message>
    <message>
        <source>NAT&apos;s operations</source>
        <translation>NAT&apos;ın işlemleri</translation>
    </message>
    <message>
        <source>NAT&apos;s call predictions</source>
        <translation>NAT&apos;ın çağrı tahminleri</translation>
    </message>
    <message>
        <source>NAT&apos;s call patterns</source>
        <translation>NAT&apos;ın çağrı örüntüleri</translation>
    </message>
    <message>
        <source>%L1 paths</source>
        <translation>%L1 yol</translation>
    </message>
    <message>
        <source>&lt;b&gt;all requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;tüm istekler&lt;/b&gt;</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>tüm istekler</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>This run carries no NAT nested-stack analysis.</source>
        <translation>Bu çalıştırmada NAT iç içe yığın analizi yok.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>bulunamadı</translation>
    </message>
    <message>
        <source>NAT&apos;s profiler nests calls by the order of their events, not by their parents: a call that starts while another is open becomes its child even when both ran side by side, so NAT&apos;s self and subtree times (its bottleneck score) differ from the call paths above wherever calls run in parallel. &quot;Recomputed&quot; is NAT&apos;s rule applied to this run&apos;s spans by Spanscope (%L1 calls, concurrency p50 %2, p95 %3); the flame graph and tables above nest by parent.</source>
        <translation>NAT&apos;ın profilleyicisi çağrıları üst çağrılarına göre değil, olaylarının sırasına göre iç içe koyar: biri açıkken başlayan bir çağrı, ikisi yan yana çalışsa bile onun çocuğu olur; bu yüzden NAT&apos;ın kendi ve alt ağaç süreleri (darboğaz puanı), çağrıların paralel çalıştığı her yerde yukarıdaki çağrı yollarından farklıdır. “Yeniden hesaplanan”, NAT&apos;ın kuralının Spanscope tarafından bu çalıştırmanın spanlarına uygulanmış hâlidir (%L1 çağrı, eşzamanlılık p50 %2, p95 %3); yukarıdaki alev grafiği ve tablolar üst çağrıya göre iç içedir.</translation>
    </message>
    <message>
        <source>Export flame graph</source>
        <translation>Alev grafiğini dışa aktar</translation>
    </message>
    <message>
        <source>SVG (*.svg);;PNG (*.png);;PDF (*.pdf)</source>
        <translation>SVG (*.svg);;PNG (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Flame graph weight</source>
        <translation>Alev grafiği ağırlığı</translation>
    </message>
    <message>
        <source>Call paths, top-down</source>
        <translation>Çağrı yolları, yukarıdan aşağı</translation>
    </message>
    <message>
        <source>Functions and their callers, bottom-up</source>
        <translation>İşlevler ve çağıranları, aşağıdan yukarı</translation>
    </message>
</context>
<context>
    <name>spanscope::TimelineMinimap</name>
    <message>
        <source>peak %1 in flight</source>
        <translation>en çok %1 eşzamanlı</translation>
    </message>
</context>
<context>
    <name>spanscope::TimelinePane</name>
    <message>
        <source>Unfinished (%L1)</source>
        <translation>Bitmemiş (%L1)</translation>
    </message>
    <message>
        <source>Span colours by kind: %1</source>
        <translation>Türe göre span renkleri: %1</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>çalışıyor…</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>1 span</translation>
    </message>
    <message>
        <source>%L1 spans</source>
        <translation>%L1 span</translation>
    </message>
    <message>
        <source>in 1 request</source>
        <translation>1 istekte</translation>
    </message>
    <message>
        <source>in %L1 requests</source>
        <translation>%L1 istekte</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>istek %1</translation>
    </message>
    <message>
        <source>%L1 of %L2 requests kept by the Requests filter</source>
        <translation>İstekler süzgecinin tuttuğu %L1 / %L2 istek</translation>
    </message>
    <message>
        <source>%L1 spans of %2 outlined (N / Shift+N)</source>
        <translation>%2 içinde %L1 span belirginleştirildi (N / Shift+N)</translation>
    </message>
    <message>
        <source>no hits for “%1”</source>
        <translation>“%1” için sonuç yok</translation>
    </message>
    <message>
        <source>hit %L1 of %L2 (N / Shift+N)</source>
        <translation>sonuç %L1 / %L2 (N / Shift+N)</translation>
    </message>
    <message>
        <source>1 hit (Enter, N)</source>
        <translation>1 sonuç (Enter, N)</translation>
    </message>
    <message>
        <source>%L1 hits (Enter, N / Shift+N)</source>
        <translation>%L1 sonuç (Enter, N / Shift+N)</translation>
    </message>
    <message>
        <source>&lt;br&gt;streamed %L1 chunks, the first after %2</source>
        <translation>&lt;br&gt;%L1 parça akışla geldi, ilki %2 sonra</translation>
    </message>
</context>
<context>
    <name>spanscope::TimelineView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 &amp;middot; %3 (self %4)&lt;br&gt;starts at %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 &amp;middot; %3 (kendi %4)&lt;br&gt;%5 anında başlar</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;font color=#d32f2f&gt;error&lt;/font&gt;</source>
        <translation>&lt;br&gt;&lt;font color=#d32f2f&gt;hata&lt;/font&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;start unknown:&lt;/b&gt; only its END was recorded, and its framework writes no start there; drawn as an instant at its end.</source>
        <translation>&lt;br&gt;&lt;b&gt;başlangıcı bilinmiyor:&lt;/b&gt; yalnızca END kaydedilmiş ve çatısı oraya bir başlangıç yazmıyor; bitişinde bir an olarak çizilir.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;unfinished:&lt;/b&gt; it started but never ended (no END event). Its end is unknown: drawn to the request&apos;s last event, %1 after its start.</source>
        <translation>&lt;br&gt;&lt;b&gt;bitmemiş:&lt;/b&gt; başladı ama hiç bitmedi (END olayı yok). Sonu bilinmiyor: isteğin son olayına kadar, başlangıcından %1 sonrasına çizilir.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;unfinished:&lt;/b&gt; it started but never ended (no end time). Its end is unknown: drawn as an instant at its start.</source>
        <translation>&lt;br&gt;&lt;b&gt;bitmemiş:&lt;/b&gt; başladı ama hiç bitmedi (bitiş zamanı yok). Sonu bilinmiyor: başlangıcında bir an olarak çizilir.</translation>
    </message>
</context>
<context>
    <name>spanscope::TokensPane</name>
    <message>
        <source>Prompt tokens per LLM call</source>
        <translation>LLM çağrısı başına istem tokenları</translation>
    </message>
    <message>
        <source>Completion tokens per LLM call</source>
        <translation>LLM çağrısı başına tamamlama tokenları</translation>
    </message>
    <message>
        <source>LLM call latency</source>
        <translation>LLM çağrısı gecikmesi</translation>
    </message>
    <message>
        <source>Mean tokens by the call&apos;s place in its request</source>
        <translation>Çağrının isteğindeki sırasına göre ortalama tokenlar</translation>
    </message>
    <message>
        <source>Calls and tokens per minute</source>
        <translation>Dakika başına çağrılar ve tokenlar</translation>
    </message>
    <message>
        <source>Click a bar to list its calls</source>
        <translation>Çağrılarını listelemek için bir çubuğa tıklayın</translation>
    </message>
    <message>
        <source>Click a bar of a token histogram to list its calls.</source>
        <translation>Çağrılarını listelemek için bir token histogramının çubuğuna tıklayın.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>İstem</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Tamamlama</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Double-click opens the call in the timeline</source>
        <translation>Çift tıklama çağrıyı zaman çizelgesinde açar</translation>
    </message>
    <message>
        <source>LLM / prefix</source>
        <translation>LLM / önek</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Çağrılar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Uzunluk</translation>
    </message>
    <message>
        <source>Uniqueness p90</source>
        <translation>Benzersizlik p90</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Token uniqueness and common prefixes</source>
        <translation>Token benzersizliği ve ortak önekler</translation>
    </message>
    <message>
        <source>%L1 LLM calls to %2, %L3 with token counts: %L4 prompt and %L5 completion tokens</source>
        <translation>%2 için %L1 LLM çağrısı, %L3 tanesinde token sayısı var: %L4 istem ve %L5 tamamlama tokenı</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of prompt tokens from the cache</source>
        <translation>İstem tokenlarının %%1 kadarı önbellekten</translation>
    </message>
    <message>
        <source>%L1 reasoning tokens</source>
        <translation>%L1 akıl yürütme tokenı</translation>
    </message>
    <message>
        <source>tokens (logarithmic bins)</source>
        <translation>tokenlar (logaritmik aralıklar)</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>tokenlar</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>çağrılar</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>saniye</translation>
    </message>
    <message>
        <source> forecast mean %1 s, 95%: %2-%3 s</source>
        <translation> tahmin ortalaması %1 s, yüzde 95: %2-%3 s</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>istem</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>tamamlama</translation>
    </message>
    <message>
        <source>LLM call of the request (1st, 2nd, ...)</source>
        <translation>İsteğin LLM çağrısı (1., 2., ...)</translation>
    </message>
    <message>
        <source>mean tokens</source>
        <translation>ortalama token</translation>
    </message>
    <message>
        <source>minute of the run</source>
        <translation>çalıştırmanın dakikası</translation>
    </message>
    <message>
        <source>%L1 calls to %2 with %3 to %4 %5 tokens</source>
        <translation>%2 için %3 ile %4 arası %5 tokenlı %L1 çağrı</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>LLM calls of the selected bar</source>
        <translation>Seçili çubuğun LLM çağrıları</translation>
    </message>
</context>
<context>
    <name>spanscope::TraceTableModel</name>
    <message>
        <source>Request</source>
        <translation>İstek</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spanlar</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM çağrıları</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Giriş tokenları</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Çıkış tokenları</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Hatalar</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Oturum</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
</context>
<context>
    <name>spanscope::WaterfallPair</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;starts at %3, takes %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3 anında başlar, %4 sürer</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Select an item to see its request in A and B side by side</source>
        <translation>A ve B&apos;deki isteğini yan yana görmek için bir öğe seçin</translation>
    </message>
</context>
</TS>
