namespace Dateline.Core.Documents;

/// <summary>
/// One token's morphology and dependency, aligned with <see cref="Layers.Tokens"/> (entry i describes token i).
/// <see cref="Upos"/> is a Universal POS tag, <see cref="Xpos"/> a Penn Treebank tag ("" when not predicted),
/// <see cref="Head"/> the document-level index of the head token (-1 for the root of its sentence) and
/// <see cref="Relation"/> the Universal Dependencies relation, with its subtype ("nsubj:pass", "root").
/// </summary>
public readonly record struct TokenSyntax(string Lemma, string Upos, string Xpos, int Head, string Relation)
{
    public bool IsRoot => Head < 0;
}
