using System.Globalization;
using Dateline.Ingestion.Following;
using Spectre.Console;

namespace Dateline.Cli.Rendering;

/// <summary>One poll round of <c>follow</c>: a row per feed, then every skipped item or feed with its reason.</summary>
internal static class FollowView
{
    public static void Write(IReadOnlyList<FeedPollResult> results, string store)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Follow · {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss}")
            .AddColumn("feed").AddColumn("status")
            .AddColumn(new TableColumn("items").RightAligned()).AddColumn(new TableColumn("new").RightAligned())
            .AddColumn(new TableColumn("pages").RightAligned()).AddColumn(new TableColumn("robots").RightAligned())
            .AddColumn(new TableColumn("stored").RightAligned()).AddColumn(new TableColumn("updated").RightAligned())
            .AddColumn(new TableColumn("skipped").RightAligned());
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        foreach (var r in results)
        {
            var status = r.HttpStatus is { } code ? $"{r.Status} ({code})" : r.Status;
            table.AddRow(Markup.Escape(r.FeedUrl), Markup.Escape(status), N(r.Items), N(r.NewItems), N(r.PagesFetched), N(r.PagesBlocked),
                N(r.Inserted), N(r.Updated), N(r.Problems.Count));
        }

        table.Caption($"{Markup.Escape(store)} · {results.Sum(r => r.Elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)} s");
        Terminal.Out.Write(table);
        foreach (var p in results.SelectMany(r => r.Problems))
        {
            Console.Out.WriteLine("  skipped: " + p);
        }
    }
}
