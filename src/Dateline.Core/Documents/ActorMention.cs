namespace Dateline.Core.Documents;

/// <summary>A span of text that refers to an <see cref="Actor"/> (a name, a role noun, a pronoun).</summary>
public sealed record ActorMention(TextSpan Span, string ActorId, string Via);
