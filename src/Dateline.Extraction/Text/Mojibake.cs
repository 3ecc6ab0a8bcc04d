using System.Text;
using Dateline.Core.Articles;

namespace Dateline.Extraction.Text;

/// <summary>
/// Repairs text that was UTF-8 but got read as Windows-1252 (or Latin-1) somewhere upstream — in the publisher's
/// system or a feed tool, before the bytes reached us: "worldâ€™s" → "world’s", "CafÃ©" → "Café". A run of characters
/// is replaced only when their Windows-1252 bytes form one whole, valid UTF-8 sequence (a lead byte, then the exact
/// number of continuation bytes), which ordinary text in any language practically never does. Twice encoded text is
/// repaired in a second pass.
/// </summary>
public static class Mojibake
{
    // Windows-1252 bytes 0x80–0x9F as characters; the five bytes it leaves undefined read as the C1 controls U+0081 etc.
    private const string High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The byte a character stands for in Windows-1252, or -1.</summary>
    private static int ByteOf(char c) => c switch
    {
        < '\u0080' => c,
        >= '\u00A0' and <= '\u00FF' => c,
        _ => High.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? 0x80 + i : -1,
    };

    /// <summary>The text with mis-decoded sequences repaired, and how many were.</summary>
    public static (string Text, int Repaired) Repair(string text)
    {
        var total = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            var (fixedText, n) = RepairOnce(text);
            if (n == 0)
            {
                break;
            }

            (text, total) = (fixedText, total + n);
        }

        return (text, total);
    }

    private static (string, int) RepairOnce(string text)
    {
        // Fast path: every mis-decoded sequence starts with a lead byte read as Â…ô (U+00C2–U+00F4).
        if (text.AsSpan().IndexOfAnyInRange('\u00C2', '\u00F4') < 0)
        {
            return (text, 0);
        }

        StringBuilder? sb = null;
        var repaired = 0;
        var copied = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var lead = ByteOf(text[i]);
            var length = lead switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || i + length > text.Length)
            {
                continue;
            }

            bytes[0] = (byte)lead;
            var ok = true;
            for (var k = 1; k < length && ok; k++)
            {
                var b = ByteOf(text[i + k]);
                ok = b is >= 0x80 and <= 0xBF;
                bytes[k] = (byte)Math.Max(0, b);
            }

            string decoded;
            try
            {
                decoded = ok ? StrictUtf8.GetString(bytes[..length]) : string.Empty;
            }
            catch (DecoderFallbackException)
            {
                continue;
            }

            if (decoded.Length == 0)
            {
                continue;
            }

            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(decoded);
            repaired++;
            i += length - 1;
            copied = i + 1;
        }

        return sb is null ? (text, 0) : (sb.Append(text, copied, text.Length - copied).ToString(), repaired);
    }

    /// <summary>The article with its text fields repaired; a warning says how many sequences were.</summary>
    public static Article Repair(Article article)
    {
        var count = 0;
        string? Fix(string? s)
        {
            if (s is null)
            {
                return null;
            }

            var (text, n) = Repair(s);
            count += n;
            return text;
        }

        var repaired = article with
        {
            Title = Fix(article.Title),
            Source = Fix(article.Source),
            Section = Fix(article.Section),
            Paragraphs = [.. article.Paragraphs.Select(p => Fix(p)!)],
            Authors = [.. article.Authors.Select(a => Fix(a)!)],
            Tags = [.. article.Tags.Select(t => Fix(t)!)],
            Images = [.. article.Images.Select(i => i with { Alt = Fix(i.Alt), Caption = Fix(i.Caption), Credit = Fix(i.Credit) })],
        };
        return count == 0
            ? article
            : repaired with
            {
                Warnings = [.. article.Warnings, $"repaired {count} mis-decoded character sequence(s): UTF-8 text that had been read as Windows-1252 before it reached us"],
            };
    }
}
