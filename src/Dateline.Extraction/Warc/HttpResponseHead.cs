using System.Globalization;
using System.Text;

namespace Dateline.Extraction.Warc;

/// <summary>The status line and headers of an HTTP response stored in a WARC <c>response</c> record.</summary>
internal sealed class HttpResponseHead(int status, Dictionary<string, string> headers, int bodyOffset)
{
    /// <summary>Interim (1xx) responses before the real one; more than this is not a real response.</summary>
    private const int MaxInterimResponses = 4;

    public int Status { get; } = status;

    /// <summary>Where the body starts in the record's content.</summary>
    public int BodyOffset { get; } = bodyOffset;

    public string? Header(string name) => headers.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public static bool LooksLikeHttp(ReadOnlySpan<byte> content) => content.StartsWith("HTTP/"u8);

    /// <summary>Parses the head; null when the content does not start with an HTTP status line.</summary>
    public static HttpResponseHead? Parse(ReadOnlySpan<byte> content)
    {
        var start = 0;
        for (var interim = 0; interim <= MaxInterimResponses; interim++)
        {
            var head = ParseOne(content, start);
            if (head is null || head.Status is < 100 or >= 200 || head.BodyOffset >= content.Length)
            {
                return head;
            }

            start = head.BodyOffset; // "100 Continue": the real response follows
        }

        return null;
    }

    private static HttpResponseHead? ParseOne(ReadOnlySpan<byte> content, int start)
    {
        var rest = content[start..];
        if (!LooksLikeHttp(rest))
        {
            return null;
        }

        var pos = 0;
        var statusLine = Line(rest, ref pos);
        var parts = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (pos < rest.Length)
        {
            var line = Line(rest, ref pos);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        return new HttpResponseHead(status, headers, start + pos);
    }

    /// <summary>One line (LF or CR LF), as Latin-1 as HTTP/1.1 says header bytes are.</summary>
    private static string Line(ReadOnlySpan<byte> bytes, ref int pos)
    {
        var rest = bytes[pos..];
        var lf = rest.IndexOf((byte)'\n');
        var line = lf < 0 ? rest : rest[..lf];
        pos += lf < 0 ? rest.Length : lf + 1;
        return Encoding.Latin1.GetString(line.EndsWith((byte)'\r') ? line[..^1] : line);
    }
}
