using System.Globalization;
using Dateline.Ingestion.Following;

namespace Dateline.Cli.Rendering;

/// <summary>
/// One poll round of <c>follow</c>: a line per feed (long URLs stay whole and logs stay greppable, which a table
/// wrapped to the terminal width would not), then every skipped item or feed with its reason.
/// </summary>
internal static class FollowView
{
    public static void Write(IReadOnlyList<FeedPollResult> results, string store)
    {
        var stamp = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var r in results)
        {
            var status = r.HttpStatus is { } code ? $"{r.Status} ({code})" : r.Status;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stamp} {r.FeedUrl}: {status}; {r.Items} items, {r.NewItems} new, {r.PagesFetched} pages fetched, " +
                $"{r.PagesBlocked} blocked by robots.txt, {r.Inserted} stored, {r.Updated} updated, {r.Problems.Count} skipped, {r.Elapsed.TotalSeconds:0.0} s"));
            foreach (var p in r.Problems)
            {
                Console.Out.WriteLine("  skipped: " + p);
            }
        }

        Console.Out.WriteLine($"store: {store}");
    }
}
