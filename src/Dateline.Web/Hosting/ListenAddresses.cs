using System.Net;

namespace Dateline.Web.Hosting;

/// <summary>Checks the listen URLs: loopback unless the user asked for more.</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<string> Validate(WebOptions options)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new WebConfigurationException("no URL to listen on");
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url) && !options.UrlsChosenByUser)
            {
                throw new WebConfigurationException($"refusing to listen on '{url}', which is not a loopback address; pass --urls explicitly to do so");
            }
        }

        return urls;
    }

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcard hosts ("*", "+", "0.0.0.0") are not valid URI hosts for Uri, so test the host text itself.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']', StringComparison.Ordinal))] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
