using System.Collections.Frozen;
using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Nlp.Learning;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>
/// Per-token facts the attribution tagger's features are made of, computed once per document: word hashes, shape,
/// suffix, word class, the class of the word in Data/speech_verbs.tsv, the entity label, quotation-mark regions, and
/// the sentence and paragraph each token is in.
/// </summary>
internal sealed class AttributionDocument
{
    private static readonly Lazy<FrozenDictionary<string, ulong>> CueClasses = new(LoadCueClasses);

    private static readonly FrozenSet<string> PronounWords = new[] { "he", "she", "they", "we", "i", "you", "it", "who" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public AttributionDocument(Document document)
    {
        Text = document.Text;
        Tokens = document.Get(Layers.Tokens);
        var n = Tokens.Length;
        var paragraphs = document.Has(Layers.Paragraphs) ? document.Get(Layers.Paragraphs) : [new TextSpan(0, Text.Length)];
        var sentences = document.Get(Layers.Sentences);
        Lower = new ulong[n];
        Shape = new ulong[n];
        Suffix = new ulong[n];
        Stem = new ulong[n];
        Cluster = new ulong[n];
        Lex = new ulong[n];
        Entity = new ulong[n];
        Sentence = new int[n];
        Paragraph = new int[n];
        Quote = new int[n];
        Kind = new TokenKind[n];
        var clusters = Learning.WordClusters.Default;
        var classes = CueClasses.Value;
        for (var i = 0; i < n; i++)
        {
            var t = Text.AsSpan(Tokens[i].Start, Tokens[i].Length);
            var word = t.ToString();
            Lower[i] = FeatureHash.Of(t, true);
            Shape[i] = FeatureHash.Shape(t);
            Suffix[i] = FeatureHash.Of(t.Length > 3 ? t[^3..] : t, true);
            Stem[i] = FeatureHash.Of(StemOf(t), true);
            Cluster[i] = clusters.Lookup(word) is { } c ? (ulong)c.Fine + 1 : 0;
            Lex[i] = classes.TryGetValue(word, out var lx) ? lx : FeatureHash.None;
            Quote[i] = -1;
            Kind[i] = KindOf(t);
        }

        foreach (var e in document.Get(Layers.Entities))
        {
            var first = true;
            for (var i = FirstTokenAtOrAfter(e.Span.Start); i < n && Tokens[i].End <= e.Span.End; i++)
            {
                Entity[i] = FeatureHash.Key(first ? 1 : 2, FeatureHash.Of(e.Label));
                first = false;
            }
        }

        Assign(sentences, Sentence, out var sentenceStarts);
        Assign(paragraphs, Paragraph, out var paragraphStarts);
        SentenceStart = sentenceStarts;
        ParagraphStart = paragraphStarts;
        Head = new int[n];
        Rel = new ulong[n];
        Lemma = new ulong[n];
        Children = new ulong[n];
        Array.Fill(Head, -1);
        if (document.Has(Layers.Syntax) && document.Get(Layers.Syntax) is { } tree && tree.Length == n)
        {
            HasSyntax = true;
            for (var i = 0; i < n; i++)
            {
                var relation = tree[i].Relation;
                var colon = relation.IndexOf(':', StringComparison.Ordinal);
                Head[i] = tree[i].Head;
                Rel[i] = FeatureHash.Of(colon < 0 ? relation : relation[..colon]);
                Lemma[i] = FeatureHash.Of(tree[i].Lemma, true);
                if (tree[i].Head >= 0 && tree[i].Head < n)
                {
                    Children[tree[i].Head] |= ChildBit(relation);
                }
            }
        }

        var q = 0;
        foreach (var m in QuotationMarks.Find(Text, paragraphs))
        {
            for (var i = FirstTokenAtOrAfter(m.Open); i < n && Tokens[i].Start < m.CloseEnd; i++)
            {
                Quote[i] = q;
            }

            q++;
        }
    }

    [Flags]
    public enum TokenKind : byte
    {
        None = 0,
        Word = 1,
        Mark = 2,
        Comma = 4,
        End = 8,
        Colon = 16,
        Dash = 32,
        Pronoun = 64,
        Capital = 128,
    }

    public string Text { get; }

    public ImmutableArray<TextSpan> Tokens { get; }

    public ulong[] Lower { get; }

    public ulong[] Shape { get; }

    public ulong[] Suffix { get; }

    /// <summary>The word without a regular inflection ("claims", "claimed", "claiming" → "claim").</summary>
    public ulong[] Stem { get; }

    public ulong[] Cluster { get; }

    public ulong[] Lex { get; }

    public ulong[] Entity { get; }

    public int[] Sentence { get; }

    public int[] Paragraph { get; }

    /// <summary>The index of the quotation-mark region a token is in (marks included), or -1.</summary>
    public int[] Quote { get; }

    public TokenKind[] Kind { get; }

    /// <summary>First token of each sentence (by index in <see cref="Sentence"/>), and one past the end.</summary>
    public int[] SentenceStart { get; }

    public int[] ParagraphStart { get; }

    public int Count => Tokens.Length;

    /// <summary>Whether the document has a dependency tree over these tokens (<see cref="Layers.Syntax"/>).</summary>
    public bool HasSyntax { get; }

    /// <summary>Each token's head token (-1: the root, or no tree).</summary>
    public int[] Head { get; }

    /// <summary>Each token's universal relation to its head, hashed (0 without a tree).</summary>
    public ulong[] Rel { get; }

    /// <summary>Each token's lemma, hashed (0 without a tree).</summary>
    public ulong[] Lemma { get; }

    /// <summary>The kinds of dependents each token has, as bits (<see cref="ChildBit"/>): "said" with a clausal complement and a subject.</summary>
    public ulong[] Children { get; }

    /// <summary>
    /// The relation of <paramref name="token"/> to the cue word <paramref name="cue"/> in the tree: the relation of the
    /// cue's dependent whose subtree holds the token (the subject, the complement clause…), marked as below the cue; or,
    /// when the token governs the cue ("… is wrong, he said": the cue hangs on the content's verb), the cue's relation
    /// marked as above; otherwise none. 0 without a tree.
    /// </summary>
    public ulong PathToCue(int token, int cue)
    {
        if (!HasSyntax)
        {
            return 0;
        }

        if (token == cue)
        {
            return 1;
        }

        for (int below = token, up = Head[token], steps = 0; up >= 0 && steps < 40; below = up, up = Head[up], steps++)
        {
            if (up == cue)
            {
                return FeatureHash.Key(2, Rel[below]);
            }
        }

        for (int below = cue, up = Head[cue], steps = 0; up >= 0 && steps < 40; below = up, up = Head[up], steps++)
        {
            if (up == token)
            {
                return FeatureHash.Key(3, Rel[below]);
            }
        }

        return 4;
    }

    private static ulong ChildBit(string relation) => relation switch
    {
        "ccomp" => 1,
        "parataxis" => 2,
        "xcomp" => 4,
        "nsubj" => 8,
        "nsubj:pass" => 16,
        "obj" => 32,
        "advcl" => 64,
        "obl" or "obl:agent" => 128,
        "iobj" => 256,
        _ => 0,
    };

    public bool Is(int i, TokenKind kind) => i >= 0 && i < Kind.Length && (Kind[i] & kind) != 0;

    public ulong LowerAt(int i) => i < 0 ? 1 : i >= Lower.Length ? 2 : Lower[i];

    public int FirstTokenAtOrAfter(int pos)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].Start < pos)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Token → index of the last span starting at or before it; starts[k] = first token of span k or later.</summary>
    private void Assign(ImmutableArray<TextSpan> spans, int[] index, out int[] starts)
    {
        var s = 0;
        for (var i = 0; i < Tokens.Length; i++)
        {
            while (s + 1 < spans.Length && Tokens[i].Start >= spans[s + 1].Start)
            {
                s++;
            }

            index[i] = s;
        }

        starts = new int[Math.Max(spans.Length, 1) + 1];
        var t = 0;
        for (var k = 0; k < starts.Length; k++)
        {
            while (t < Tokens.Length && index[t] < k)
            {
                t++;
            }

            starts[k] = t;
        }
    }

    private static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> t)
    {
        if (t.Length > 5 && t.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return t[..^3];
        }

        if (t.Length > 4 && t.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return t[..^(t[^3] == 'e' ? 1 : 2)];
        }

        if (t.Length > 3 && t.EndsWith("es", StringComparison.OrdinalIgnoreCase) && t[^3] is 's' or 'x' or 'h')
        {
            return t[..^2];
        }

        return t.Length > 3 && t[^1] is 's' or 'S' && t[^2] is not ('s' or 'S') ? t[..^1] : t;
    }

    private static TokenKind KindOf(ReadOnlySpan<char> t)
    {
        var c = t[0];
        if (char.IsLetterOrDigit(c))
        {
            var k = TokenKind.Word | (char.IsUpper(c) ? TokenKind.Capital : TokenKind.None);
            return PronounWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t) ? k | TokenKind.Pronoun : k;
        }

        return c switch
        {
            _ when QuotationMarks.IsDouble(c) || (t.Length == 2 && c == '\'' && t[1] == '\'') => TokenKind.Mark,
            ',' => TokenKind.Comma,
            '.' or '!' or '?' or ';' or '…' => TokenKind.End,
            ':' => TokenKind.Colon,
            '—' or '–' or '―' or '-' => TokenKind.Dash,
            _ => TokenKind.None,
        };
    }

    /// <summary>Word (lower case) → its class in speech_verbs.tsv, for every class (belief and evidence cues too).</summary>
    private static FrozenDictionary<string, ulong> LoadCueClasses()
    {
        var map = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvResource.Rows("speech_verbs.tsv"))
        {
            foreach (var form in TsvResource.List(row, "forms"))
            {
                if (!form.Contains(' ', StringComparison.Ordinal))
                {
                    map.TryAdd(form, FeatureHash.Of(row["class"]));
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
