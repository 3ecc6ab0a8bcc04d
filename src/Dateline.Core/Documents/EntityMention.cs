namespace Dateline.Core.Documents;

/// <summary>A named-entity span in a document: PERSON, ORG, GPE, LOC, NORP, EVENT, LAW, MISC.</summary>
public sealed record EntityMention(TextSpan Span, string Label, double Confidence);
