using System.Text.Encodings.Web;
using System.Text.Json;
using Dateline.Core.Articles;

namespace Dateline.Core.Serialization;

/// <summary>The one place that decides how Dateline's contract types look as JSON.</summary>
public static class DatelineJson
{
    /// <summary>Compact, snake_case, non-ASCII kept readable (output is UTF-8 JSON, never embedded in HTML).</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(DatelineJsonContext.Default.Options)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(Article article, bool indented = false) =>
        JsonSerializer.Serialize(article, indented ? Indented : Compact);

    public static Article Deserialize(string json) =>
        JsonSerializer.Deserialize<Article>(json, Compact) ?? throw new JsonException("null article");
}
