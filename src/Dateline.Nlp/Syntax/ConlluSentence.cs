using System.Collections.Immutable;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// A CoNLL-U sentence: its word lines (multiword-token ranges and empty nodes are not words) and every other line as
/// written, so a writer can pass comments and ranges through. <see cref="Layout"/> holds, in order, either a word index
/// (≥ 0) or the bitwise complement of an index into <see cref="OtherLines"/>.
/// </summary>
public sealed record ConlluSentence(ImmutableArray<ConlluWord> Words, ImmutableArray<string> OtherLines, ImmutableArray<int> Layout, int Line)
{
    public string[] Forms() => [.. Words.Select(w => w.Form)];

    /// <summary>Gold heads as 0-based word indices (-1 = root).</summary>
    public int[] Heads() => [.. Words.Select(w => w.Head - 1)];

    public string[] Relations() => [.. Words.Select(w => w.Relation)];
}
