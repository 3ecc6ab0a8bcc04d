using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each in its own transaction.</summary>
internal static class SqliteMigrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    public static int Latest => Migrations[^1].Version;

    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await Exec(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """, cancellationToken);
        var current = await CurrentVersionAsync(connection, null, cancellationToken);
        if (current > Latest)
        {
            throw new StoreException(
                $"the database has schema version {current}, newer than this Dateline understands ({Latest}); upgrade Dateline");
        }

        // Every script not yet recorded is applied, not only those above the highest recorded version: branches number
        // their scripts apart (0005 events, 0006 API), so a database may meet a lower-numbered script after a higher one.
        var applied = await AppliedVersionsAsync(connection, cancellationToken);
        foreach (var (version, name, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            // BEGIN IMMEDIATE takes the write lock before the version is re-read, so two processes opening a new file at
            // once cannot both apply the same script: the second waits, then sees the migration done and skips it.
            await using var tx = connection.BeginTransaction(deferred: false);
            if ((await AppliedVersionsAsync(connection, cancellationToken, tx)).Contains(version))
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            await Exec(connection, tx, sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return await CurrentVersionAsync(connection, null, cancellationToken);
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(SqliteConnection connection, CancellationToken cancellationToken,
        SqliteTransaction? tx = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT version FROM schema_migrations";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await r.ReadAsync(cancellationToken))
        {
            versions.Add(r.GetInt32(0));
        }

        return versions;
    }

    private static async Task Exec(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<(int, string, string)> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        const string prefix = "Dateline.Storage.Sqlite.Migrations.";
        var list = new List<(int, string, string)>();
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = res[prefix.Length..^".sql".Length];
            using var reader = new StreamReader(asm.GetManifestResourceStream(res)!);
            list.Add((int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture), file[5..], reader.ReadToEnd()));
        }

        return list;
    }
}
