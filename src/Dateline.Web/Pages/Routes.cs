namespace Dateline.Web.Pages;

/// <summary>URLs of our pages, built in one place (ids are escaped as one path segment).</summary>
internal static class Routes
{
    public static string Article(string id) => "/articles/" + Uri.EscapeDataString(id);

    public static string Actor(string id) => "/actors/" + Uri.EscapeDataString(id);

    public static string Dyad(string a, string b) => "/dyads/" + Uri.EscapeDataString(a) + "/" + Uri.EscapeDataString(b);

    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
