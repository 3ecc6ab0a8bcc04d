using System.Text;

namespace Dateline.Extraction.Text;

/// <summary>
/// Turns bytes into text for the text-based readers: honours a byte-order mark, decodes UTF-8 strictly, and when the
/// bytes are not valid UTF-8 keeps going with U+FFFD replacements and a warning that says where the first bad byte is.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text, the encoding used, what decided it ("bom" or "default"), and a warning if bytes were bad.</summary>
    public sealed record Decoded(string Text, string Encoding, string? Warning, string Source = "default");

    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        var source = "default";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            source = "bom";
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new Decoded(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", null, "bom");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new Decoded(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", null, "bom");
        }

        try
        {
            return new Decoded(StrictUtf8.GetString(bytes), "utf-8", null, source);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte {ex.Index}" : string.Empty;
            return new Decoded(LenientUtf8.GetString(bytes), "utf-8",
                $"invalid UTF-8{at}; undecodable bytes were replaced with U+FFFD", source);
        }
    }

    /// <summary>Unifies line endings to \n and composes characters (NFC), before any offsets exist.</summary>
    public static string NormalizeNewlines(string text)
    {
        var s = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }
}
