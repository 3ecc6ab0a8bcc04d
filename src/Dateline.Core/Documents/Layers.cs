using System.Collections.Immutable;

namespace Dateline.Core.Documents;

/// <summary>Every layer a document can carry. Stages talk to each other only through these.</summary>
public static class Layers
{
    /// <summary>Paragraph spans of the body text; set when the document is created from an article.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Paragraphs = new("paragraphs");

    /// <summary>Token spans in text order.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Tokens = new("tokens");

    /// <summary>Sentence spans in text order; each starts and ends on token boundaries.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Sentences = new("sentences");

    /// <summary>Named-entity mentions in text order, not overlapping.</summary>
    public static readonly Layer<ImmutableArray<EntityMention>> Entities = new("entities");
}
