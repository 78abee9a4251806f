/// The style sheet and script inlined into every report page: no file, font
/// or library is fetched, so a report opens from disk with no network.
enum HTMLAssets {
    static let style: StaticString = """
        :root{color-scheme:light;--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
        main{max-width:68rem;margin:0 auto;padding:1.2rem 1.5rem 3rem}
        nav.top{background:#24292f;color:#fff;padding:.55rem 1.5rem;font-size:14px}
        nav.top a{color:#fff;margin-right:1.2rem;text-decoration:none;font-weight:600}
        nav.top span{color:#afb8c1}
        h1{font-size:1.6rem;margin:.3rem 0 .2rem}
        h2{font-size:1.15rem;margin:0}
        main>h2{margin:1.6rem 0 .5rem}
        h3{font-size:1rem;margin:0 0 .4rem}
        .meta{color:var(--muted);font-size:13px;margin:.15rem 0 .6rem}
        code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--bg);padding:0 .3em;border-radius:4px}
        section.article{border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:1rem 0;scroll-margin-top:1rem}
        section.article:target{box-shadow:0 0 0 3px #54aeff66}
        section.error{border-color:#ff8182;background:#fff5f5}
        .text{white-space:pre-wrap;line-height:2.05;font-size:15.5px}
        mark.e,mark.lg{border-radius:4px;padding:.1em .25em;border-bottom:2px solid;color:inherit}
        mark.e::after,mark.lg::after{content:attr(data-label);font:700 9.5px system-ui,sans-serif;letter-spacing:.03em;margin-left:.3em;vertical-align:.15em;opacity:.75}
        .c0{background:#ffd8a8;border-color:#e8590c}.c1{background:#b2f2bb;border-color:#2f9e44}
        .c2{background:#a5d8ff;border-color:#1971c2}.c3{background:#e5dbff;border-color:#7048e8}
        .c4{background:#ffc9c9;border-color:#e03131}.c5{background:#c3fae8;border-color:#0c8599}
        .c6{background:#fff3bf;border-color:#f08c00}.c7{background:#eebefa;border-color:#ae3ec9}
        span.sb{display:inline-block;font:600 10px ui-monospace,monospace;color:#fff;background:#8c959f;border-radius:8px;padding:0 .4em;margin:0 .3em 0 .1em;line-height:1.5;vertical-align:.2em;user-select:none}
        .kw{margin:.7rem 0 0;font-size:13px;color:var(--muted)}
        .kw span{display:inline-block;background:var(--bg);border:1px solid var(--line);border-radius:12px;padding:0 .6em;margin:.1em .15em;color:var(--ink)}
        .err{color:#82071e}
        .legend{font-size:13px;color:var(--muted)}
        .legend mark{margin-right:.5rem}
        .pager{display:flex;gap:1rem;font-size:14px;margin:.5rem 0}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.8rem;margin:1rem 0}
        .card{border:1px solid var(--line);border-radius:8px;padding:.7rem 1rem;background:var(--bg)}
        .card b{display:block;font-size:1.5rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(26rem,1fr));gap:1rem;align-items:start}
        .chart{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
        .chart svg{display:block;width:100%;height:auto}
        .chart text{font:12px system-ui,sans-serif;fill:#1f2328}
        .chart text.n{fill:#57606a}
        input#q{width:100%;font-size:16px;padding:.55rem .8rem;border:1px solid var(--line);border-radius:8px}
        ol#results{padding-left:1.6rem}
        ol#results li{margin:.2rem 0}
        ol#results small{color:var(--muted);margin-left:.5rem}
        table{border-collapse:collapse;font-size:13px}
        td,th{border-bottom:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
        .pages a{display:inline-block;margin:.1rem .35rem .1rem 0}
        """

    /// The index page's search: reads the embedded JSON (never evaluated as
    /// script) and builds result rows with `textContent`, so data never becomes markup.
    static let searchScript: StaticString = """
        (function () {
          var rows = JSON.parse(document.getElementById("report-data").textContent);
          var box = document.getElementById("q"), list = document.getElementById("results"), count = document.getElementById("count");
          for (var i = 0; i < rows.length; i++) {
            rows[i].h = (rows[i].t + "\\n" + rows[i].id + "\\n" + rows[i].e.join("\\n")).toLowerCase();
          }
          function page(n) { var s = String(n); while (s.length < 4) s = "0" + s; return "articles-" + s + ".html"; }
          function show() {
            var q = box.value.trim().toLowerCase(), found = 0;
            list.textContent = "";
            for (var i = 0; i < rows.length; i++) {
              var r = rows[i];
              if (q && r.h.indexOf(q) < 0) continue;
              found++;
              if (found > 200) continue;
              var li = document.createElement("li"), a = document.createElement("a"), small = document.createElement("small");
              a.href = page(r.p) + "#a" + r.i;
              a.textContent = r.t || r.id;
              small.textContent = r.err ? "error: " + r.err : r.n + " entities" + (r.e.length ? ": " + r.e.slice(0, 6).join(", ") : "");
              li.appendChild(a); li.appendChild(small); list.appendChild(li);
            }
            count.textContent = found + (found === 1 ? " article" : " articles") + (q ? " match" : "") + (found > 200 ? " (first 200 shown)" : "");
          }
          box.addEventListener("input", show);
          var hash = decodeURIComponent(location.hash.slice(1));
          if (hash.indexOf("q=") === 0) box.value = hash.slice(2);
          show();
        })();
        """
}
