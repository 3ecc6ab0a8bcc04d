using System.CommandLine;
using Dateline.Extraction.Warc;

namespace Dateline.Cli.Commands;

/// <summary><c>ingest</c>'s WARC filters; what they mean is <see cref="WarcFilter"/>'s (the library's), not ours.</summary>
internal sealed class WarcFilterOptions
{
    public Option<string?> From { get; } = new("--from") { Description = "WARC: only records crawled on or after this day (WARC-Date, UTC, YYYY-MM-DD)" };

    public Option<string?> To { get; } = new("--to") { Description = "WARC: only records crawled on or before this day (WARC-Date, UTC, YYYY-MM-DD)" };

    public Option<string[]> Host { get; } = new("--host")
    {
        Description = "WARC: only pages from this host or its subdomains (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Language { get; } = new("--language")
    {
        Description = "WARC: only articles in this language, e.g. en (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Host);
        command.Options.Add(Language);
    }

    public WarcFilter Read(ParseResult result)
    {
        var from = FilterOptions.ParseDate(result.GetValue(From), "--from");
        var to = FilterOptions.ParseDate(result.GetValue(To), "--to");
        if (from > to)
        {
            throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        string[] hosts = result.GetValue(Host) ?? [];
        string[] languages = result.GetValue(Language) ?? [];
        if (hosts.Any(string.IsNullOrWhiteSpace) || languages.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException("--host and --language need a value");
        }

        return new WarcFilter { From = from, To = to, Hosts = [.. hosts], Languages = [.. languages] };
    }
}
