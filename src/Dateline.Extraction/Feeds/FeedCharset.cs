using System.Text;
using System.Text.RegularExpressions;

namespace Dateline.Extraction.Feeds;

/// <summary>
/// Decodes a feed's bytes: byte-order mark, then the HTTP charset when the caller has one (RFC 7303), then the XML
/// declaration's <c>encoding</c>, then UTF-8. We decode ourselves (rather than letting XmlReader do it) so the entity
/// repair in <see cref="FeedXmlRepair"/> can work on text, and so a wrong or unknown label never loses the feed.
/// </summary>
internal static partial class FeedCharset
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Decoded(string Text, string Charset, string Source, string? Warning);

    [GeneratedRegex("""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})["']""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();

    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? httpCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(bytes[3..], "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Decoded(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Decoded(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom", null);
        }

        string? warning = null;
        foreach (var (label, source) in new[] { (httpCharset, "http"), (Declared(bytes), "meta") })
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                continue;
            }

            var encoding = Lookup(label);
            if (encoding is null)
            {
                warning = $"unknown character encoding '{label}' ({(source == "http" ? "HTTP header" : "XML declaration")}); ignored";
                continue;
            }

            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                // A server that says UTF-8 about bytes that are not gets a second opinion from the XML declaration.
                var d = Utf8(bytes, source);
                if (d.Warning is not null && source == "http")
                {
                    continue;
                }

                return warning is not null && d.Warning is null ? d with { Warning = warning } : d;
            }

            // A UTF-16 label on bytes without a BOM means the text was transcoded and the declaration left behind.
            if (encoding is UnicodeEncoding)
            {
                continue;
            }

            return new Decoded(encoding.GetString(bytes), encoding.WebName, source, warning);
        }

        var utf8 = Utf8(bytes, "default");
        return warning is not null && utf8.Warning is null ? utf8 with { Warning = warning } : utf8;
    }

    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var m = DeclaredEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Labels are read with the same WHATWG table as web pages (iso-8859-1 and ascii mean windows-1252).</summary>
    private static Encoding? Lookup(string label) => Text.CharsetDecoder.EncodingFor(label);

    private static Decoded Utf8(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            return new Decoded(StrictUtf8.GetString(bytes), "utf-8", source, null);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" near byte {ex.Index}" : string.Empty;
            return new Decoded(Encoding.UTF8.GetString(bytes), "utf-8", source,
                $"invalid UTF-8{at}; undecodable bytes were replaced with U+FFFD");
        }
    }
}
