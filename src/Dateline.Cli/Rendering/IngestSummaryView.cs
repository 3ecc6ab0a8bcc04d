using System.Globalization;
using Dateline.Ingestion;
using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>The end-of-ingest report: counts, then every skipped input with its reason.</summary>
internal static class IngestSummaryView
{
    /// <summary>Skipped inputs listed on screen; the rest are counted, and all are in --report.</summary>
    private const int MaxListed = 50;

    public static void Write(IngestSummary s, string store, string? reportPath)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Ingest summary").HideHeaders()
            .AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, long value) => table.AddRow(Markup.Escape(name), value.ToString("N0", CultureInfo.InvariantCulture));
        Row("files found", s.FilesFound);
        Row("files read", s.FilesRead);
        Row("files unchanged since last ingest", s.FilesUnchanged);
        if (s.FilesByOthers > 0)
        {
            Row("files read by other workers", s.FilesByOthers);
        }

        Row("articles read", s.ArticlesRead);
        Row("stored (new)", s.Inserted);
        Row("updated", s.Updated);
        Row("duplicates (already stored)", s.Duplicates);
        Row("skipped", s.Problems.Count);
        table.Caption($"{Markup.Escape(store)} · {s.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                      + (s.Cancelled ? " · [yellow]cancelled[/]" : string.Empty));
        Terminal.Out.Write(table);
        foreach (var (format, skipped) in s.SkippedRecords)
        {
            Console.Out.WriteLine($"{format} records skipped: " + string.Join(", ", skipped.Select(k => $"{k.Key} {k.Value.ToString("N0", CultureInfo.InvariantCulture)}")));
        }

        if (s.Problems.Count > 0)
        {
            Terminal.Out.MarkupLine($"[yellow]Skipped {s.Problems.Count} input(s):[/]");
            foreach (var p in s.Problems.Take(MaxListed))
            {
                Console.Out.WriteLine("  " + p);
            }

            if (s.Problems.Count > MaxListed)
            {
                Console.Out.WriteLine($"  … and {s.Problems.Count - MaxListed} more"
                                       + (reportPath is null ? " (use --report FILE to save them all)" : $" (all in {reportPath})"));
            }
        }
    }
}
