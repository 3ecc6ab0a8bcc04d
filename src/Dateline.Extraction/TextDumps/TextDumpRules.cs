using System.Text.RegularExpressions;

namespace Dateline.Extraction.TextDumps;

/// <summary>The line shapes of a crawler text dump, each with the reason it exists.</summary>
internal static partial class TextDumpRules
{
    /// <summary>
    /// First line: "date 2025-06-04  Japan Today" (two or more spaces or a tab before the source). The source runs from
    /// its first to its last non-space character, matched greedily: a lazy source followed by optional trailing space
    /// backtracked over every space run inside it, quadratic in the line's length (the fuzzer's 29 KB line of spaces
    /// took seconds).
    /// </summary>
    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}-\d{2}-\d{2})(?:(?:\s{2,}|\t)(?<source>\S(?:.*\S)?))?\s*$", RegexOptions.CultureInvariant)]
    public static partial Regex Header();

    /// <summary>An image caption ends with its credit: "… at his office on Wednesday. Image: Kyodo".</summary>
    public static Regex Caption() => Metadata.CaptionCredit.Pattern();

    /// <summary>The comment counter the page shows under the headline: "1 Comment", "12 Comments", "1,204 comments".</summary>
    [GeneratedRegex(@"^(?<n>\d{1,3}(?:,\d{3})*|\d+)\s+Comments?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CommentCount();

    /// <summary>Story text ends a sentence; headlines, sections and captions-as-alt-text usually do not.</summary>
    [GeneratedRegex(@"[.!?…][""”’')\]]*$", RegexOptions.CultureInvariant)]
    public static partial Regex SentenceEnd();

    /// <summary>A line this long is prose even without final punctuation (headlines stay well under it).</summary>
    public const int ProseMinWords = 25;

    /// <summary>A section label is a word or two ("politics", "world news"); longer lines are not.</summary>
    public const int SectionMaxWords = 4;

    /// <summary>Unlabelled lines before the headline this short are taken as image alt text.</summary>
    public const int AltMaxWords = 14;

    public static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    public static bool IsProse(string line) => SentenceEnd().IsMatch(line) || WordCount(line) >= ProseMinWords;
}
