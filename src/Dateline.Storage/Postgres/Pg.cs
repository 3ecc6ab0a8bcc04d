using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Dateline.Storage.Postgres;

/// <summary>Small helpers every PostgreSQL part uses: parameterised commands and typed column reads.</summary>
internal static class Pg
{
    /// <summary>
    /// A command with named parameters (<c>@name</c> in <paramref name="sql"/>); null values are sent as SQL NULL. PostgreSQL
    /// text cannot hold U+0000, so it is dropped from string values (the article JSON keeps it, escaped).
    /// </summary>
    public static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(value is null
                ? new NpgsqlParameter(name, DBNull.Value)
                : new NpgsqlParameter(name, value is string s && s.Contains('\0', StringComparison.Ordinal) ? s.Replace("\0", string.Empty, StringComparison.Ordinal) : value));
        }

        return cmd;
    }

    /// <summary>One statement of a <see cref="NpgsqlBatch"/> (several statements in one round trip), with named parameters as in <see cref="Command"/>.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(value is null
                ? new NpgsqlParameter(name, DBNull.Value)
                : new NpgsqlParameter(name, value is string s && s.Contains('\0', StringComparison.Ordinal) ? s.Replace("\0", string.Empty, StringComparison.Ordinal) : value));
        }

        return cmd;
    }

#pragma warning disable CA1068 // params must come last; the token comes right before them
    public static async Task<int> ExecAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct, string sql, params (string, object?)[] parameters)
#pragma warning restore CA1068
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>How long an operation is retried on transient errors before the error is given up to the caller.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Runs <paramref name="operation"/> (one transaction, or one read) again while it fails with a transient error — the
    /// server restarting or unreachable for a while, a serialization failure or deadlock between concurrent writers —
    /// waiting longer each time (0.2 s doubling up to 5 s), for at most <see cref="RetryFor"/>. A transaction that failed
    /// was rolled back whole, so running it again stores it exactly once.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var wait = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (Exception ex) when (IsTransient(ex) && started.Elapsed + wait < RetryFor && !ct.IsCancellationRequested)
            {
                await Task.Delay(wait, ct);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public static async Task RetryAsync(Func<Task> operation, CancellationToken ct) =>
        await RetryAsync(async () =>
        {
            await operation();
            return true;
        }, ct);

    /// <summary>Errors worth another try: Npgsql's own judgement (network, server shutting down or starting), serialization failures and deadlocks.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npg => npg.IsTransient,
        System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };
}
