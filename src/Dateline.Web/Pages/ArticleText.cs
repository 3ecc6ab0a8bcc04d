using System.Globalization;
using Dateline.Core.Articles;

namespace Dateline.Web.Pages;

/// <summary>
/// Renders an article body as paragraphs with its layers as nested, escaped elements: quotes (<c>span.quote</c>), quote
/// speakers (<c>span.speaker-ref</c>), event triggers (<c>a.event</c> to the event in the list below, with the label in
/// <c>data-label</c>, which the stylesheet shows after the words), entities (<c>a.entity</c> to the actor page, or
/// <c>span.entity</c>) and times.
/// Spans are clipped to their paragraph and to the span they start inside, so the markup is always well nested.
/// </summary>
internal static class ArticleText
{
    private sealed record Mark(int Start, int End, int Rank, string Tag, (string, string?)[] Attributes);

    public static void Write(Html h, Article article, ArticleLayers layers, IReadOnlyDictionary<string, string> actorEntities)
    {
        var text = article.Body;
        var marks = Marks(layers, actorEntities, text.Length);
        var offset = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            var (start, end) = (offset, offset + paragraph.Length);
            h.Open("p");
            WriteRange(h, text, start, end, marks.Where(m => m.Start < end && m.End > start)
                .Select(m => m with { Start = Math.Max(m.Start, start), End = Math.Min(m.End, end) }).Where(m => m.End > m.Start).ToList());
            h.Close("p");
            offset = end + Article.BodySeparator.Length;
        }
    }

    private static List<Mark> Marks(ArticleLayers layers, IReadOnlyDictionary<string, string> actorEntities, int length)
    {
        string? Name(string? actorId) => actorId is not null && layers.Actors.TryGetValue(actorId, out var a) ? a.Name : null;
        var marks = new List<Mark>();
        for (var i = 0; i < layers.Quotes.Count; i++)
        {
            var q = layers.Quotes[i];
            marks.Add(new Mark(q.Start, q.End, 0, "span", [("class", q.Direct ? "quote direct" : "quote reported"), ("data-quote", i.ToString(CultureInfo.InvariantCulture)),
                ("data-speaker", Name(q.ActorId) ?? q.SpeakerText), ("title", (Name(q.ActorId) ?? q.SpeakerText) is { } who ? "Said by " + who : "Speaker unknown")]));
            if (q.SpeakerStart is { } ss && q.SpeakerEnd is { } se)
            {
                marks.Add(new Mark(ss, se, 1, "span", [("class", "speaker-ref"), ("data-quote", i.ToString(CultureInfo.InvariantCulture))]));
            }
        }

        foreach (var e in layers.Entities)
        {
            var entityId = e.ActorId is not null && actorEntities.TryGetValue(e.ActorId, out var id) ? id : null;
            marks.Add(entityId is null
                ? new Mark(e.Start, e.End, 3, "span", [("class", "entity"), ("data-type", e.Type)])
                : new Mark(e.Start, e.End, 3, "a", [("class", "entity"), ("data-type", e.Type), ("data-actor", entityId), ("href", Routes.Actor(entityId))]));
        }

        // One mark per trigger: events that share their words (compound subjects) share the mark and its label.
        foreach (var group in layers.Events.Select((e, i) => (e, i)).GroupBy(x => (x.e.TriggerStart, x.e.TriggerEnd)))
        {
            var (first, index) = group.First();
            var label = string.Join("; ", group.Select(x => EventLabels.Label(x.e.Source.Code, x.e.Target?.Code, x.e.Cameo, x.e.Plover)
                + (EventLabels.Flags(x.e.Modality, x.e.Negated) is { } f ? " [" + f + "]" : string.Empty)));
            marks.Add(new Mark(first.TriggerStart, first.TriggerEnd, 2, "a", [("class", "event"), ("id", "event-at-" + first.TriggerStart.ToString(CultureInfo.InvariantCulture)),
                ("href", "#event-" + index.ToString(CultureInfo.InvariantCulture)), ("data-cameo", string.Join(' ', group.Select(x => x.e.Cameo).Distinct(StringComparer.Ordinal))),
                ("data-label", label), ("title", label)]));
        }

        foreach (var t in layers.Times)
        {
            marks.Add(new Mark(t.Start, t.End, 4, "span", [("class", "time"), ("data-value", t.Value), ("title", t.Value)]));
        }

        return [.. marks.Where(m => m.Start >= 0 && m.End <= length && m.End > m.Start)
            .OrderBy(m => m.Start).ThenByDescending(m => m.End).ThenBy(m => m.Rank)];
    }

    private static void WriteRange(Html h, string text, int start, int end, List<Mark> marks)
    {
        var open = new Stack<Mark>();
        var pos = start;
        foreach (var mark in marks)
        {
            while (open.Count > 0 && open.Peek().End <= mark.Start)
            {
                var done = open.Pop();
                h.Text(text, pos, done.End).Close(done.Tag);
                pos = done.End;
            }

            var m = open.Count > 0 && mark.End > open.Peek().End ? mark with { End = open.Peek().End } : mark;
            if (m.End <= m.Start || (m.Tag == "a" && open.Any(o => o.Tag == "a")))
            {
                continue; // clipped away, or a link inside a link
            }

            h.Text(text, pos, m.Start).Open(m.Tag, m.Attributes);
            pos = m.Start;
            open.Push(m);
        }

        while (open.Count > 0)
        {
            var done = open.Pop();
            h.Text(text, pos, done.End).Close(done.Tag);
            pos = done.End;
        }

        h.Text(text, pos, end);
    }
}
