using Npgsql;
using Xunit;

namespace Dateline.Testing;

/// <summary>
/// The PostgreSQL server tests run against: the URL in DATELINE_TEST_POSTGRES (./test.sh starts a throwaway one with
/// tools/pg-test-server.sh when PostgreSQL is installed). Without it, PostgreSQL tests skip — and fail instead when
/// DATELINE_REQUIRE_POSTGRES=1 (set by CI), so a missing server can never pass silently there. Every test gets a database
/// of its own, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public static bool Required => Environment.GetEnvironmentVariable("DATELINE_REQUIRE_POSTGRES") == "1";

    /// <summary>The server URL (naming its maintenance database), or a skip (a failure when required).</summary>
    public static string RequireServer()
    {
        var url = Environment.GetEnvironmentVariable("DATELINE_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        if (Required)
        {
            Assert.Fail("DATELINE_REQUIRE_POSTGRES=1 but DATELINE_TEST_POSTGRES names no server");
        }

        Assert.Skip("no PostgreSQL server for tests (set DATELINE_TEST_POSTGRES, or install postgresql and run ./test.sh)");
        return string.Empty;
    }

    /// <summary>A URL naming a new, not yet created database on the test server (the store creates it on open).</summary>
    public static string NewDatabaseUrl(string prefix = "dateline_test")
    {
        var server = RequireServer();
        var slash = server.LastIndexOf('/');
        return server[..(slash + 1)] + prefix + "_" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Drops the database <paramref name="url"/> names, closing any connection still open to it.</summary>
    public static async Task DropAsync(string url)
    {
        var server = RequireServer();
        var name = url[(url.LastIndexOf('/') + 1)..];
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(AdminConnectionString(server));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>An Npgsql connection string for a test server URL of the form postgres://user@host:port/database.</summary>
    public static string AdminConnectionString(string url)
    {
        var uri = new Uri(url.Replace("postgresql://", "postgres://", StringComparison.Ordinal));
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Username = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]),
            Password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : null,
            Database = uri.AbsolutePath.Trim('/'),
            Pooling = false,
        }.ConnectionString;
    }
}
