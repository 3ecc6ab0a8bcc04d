using System.Globalization;

namespace Dateline.Web.Pages;

/// <summary>
/// The article's coded events under its text: the label with each side linked to its actor page where the actor
/// resolves, date, quad class, Goldstein, modality, and the evidence sentence with the trigger marked.
/// </summary>
internal static class ArticleEventList
{
    public static void Write(Html h, ArticleLayers layers, IReadOnlyDictionary<string, string> actorEntities)
    {
        h.Open("section", ("class", "events"), ("aria-labelledby", "events-h")).Element("h2", $"Events ({layers.Events.Count})", ("id", "events-h"));
        if (layers.Events.Count == 0)
        {
            h.Element("p", "No events coded in this article.", ("class", "empty"));
            h.Close("section");
            return;
        }

        h.Open("ol", ("class", "event-list"));
        for (var i = 0; i < layers.Events.Count; i++)
        {
            var e = layers.Events[i];
            h.Open("li", ("class", "event-item"), ("id", "event-" + i.ToString(CultureInfo.InvariantCulture)), ("data-cameo", e.Cameo));
            h.Open("p", ("class", "event-label"));
            Side(h, layers, actorEntities, e.Source, "source");
            h.Text(" → ");
            Side(h, layers, actorEntities, e.Target, "target");
            h.Text(" · ").Element("span", EventLabels.Act(e.Cameo, e.Plover), ("class", "act")).Close("p");
            h.Open("p", ("class", "meta")).Element("time", e.Date ?? "undated").Text(" · " + EventLabels.Quad(e.QuadClass) + " · Goldstein " + EventLabels.Goldstein(e.Goldstein));
            if (EventLabels.Flags(e.Modality, e.Negated) is { } flags)
            {
                h.Text(" · ").Element("span", flags, ("class", "flags"));
            }

            h.Close("p");
            Evidence(h, layers.Text, e);
            h.Close("li");
        }

        h.Close("ol").Close("section");
    }

    /// <summary>The evidence sentence, escaped, with the trigger words in &lt;mark&gt; (both clipped to the text).</summary>
    private static void Evidence(Html h, string? text, ArticleLayers.EventView e)
    {
        if (text is null || e.EvidenceStart < 0 || e.EvidenceEnd > text.Length || e.EvidenceEnd <= e.EvidenceStart)
        {
            return;
        }

        var (ts, te) = (Math.Clamp(e.TriggerStart, e.EvidenceStart, e.EvidenceEnd), Math.Clamp(e.TriggerEnd, e.EvidenceStart, e.EvidenceEnd));
        h.Open("blockquote", ("class", "evidence"));
        if (te > ts)
        {
            h.Text(text, e.EvidenceStart, ts).Open("mark").Text(text, ts, te).Close("mark").Text(text, te, e.EvidenceEnd);
        }
        else
        {
            h.Text(text, e.EvidenceStart, e.EvidenceEnd);
        }

        h.Close("blockquote");
    }

    private static void Side(Html h, ArticleLayers layers, IReadOnlyDictionary<string, string> actorEntities, ArticleLayers.ParticipantView? p, string cls)
    {
        if (p is null || p.Code.Length == 0)
        {
            h.Element("span", "—", ("class", cls));
            return;
        }

        var name = p.ActorId is not null && layers.Actors.TryGetValue(p.ActorId, out var actor) ? actor.Name : p.Text;
        var entity = p.ActorId is not null && actorEntities.TryGetValue(p.ActorId, out var id) ? id : null;
        h.Open("span", ("class", cls)).Element("span", p.Code, ("class", "code"));
        if (name is not null)
        {
            h.Text(" (");
            if (entity is not null)
            {
                h.Link(Routes.Actor(entity), name, ("class", "actor-link"));
            }
            else
            {
                h.Text(name);
            }

            h.Text(")");
        }

        h.Close("span");
    }
}
