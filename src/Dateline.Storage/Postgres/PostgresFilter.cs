using System.Globalization;

namespace Dateline.Storage.Postgres;

/// <summary>Turns an <see cref="ArticleFilter"/> into a parameterised WHERE clause over the articles table (as SqliteFilter).</summary>
internal static class PostgresFilter
{
    public static (string Where, (string, object?)[] Parameters) Build(ArticleFilter filter, string table)
    {
        var clauses = new List<string> { "true" };
        var parameters = new List<(string, object?)>();
        if (filter.From is { } from)
        {
            clauses.Add($"{table}.published_date >= @from");
            parameters.Add(("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (filter.To is { } to)
        {
            clauses.Add($"{table}.published_date <= @to");
            parameters.Add(("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        // Source and language compare ignoring case (SQLite: COLLATE NOCASE), through the lower() indexes.
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            clauses.Add($"lower({table}.source) = lower(@source)");
            parameters.Add(("@source", filter.Source.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            clauses.Add($"lower({table}.language) = lower(@language)");
            parameters.Add(("@language", filter.Language.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            clauses.Add($"{table}.id IN (SELECT article_id FROM entity_articles WHERE entity_id = @actor)");
            parameters.Add(("@actor", filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            clauses.Add($"{table}.id IN (SELECT article_id FROM article_tags WHERE lower(tag) = lower(@tag))");
            parameters.Add(("@tag", filter.Tag.Trim()));
        }

        return (string.Join(" AND ", clauses), [.. parameters]);
    }
}
