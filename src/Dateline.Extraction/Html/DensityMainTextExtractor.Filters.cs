using Dateline.Extraction.Metadata;

namespace Dateline.Extraction.Html;

/// <summary>The block filters of <see cref="DensityMainTextExtractor"/>: link density, furniture lines, and doubtful blocks kept by their neighbours.</summary>
public sealed partial class DensityMainTextExtractor
{
    private enum Verdict
    {
        Keep,
        Drop,
        Doubtful,
    }

    /// <summary>
    /// A short block that fails only the stricter short-block link limit (a subhead with a linked phrase, a one-line
    /// paragraph naming a linked band) is doubtful, not chrome: it stays when it stands between kept blocks.
    /// </summary>
    private bool IsDoubtful(TextBlock b) => b.LinkDensity <= _profile.MaxLinkDensity;

    /// <summary>Runs of doubtful blocks with kept blocks on both sides are kept (jusText's context rule); others are dropped.</summary>
    private static void KeepDoubtfulRunsBetweenProse(Verdict[] verdicts)
    {
        for (var i = 0; i < verdicts.Length; i++)
        {
            if (verdicts[i] != Verdict.Doubtful)
            {
                continue;
            }

            var end = i;
            while (end < verdicts.Length && verdicts[end] == Verdict.Doubtful)
            {
                end++;
            }

            var keep = i > 0 && verdicts[i - 1] == Verdict.Keep && end < verdicts.Length && verdicts[end] == Verdict.Keep;
            for (var j = i; j < end; j++)
            {
                verdicts[j] = keep ? Verdict.Keep : Verdict.Drop;
            }

            i = end - 1;
        }
    }

    private bool IsLinkDense(TextBlock b) =>
        (b.LinkDensity > _profile.MaxLinkDensity && b.Text.Length < BoilerplateRules.LongBlockLength)
        || b.LinkDensity > BoilerplateRules.MaxLongBlockLinkDensity
        || (b.Text.Length < BoilerplateRules.ShortBlockLength && b.LinkDensity > _profile.MaxShortLinkDensity);

    private bool IsFurniture(TextBlock b) => IsLinkDense(b) || IsFurnitureLine(b);

    /// <summary>Furniture by what a block says or is (headline, "Advertisement", timestamp, copyright), not by its links.</summary>
    private bool IsFurnitureLine(TextBlock b)
    {
        var text = b.Text;
        if (b.Owner.LocalName == "h1")
        {
            return true; // the headline is the title, not body text
        }

        if (text.Length <= 120 && BoilerplateRules.FurnitureLine().IsMatch(text))
        {
            return true;
        }

        if (_profile.DropTimestamps && text.Length <= BoilerplateRules.MaxTimestampLength && !text.EndsWith('.') && !text.EndsWith('"') && !text.EndsWith('”')
            && BoilerplateRules.DateOrTime().IsMatch(text) && DigitShare(text) > 0.12)
        {
            return true;
        }

        // Copyright lines are page furniture, except an agency's closing credit, which the builder reads as the wire.
        return text.Length <= 200 && BoilerplateRules.LegalLine().IsMatch(text) && CreditLines.Classify(text)?.Wire is null;
    }

    private static double DigitShare(string text) => (double)text.Count(char.IsAsciiDigit) / text.Length;
}
