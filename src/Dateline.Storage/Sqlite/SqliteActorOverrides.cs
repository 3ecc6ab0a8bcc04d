using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>Actor overrides sent through the API, one row per canonical name (aliases as a JSON array).</summary>
internal static class SqliteActorOverrides
{
    public static async Task<int> SaveAsync(SqliteArticleStore store, IReadOnlyList<StoredActorOverride> overrides, CancellationToken cancellationToken)
    {
        await using var c = await store.OpenConnectionAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var o in overrides)
        {
            await using var cmd = SqliteArticleStore.Command(c, tx, """
                INSERT INTO actor_overrides (name, aliases, type, code, country, role, updated_at) VALUES ($n, $a, $t, $c, $k, $r, $u)
                ON CONFLICT (name) DO UPDATE SET aliases = excluded.aliases, type = excluded.type, code = excluded.code,
                    country = excluded.country, role = excluded.role, updated_at = excluded.updated_at
                """, ("$n", o.Name), ("$a", JsonSerializer.Serialize(o.Aliases.ToArray(), StorageJsonContext.Default.StringArray)),
                ("$t", o.Type), ("$c", o.Code), ("$k", o.Country), ("$r", o.Role), ("$u", now));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var count = SqliteArticleStore.Command(c, tx, "SELECT COUNT(*) FROM actor_overrides");
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await tx.CommitAsync(cancellationToken);
        return total;
    }

    public static async Task<IReadOnlyList<StoredActorOverride>> GetAsync(SqliteArticleStore store, CancellationToken cancellationToken)
    {
        await using var c = await store.OpenConnectionAsync(cancellationToken);
        await using var cmd = SqliteArticleStore.Command(c, null, "SELECT name, aliases, type, code, country, role FROM actor_overrides ORDER BY name");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredActorOverride>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new StoredActorOverride(r.GetString(0),
                JsonSerializer.Deserialize(r.GetString(1), StorageJsonContext.Default.StringArray) ?? [], r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        }

        return list;
    }
}
