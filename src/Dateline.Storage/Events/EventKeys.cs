using System.Security.Cryptography;
using System.Text;

namespace Dateline.Storage.Events;

/// <summary>The keys by which every back end recognises one event reported by several articles.</summary>
internal static class EventKeys
{
    /// <summary>
    /// The de-duplication key: date, source, target, CAMEO code and the story — a fingerprint of the evidence sentence's
    /// first twelve words, which wire copies and updates of a story repeat.
    /// </summary>
    public static string Key(string? date, string source, string target, string cameo, string evidence)
    {
        var words = new StringBuilder();
        var count = 0;
        var inWord = false;
        foreach (var ch in evidence)
        {
            if (char.IsLetterOrDigit(ch))
            {
                words.Append(char.ToLowerInvariant(ch));
                inWord = true;
            }
            else if (inWord)
            {
                words.Append(' ');
                inWord = false;
                if (++count == 12)
                {
                    break;
                }
            }
        }

        var text = string.Join('|', date ?? string.Empty, source, target, cameo, words.ToString().Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }

    /// <summary>
    /// The story key: date, source, target, CAMEO code and the article's story id, so versions of one story (wire
    /// copies, updates) whose evidence sentences were edited still report one event.
    /// </summary>
    public static string StoryKey(string? date, string source, string target, string cameo, string story) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', date ?? string.Empty, source, target, cameo, "story:" + story))).AsSpan(0, 12));
}
