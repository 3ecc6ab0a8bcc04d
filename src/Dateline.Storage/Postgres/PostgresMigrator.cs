using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Postgres/Migrations/NNNN_name.sql</c> scripts, each in its own transaction, once: the whole
/// run holds a session advisory lock, so several Dateline processes starting against a new database at once apply every
/// script exactly once (the others wait, then find nothing left to do).
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key: "DATELINE" in ASCII, as a number no other application is likely to pick.</summary>
    private const long LockKey = 0x444154454C494E45;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    public static int Latest => Migrations[^1].Version;

    public static async Task<int> MigrateAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await Pg.ExecAsync(c, null, ct, "SELECT pg_advisory_lock(@k)", ("@k", LockKey));
        try
        {
            await Pg.ExecAsync(c, null, ct, """
                CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)
                """);
            var applied = await AppliedAsync(c, ct);
            if (applied.Count > 0 && applied.Max() > Latest)
            {
                throw new StoreException(
                    $"the database has schema version {applied.Max()}, newer than this Dateline understands ({Latest}); upgrade Dateline");
            }

            foreach (var (version, name, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await c.BeginTransactionAsync(ct);
                await Pg.ExecAsync(c, tx, ct, sql);
                await Pg.ExecAsync(c, tx, ct, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)",
                    ("@v", version), ("@n", name), ("@t", Pg.Now()));
                await tx.CommitAsync(ct);
            }

            return await CurrentVersionAsync(c, ct);
        }
        finally
        {
            await Pg.ExecAsync(c, null, CancellationToken.None, "SELECT pg_advisory_unlock(@k)", ("@k", LockKey));
        }
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var cmd = Pg.Command(c, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var cmd = Pg.Command(c, null, "SELECT version FROM schema_migrations");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await r.ReadAsync(ct))
        {
            versions.Add(r.GetInt32(0));
        }

        return versions;
    }

    private static List<(int, string, string)> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        const string prefix = "Dateline.Storage.Postgres.Migrations.";
        var list = new List<(int, string, string)>();
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = res[prefix.Length..^".sql".Length];
            using var reader = new StreamReader(asm.GetManifestResourceStream(res)!);
            list.Add((int.Parse(file[..4], CultureInfo.InvariantCulture), file[5..], reader.ReadToEnd()));
        }

        return list;
    }
}
