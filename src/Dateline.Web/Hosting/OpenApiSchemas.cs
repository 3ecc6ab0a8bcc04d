using System.Text.Json;
using Dateline.Core.Articles;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dateline.Web.Hosting;

/// <summary>
/// Corrects the schemas of types whose JSON a converter writes: an <see cref="ArticleDate"/> is an ISO 8601 string
/// (<c>2025-06-04</c> or <c>2025-06-04T09:30:00+09:00</c>), and the stored layers (<see cref="JsonElement"/>) are any JSON.
/// </summary>
internal static class OpenApiSchemas
{
    public static Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(ArticleDate))
        {
            schema.Type = JsonSchemaType.String;
            schema.Description = "ISO 8601: a date (2025-06-04) or a date-time with its offset (2025-06-04T09:30:00+09:00)";
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        else if (type == typeof(JsonElement))
        {
            schema.Type = null;
            schema.Properties?.Clear();
            schema.Description = "Any JSON (the `annotate` layers: sentences, tokens, entities, actors, actor_mentions, times, quotes, events, errors)";
        }

        return Task.CompletedTask;
    }
}
