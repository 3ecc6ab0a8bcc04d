using System.Globalization;
using System.Text.Json;
using Dateline.Core.Documents;
using Dateline.Storage.Events;

namespace Dateline.Ingestion.Analysis;

/// <summary>
/// The events stored annotations hold (their <c>events</c> array, as <c>annotate</c> writes them), back as the
/// <see cref="ArticleEvents"/> that ingest records — so events can be recorded again (into another store) without
/// analysing the article again. An event missing a field is left out; a malformed document yields none.
/// </summary>
public static class StoredEvents
{
    public static ArticleEvents? Parse(string articleId, DateOnly? published, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<ReportedEvent>();
            foreach (var e in events.EnumerateArray())
            {
                if (Read(e) is { } reported)
                {
                    list.Add(reported);
                }
            }

            return new ArticleEvents(articleId, published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), list);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ReportedEvent? Read(JsonElement e)
    {
        if (Participant(e, "source") is not { } source || Str(e, "cameo") is not { } cameo || Str(e, "plover") is not { } plover
            || Span(e, "evidence") is not { } evidence || Span(e, "trigger") is not { } trigger)
        {
            return null;
        }

        var target = Participant(e, "target");
        var mention = new EventMention(source.Participant, target?.Participant, cameo, Str(e, "plover_act") ?? plover, plover, Str(e, "mode"),
            Int(e, "quad_class"), Number(e, "goldstein"), Str(e, "date"), Str(e, "location"),
            e.TryGetProperty("negated", out var n) && n.ValueKind == JsonValueKind.True, Str(e, "modality") ?? EventMention.Actual,
            evidence.Span, trigger.Span, Str(e, "rule") ?? string.Empty, Number(e, "confidence"));
        return new ReportedEvent(mention, source.Text, target?.Text, evidence.Text);
    }

    private static (EventParticipant Participant, string Text)? Participant(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object && Str(p, "code") is { } code
            ? (new EventParticipant(code, new TextSpan(Int(p, "start"), Int(p, "end")), Str(p, "actor")), Str(p, "text") ?? string.Empty)
            : null;

    private static (TextSpan Span, string Text)? Span(JsonElement e, string name) =>
        e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object
            ? (new TextSpan(Int(s, "start"), Int(s, "end")), Str(s, "text") ?? string.Empty)
            : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
