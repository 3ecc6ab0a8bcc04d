using Dateline.Nlp.Learning;
using Dateline.Nlp.Syntax;

namespace Dateline.Nlp.Tests.Syntax;

/// <summary>Word-pair frequencies from parsed text: bands by frequency, direction, triples, and the file form.</summary>
[Trait("issue", "11")]
public sealed class LexicalAssociationsTests
{
    // "Ministers met in Tokyo ." : met is the root, Ministers its subject, Tokyo its oblique with "in" as case.
    private static (WordAtoms, int[], string[]) Met() =>
        (new WordAtoms(["Ministers", "met", "in", "Tokyo", "."], WordClusters.Empty), [1, -1, 3, 1, 1], ["nsubj", "root", "case", "obl", "punct"]);

    // "Police arrested men ." : a pair seen as often as the others, and one seen only once.
    private static (WordAtoms, int[], string[]) Arrested(string obj) =>
        (new WordAtoms(["Police", "arrested", obj, "."], WordClusters.Empty), [1, -1, 1, 1], ["nsubj", "root", "obj", "punct"]);

    private static LexicalAssociations Learn()
    {
        var parsed = new List<(WordAtoms, int[], string[])>();
        for (var i = 0; i < 20; i++)
        {
            parsed.Add(Met());
        }

        parsed.Add(Arrested("men"));
        parsed.Add(Arrested("men"));
        parsed.Add(Arrested("students"));
        return LexicalAssociations.Learn(parsed);
    }

    private static ulong W(string word) => new WordAtoms([word], WordClusters.Empty).Lower[0];

    [Fact]
    public void Frequent_pairs_band_higher_than_rare_ones_and_single_sightings_not_at_all()
    {
        var lex = Learn();
        var frequent = lex.Pair(W("met"), W("tokyo"), right: true);
        var rare = lex.Pair(W("arrested"), W("men"), right: true);
        Assert.True(frequent > rare, $"met→Tokyo band {frequent}, arrested→men band {rare}");
        Assert.True(rare >= 1);
        Assert.Equal(0UL, lex.Pair(W("arrested"), W("students"), right: true)); // seen once
        Assert.Equal(0UL, lex.Pair(W("tokyo"), W("met"), right: true)); // never the head
    }

    [Fact]
    public void Direction_and_the_dependents_leftmost_child_are_part_of_the_key()
    {
        var lex = Learn();
        Assert.NotEqual(0UL, lex.Pair(W("met"), W("ministers"), right: false));
        Assert.Equal(0UL, lex.Pair(W("met"), W("ministers"), right: true));
        Assert.NotEqual(0UL, lex.Triple(W("met"), W("in"), W("tokyo")));
        Assert.Equal(0UL, lex.Triple(W("met"), W("at"), W("tokyo")));
    }

    [Fact]
    public void Punctuation_is_not_counted_and_the_root_stands_after_the_sentence()
    {
        var lex = Learn();
        Assert.Equal(0UL, lex.Pair(W("met"), W("."), right: true));
        Assert.NotEqual(0UL, lex.Pair(LexicalAssociations.RootWord, W("met"), right: false));
    }

    [Fact]
    public void The_file_form_reads_back_the_same_bands()
    {
        var lex = Learn();
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            lex.Write(w);
        }

        memory.Position = 0;
        var read = LexicalAssociations.Read(new BinaryReader(memory));
        Assert.Equal(lex.Count, read.Count);
        foreach (var (head, dep, right) in new[] { ("met", "tokyo", true), ("arrested", "men", true), ("met", "ministers", false), ("arrested", "students", true) })
        {
            Assert.Equal(lex.Pair(W(head), W(dep), right), read.Pair(W(head), W(dep), right));
        }
    }
}
