using System.Globalization;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// A store URL, <c>postgres://user[:password]@host[:port]/database[?host=/socket/dir&amp;sslmode=require…]</c> (or
/// <c>postgresql://</c>), as libpq writes them, turned into an Npgsql connection string. The password may also come from
/// <c>PGPASSWORD</c> or <c>~/.pgpass</c>, which Npgsql reads itself; it never appears in <see cref="Display"/>.
/// </summary>
internal sealed record PostgresLocation(string ConnectionString, string Display, string Database)
{
    /// <summary>Query parameters the URL may carry, and the connection-string keywords they become.</summary>
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["command_timeout"] = "Command Timeout",
        ["max_pool_size"] = "Maximum Pool Size",
        ["user"] = "Username",
        ["password"] = "Password",
    };

    public static bool IsPostgresUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a postgres:// URL; a malformed one is a <see cref="StoreException"/> that says which part is wrong.</summary>
    public static PostgresLocation Parse(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        var b = new NpgsqlConnectionStringBuilder();
        if (authority.LastIndexOf('@') is var at and >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                b.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var host = authority;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(url, "the IPv6 host has no closing ']'");
            }

            SetPort(host[(close + 1)..].TrimStart(':'));
            host = host[1..close];
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            SetPort(host[(colon + 1)..]);
            host = host[..colon];
        }

        if (host.Length > 0)
        {
            b.Host = Uri.UnescapeDataString(host);
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (!Keywords.TryGetValue(key, out var keyword))
            {
                throw Bad(url, $"'{key}' is not a parameter Dateline understands (known: {string.Join(", ", Keywords.Keys)})");
            }

            try
            {
                b[keyword] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                throw Bad(url, $"'{key}={value}': {ex.Message}");
            }
        }

        if (string.IsNullOrEmpty(b.Host))
        {
            b.Host = "localhost";
        }

        if (database.Length == 0)
        {
            throw Bad(url, "it names no database (postgres://user@host/DATABASE)");
        }

        b.Database = database;
        b.Username ??= Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName;
        // Several Dateline processes share a server: keep each one's pool modest, and say who the connections are.
        if (!query.Contains("max_pool_size", StringComparison.Ordinal))
        {
            b.MaxPoolSize = 20;
        }

        if (!query.Contains("application_name", StringComparison.Ordinal))
        {
            b.ApplicationName = "dateline";
        }

        var display = $"postgres://{Uri.EscapeDataString(b.Username)}@{(b.Host.Contains(':', StringComparison.Ordinal) ? "[" + b.Host + "]" : b.Host)}:{b.Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(database)}";
        return new PostgresLocation(b.ConnectionString, display, database);

        void SetPort(string port)
        {
            if (port.Length == 0)
            {
                return;
            }

            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                throw Bad(url, $"'{port}' is not a port number");
            }

            b.Port = p;
        }
    }

    private static StoreException Bad(string url, string why) =>
        new($"'{Redact(url)}' is not a usable PostgreSQL URL: {why}");

    /// <summary>The URL with any password replaced, for messages.</summary>
    public static string Redact(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = url.IndexOf('@', start);
        if (at < 0)
        {
            return url;
        }

        var colon = url.IndexOf(':', start);
        return colon >= 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
