using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>
/// The safety net under <see cref="DensityMainTextExtractor"/>: an article page never comes out with no text. When the
/// extractor's choice is empty or tiny (its chrome and link-density filters removed the body, or the best container held
/// only a teaser), the text is taken from the best container without those filters, the container with the most words
/// outside links anywhere on the page, or the longest block: the first when it is long enough, else whichever holds the
/// most text. Headlines, furniture lines and comments stay out. A tiny choice
/// (a teaser, a brief) is only ever extended by a candidate that keeps all of it, never swapped for other text.
/// </summary>
internal static class MainTextFallback
{
    /// <summary>Below this many characters the extractor's choice is treated as a failure and the fallback is tried.</summary>
    public const int MinMainText = 200;

    /// <summary>The fallback's blocks in page order and what they are, or null when it finds nothing better.</summary>
    public static (List<TextBlock> Blocks, string What)? Choose(List<TextBlock> blocks, List<TextBlock> inBest, IReadOnlySet<TextBlock> chosen,
        Func<TextBlock, bool> reject, Func<HtmlElement, HtmlElement?> containerOf)
    {
        var candidates = new List<(List<TextBlock> Blocks, string What)>
        {
            ([.. inBest.Where(b => !reject(b))], "the best container's text without its chrome and link-density filters"),
        };

        // The container with the most words outside links (a menu has none, a roundup of linked headlines some).
        var prose = blocks.Where(b => !reject(b) && b.Text.Length > b.LinkChars)
            .GroupBy(b => containerOf(b.Owner) ?? b.Owner)
            .MaxBy(g => g.Sum(b => b.Text.Length - b.LinkChars));
        if (prose is not null)
        {
            var container = prose.Key;
            candidates.Add(([.. blocks.Where(b => !reject(b) && (b.Owner == container || container.Contains(b.Owner)))], "the container with the most prose"));
        }

        var longest = blocks.Where(b => !reject(b)).MaxBy(b => b.Text.Length) ?? blocks.MaxBy(b => b.Text.Length);
        if (longest is not null)
        {
            candidates.Add(([longest], "the longest text block"));
        }

        // The best container's own text comes first when it is enough; otherwise whichever candidate holds the most text.
        candidates.RemoveAll(c => !chosen.IsSubsetOf(c.Blocks));
        if (candidates.Count == 0)
        {
            return null;
        }

        var best = Length(candidates[0].Blocks) >= MinMainText ? candidates[0] : candidates.MaxBy(c => Length(c.Blocks));
        // A short text that is whole (a brief, a notice) is not padded with a link or two: the fallback must at least double it.
        var had = chosen.Sum(b => b.Text.Length);
        return Length(best.Blocks) > had && Length(best.Blocks) >= 2 * had ? best : null;
    }

    private static int Length(List<TextBlock> blocks) => blocks.Sum(b => b.Text.Length);
}
