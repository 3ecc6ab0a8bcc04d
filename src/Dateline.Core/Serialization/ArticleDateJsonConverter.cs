using System.Text.Json;
using System.Text.Json.Serialization;
using Dateline.Core.Articles;

namespace Dateline.Core.Serialization;

/// <summary>Writes <see cref="ArticleDate"/> as its ISO 8601 string and reads it back.</summary>
public sealed class ArticleDateJsonConverter : JsonConverter<ArticleDate>
{
    public override ArticleDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString();
        return ArticleDate.TryParse(s, out var d) ? d : throw new JsonException($"'{s}' is not an ISO 8601 date or date-time.");
    }

    public override void Write(Utf8JsonWriter writer, ArticleDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
