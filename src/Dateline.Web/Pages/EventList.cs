using System.Globalization;
using Dateline.Storage.Events;

namespace Dateline.Web.Pages;

/// <summary>
/// Stored events as a list (events page, dyad page, actor page): the label, date, quad class, Goldstein score, the
/// evidence sentence, and every article that reports the event (links to the article pages).
/// </summary>
internal static class EventList
{
    public static void Write(Html h, IReadOnlyList<StoredEvent> events, string empty = "No events.")
    {
        if (events.Count == 0)
        {
            h.Element("p", empty, ("class", "empty"));
            return;
        }

        h.Open("ol", ("class", "event-list"));
        foreach (var e in events)
        {
            var id = e.Id.ToString(CultureInfo.InvariantCulture);
            h.Open("li", ("class", "event-item"), ("id", "stored-event-" + id), ("data-event", id), ("data-cameo", e.Cameo));
            h.Open("p", ("class", "event-label"));
            Side(h, e.SourceCode, e.SourceText, "source");
            h.Text(" → ");
            Side(h, e.TargetCode, e.TargetText, "target");
            h.Text(" · ").Element("span", EventLabels.Act(e.Cameo, e.Plover == e.PloverAct ? e.Plover : e.PloverAct + ", " + e.Plover), ("class", "act")).Close("p");
            h.Open("p", ("class", "meta")).Element("time", e.Date ?? "undated").Text(" · " + EventLabels.Quad(e.QuadClass) + " · Goldstein " + EventLabels.Goldstein(e.Goldstein));
            if (EventLabels.Flags(e.Modality, e.Negated) is { } flags)
            {
                h.Text(" · ").Element("span", flags, ("class", "flags"));
            }

            h.Text(" · ").Link(Routes.WithQuery("/api/events/" + id), "JSON").Close("p");
            h.Element("blockquote", e.Evidence, ("class", "evidence"));
            // One entry per article (an article can state the event in several sentences: it links to the first).
            var total = EventFormats.Articles(e);
            var articles = e.Reports.GroupBy(r => r.ArticleId, StringComparer.Ordinal).ToList();
            h.Open("p", ("class", "reports")).Text(total == 1 ? "Reported by " : $"Reported by {total} articles: ");
            for (var i = 0; i < articles.Count; i++)
            {
                var r = articles[i].First();
                if (i > 0)
                {
                    h.Text("; ");
                }

                h.Link(Routes.Article(r.ArticleId) + "#event-at-" + r.Trigger.Start.ToString(CultureInfo.InvariantCulture), r.Title ?? "(untitled)");
                var sentences = articles[i].Count();
                if (r.Source is { } || sentences > 1)
                {
                    h.Text(" (" + string.Join(", ", new[] { r.Source, sentences > 1 ? $"{sentences} sentences" : null }.Where(x => x is not null)) + ")");
                }
            }

            if (total > articles.Count)
            {
                h.Text($"; and {total - articles.Count} more (").Link(Routes.WithQuery("/api/events/" + id), "all").Text(")");
            }

            h.Close("p").Close("li");
        }

        h.Close("ol");
    }

    /// <summary>A side of an event: the code (a link to that actor's events) and the words the article used.</summary>
    private static void Side(Html h, string code, string? text, string cls)
    {
        h.Open("span", ("class", cls));
        if (code.Length > 0)
        {
            h.Link(Routes.WithQuery("/events", ("actor", code)), code, ("class", "code"));
        }
        else
        {
            h.Text("—");
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            h.Text(" ").Element("span", "(" + text + ")", ("class", "said"));
        }

        h.Close("span");
    }
}
