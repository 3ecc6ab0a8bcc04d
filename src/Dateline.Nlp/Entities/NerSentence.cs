namespace Dateline.Nlp.Entities;

/// <summary>The tokens of one sentence as the tagger sees them, with the document they belong to.</summary>
public sealed record NerSentence(string[] Words, int Document)
{
    /// <summary>Gold BIO tags (training and evaluation only).</summary>
    public string[]? Tags { get; init; }
}
