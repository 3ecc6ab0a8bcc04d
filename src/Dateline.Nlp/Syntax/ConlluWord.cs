namespace Dateline.Nlp.Syntax;

/// <summary>One word line of a CoNLL-U sentence (ten columns; "_" kept as written). <see cref="Head"/> is 1-based, 0 = root, -1 = none given.</summary>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Deps, string Misc);
