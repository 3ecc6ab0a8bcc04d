using System.Globalization;

namespace Dateline.Web.Pages;

/// <summary>
/// "Sentence structure" under the article, collapsed so it does not crowd the prose: for each sentence, who did what
/// (subject → verb → object, then the obliques) and, behind its own toggle, a table of its words with lemma, part of
/// speech, relation and head; then a key to the tags used. Written only when the stored layers carry a parse; every
/// word comes from the article and goes through <see cref="Html"/>'s escaping.
/// </summary>
internal static class ArticleSyntaxSection
{
    public static void Write(Html h, ArticleLayers layers)
    {
        var sentences = SentenceStructure.Sentences(layers);
        if (sentences.Count == 0)
        {
            return;
        }

        h.Open("section", ("class", "syntax"), ("id", "syntax"), ("aria-labelledby", "syntax-h")).Element("h2", "Sentence structure", ("id", "syntax-h"));
        h.Open("details", ("class", "syntax-all")).Element("summary", $"Who did what, and how the words connect ({Count(sentences.Count, "sentence")})");
        h.Open("ol", ("class", "syntax-list"));
        for (var n = 0; n < sentences.Count; n++)
        {
            var s = sentences[n];
            h.Open("li", ("class", "syntax-sentence"), ("id", "sentence-" + (n + 1).ToString(CultureInfo.InvariantCulture)));
            h.Element("p", SentenceText(layers, s), ("class", "sentence-text"));
            Clauses(h, SentenceStructure.Clauses(layers.Tokens, s));
            WordTable(h, layers.Tokens, s, n + 1);
            h.Close("li");
        }

        h.Close("ol");
        Key(h, layers.Tokens);
        h.Close("details").Close("section");
    }

    private static void Clauses(Html h, IReadOnlyList<SentenceStructure.Clause> clauses)
    {
        if (clauses.Count == 0)
        {
            h.Element("p", "No subject or object found in this sentence.", ("class", "empty"));
            return;
        }

        h.Open("ul", ("class", "clauses"));
        foreach (var c in clauses)
        {
            h.Open("li", ("class", "clause"));
            Part(h, "who", "Who: ", c.Subject ?? "—");
            Arrow(h);
            Part(h, "did", "did: ", c.Verb);
            foreach (var o in c.Objects)
            {
                Arrow(h);
                Part(h, "what", "what: ", o);
            }

            foreach (var o in c.Obliques)
            {
                h.Open("span", ("aria-hidden", "true")).Text(" · ").Close("span");
                Part(h, "how", "how, where or when: ", o);
            }

            h.Close("li");
        }

        h.Close("ul");
    }

    private static void Part(Html h, string cls, string label, string text) =>
        h.Open("span", ("class", cls)).Element("span", label, ("class", "visually-hidden")).Text(text).Close("span");

    private static void Arrow(Html h) => h.Open("span", ("aria-hidden", "true")).Text(" → ").Close("span");

    private static void WordTable(Html h, IReadOnlyList<ArticleLayers.TokenView> tokens, SentenceStructure.Sentence s, int number)
    {
        var position = s.Tokens.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i + 1);
        h.Open("details", ("class", "parse")).Element("summary", "The words (" + s.Tokens.Count.ToString(CultureInfo.InvariantCulture) + ")");
        h.Open("div", ("class", "table-wrap")).Open("table", ("class", "parse-table"));
        h.Element("caption", "The words of sentence " + number.ToString(CultureInfo.InvariantCulture), ("class", "visually-hidden"));
        h.Open("thead").Open("tr");
        foreach (var column in new[] { "#", "Word", "Lemma", "Part of speech", "Relation", "Head" })
        {
            h.Element("th", column, ("scope", "col"));
        }

        h.Close("tr").Close("thead").Open("tbody");
        foreach (var i in s.Tokens)
        {
            var t = tokens[i];
            h.Open("tr").Element("td", position[i].ToString(CultureInfo.InvariantCulture), ("class", "num"));
            h.Element("th", t.Text, ("scope", "row")).Element("td", t.Lemma);
            h.Open("td").Text(t.Upos);
            if (t.Xpos is { } xpos)
            {
                h.Text(" ").Element("span", xpos, ("class", "xpos"));
            }

            h.Close("td").Element("td", t.Relation);
            var head = t.Head < 0 ? "—"
                : position.TryGetValue(t.Head, out var p) ? tokens[t.Head].Text + " (" + p.ToString(CultureInfo.InvariantCulture) + ")"
                : tokens[t.Head].Text;
            h.Element("td", head).Close("tr");
        }

        h.Close("tbody").Close("table").Close("div").Close("details");
    }

    /// <summary>The tags and relations that appear on this page, with their plain-English names.</summary>
    private static void Key(Html h, IReadOnlyList<ArticleLayers.TokenView> tokens)
    {
        var pos = tokens.Select(t => t.Upos).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(u => (u, SyntaxLabels.PartOfSpeech(u))).Where(x => x.Item2 is not null).ToList();
        var relations = tokens.Select(t => t.Relation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => (r, SyntaxLabels.Relation(r))).Where(x => x.Item2 is not null).ToList();
        h.Open("details", ("class", "syntax-key")).Element("summary", "Key to the parts of speech and relations");
        foreach (var (title, entries) in new[] { ("Parts of speech", pos), ("Relations", relations) })
        {
            h.Element("h3", title).Open("dl");
            foreach (var (code, name) in entries)
            {
                h.Element("dt", code).Element("dd", name);
            }

            h.Close("dl");
        }

        h.Close("details");
    }

    private static string SentenceText(ArticleLayers layers, SentenceStructure.Sentence s) =>
        layers.Text is { } text && s.Start >= 0 && s.End <= text.Length && s.Start < s.End
            ? text[s.Start..s.End]
            : string.Join(' ', s.Tokens.Select(i => layers.Tokens[i].Text));

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
