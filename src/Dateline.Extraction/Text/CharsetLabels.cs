using System.Collections.Frozen;
using System.Text;

namespace Dateline.Extraction.Text;

/// <summary>
/// Resolves a charset label from a header to an encoding as browsers do (WHATWG Encoding): legacy code pages are
/// available, labels are case-insensitive and trimmed, and unknown labels give null (the caller falls back).
/// </summary>
internal static class CharsetLabels
{
    /// <summary>
    /// Labels browsers read as another encoding: pages labelled Latin-1 or ASCII are written in windows-1252 in
    /// practice (curly quotes, euro sign in 0x80–0x9F), so browsers decode them so, and so do we.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["iso-8859-1"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["cp819"] = "windows-1252",
        ["ibm819"] = "windows-1252",
        ["utf8"] = "utf-8",
        ["unicode-1-1-utf-8"] = "utf-8",
        ["x-sjis"] = "shift_jis",
        ["gb2312"] = "gbk",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static CharsetLabels() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding? Resolve(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(Aliases.GetValueOrDefault(name, name));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
