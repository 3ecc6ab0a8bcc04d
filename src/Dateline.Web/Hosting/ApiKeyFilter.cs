using System.Security.Cryptography;
using System.Text;

namespace Dateline.Web.Hosting;

/// <summary>
/// Guards write endpoints: the request must carry the configured key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// Keys are compared in constant time (over their SHA-256, so the length does not leak either). With no key configured
/// every write is refused (403): a server is read-only until its owner chooses a key.
/// </summary>
internal sealed class ApiKeyFilter(WebOptions options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    private readonly byte[]? _expected = options.ApiKey is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (_expected is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Writes are disabled",
                detail: "This server has no API key; start it with --api-key KEY (or DATELINE_API_KEY) to allow writes.");
        }

        if (Presented(http.Request) is not { } presented
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected))
        {
            logger.LogWarning("Refused a write without a valid API key: {Method} {Path} from {Remote}", http.Request.Method,
                http.Request.Path.Value, http.Connection.RemoteIpAddress);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: "Send the server's API key in the X-Api-Key header or as Authorization: Bearer KEY.");
        }

        return await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is { Count: 1 } header && header[0] is { Length: > 0 } k)
        {
            return k;
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && auth.Length > 7 ? auth[7..].Trim() : null;
    }
}
