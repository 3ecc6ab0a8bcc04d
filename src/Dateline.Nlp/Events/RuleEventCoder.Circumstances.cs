using System.Collections.Frozen;
using System.Globalization;
using Dateline.Core.Documents;

namespace Dateline.Nlp.Events;

/// <summary>
/// How, when and where: modality and negation from the words before the verb, history recaps, the event date and location.
/// </summary>
public sealed partial class RuleEventCoder
{
    private static readonly FrozenSet<string> IntentWords = new[]
    {
        "will", "'ll", "’ll", "would", "wants", "want", "wanted", "hopes", "hope", "hoped", "plans", "plan", "planned", "intends", "intend",
        "aims", "aim", "seeks", "seek", "expects", "expected", "decided", "decides", "going", "set", "importance", "prepared", "ready",
        "willing", "determined", "eager", "keen", "wish", "wishes", "vowed", "pledged", "promised",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> HypotheticalWords = new[] { "may", "might", "could", "if", "unless", "whether" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DemandWords = new[] { "must", "should", "ought", "needs", "need" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NegationWords = new[] { "not", "n't", "n’t", "never", "no" }.ToFrozenSet(StringComparer.Ordinal);

    private static string Modality(string[] words, int from, int trigger, out bool negated, out bool willNot)
    {
        negated = false;
        willNot = false;
        var modality = EventMention.Actual;
        for (var k = Math.Max(from, trigger - 6); k < trigger; k++)
        {
            var w = words[k];
            if (NegationWords.Contains(w))
            {
                negated = true;
                willNot |= k > 0 && words[k - 1] is "will" or "wo" or "would" or "'ll" or "’ll" or "can" or "ca";
            }
            else if (DemandWords.Contains(w) || w == "has" && k + 1 < trigger && words[k + 1] == "to")
            {
                modality = EventMention.Demanded;
            }
            else if (HypotheticalWords.Contains(w))
            {
                modality = EventMention.Hypothetical;
            }
            else if (IntentWords.Contains(w) && modality == EventMention.Actual)
            {
                modality = EventMention.Intended;
            }
        }

        return modality;
    }

    /// <summary>
    /// An act dated well before the article ("resumed visits in 2023", "blew up a plane in 1988") is history. An undated
    /// article (the BBC corpus has no dates) is taken to be no older than the latest year it mentions.
    /// </summary>
    private static bool IsHistory(Context c, TextSpan sentence, Trigger t)
    {
        return IsHistory(c, sentence, t.Start, t.ActEnd);
    }

    private static bool IsHistory(Context c, TextSpan sentence, int start, int actEnd)
    {
        if ((c.DocDate ?? c.LatestYearMentioned) is not { } doc)
        {
            return false;
        }

        var from = c.Tokens[Math.Max(0, start - 3)].Start;
        var to = c.Tokens[Math.Min(c.Tokens.Length - 1, actEnd + 6)].End;
        // "In 2014, Chinese fighter jets flew …", "Since 2009, hundreds have been killed": a time among the sentence's first
        // three words dates all of it.
        var (s, _) = ActorPhraseFinder.TokenRange(c.Tokens, sentence);
        var opening = c.Tokens[Math.Min(c.Tokens.Length - 1, s + 2)].End;
        var at = c.Tokens[start].Start;
        int? old = null, recent = null;
        foreach (var time in c.Times)
        {
            if (!sentence.Contains(time.Span) || time.Value.Length < 4
                || ((time.Span.End < from || time.Span.Start > to) && time.Span.End > opening && !OpensWhenClause(c, time, at))
                || !int.TryParse(time.Value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            var distance = Math.Abs(time.Span.Start - at);
            if (year < doc.Year - 1)
            {
                old = Math.Min(old ?? int.MaxValue, distance);
            }
            else
            {
                recent = Math.Min(recent ?? int.MaxValue, distance);
            }
        }

        // "signed an agreement today to increase trade in 1983": the time nearest the verb dates the act; an older year
        // further on dates its goal or background.
        return old is { } o && !(recent is { } r && r < o);
    }

    /// <summary>"… descended into chaos in 2013 when rebels seized power": the time right before "when" dates the clause it opens.</summary>
    private static bool OpensWhenClause(Context c, TimeMention time, int at)
    {
        var (_, end) = ActorPhraseFinder.TokenRange(c.Tokens, time.Span);
        return end < c.Tokens.Length && c.Words[end] == "when" && c.Tokens[end].Start < at;
    }

    /// <summary>
    /// Where the act took place: the first place named after the verb with "in", "at" or "near" ("held talks in Tokyo"),
    /// as written, when it is not the event's source or target.
    /// </summary>
    private static string? Location(Context c, Trigger t, int e, List<ActorPhrase> sources, List<ActorPhrase> targets)
    {
        var limit = TargetLimit(c, t.ActEnd, e);
        var place = c.Phrases.FirstOrDefault(p => p.Kind == ActorPhrase.Place && p.Start >= t.End && p.End <= limit && p.Start > 0
            && c.Words[p.Start - 1] is "in" or "at" or "near" or "inside" && !sources.Contains(p) && !targets.Contains(p));
        return place is null ? null : c.Text[c.Tokens[place.Start].Start..c.Tokens[place.End - 1].End];
    }

    /// <summary>The date the sentence gives the act ("on Wednesday" → 2025-06-04), else the article's date.</summary>
    private static string? EventDate(Context c, TextSpan sentence, int token)
    {
        var at = c.Tokens[token].Start;
        var best = c.Times.Where(x => sentence.Contains(x.Span) && x.Kind == "date")
            .OrderBy(x => Math.Abs(x.Span.Start - at)).FirstOrDefault();
        return best?.Value ?? c.DocDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
