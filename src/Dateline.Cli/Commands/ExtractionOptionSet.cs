using System.CommandLine;
using Dateline.Extraction.Html;
using Dateline.Extraction.Reading;

namespace Dateline.Cli.Commands;

/// <summary>The extraction switches shared by <c>extract</c> and <c>ingest</c>; they map 1:1 onto <see cref="ExtractionOptions"/>.</summary>
internal sealed class ExtractionOptionSet
{
    public Option<string> Favor { get; } = new("--favor")
    {
        Description = "Main-text trade-off: balanced, precision (leave out doubtful blocks) or recall (keep plausible ones)",
        DefaultValueFactory = _ => "balanced",
    };

    public Option<bool> IncludeComments { get; } = new("--include-comments") { Description = "Append reader comments to the article text" };

    public Option<bool> IncludeTables { get; } = new("--include-tables")
    {
        Description = "Keep table rows inside articles (--include-tables false drops them)",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> IncludeLinks { get; } = new("--include-links") { Description = "Report links inside the article text (field links)" };

    public Option<long> MaxDocumentSize { get; } = new("--max-document-size")
    {
        Description = "Largest single-document file (text dump, HTML page) in bytes",
        DefaultValueFactory = _ => ExtractionOptions.Default.MaxDocumentBytes,
    };

    public Option<double> MaxDocumentTime { get; } = new("--max-document-time")
    {
        Description = "Seconds spent parsing one page before it is cut and marked truncated",
        DefaultValueFactory = _ => ExtractionOptions.Default.MaxDocumentTime.TotalSeconds,
    };

    public ExtractionOptionSet() => Favor.AcceptOnlyFromAmong("balanced", "precision", "recall");

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Favor, IncludeComments, IncludeTables, IncludeLinks, MaxDocumentSize, MaxDocumentTime })
        {
            command.Options.Add(o);
        }
    }

    public ExtractionOptions Read(ParseResult result) => ExtractionOptions.Default with
    {
        MaxDocumentBytes = result.GetValue(MaxDocumentSize),
        MaxDocumentTime = TimeSpan.FromSeconds(Math.Max(0.001, result.GetValue(MaxDocumentTime))),
        MainText = new MainTextOptions
        {
            Favor = result.GetValue(Favor) switch
            {
                "precision" => ExtractionFavor.Precision,
                "recall" => ExtractionFavor.Recall,
                _ => ExtractionFavor.Balanced,
            },
            IncludeComments = result.GetValue(IncludeComments),
            IncludeTables = result.GetValue(IncludeTables),
            IncludeLinks = result.GetValue(IncludeLinks),
        },
    };
}
