using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Dateline.Extraction.Text;

/// <summary>
/// Decides a web page's character encoding the way browsers do, and says which rule won: a byte-order mark, then the
/// HTTP Content-Type charset (when known), then a &lt;meta&gt; declaration (searched over the first 64 KiB, not just
/// the first 1,024 bytes, so a declaration after a long ASCII head is still found), then detection (valid UTF-8 is
/// UTF-8), else windows-1252. Labels are normalised with the WHATWG table (Data/charset-labels.tsv).
/// </summary>
public static partial class CharsetDecoder
{
    /// <summary>How far into the document a &lt;meta charset&gt; is looked for.</summary>
    private const int MetaScanBytes = 64 * 1024;

    private static readonly FrozenDictionary<string, (int CodePage, string Name)> Labels = LoadLabels();

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*(?<label>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    public sealed record Result(string Text, string Charset, string Source, string? Warning);

    /// <summary>The canonical encoding name for a label, or null when the label names no encoding we know.</summary>
    public static string? Normalize(string? label) =>
        label is not null && Labels.TryGetValue(label.Trim().Trim('"', '\'').ToLowerInvariant(), out var e) ? e.Name : null;

    /// <summary>The encoding a label names under the WHATWG table, or null when it names none.</summary>
    public static Encoding? EncodingFor(string? label) => Lookup(label) is { } e ? Encoding.GetEncoding(e.CodePage) : null;

    public static Result Decode(ReadOnlySpan<byte> bytes, string? httpCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(bytes[3..], "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Result(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Result(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom", null);
        }

        if (Lookup(httpCharset) is { } http)
        {
            return WithEncoding(bytes, http, "http");
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var meta = MetaCharset().Match(head);
        if (meta.Success && Lookup(meta.Groups["label"].Value) is { } declared)
        {
            return WithEncoding(bytes, declared, "meta");
        }

        try
        {
            return new Result(StrictUtf8.GetString(bytes), "utf-8", "detected", null);
        }
        catch (DecoderFallbackException)
        {
            return new Result(Encoding.GetEncoding(1252).GetString(bytes), "windows-1252", "default", null);
        }
    }

    private static (int CodePage, string Name)? Lookup(string? label) =>
        label is not null && Labels.TryGetValue(label.Trim().Trim('"', '\'').ToLowerInvariant(), out var e) ? e : null;

    private static Result WithEncoding(ReadOnlySpan<byte> bytes, (int CodePage, string Name) encoding, string source)
    {
        if (encoding.CodePage == 65001)
        {
            return Utf8(bytes, source);
        }

        return new Result(Encoding.GetEncoding(encoding.CodePage).GetString(bytes), encoding.Name, source, null);
    }

    private static Result Utf8(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            return new Result(StrictUtf8.GetString(bytes), "utf-8", source, null);
        }
        catch (DecoderFallbackException ex)
        {
            return new Result(Encoding.UTF8.GetString(bytes), "utf-8", source,
                $"invalid UTF-8{(ex.Index >= 0 ? $" at byte {ex.Index}" : string.Empty)}; undecodable bytes were replaced with U+FFFD");
        }
    }

    private static FrozenDictionary<string, (int, string)> LoadLabels()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Extraction.Data.charset-labels.tsv")
            ?? throw new InvalidOperationException("charset-labels.tsv is not embedded in Dateline.Extraction.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            var entry = (int.Parse(cols[0], System.Globalization.CultureInfo.InvariantCulture), cols[1]);
            foreach (var label in cols[2].Split('|'))
            {
                map[label] = entry;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
