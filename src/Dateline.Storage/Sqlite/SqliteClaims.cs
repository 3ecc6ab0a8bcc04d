using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dateline.Storage.Sqlite;

/// <summary>The ingest queue on SQLite (migration 0014): claims are taken under the write lock (BEGIN IMMEDIATE).</summary>
internal static class SqliteClaims
{
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static async Task<ClaimResult> ClaimAsync(SqliteArticleStore store, IngestedFile file, string worker, TimeSpan lease, bool force,
        CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        var now = DateTimeOffset.UtcNow;
        if (!force)
        {
            await using var done = SqliteArticleStore.Command(c, tx, "SELECT 1 FROM ingested_files WHERE path = $p AND size = $s AND modified = $m",
                ("$p", file.Path), ("$s", file.Size), ("$m", file.Modified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            if (await done.ExecuteScalarAsync(ct) is not null)
            {
                await tx.CommitAsync(ct);
                return new ClaimResult(ClaimOutcome.Done);
            }
        }

        await using (var held = SqliteArticleStore.Command(c, tx, "SELECT worker FROM ingest_claims WHERE path = $p AND expires_at > $now AND worker <> $w",
            ("$p", file.Path), ("$now", Time(now)), ("$w", worker)))
        {
            if (await held.ExecuteScalarAsync(ct) is string holder)
            {
                await tx.CommitAsync(ct);
                return new ClaimResult(ClaimOutcome.HeldByOther, holder);
            }
        }

        await using (var claim = SqliteArticleStore.Command(c, tx, """
            INSERT INTO ingest_claims (path, worker, claimed_at, expires_at) VALUES ($p, $w, $now, $exp)
            ON CONFLICT (path) DO UPDATE SET takeovers = takeovers + (worker <> excluded.worker), worker = excluded.worker,
                claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            """, ("$p", file.Path), ("$w", worker), ("$now", Time(now)), ("$exp", Time(now + lease))))
        {
            await claim.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new ClaimResult(ClaimOutcome.Claimed);
    }

    public static async Task RenewAsync(SqliteArticleStore store, string worker, TimeSpan lease, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, "UPDATE ingest_claims SET expires_at = $exp WHERE worker = $w",
            ("$w", worker), ("$exp", Time(DateTimeOffset.UtcNow + lease)));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task ReleaseAsync(SqliteArticleStore store, string worker, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var cmd = SqliteArticleStore.Command(c, null, "DELETE FROM ingest_claims WHERE worker = $w", ("$w", worker));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<QueueStatus> StatusAsync(SqliteArticleStore store, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var claims = new List<WorkerClaim>();
        await using (var cmd = SqliteArticleStore.Command(c, null, "SELECT path, worker, claimed_at, expires_at, takeovers FROM ingest_claims ORDER BY worker, path"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var expires = DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture);
                claims.Add(new WorkerClaim(r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture), expires,
                    expires <= now, r.GetInt32(4)));
            }
        }

        var done = new List<KeyValuePair<string, long>>();
        await using (var cmd = SqliteArticleStore.Command(c, null,
            "SELECT COALESCE(worker, ''), COUNT(*) FROM ingested_files GROUP BY COALESCE(worker, '') ORDER BY 2 DESC, 1"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                done.Add(new(r.GetString(0), r.GetInt64(1)));
            }
        }

        return new QueueStatus(claims, done);
    }
}
