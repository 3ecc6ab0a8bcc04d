using Dateline.Extraction.Html.Dom;

namespace Dateline.Extraction.Html;

/// <summary>Reads an element's class and id as boilerplate or article-body signals (see <see cref="BoilerplateRules"/>).</summary>
internal static class ClassTokens
{
    private static readonly char[] PartSeparators = ['-', '_', ':'];

    /// <summary>
    /// -1 when a class/id token names chrome and none names the body; +1 when one names the body and none names chrome;
    /// 0 otherwise. A token is chrome when any of its parts is ("post-comments"), body when its parts are only body words.
    /// </summary>
    public static int Signal(HtmlElement e)
    {
        if (!e.HasAttribute("class") && !e.HasAttribute("id"))
        {
            return 0;
        }

        var negative = false;
        var positive = false;
        Classify(e.GetAttribute("class"), ref negative, ref positive);
        Classify(e.GetAttribute("id"), ref negative, ref positive);
        return negative && !positive ? -1 : positive && !negative ? 1 : 0;
    }

    public static bool IsArticleBodyMarkup(HtmlElement e) =>
        string.Equals(e.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)
        || string.Equals(e.GetAttribute("property"), "articleBody", StringComparison.OrdinalIgnoreCase);

    /// <summary>"newsCaption" → "news-Caption", so camelCase class names split into words like kebab-case ones.</summary>
    private static string SplitCamelCase(string token)
    {
        var sb = new System.Text.StringBuilder(token.Length + 4);
        for (var i = 0; i < token.Length; i++)
        {
            if (i > 0 && char.IsUpper(token[i]) && char.IsLower(token[i - 1]))
            {
                sb.Append('-');
            }

            sb.Append(token[i]);
        }

        return sb.ToString();
    }

    private static void Classify(string? value, ref bool negative, ref bool positive)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            var parts = SplitCamelCase(token).ToLowerInvariant().Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries);
            if (BoilerplateRules.NegativeTokens.Contains(lower) || parts.Any(BoilerplateRules.NegativeTokens.Contains))
            {
                negative = true;
            }
            else if (BoilerplateRules.PositiveTokens.Contains(lower.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal))
                     || parts.Any(BoilerplateRules.PositiveTokens.Contains))
            {
                positive = true;
            }
        }
    }
}
