using System.Text.Json;

namespace Dateline.Web.Pages;

/// <summary>The parts of an article's stored layers (the `annotate` JSON) that the article page shows.</summary>
internal sealed record ArticleLayers(
    IReadOnlyList<ArticleLayers.EntityView> Entities,
    IReadOnlyDictionary<string, ArticleLayers.ActorView> Actors,
    IReadOnlyList<ArticleLayers.QuoteView> Quotes,
    IReadOnlyList<ArticleLayers.TimeView> Times)
{
    /// <summary>The coded events (the `events` layer), in text order.</summary>
    public IReadOnlyList<EventView> Events { get; init; } = [];

    /// <summary>Sentence spans in text order (the `sentences` layer).</summary>
    public IReadOnlyList<SentenceView> Sentences { get; init; } = [];

    /// <summary>The parsed tokens (the `tokens` layer, written only when a parser ran); heads are indices into this list.</summary>
    public IReadOnlyList<TokenView> Tokens { get; init; } = [];

    /// <summary>The text the offsets point into (the article body); set by the page.</summary>
    public string? Text { get; init; }

    public sealed record EntityView(int Start, int End, string Type, string? ActorId);

    public sealed record ActorView(string Id, string Name, string Type, string? Code, string? Role);

    public sealed record QuoteView(int Start, int End, bool Direct, int? SpeakerStart, int? SpeakerEnd, string? SpeakerText, string? ActorId);

    public sealed record TimeView(int Start, int End, string? Value);

    public sealed record SentenceView(int Start, int End);

    /// <summary>One token: its words, lemma, tags and dependency; <see cref="Head"/> is -1 for a root or a head outside the list.</summary>
    public sealed record TokenView(int Start, int End, string Text, string Lemma, string Upos, string? Xpos, int Head, string Relation);

    /// <summary>A side of an event: its actor code, the words that name it and the article's actor id ("a1"), if any.</summary>
    public sealed record ParticipantView(string Code, string? Text, string? ActorId);

    public sealed record EventView(ParticipantView Source, ParticipantView? Target, string Cameo, string? Plover, int QuadClass, double Goldstein,
        string? Date, string? Modality, bool Negated, int EvidenceStart, int EvidenceEnd, int TriggerStart, int TriggerEnd);

    public static ArticleLayers Empty { get; } = new([], new Dictionary<string, ActorView>(), [], []);

    public static ArticleLayers Parse(string? json)
    {
        if (json is null)
        {
            return Empty;
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var entities = Array(root, "entities").Select(e => new EntityView(Int(e, "start"), Int(e, "end"), Str(e, "type") ?? "MISC", Str(e, "actor"))).ToList();
        var actors = Array(root, "actors").Select(a => new ActorView(Str(a, "id") ?? string.Empty, Str(a, "name") ?? string.Empty,
            Str(a, "type") ?? string.Empty, Str(a, "code"), Str(a, "role"))).Where(a => a.Id.Length > 0)
            .GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var quotes = Array(root, "quotes").Select(q =>
        {
            var speaker = q.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.Object ? s : (JsonElement?)null;
            return new QuoteView(Int(q, "start"), Int(q, "end"), q.TryGetProperty("direct", out var d) && d.ValueKind == JsonValueKind.True,
                speaker is { } sp ? Int(sp, "start") : null, speaker is { } se ? Int(se, "end") : null,
                speaker is { } st ? Str(st, "text") : null, speaker is { } sa ? Str(sa, "actor") : null);
        }).ToList();
        var times = Array(root, "times").Select(t => new TimeView(Int(t, "start"), Int(t, "end"), Str(t, "value"))).ToList();
        var events = Array(root, "events").Select(e => new EventView(Participant(e, "source") ?? new ParticipantView(string.Empty, null, null),
            Participant(e, "target"), Str(e, "cameo") ?? string.Empty, Str(e, "plover_act") ?? Str(e, "plover"), Int(e, "quad_class"),
            e.TryGetProperty("goldstein", out var g) && g.TryGetDouble(out var gd) ? gd : 0, Str(e, "date"), Str(e, "modality"),
            e.TryGetProperty("negated", out var n) && n.ValueKind == JsonValueKind.True,
            Span(e, "evidence").Start, Span(e, "evidence").End, Span(e, "trigger").Start, Span(e, "trigger").End)).Where(e => e.Cameo.Length > 0).ToList();
        var sentences = Array(root, "sentences").Select(x => new SentenceView(Int(x, "start"), Int(x, "end"))).ToList();
        var tokens = Array(root, "tokens").Select(t => new TokenView(Int(t, "start"), Int(t, "end"), Str(t, "text") ?? string.Empty,
            Str(t, "lemma") ?? string.Empty, Str(t, "upos") ?? string.Empty, Str(t, "xpos") is { Length: > 0 } xpos ? xpos : null,
            t.TryGetProperty("head", out var h) && h.TryGetInt32(out var head) ? head : -1, Str(t, "deprel") ?? string.Empty)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Head < -1 || tokens[i].Head >= tokens.Count || tokens[i].Head == i)
            {
                tokens[i] = tokens[i] with { Head = -1 };
            }
        }

        return new ArticleLayers(entities, actors, quotes, times) { Events = events, Sentences = sentences, Tokens = tokens };
    }

    private static List<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];

    private static ParticipantView? Participant(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object && Str(p, "code") is { } code
            ? new ParticipantView(code, Str(p, "text"), Str(p, "actor"))
            : null;

    private static (int Start, int End) Span(JsonElement e, string name) =>
        e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.Object ? (Int(s, "start"), Int(s, "end")) : (0, 0);

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : 0;

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
