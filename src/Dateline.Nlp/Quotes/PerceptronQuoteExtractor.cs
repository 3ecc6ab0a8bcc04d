using System.Collections.Immutable;
using Dateline.Core.Documents;
using Dateline.Core.Pipelines;
using Dateline.Nlp.Learning;
using Dateline.Nlp.Quotes.Attribution;

namespace Dateline.Nlp.Quotes;

/// <summary>
/// Attributions from the trained <see cref="QuoteModel"/>: cues are tagged per sentence, then for each cue its source and
/// content are tagged over the cue's paragraph. The content is the stretch from the first to the last content piece
/// (a quote split around its cue is one attribution); the speaker is the source piece nearest the cue, resolved to an
/// actor when <see cref="Layers.ActorMentions"/> is present. Direct: at least half the content is inside quotation marks
/// (a scare quote inside reported speech does not make it direct). Spans follow PolNeAR: the content of a direct quote
/// includes its marks.
/// </summary>
public sealed class PerceptronQuoteExtractor(QuoteModel model) : IPipelineComponent
{
    public ComponentInfo Info { get; } = new("quotes.perceptron.v2", [Layers.Tokens, Layers.Sentences, Layers.Entities], [Layers.Quotes]);

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var quotes = Extract(document);
        document.Set(Layers.Quotes, quotes);
    }

    /// <summary>Pure: computes the quotes of a document from its text and layers.</summary>
    public ImmutableArray<QuoteMention> Extract(Document document)
    {
        var d = new AttributionDocument(document);
        var actors = document.Has(Layers.ActorMentions) ? document.Get(Layers.ActorMentions) : (ImmutableArray<ActorMention>?)null;
        var (commas, cueWords) = AttributionTagger.Counts(d);
        var result = ImmutableArray.CreateBuilder<QuoteMention>();
        foreach (var (start, end) in AttributionTagger.Cues(d, model.CueWeights, model.CueWords, bias: model.CueBias))
        {
            var facts = AttributionFeatures.CueFacts.Of(d, start, end);
            var (from, to) = AttributionTagger.Window(d, start, end);
            var tags = AttributionTagger.Arguments(d, facts, from, to, model.ArgumentWeights, commas, cueWords);
            int contentFirst = -1, contentLast = -1;
            (int Start, int End)? speaker = null;
            var distance = int.MaxValue;
            for (var k = 0; k < tags.Length; k++)
            {
                var i = from + k;
                if (tags[k] is AttributionTagger.ContentBegin or AttributionTagger.ContentInside)
                {
                    contentFirst = contentFirst < 0 ? i : contentFirst;
                    contentLast = i;
                }
                else if (tags[k] == AttributionTagger.SourceBegin)
                {
                    var last = k;
                    while (last + 1 < tags.Length && tags[last + 1] == AttributionTagger.SourceInside)
                    {
                        last++;
                    }

                    var gap = i < start ? start - (from + last) : i - end;
                    if (gap < distance)
                    {
                        distance = gap;
                        speaker = (i, from + last);
                    }
                }
            }

            if (contentFirst < 0)
            {
                continue;
            }

            contentLast = ToSentenceEnd(d, contentFirst, contentLast, end);
            (contentFirst, contentLast) = ToQuotationMarks(d, contentFirst, contentLast, start, end);

            var words = 0;
            for (var i = contentFirst; i <= contentLast; i++)
            {
                words += d.Is(i, AttributionDocument.TokenKind.Word) ? 1 : 0;
            }

            if (words < 2) // one word is a stray tag more often than an attribution (held-out: fewer false, as many right)
            {
                continue;
            }

            speaker ??= SubjectOfSentence(d, start, end);
            var content = new TextSpan(d.Tokens[contentFirst].Start, d.Tokens[contentLast].End);
            var speakerSpan = speaker is { } s ? new TextSpan(d.Tokens[s.Start].Start, d.Tokens[s.End].End) : (TextSpan?)null;
            var quoted = 0;
            for (var i = contentFirst; i <= contentLast; i++)
            {
                quoted += d.Quote[i] >= 0 ? 1 : 0;
            }

            var direct = quoted * 2 >= contentLast - contentFirst + 1; // 'Japan as "partners" in the talks' is reported, not quoted

            result.Add(new QuoteMention(content, direct, new TextSpan(d.Tokens[start].Start, d.Tokens[end].End), speakerSpan,
                speakerSpan is { } sp && actors is { } a ? ActorFor(a, sp) : null));
        }

        foreach (var (cue, sourceStart, sourceEnd, first, last) in LabelledLines.Find(d))
        {
            var content = new TextSpan(d.Tokens[first].Start, d.Tokens[last].End);
            if (result.Any(q => q.Content.Overlaps(content)))
            {
                continue;
            }

            var speakerSpan = new TextSpan(d.Tokens[sourceStart].Start, d.Tokens[sourceEnd].End);
            result.Add(new QuoteMention(content, d.Quote[first] >= 0, d.Tokens[cue], speakerSpan, actors is { } a ? ActorFor(a, speakerSpan) : null));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Content that begins at an opening quotation mark runs at least to its closing mark, and content that ends at a
    /// closing mark starts no later than its opening mark: a quotation is one utterance (PolNeAR's content spans cover it
    /// whole), while the tagger's window stops after a few sentences. Never across the cue.
    /// </summary>
    internal static (int First, int Last) ToQuotationMarks(AttributionDocument d, int first, int last, int cueStart, int cueEnd)
    {
        var q = d.Quote[last];
        var opening = last;
        while (q >= 0 && opening > 0 && d.Quote[opening - 1] == q)
        {
            opening--;
        }

        if (q >= 0 && opening >= first)
        {
            var limit = last < cueStart ? cueStart : d.Count;
            while (last + 1 < limit && d.Quote[last + 1] == q)
            {
                last++;
            }
        }

        q = d.Quote[first];
        var closing = first;
        while (q >= 0 && closing + 1 < d.Count && d.Quote[closing + 1] == q)
        {
            closing++;
        }

        if (q >= 0 && closing <= last)
        {
            var limit = first > cueEnd ? cueEnd : -1;
            while (first - 1 > limit && d.Quote[first - 1] == q)
            {
                first--;
            }
        }

        return (first, last);
    }

    /// <summary>
    /// When the tagger found no source: the first name or pronoun of the cue's sentence before the cue (the subject a
    /// participle cue shares: "Cruz hit back on Monday, accusing …"), else the first one after it.
    /// </summary>
    internal static (int Start, int End)? SubjectOfSentence(AttributionDocument d, int cueStart, int cueEnd)
    {
        var s = d.Sentence[cueStart];
        (int, int)? Find(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (d.Quote[i] >= 0)
                {
                    continue;
                }

                if (d.Entity[i] != 0)
                {
                    var last = i;
                    while (last + 1 < to && d.Entity[last + 1] != 0 && d.Entity[last + 1] != d.Entity[i])
                    {
                        last++;
                    }

                    return (i, last);
                }

                if (d.Is(i, AttributionDocument.TokenKind.Pronoun))
                {
                    return (i, i);
                }
            }

            return null;
        }

        return Find(d.SentenceStart[s], cueStart) ?? Find(cueEnd + 1, d.SentenceStart[s + 1]);
    }

    /// <summary>
    /// Reported content right of its cue that stops at a comma in the cue's sentence runs on to the sentence's end ("… said
    /// there is a faction he does not see eye to eye with, most specifically …"): the greedy tagger tends to stop at the
    /// first comma. Not past a quotation mark or another attribution word.
    /// </summary>
    internal static int ToSentenceEnd(AttributionDocument d, int first, int last, int cueEnd)
    {
        var s = d.Sentence[cueEnd];
        bool Ends(int k) => d.Is(k, AttributionDocument.TokenKind.End) && d.Text[d.Tokens[k].Start] != ';';
        if (last <= cueEnd || d.Sentence[last] != s || Ends(last + 1) || (d.Quote[last] >= 0 && last + 1 < d.Count && d.Quote[last + 1] == d.Quote[last]))
        {
            return last;
        }

        var stop = d.SentenceStart[s + 1];
        var k = last + 1;
        while (k < stop && !Ends(k) && !d.Is(k, AttributionDocument.TokenKind.Mark))
        {
            if (d.Lex[k] != FeatureHash.None)
            {
                // ", he said," inside the reported clause is an aside of the same attribution: step over it
                var aside = k > 1 && d.Is(k - 2, AttributionDocument.TokenKind.Comma) && (d.Is(k - 1, AttributionDocument.TokenKind.Pronoun) || d.Entity[k - 1] != 0)
                    && d.Is(k + 1, AttributionDocument.TokenKind.Comma);
                if (!aside)
                {
                    break;
                }
            }

            k++;
        }

        if (k < stop && !Ends(k))
        {
            while (k > last + 1 && !d.Is(k, AttributionDocument.TokenKind.Comma))
            {
                k--;
            }
        }

        return k - 1;
    }

    /// <summary>The actor of the longest actor mention inside the speaker span, else of any mention overlapping it.</summary>
    internal static string? ActorFor(ImmutableArray<ActorMention> actors, TextSpan speaker)
    {
        ActorMention? best = null;
        foreach (var a in actors)
        {
            if (a.Span.Overlaps(speaker) && (best is null || (speaker.Contains(a.Span) && a.Span.Length > best.Span.Length)))
            {
                best = a;
            }
        }

        return best?.ActorId;
    }
}
