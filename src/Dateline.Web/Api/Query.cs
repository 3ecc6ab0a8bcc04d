using System.Globalization;
using Dateline.Storage;
using Dateline.Storage.Search;
using Microsoft.AspNetCore.WebUtilities;

namespace Dateline.Web.Api;

/// <summary>Reads query-string values the same way for the API and the pages; bad values are 400s that say which.</summary>
internal static class Query
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 200;

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new BadRequestException($"limit must be between 1 and {MaxLimit}", "limit"),
        _ => limit.Value,
    };

    public static DateOnly? Date(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new BadRequestException($"{name} '{value}' is not a date; use YYYY-MM-DD", name);

    /// <summary>
    /// Every value of a repeated parameter (<c>q=a&amp;q=b</c>) in the order the URL gives them, read from the raw query
    /// string: the output cache sorts the values of <c>Request.Query</c> in place when it builds its key
    /// (dotnet/aspnetcore#69109), so what binding sees there is no longer the order asked for.
    /// </summary>
    public static IReadOnlyList<string?> Values(HttpRequest request, string name) =>
        QueryHelpers.ParseQuery(request.QueryString.Value).TryGetValue(name, out var values) ? [.. values] : [];

    /// <summary>sort=relevance (the default) or date.</summary>
    public static SearchSort Sort(string? value) => Text(value)?.ToLowerInvariant() switch
    {
        null or "relevance" => SearchSort.Relevance,
        "date" => SearchSort.Date,
        _ => throw new BadRequestException($"sort '{value}' is not one of relevance, date", "sort"),
    };

    public const int DefaultFacets = 10;

    /// <summary>facets=N: the N most frequent sources and tags of the matches (default 10, 0 for none, at most 50).</summary>
    public static int Facets(int? facets) => facets switch
    {
        null => DefaultFacets,
        < 0 or > SearchRequest.MaxFacets => throw new BadRequestException($"facets must be between 0 and {SearchRequest.MaxFacets}", "facets"),
        _ => facets.Value,
    };

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static ArticleFilter Filter(string? from, string? to, string? source, string? language, string? actor, string? tag = null) =>
        new(Date(from, "from"), Date(to, "to"), Text(source), Text(language), Text(actor), Text(tag));
}
