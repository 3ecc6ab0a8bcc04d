using System.Collections.Immutable;

namespace Dateline.Core.Documents;

/// <summary>Every layer a document can carry. Stages talk to each other only through these.</summary>
public static class Layers
{
    /// <summary>Paragraph spans of the body text; set when the document is created from an article.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Paragraphs = new("paragraphs");

    /// <summary>
    /// Set only when the document holds the first part of a longer article (analysis is bounded, see
    /// <see cref="Document.FromArticle(Articles.Article, int)"/>): the length of the whole body in characters.
    /// </summary>
    public static readonly Layer<int> FullTextLength = new("full-text-length");

    /// <summary>Token spans in text order.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Tokens = new("tokens");

    /// <summary>Sentence spans in text order; each starts and ends on token boundaries.</summary>
    public static readonly Layer<ImmutableArray<TextSpan>> Sentences = new("sentences");

    /// <summary>Lemma, part of speech and dependency of every token, aligned with <see cref="Tokens"/>; heads stay within a sentence.</summary>
    public static readonly Layer<ImmutableArray<TokenSyntax>> Syntax = new("syntax");

    /// <summary>Named-entity mentions in text order, not overlapping.</summary>
    public static readonly Layer<ImmutableArray<EntityMention>> Entities = new("entities");

    /// <summary>The date the document was published; relative dates ("on Wednesday") resolve against it. Set by the caller.</summary>
    public static readonly Layer<DateOnly> DocumentDate = new("document-date");

    /// <summary>The actors of the document, one per resolved person, organisation or state.</summary>
    public static readonly Layer<ImmutableArray<Actor>> Actors = new("actors");

    /// <summary>Every span that refers to an actor, in text order.</summary>
    public static readonly Layer<ImmutableArray<ActorMention>> ActorMentions = new("actor-mentions");

    /// <summary>Temporal expressions with normalised values, in text order.</summary>
    public static readonly Layer<ImmutableArray<TimeMention>> Times = new("times");

    /// <summary>Quotations with cue, speaker and speaker actor, in text order.</summary>
    public static readonly Layer<ImmutableArray<QuoteMention>> Quotes = new("quotes");

    /// <summary>Political events coded from the sentences, in text order.</summary>
    public static readonly Layer<ImmutableArray<EventMention>> Events = new("events");
}
