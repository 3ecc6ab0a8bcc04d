namespace Dateline.Storage.Search;

/// <summary>Errors of one query among several (attention compares up to eight) say which query they are about.</summary>
internal static class QueryErrors
{
    /// <summary>Runs <paramref name="translate"/>; a <see cref="QuerySyntaxException"/> it throws is thrown again naming the query.</summary>
    public static T NamedInErrors<T>(this SearchQuery query, Func<T> translate)
    {
        try
        {
            return translate();
        }
        catch (QuerySyntaxException ex)
        {
            throw new QuerySyntaxException($"'{(query.Text.Length > 80 ? query.Text[..80] + "…" : query.Text)}': {ex.Reason}", ex.Position);
        }
    }
}
