using System.Collections.Frozen;
using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>
/// Dateline's main-text extractor: one DOM pass cuts the page into text blocks; blocks vote for the containers above
/// them (Readability's scoring, with class/id and microdata signals); the best container and the siblings that score
/// like it are kept; then blocks inside chrome (share bars, related lists, captions, bylines), link-dense blocks, data
/// tables and furniture lines are dropped. No recursion, one parse, no second copy of the page.
/// </summary>
public sealed partial class DensityMainTextExtractor(MainTextOptions options) : IMainTextExtractor
{
    public DensityMainTextExtractor()
        : this(MainTextOptions.Default)
    {
    }

    /// <summary>Link-density limits and sibling share for each <see cref="ExtractionFavor"/>.</summary>
    private readonly (double MaxLinkDensity, double MaxShortLinkDensity, double SiblingShare, bool LooseSiblings, bool DropTimestamps) _profile =
        options.Favor switch
        {
            ExtractionFavor.Precision => (0.4, 0.25, 0.3, false, true),
            ExtractionFavor.Recall => (0.65, 0.45, 0.1, true, false),
            _ => (BoilerplateRules.MaxLinkDensity, BoilerplateRules.MaxShortBlockLinkDensity, BoilerplateRules.SiblingShare, true, true),
        };

    internal static readonly FrozenSet<string> ParagraphTags =
        new[] { "p", "li", "tr", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "address" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Below this many characters the best container is not trusted; the whole page is filtered instead.</summary>
    private const int MinCandidateText = 200;

    /// <summary>Ancestor levels over which text totals are summed; deeper pages are pathological, not articles.</summary>
    private const int MaxTotalsDepth = 64;

    /// <summary>How many ancestor levels a block's vote reaches, with the share each level gets.</summary>
    private static readonly double[] VoteShares = [1.0, 0.5, 1.0 / 6];

    public string Name => "maintext.density.v1";

    public MainText Extract(HtmlDocument document, string? url)
    {
        var root = document.Body ?? document.Root;
        var blocks = BlockCollector.Collect(root);
        if (blocks.Count == 0)
        {
            return MainText.Empty;
        }

        var scores = Score(blocks);
        var best = scores.Count == 0 || scores.Values.Max() == double.MinValue ? null : scores.MaxBy(kv => kv.Value).Key;
        var chosen = best is null ? [root] : WithSiblings(best, scores);
        var kept = blocks.Where(b => chosen.Any(c => c == b.Owner || c.Contains(b.Owner))).ToList();
        if (kept.Sum(b => b.Text.Length) < MinCandidateText)
        {
            (chosen, kept) = ([root], blocks);
        }

        var verdicts = kept.Select(b => IsInsideChrome(b.Owner, chosen) || (!options.IncludeTables && InTable(b.Owner)) ? Verdict.Drop
            : IsFurnitureLine(b) ? Verdict.Drop
            : IsLinkDense(b) ? (IsDoubtful(b) ? Verdict.Doubtful : Verdict.Drop)
            : Verdict.Keep).ToArray();
        KeepDoubtfulRunsBetweenProse(verdicts);
        var result = new List<string>();
        var links = new List<Core.Articles.ArticleLink>();
        var used = new HashSet<TextBlock>();
        for (var i = 0; i < kept.Count; i++)
        {
            if (verdicts[i] == Verdict.Keep)
            {
                result.Add(kept[i].Text);
                used.Add(kept[i]);
            }
        }

        // Never empty: when the filters left nothing or almost nothing, fall back (and say so on the article).
        string? warning = null;
        var length = used.Sum(b => b.Text.Length);
        if (length < MainTextFallback.MinMainText
            && MainTextFallback.Choose(blocks, chosen.Contains(root) ? [] : kept, used, b => IsFurnitureLine(b) || (!options.IncludeTables && InTable(b.Owner)) || InCommentSection(b.Owner),
                e => ParagraphTags.Contains(e.LocalName) ? e.Parent : e) is { } fallback)
        {
            warning = $"main text: the extractor's choice held {length} characters; fell back to {fallback.What} ({fallback.Blocks.Sum(b => b.Text.Length)} characters)";
            used = [.. fallback.Blocks];
            result = [.. fallback.Blocks.Select(b => b.Text)];
        }

        if (options.IncludeLinks)
        {
            links.AddRange(blocks.Where(used.Contains).SelectMany(b => b.Links));
        }

        if (options.IncludeComments)
        {
            // Reader comments: prose blocks inside comment sections, after the article, in page order.
            foreach (var b in blocks.Where(b => !used.Contains(b) && InCommentSection(b.Owner) && !IsFurniture(b)))
            {
                result.Add(b.Text);
            }
        }

        return new MainText(result, links, warning);
    }

    /// <summary>Readability-style votes: prose blocks give points to their container and its ancestors.</summary>
    private static Dictionary<HtmlElement, double> Score(List<TextBlock> blocks)
    {
        var scores = new Dictionary<HtmlElement, double>();
        foreach (var b in blocks)
        {
            if (b.Text.Length < BoilerplateRules.MinVotingBlockLength || b.LinkDensity > BoilerplateRules.MaxLinkDensity)
            {
                continue;
            }

            var points = 1 + b.Text.Count(c => c is ',' or '，' or '、') + Math.Min(b.Text.Length / 100, 3);
            var container = ParagraphTags.Contains(b.Owner.LocalName) ? b.Owner.Parent : b.Owner;
            for (var level = 0; level < VoteShares.Length && container is not null; level++, container = container.Parent)
            {
                if (!scores.ContainsKey(container))
                {
                    scores[container] = InitialScore(container);
                }

                scores[container] += points * VoteShares[level];
            }
        }

        // A container full of links (a menu, a list of headlines) is not the article however much text it has, and one
        // with almost no text is not the article however promising its class name.
        var totals = Totals(blocks);
        foreach (var e in scores.Keys.ToList())
        {
            var (text, links) = totals.GetValueOrDefault(e);
            var density = text == 0 ? 0 : (double)links / text;
            scores[e] = text < MinCandidateText ? double.MinValue : scores[e] * (1 - density);
        }

        return scores;
    }

    private static double InitialScore(HtmlElement e)
    {
        double score = e.LocalName switch
        {
            "article" => 10,
            "div" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        score += ClassTokens.Signal(e) * BoilerplateRules.ClassWeight;
        if (ClassTokens.IsArticleBodyMarkup(e))
        {
            score += BoilerplateRules.ArticleBodyMarkupWeight;
        }

        return score;
    }

    /// <summary>Text and link characters under each element, summed up the ancestor chain (bounded for deep pages).</summary>
    private static Dictionary<HtmlElement, (long Text, long Links)> Totals(List<TextBlock> blocks)
    {
        var totals = new Dictionary<HtmlElement, (long, long)>();
        foreach (var b in blocks)
        {
            var e = b.Owner;
            for (var level = 0; e is not null && level < MaxTotalsDepth; level++, e = e.Parent)
            {
                var (t, l) = totals.GetValueOrDefault(e);
                totals[e] = (t + b.Text.Length, l + b.LinkChars);
            }
        }

        return totals;
    }

    /// <summary>The best container plus siblings that look like more of the same article (split bodies).</summary>
    private List<HtmlElement> WithSiblings(HtmlElement best, Dictionary<HtmlElement, double> scores)
    {
        var parent = best.Parent;
        if (parent is null)
        {
            return [best];
        }

        var threshold = Math.Max(10, scores[best] * _profile.SiblingShare);
        var chosen = new List<HtmlElement>();

        // A body split into repeated containers (the same tag and class, between ads) is one article: take every copy
        // that scores like a body, wherever it sits.
        var cls = best.GetAttribute("class");
        if (!string.IsNullOrWhiteSpace(cls))
        {
            chosen.AddRange(scores.Where(kv => kv.Key != best && kv.Value >= threshold && kv.Key.LocalName == best.LocalName
                                               && kv.Key.GetAttribute("class") == cls && !kv.Key.Contains(best) && !best.Contains(kv.Key))
                .Select(kv => kv.Key));
        }

        foreach (var sibling in parent.Children)
        {
            if (sibling == best
                || (scores.TryGetValue(sibling, out var s) && s >= threshold && ClassTokens.Signal(sibling) >= 0)
                || (_profile.LooseSiblings && sibling.LocalName == "p" && IsProseParagraph(sibling)))
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }

    private static bool IsProseParagraph(HtmlElement p)
    {
        var text = p.TextContent.Trim();
        var links = p.Descendants("a").Sum(a => a.TextContent.Length);
        var density = text.Length == 0 ? 1 : (double)links / text.Length;
        return (text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && text[^1] is '.' or '!' or '?' or '"' or '”');
    }

    /// <summary>True when some element between the block and the chosen container is chrome (share bar, related box…).</summary>
    private static bool IsInsideChrome(HtmlElement owner, List<HtmlElement> chosen)
    {
        for (var e = owner; e is not null && !chosen.Contains(e); e = e.Parent)
        {
            if (ClassTokens.Signal(e) < 0 || e.LocalName is "header" && e.Parent?.LocalName is "body")
            {
                return true;
            }
        }

        return false;
    }

    private static bool InTable(HtmlElement owner)
    {
        for (var e = owner; e is not null; e = e.Parent)
        {
            if (e.LocalName is "table" or "tr")
            {
                return true;
            }
        }

        return false;
    }

    private static bool InCommentSection(HtmlElement owner)
    {
        for (var e = owner; e is not null; e = e.Parent)
        {
            var marks = (e.GetAttribute("class") ?? string.Empty) + " " + (e.Id ?? string.Empty);
            if (marks.Contains("comment", StringComparison.OrdinalIgnoreCase) || marks.Contains("disqus", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
