using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Quotes.Attribution;

/// <summary>Scores a feature list for every class; the trained tables and the training perceptron both do this.</summary>
internal interface IClassScorer
{
    void Score(List<ulong> features, Span<float> scores);
}

/// <summary>
/// Greedy left-to-right decoding shared by training and tagging. Cue tags per sentence: O, B, I. Argument tags per cue,
/// over the cue's paragraph (its sentence, one before and two after, at most 60 tokens either side): O, B-source, I-source, B-content, I-content; the cue's own tokens are skipped. I- tags only
/// continue a span of the same kind. When <c>learn</c> is given, every step is also a perceptron update against the gold
/// tag, and decoding goes on with the guessed tag (the model learns from its own history).
/// </summary>
internal static class AttributionTagger
{
    public const int Outside = 0;
    public const int CueBegin = 1;
    public const int CueInside = 2;
    public const int SourceBegin = 1;
    public const int SourceInside = 2;
    public const int ContentBegin = 3;
    public const int ContentInside = 4;
    public const int CueClasses = 3;
    public const int ArgumentClasses = 5;

    /// <summary>Tokens either side of a cue an argument may reach.</summary>
    public const int Reach = 60;

    /// <summary>Sentences before and after the cue's own that its window takes in (within its paragraph).</summary>
    public const int SentencesBefore = 1;

    public const int SentencesAfter = 2;

    private const int StartOfSpan = 9;
    private const int AfterCue = 8;

    public delegate void Learn(List<ulong> features, int gold, int guess);

    /// <summary>Tags cue tokens in every sentence; returns the cue spans as token ranges [Start, End] inclusive.</summary>
    /// <param name="words">Lower-case word hashes that were part of a cue in training; other tokens are O without scoring
    /// (they never begin or continue a cue in the data, so skipping them saves work and changes little).</param>
    public static List<(int Start, int End)> Cues(AttributionDocument d, IClassScorer scorer, IReadOnlySet<ulong> words, int[]? gold = null, Learn? learn = null,
        float bias = 0)
    {
        var cues = new List<(int, int)>();
        var features = new List<ulong>(32);
        Span<float> scores = stackalloc float[CueClasses];
        var previous = StartOfSpan;
        var open = -1;
        for (var i = 0; i < d.Count; i++)
        {
            if (i == d.SentenceStart[d.Sentence[i]])
            {
                previous = StartOfSpan;
                Close(ref open, i - 1, cues);
            }

            if (!words.Contains(d.Lower[i]))
            {
                Close(ref open, i - 1, cues);
                previous = Outside;
                continue;
            }

            AttributionFeatures.Cue(d, i, previous, features);
            scorer.Score(features, scores);
            scores[CueBegin] += bias;
            var guess = Best(scores, previous, cue: true);
            if (learn is not null)
            {
                learn(features, Reachable(gold![i], previous, cue: true), guess);
            }

            if (guess != CueInside)
            {
                Close(ref open, i - 1, cues);
            }

            if (guess == CueBegin)
            {
                open = i;
            }

            previous = guess;
        }

        Close(ref open, d.Count - 1, cues);
        return cues;
    }

    /// <summary>The window of tokens [From, To) a cue's arguments are looked for in: its paragraph, within <see cref="Reach"/>.</summary>
    public static (int From, int To) Window(AttributionDocument d, int cueStart, int cueEnd)
    {
        var p = d.Paragraph[cueStart];
        var s = d.Sentence[cueStart];
        var from = Math.Max(d.ParagraphStart[p], Math.Max(d.SentenceStart[Math.Max(0, s - SentencesBefore)], cueStart - Reach));
        var to = Math.Min(d.ParagraphStart[p + 1], Math.Min(d.SentenceStart[Math.Min(d.SentenceStart.Length - 1, s + 1 + SentencesAfter)], cueEnd + 1 + Reach));
        return (from, to);
    }

    /// <summary>Argument tags for the tokens of the cue's window (index 0 = token <c>from</c>).</summary>
    public static int[] Arguments(AttributionDocument d, in AttributionFeatures.CueFacts cue, int from, int to, IClassScorer scorer,
        int[] commas, int[] cueWords, int[]? gold = null, Learn? learn = null)
    {
        var tags = new int[to - from];
        var features = new List<ulong>(48);
        Span<float> scores = stackalloc float[ArgumentClasses];
        var previous = StartOfSpan;
        var outside = 0;
        for (var i = from; i < to; i++)
        {
            if (i >= cue.Start && i <= cue.End)
            {
                tags[i - from] = Outside;
                previous = AfterCue;
                continue;
            }

            AttributionFeatures.Argument(d, cue, i, previous, commas, cueWords, features);
            scorer.Score(features, scores);
            var guess = Best(scores, previous, cue: false);
            if (learn is not null)
            {
                learn(features, Reachable(gold![i - from], previous, cue: false), guess);
            }

            tags[i - from] = guess;
            previous = guess;

            // Past the cue's sentence, two untagged tokens in a row end the window: content that runs on into the next
            // sentence starts right at its beginning. (Training stops at the same point, so it learns that.)
            outside = guess == Outside && i > cue.End && d.Sentence[i] > cue.Sentence ? outside + 1 : 0;
            if (outside == 2)
            {
                break;
            }
        }

        return tags;
    }

    /// <summary>Running counts for "how many commas / cue words lie between": counts[i] = number in tokens [0, i).</summary>
    public static (int[] Commas, int[] CueWords) Counts(AttributionDocument d)
    {
        var commas = new int[d.Count + 1];
        var cueWords = new int[d.Count + 1];
        for (var i = 0; i < d.Count; i++)
        {
            commas[i + 1] = commas[i] + (d.Is(i, AttributionDocument.TokenKind.Comma) ? 1 : 0);
            cueWords[i + 1] = cueWords[i] + (d.Lex[i] != FeatureHash.None ? 1 : 0);
        }

        return (commas, cueWords);
    }

    private static void Close(ref int open, int end, List<(int, int)> cues)
    {
        if (open >= 0)
        {
            cues.Add((open, end));
            open = -1;
        }
    }

    /// <summary>
    /// The gold tag as the decoder can still reach it: after a wrong guess ended a span, the rest of that gold span can only
    /// begin again (I- becomes B-). Without this, every later token of the span would push weight onto an I- tag the
    /// decoder never allows there, and spans learn to stop short.
    /// </summary>
    private static int Reachable(int gold, int previous, bool cue) => cue
        ? gold == CueInside && previous is not (CueBegin or CueInside) ? CueBegin : gold
        : gold switch
        {
            SourceInside when previous is not (SourceBegin or SourceInside) => SourceBegin,
            ContentInside when previous is not (ContentBegin or ContentInside) => ContentBegin,
            _ => gold,
        };

    /// <summary>The best tag that keeps the spans well formed: I- only after B- or I- of the same kind.</summary>
    private static int Best(ReadOnlySpan<float> scores, int previous, bool cue)
    {
        var best = Outside;
        for (var c = 1; c < scores.Length; c++)
        {
            var allowed = cue
                ? c != CueInside || previous is CueBegin or CueInside
                : c switch
                {
                    SourceInside => previous is SourceBegin or SourceInside,
                    ContentInside => previous is ContentBegin or ContentInside,
                    _ => true,
                };
            if (allowed && scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
