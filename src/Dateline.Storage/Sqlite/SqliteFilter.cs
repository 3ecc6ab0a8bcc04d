using System.Globalization;

namespace Dateline.Storage.Sqlite;

/// <summary>Turns an <see cref="ArticleFilter"/> into a parameterised WHERE clause over the articles table.</summary>
internal static class SqliteFilter
{
    public static (string Where, (string, object?)[] Parameters) Build(ArticleFilter filter, string table)
    {
        var clauses = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)>();
        if (filter.From is { } from)
        {
            clauses.Add($"{table}.published_date >= $from");
            parameters.Add(("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (filter.To is { } to)
        {
            clauses.Add($"{table}.published_date <= $to");
            parameters.Add(("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            clauses.Add($"{table}.source = $source COLLATE NOCASE");
            parameters.Add(("$source", filter.Source.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            clauses.Add($"{table}.language = $language COLLATE NOCASE");
            parameters.Add(("$language", filter.Language.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            clauses.Add($"{table}.id IN (SELECT article_id FROM entity_articles WHERE entity_id = $actor)");
            parameters.Add(("$actor", filter.Actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            clauses.Add($"{table}.id IN (SELECT article_id FROM article_tags WHERE tag = $tag)");
            parameters.Add(("$tag", filter.Tag.Trim()));
        }

        return (string.Join(" AND ", clauses), [.. parameters]);
    }
}
