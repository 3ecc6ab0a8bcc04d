using System.Diagnostics;

namespace Dateline.Web.Hosting;

/// <summary>One structured line per request (method, path, status, milliseconds), with --verbose.</summary>
internal static class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("http");
        return app.Use(async (context, next) =>
        {
            var clock = Stopwatch.StartNew();
            await next(context);
            logger.LogDebug("{Method} {Path} {Status} {ElapsedMs} ms", context.Request.Method, context.Request.Path.Value,
                context.Response.StatusCode, clock.ElapsedMilliseconds);
        });
    }
}
