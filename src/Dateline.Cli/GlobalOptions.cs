using System.CommandLine;
using Dateline.Storage;
using Microsoft.Extensions.Logging;

namespace Dateline.Cli;

/// <summary>Options every command accepts, and what they resolve to.</summary>
internal static class GlobalOptions
{
    public const string DefaultDb = "dateline.db";

    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"The store: a SQLite file, or postgres://user[:password]@host[:port]/database (default: $DATELINE_DB, else ./{DefaultDb})",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what happens (to stderr)",
        Recursive = true,
    };

    public static readonly Option<string> LogFormat = new("--log-format")
    {
        Description = "Log line format on stderr: text or json",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    };

    static GlobalOptions() => LogFormat.AcceptOnlyFromAmong("text", "json");

    /// <summary>The store the user named (--db, else $DATELINE_DB, else ./dateline.db); a URL of an unknown scheme is a usage error.</summary>
    public static string DbPath(ParseResult result)
    {
        var location = result.GetValue(Db) ?? NullIfEmpty(Environment.GetEnvironmentVariable("DATELINE_DB")) ?? DefaultDb;
        return ArticleStores.Problem(location) is { } problem ? throw new UsageException(problem) : location;
    }

    public static Task<IArticleStore> OpenStoreAsync(ParseResult result, CancellationToken ct) =>
        ArticleStores.OpenAsync(DbPath(result), ct);

    public static ILoggerFactory CreateLogging(ParseResult result)
    {
        var level = result.GetValue(Verbose) ? LogLevel.Information : LogLevel.Error;
        var json = result.GetValue(LogFormat) == "json";
        return LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(level);
            if (json)
            {
                b.AddJsonConsole(o => o.IncludeScopes = false);
            }
            else
            {
                b.AddSimpleConsole(o => o.SingleLine = true);
            }

            b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
