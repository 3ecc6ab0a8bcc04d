using TokenView = Dateline.Web.Pages.ArticleLayers.TokenView;

namespace Dateline.Web.Pages;

/// <summary>
/// Reads the parsed tokens of an article back into sentences and, for each clause, a "who did what" line: the subject,
/// the verb with its auxiliaries and negation, the objects and the obliques (by whom, where, when), each as its core
/// phrase (the head word with its determiners, modifiers, compounds and case marker, not its clauses).
/// </summary>
internal static class SentenceStructure
{
    /// <summary>One sentence: its span and the indices (into the token list) of its tokens, in text order.</summary>
    public sealed record Sentence(int Start, int End, IReadOnlyList<int> Tokens);

    /// <summary>A clause; Subject and the phrases are null or empty when the parse has none.</summary>
    public sealed record Clause(string? Subject, string Verb, IReadOnlyList<string> Objects, IReadOnlyList<string> Obliques);

    // Dependents that belong to a phrase's core: "the new South Korean government", "Japan's protest", "over a survey".
    private static readonly HashSet<string> PhraseRelations = new(StringComparer.Ordinal)
    {
        "det", "det:poss", "det:predet", "amod", "nummod", "compound", "compound:prt", "flat", "flat:name", "fixed", "goeswith",
        "nmod:poss", "case",
    };

    // Dependents that make up a verb group: "did not reject", "was told", "is president", "backed down", "to meet"
    // (a "mark" only when it is the infinitive's "to", a particle, not "because" or "that").
    private static readonly HashSet<string> VerbRelations = new(StringComparer.Ordinal) { "aux", "aux:pass", "cop", "compound:prt", "mark" };

    // Adverbs that negate the verb they modify ("not" and "n't" are tagged PART and caught by their tag).
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "never", "n't" };

    // Predicates that share the subject of the verb they hang from: "rejected and [protested]", "agreed [to meet]".
    private static readonly HashSet<string> SharedSubject = new(StringComparer.Ordinal) { "conj", "xcomp" };

    /// <summary>The tokens of each sentence; without sentence spans, all tokens form one sentence.</summary>
    public static IReadOnlyList<Sentence> Sentences(ArticleLayers layers)
    {
        var tokens = layers.Tokens;
        if (layers.Sentences.Count == 0)
        {
            return tokens.Count == 0 ? [] : [new Sentence(tokens[0].Start, tokens[^1].End, [.. Enumerable.Range(0, tokens.Count)])];
        }

        var result = new List<Sentence>(layers.Sentences.Count);
        var t = 0;
        foreach (var s in layers.Sentences)
        {
            while (t < tokens.Count && tokens[t].Start < s.Start)
            {
                t++;
            }

            var members = new List<int>();
            for (; t < tokens.Count && tokens[t].End <= s.End; t++)
            {
                members.Add(t);
            }

            if (members.Count > 0)
            {
                result.Add(new Sentence(s.Start, s.End, members));
            }
        }

        return result;
    }

    /// <summary>The clauses of a sentence that have a subject or an object, in the order of their verbs.</summary>
    public static IReadOnlyList<Clause> Clauses(IReadOnlyList<TokenView> tokens, Sentence sentence)
    {
        var children = sentence.Tokens.Where(i => tokens[i].Head >= 0).ToLookup(i => tokens[i].Head);
        IEnumerable<int> Dependents(int head, Func<string, bool> relation) => children[head].Where(c => relation(tokens[c].Relation));
        bool InVerbGroup(int c) => (VerbRelations.Contains(tokens[c].Relation) && (tokens[c].Relation != "mark" || tokens[c].Upos == "PART"))
            || (Base(tokens[c].Relation) == "advmod" && (tokens[c].Upos == "PART" || Negations.Contains(tokens[c].Lemma)));
        static bool IsSubject(string relation) => Base(relation) is "nsubj" or "csubj";
        int? Subject(int predicate, int depth)
        {
            if (Dependents(predicate, IsSubject).Select(s => (int?)s).FirstOrDefault() is { } own)
            {
                return own;
            }

            var head = tokens[predicate].Head;
            return depth < 8 && head >= 0 && SharedSubject.Contains(tokens[predicate].Relation) ? Subject(head, depth + 1) : null;
        }

        var clauses = new List<Clause>();
        foreach (var p in sentence.Tokens)
        {
            if (tokens[p].Upos != "VERB" && !Dependents(p, IsSubject).Any())
            {
                continue;
            }

            var subject = Subject(p, 0);
            var objects = Dependents(p, r => Base(r) is "obj" or "iobj").Select(o => Phrase(tokens, children, o)).ToList();
            if (subject is null && objects.Count == 0)
            {
                continue;
            }

            var verb = new SortedSet<int>(children[p].Where(InVerbGroup)) { p };
            if (tokens[p].Upos != "VERB")
            {
                verb.UnionWith(Core(tokens, children, p));
            }

            clauses.Add(new Clause(subject is { } s ? Phrase(tokens, children, s) : null, Join(tokens, verb), objects,
                [.. Dependents(p, r => Base(r) == "obl").Select(o => Phrase(tokens, children, o))]));
        }

        return clauses;
    }

    private static string Base(string relation) => relation.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? relation[..colon] : relation;

    private static string Phrase(IReadOnlyList<TokenView> tokens, ILookup<int, int> children, int head) => Join(tokens, Core(tokens, children, head));

    /// <summary>A head token and, recursively, its phrase-core dependents (sorted); a cycle in a bad parse is cut.</summary>
    private static SortedSet<int> Core(IReadOnlyList<TokenView> tokens, ILookup<int, int> children, int head)
    {
        var set = new SortedSet<int>();
        var todo = new Stack<int>([head]);
        while (todo.Count > 0 && set.Count < 24)
        {
            var t = todo.Pop();
            if (!set.Add(t))
            {
                continue;
            }

            foreach (var c in children[t].Where(c => PhraseRelations.Contains(tokens[c].Relation)))
            {
                todo.Push(c);
            }
        }

        return set;
    }

    /// <summary>The tokens' words with the text's spacing between neighbours, and " … " where words in between are left out.</summary>
    private static string Join(IReadOnlyList<TokenView> tokens, SortedSet<int> indices)
    {
        var sb = new System.Text.StringBuilder();
        var previous = -1;
        foreach (var i in indices)
        {
            if (previous >= 0)
            {
                sb.Append(i != previous + 1 ? " … " : tokens[i].Start > tokens[previous].End ? " " : string.Empty);
            }

            sb.Append(tokens[i].Text);
            previous = i;
        }

        return sb.ToString();
    }
}
