namespace Hltad.Reports;

/// <summary>The inline stylesheet and script of the report page.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1f2430; --muted: #5b6270; --rule: #d9dde5; --band: #f4f6f9; --accent: #4c72b0; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1560px; padding: 24px 32px 64px; color: var(--ink);
               font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; background: #fff; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        .lead { font-size: 16px; color: var(--muted); margin: 0; }
        .generated { font-size: 13px; color: var(--muted); margin: 4px 0 0; }
        nav ul { columns: 3; margin: 0; padding-left: 18px; }
        nav a { color: var(--accent); text-decoration: none; }
        nav a:hover { text-decoration: underline; }
        .columns { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
        table { border-collapse: collapse; font-size: 14px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        table.kv th { color: var(--muted); font-weight: normal; }
        table.data thead th { background: var(--band); border-bottom: 2px solid var(--rule); }
        table.data td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.data tbody tr:nth-child(even) { background: #fafbfc; }
        tr.background th, tr.background td { color: var(--muted); }
        .none { color: #a0a6b0; }
        small { color: var(--muted); }
        .gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(680px, 1fr)); gap: 20px; }
        figure { margin: 0; border: 1px solid var(--rule); border-radius: 4px; padding: 8px; background: #fff; }
        figure img { width: 100%; height: auto; display: block; }
        figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
        .path { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; margin-left: 8px; }

        """;

    /// <summary>Marks <c>&lt;body&gt;</c> with the counts of images and of broken ones once the page loads.</summary>
    public const string Script = """
        window.addEventListener("load", function () {
          var images = Array.prototype.slice.call(document.images);
          var broken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; });
          document.body.setAttribute("data-images-total", String(images.length));
          document.body.setAttribute("data-images-broken", String(broken.length));
        });

        """;
}
