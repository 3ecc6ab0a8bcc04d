using System.CommandLine;
using System.Globalization;
using Dateline.Storage;

namespace Dateline.Cli.Commands;

/// <summary>Options shared by several commands (filters), created fresh per command.</summary>
internal sealed class FilterOptions
{
    public Option<string?> From { get; } = new("--from") { Description = "Only articles published on or after this date (YYYY-MM-DD)" };

    public Option<string?> To { get; } = new("--to") { Description = "Only articles published on or before this date (YYYY-MM-DD)" };

    public Option<string?> Source { get; } = new("--source") { Description = "Only articles from this publication (case-insensitive)" };

    public Option<string?> Tag { get; } = new("--tag") { Description = "Only articles the publisher tagged so (feed category, page keyword; case-insensitive)" };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Source);
        command.Options.Add(Tag);
    }

    public ArticleFilter Read(ParseResult result) =>
        new(ParseDate(result.GetValue(From), "--from"), ParseDate(result.GetValue(To), "--to"), result.GetValue(Source), Tag: result.GetValue(Tag));

    internal static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{option} '{value}' is not a date; use YYYY-MM-DD");
    }
}
