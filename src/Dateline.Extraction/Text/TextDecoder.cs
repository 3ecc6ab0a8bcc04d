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

    /// <summary>
    /// Unifies line endings to \n and composes characters (NFC), before any offsets exist. What normalisation rejects
    /// (a lone surrogate, U+FFFE: UTF-16 input cut mid-pair or byte-swapped, found by fuzzing) becomes U+FFFD first.
    /// </summary>
    public static string NormalizeNewlines(string text)
    {
        var s = text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        s = ReplaceInvalidCodePoints(s);
        try
        {
            return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return s; // anything else normalisation rejects: the text as it is rather than losing the document
        }
    }

    /// <summary>The text with every unpaired UTF-16 surrogate and every U+FFFE replaced by U+FFFD (the same string when there is none).</summary>
    public static string ReplaceInvalidCodePoints(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        var swapped = text.AsSpan().IndexOf('\uFFFE');
        if (first < 0 && swapped < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = Math.Min(first < 0 ? int.MaxValue : first, swapped < 0 ? int.MaxValue : swapped); i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
