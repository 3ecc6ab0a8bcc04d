namespace Dateline.Nlp.Syntax;

/// <summary>One sentence's predicted syntax, aligned with its words: 0-based heads (-1 = root).</summary>
public sealed record SyntaxAnalysis(string[] Lemmas, string[] Upos, string[] Xpos, int[] Heads, string[] Relations);
