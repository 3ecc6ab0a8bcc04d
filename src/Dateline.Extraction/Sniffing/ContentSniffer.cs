using System.Text;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Sniffing;

/// <summary>Decides an input's kind from its first bytes, not its file name.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes are enough to decide.</summary>
    public const int HeadLength = 8192;

    /// <summary>Above this share of control characters (other than tab, CR, LF, FF) the input is binary.</summary>
    private const double MaxControlShare = 0.05;

    public static InputKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return InputKind.Empty;
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return InputKind.Gzip;
        }

        if (head.StartsWith("WARC/"u8))
        {
            return InputKind.Warc;
        }

        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && LooksBinary(head))
        {
            return InputKind.Binary;
        }

        var text = utf16
            ? (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..])
            : Encoding.UTF8.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
        {
            return InputKind.Empty;
        }

        if (trimmed[0] == '<')
        {
            if (trimmed.StartsWith("<!DOCTYPE lewis", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<REUTERS ", StringComparison.Ordinal))
            {
                return InputKind.ReutersSgml;
            }

            var lower = trimmed.Length > 4096 ? trimmed[..4096].ToLowerInvariant() : trimmed.ToLowerInvariant();
            if (lower.Contains("<rss", StringComparison.Ordinal) || lower.Contains("<feed", StringComparison.Ordinal)
                || lower.Contains("<rdf:rdf", StringComparison.Ordinal))
            {
                return InputKind.Feed;
            }

            return InputKind.Html;
        }

        if (trimmed[0] == '[')
        {
            return InputKind.Json;
        }

        if (trimmed[0] == '{')
        {
            // JSON Lines puts a whole object on the first line; a pretty-printed document does not.
            var end = trimmed.IndexOf('\n');
            var first = (end < 0 ? trimmed : trimmed[..end]).TrimEnd();
            return first.EndsWith('}') || (end < 0 && text.Length >= HeadLength) ? InputKind.JsonLines : InputKind.Json;
        }

        var firstLine = trimmed.AsSpan(0, Math.Max(0, trimmed.IndexOf('\n') is var n and >= 0 ? n : trimmed.Length));
        return TextDumps.TextDumpParser.HasHeader(firstLine.ToString()) ? InputKind.TextDump : InputKind.PlainText;
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                controls++;
            }
        }

        return controls > head.Length * MaxControlShare;
    }
}
