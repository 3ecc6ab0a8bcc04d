using System.Buffers.Text;
using System.Text.Json;

namespace Dateline.Storage;

/// <summary>
/// Opaque paging cursors: the sort key of the last item handed out, tagged with the list it belongs to, as base64url JSON.
/// Back ends use it so that a cursor is never SQL and a cursor from one list is refused by another.
/// </summary>
public static class StoreCursor
{
    public static string Encode(string list, params string[] key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes((string[])[list, .. key], Sqlite.StorageJsonContext.Default.StringArray);
        return Base64Url.EncodeToString(json);
    }

    /// <summary>The key parts of <paramref name="cursor"/>, which must come from <paramref name="list"/> and have <paramref name="parts"/> parts.</summary>
    public static string[] Decode(string cursor, string list, int parts)
    {
        string[]? values = null;
        try
        {
            if (cursor.Length <= 4096)
            {
                values = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), Sqlite.StorageJsonContext.Default.StringArray);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            values = null;
        }

        if (values is null || values.Length != parts + 1 || values[0] != list || values.Any(v => v is null))
        {
            throw new InvalidCursorException($"'{Shorten(cursor)}' is not a cursor of this {list} list; start again without one");
        }

        return values[1..];
    }

    /// <summary>A cursor for offset-based lists (ranked results, whose order has no stable key).</summary>
    public static string EncodeOffset(string list, int offset) => Encode(list, offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static int DecodeOffset(string? cursor, string list)
    {
        if (cursor is null)
        {
            return 0;
        }

        var s = Decode(cursor, list, 1)[0];
        return int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidCursorException($"'{Shorten(cursor)}' is not a cursor of this {list} list; start again without one");
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
