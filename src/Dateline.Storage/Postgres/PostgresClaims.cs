namespace Dateline.Storage.Postgres;

/// <summary>
/// The ingest queue on PostgreSQL (migration 0002), on the server's clock: a claim is one upsert that takes the row only
/// when it is free, this worker's, or its lease ran out — concurrent claimants of one file queue on its row lock and
/// exactly one wins. (A queue table that workers pop would use FOR UPDATE SKIP LOCKED; here every worker walks the same
/// input list, so the row of the file it is about to read is the only one it needs.)
/// </summary>
internal static class PostgresClaims
{
    public static async Task<ClaimResult> ClaimAsync(PostgresArticleStore store, IngestedFile file, string worker, TimeSpan lease, bool force,
        CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (!force)
        {
            await using var done = Pg.Command(c, tx, "SELECT 1 FROM ingested_files WHERE path = @p AND size = @s AND modified = @m",
                ("@p", file.Path), ("@s", file.Size), ("@m", file.Modified.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            if (await done.ExecuteScalarAsync(ct) is not null)
            {
                await tx.CommitAsync(ct);
                return new ClaimResult(ClaimOutcome.Done);
            }
        }

        await using (var claim = Pg.Command(c, tx, """
            INSERT INTO ingest_claims AS k (path, worker, claimed_at, expires_at) VALUES (@p, @w, now(), now() + @lease)
            ON CONFLICT (path) DO UPDATE SET takeovers = k.takeovers + (k.worker <> excluded.worker)::int, worker = excluded.worker,
                claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE k.expires_at <= now() OR k.worker = excluded.worker
            RETURNING worker
            """, ("@p", file.Path), ("@w", worker), ("@lease", lease)))
        {
            if (await claim.ExecuteScalarAsync(ct) is not string)
            {
                await using var holder = Pg.Command(c, tx, "SELECT worker FROM ingest_claims WHERE path = @p", ("@p", file.Path));
                var who = await holder.ExecuteScalarAsync(ct) as string;
                await tx.CommitAsync(ct);
                return new ClaimResult(ClaimOutcome.HeldByOther, who);
            }
        }

        await tx.CommitAsync(ct);
        return new ClaimResult(ClaimOutcome.Claimed);
    }

    public static async Task RenewAsync(PostgresArticleStore store, string worker, TimeSpan lease, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await Pg.ExecAsync(c, null, ct, "UPDATE ingest_claims SET expires_at = now() + @lease WHERE worker = @w", ("@w", worker), ("@lease", lease));
    }

    public static async Task ReleaseAsync(PostgresArticleStore store, string worker, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        await Pg.ExecAsync(c, null, ct, "DELETE FROM ingest_claims WHERE worker = @w", ("@w", worker));
    }

    public static async Task<QueueStatus> StatusAsync(PostgresArticleStore store, CancellationToken ct)
    {
        await using var c = await store.OpenConnectionAsync(ct);
        var claims = new List<WorkerClaim>();
        await using (var cmd = Pg.Command(c, null, """
            SELECT path, worker, claimed_at, expires_at, expires_at <= now(), takeovers FROM ingest_claims ORDER BY worker COLLATE "C", path COLLATE "C"
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                claims.Add(new WorkerClaim(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3),
                    r.GetBoolean(4), r.GetInt32(5)));
            }
        }

        var done = new List<KeyValuePair<string, long>>();
        await using (var cmd = Pg.Command(c, null,
            "SELECT COALESCE(worker, '') AS w, COUNT(*) FROM ingested_files GROUP BY 1 ORDER BY 2 DESC, COALESCE(worker, '') COLLATE \"C\""))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                done.Add(new(r.GetString(0), Pg.Long(r, 1)));
            }
        }

        return new QueueStatus(claims, done);
    }
}
