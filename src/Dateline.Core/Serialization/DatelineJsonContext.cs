using System.Text.Json.Serialization;
using Dateline.Core.Articles;

namespace Dateline.Core.Serialization;

/// <summary>Source-generated JSON metadata for the public contract types (snake_case names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(ArticleDateJsonConverter)])]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(List<Article>))]
public sealed partial class DatelineJsonContext : JsonSerializerContext;
