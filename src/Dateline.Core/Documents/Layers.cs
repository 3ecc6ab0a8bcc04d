using System.Collections.Immutable;

namespace Dateline.Core.Documents;

/// <summary>Every layer a document can carry. Stages talk to each other only through these.</summary>
public static class Layers
{
    /// <summary>Paragraph spans of the body text; set when the document is created from an article.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Paragraphs = new("paragraphs");
}
