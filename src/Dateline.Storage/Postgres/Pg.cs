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
}
