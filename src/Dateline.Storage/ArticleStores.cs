using System.Text.RegularExpressions;
using Dateline.Storage.Postgres;
using Dateline.Storage.Sqlite;

namespace Dateline.Storage;

/// <summary>
/// Opens a store from what the user wrote after <c>--db</c> (or in <c>DATELINE_DB</c>): a <c>postgres://</c> or
/// <c>postgresql://</c> URL is a PostgreSQL database; any other <c>scheme://</c> is refused; everything else is the path
/// of a SQLite file.
/// </summary>
public static partial class ArticleStores
{
    /// <summary>Why <paramref name="location"/> cannot name a store (an unknown URL scheme), or null when it can.</summary>
    public static string? Problem(string location)
    {
        if (PostgresLocation.IsPostgresUrl(location) || !LooksLikeUrl().IsMatch(location))
        {
            return null;
        }

        var scheme = location[..location.IndexOf(':', StringComparison.Ordinal)];
        return $"'{scheme}://' is not a store Dateline knows: give a SQLite file path or a postgres:// URL";
    }

    /// <summary>True when <paramref name="location"/> is a PostgreSQL URL.</summary>
    public static bool IsPostgres(string location) => PostgresLocation.IsPostgresUrl(location);

    /// <summary>Opens (creating if needed) the store and brings its schema up to date; throws <see cref="StoreException"/> when it cannot.</summary>
    public static async Task<IArticleStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        if (Problem(location) is { } problem)
        {
            throw new StoreException(problem);
        }

        return PostgresLocation.IsPostgresUrl(location)
            ? await PostgresArticleStore.OpenAsync(location, cancellationToken)
            : await SqliteArticleStore.OpenAsync(location, cancellationToken);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex LooksLikeUrl();
}
