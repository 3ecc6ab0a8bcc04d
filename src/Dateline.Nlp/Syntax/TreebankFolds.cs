namespace Dateline.Nlp.Syntax;

/// <summary>
/// Document-level folds of a treebank ("2/5": the second of five), so a held-out fold shares no document with the
/// rest: sentences go with the last <c># newdoc</c> before them, and documents are dealt to folds in turn.
/// </summary>
public static class TreebankFolds
{
    public static (int Index, int Count) Parse(string fold)
    {
        var parts = fold.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var k) && k >= 2 && i >= 1 && i <= k
            ? (i, k)
            : throw new FormatException($"fold '{fold}' is not I/K with 1 ≤ I ≤ K and K ≥ 2 (e.g. 1/5)");
    }

    /// <summary>The sentences in fold <paramref name="index"/> of <paramref name="count"/> (1-based), or not in it.</summary>
    public static List<ConlluSentence> Select(IReadOnlyList<ConlluSentence> sentences, int index, int count, bool inFold)
    {
        var result = new List<ConlluSentence>();
        var document = -1;
        foreach (var s in sentences)
        {
            if (s.OtherLines.Any(l => l.StartsWith("# newdoc", StringComparison.Ordinal)) || document < 0)
            {
                document++;
            }

            if ((document % count == index - 1) == inFold)
            {
                result.Add(s);
            }
        }

        return result;
    }
}
