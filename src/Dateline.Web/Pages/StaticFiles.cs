using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Dateline.Web.Pages;

/// <summary>The one stylesheet and one script, embedded in the assembly and served from /static with an ETag.</summary>
internal static class StaticFiles
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static void MapStatic(this IEndpointRouteBuilder app)
    {
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription(); // no icon; answer browsers quietly
        app.MapGet("/static/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ETag = file.ETag;
            return context.Request.Headers.IfNoneMatch == file.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(file.Bytes, file.Type);
        }).ExcludeFromDescription();
    }

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var asm = typeof(StaticFiles).Assembly;
        const string prefix = "Dateline.Web.Static.";
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var s = asm.GetManifestResourceStream(res)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            var name = res[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            files[name] = (bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
