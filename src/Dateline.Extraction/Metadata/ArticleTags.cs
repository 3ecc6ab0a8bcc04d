using System.Collections.Immutable;
using System.Text.Json;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// The publisher's subject tags (<c>Article.Tags</c>) as every reader keeps them: as written, whitespace collapsed,
/// without empty ones or repeats (ignoring case), at most <see cref="Max"/>.
/// </summary>
public static class ArticleTags
{
    public const int Max = 50;

    public static ImmutableArray<string> Normalize(IEnumerable<string> tags) =>
        [.. tags.Select(Whitespace.Collapse).Where(t => t.Length is > 0 and <= 100).Distinct(StringComparer.OrdinalIgnoreCase).Take(Max)];

    /// <summary>A list written as one string: "harbour, repairs" (commas or semicolons).</summary>
    public static IEnumerable<string> Split(string list) => list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A JSON value holding tags: an array of strings or one listed string; anything else holds none.</summary>
    public static IEnumerable<string> FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)],
        JsonValueKind.String => Split(value.GetString() ?? string.Empty),
        _ => [],
    };
}
