using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dateline.Core.Documents;

namespace Dateline.Core.Serialization;

/// <summary>
/// The public JSON form of a document's understanding layers — what `annotate` prints and `show --format json` returns
/// under "annotations": <c>{id, sentences, tokens, entities, actors, actor_mentions, times, quotes, events, errors}</c>
/// with UTF-16 [start, end) offsets into the text. Layers the pipeline did not produce are left out.
/// </summary>
public static class DocumentJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(Document doc, bool conllTags = false, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options with { Indented = indented }))
        {
            Write(w, doc, conllTags);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, Document doc, bool conllTags)
    {
        // A span a component got wrong (outside the text, or backwards) is written with the text it can cover rather
        // than failing the whole document.
        string Text(TextSpan s)
        {
            var start = Math.Clamp(s.Start, 0, doc.Text.Length);
            return doc.Text[start..Math.Clamp(s.End, start, doc.Text.Length)];
        }
        void Span(TextSpan s)
        {
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
        }

        void WriteSpanObject(string name, TextSpan? span, string? actor, bool withActor)
        {
            if (span is not { } value)
            {
                w.WriteNull(name);
                return;
            }

            w.WriteStartObject(name);
            Span(value);
            w.WriteString("text", Text(value));
            if (withActor)
            {
                w.WriteString("actor", actor);
            }

            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        if (doc.Has(Layers.FullTextLength))
        {
            // Analysis was bounded: the layers below cover only the first analysed_characters of the text.
            w.WriteNumber("analysed_characters", doc.Text.Length);
            w.WriteNumber("text_characters", doc.Get(Layers.FullTextLength));
        }

        if (doc.Has(Layers.Sentences))
        {
            w.WriteStartArray("sentences");
            foreach (var s in doc.Get(Layers.Sentences))
            {
                w.WriteStartObject();
                Span(s);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteTokens(w, doc, Text);
        var mentions = doc.Has(Layers.ActorMentions) ? doc.Get(Layers.ActorMentions) : [];
        if (doc.Has(Layers.Entities))
        {
            w.WriteStartArray("entities");
            foreach (var e in doc.Get(Layers.Entities))
            {
                w.WriteStartObject();
                Span(e.Span);
                w.WriteString("text", Text(e.Span));
                w.WriteString("type", conllTags ? EntityLabels.ToConll(e.Label) : e.Label);
                w.WriteString("actor", mentions.FirstOrDefault(m => m.Span == e.Span)?.ActorId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (doc.Has(Layers.Actors))
        {
            w.WriteStartArray("actors");
            foreach (var a in doc.Get(Layers.Actors))
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("name", a.Name);
                w.WriteString("type", a.Type);
                w.WriteString("code", a.Code);
                w.WriteString("country", a.Country);
                w.WriteString("role", a.Role);
                w.WriteStartArray("aliases");
                foreach (var alias in a.Aliases)
                {
                    w.WriteStringValue(alias);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("actor_mentions");
            foreach (var m in mentions)
            {
                w.WriteStartObject();
                Span(m.Span);
                w.WriteString("text", Text(m.Span));
                w.WriteString("actor", m.ActorId);
                w.WriteString("via", m.Via);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (doc.Has(Layers.Times))
        {
            w.WriteStartArray("times");
            foreach (var t in doc.Get(Layers.Times))
            {
                w.WriteStartObject();
                Span(t.Span);
                w.WriteString("text", Text(t.Span));
                w.WriteString("value", t.Value);
                w.WriteString("kind", t.Kind);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (doc.Has(Layers.Quotes))
        {
            w.WriteStartArray("quotes");
            foreach (var q in doc.Get(Layers.Quotes))
            {
                w.WriteStartObject();
                Span(q.Content);
                w.WriteString("text", Text(q.Content));
                w.WriteBoolean("direct", q.Direct);
                WriteSpanObject("cue", q.Cue, actor: null, withActor: false);
                WriteSpanObject("speaker", q.Speaker, q.SpeakerActorId, withActor: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (doc.Has(Layers.Events))
        {
            w.WriteStartArray("events");
            foreach (var e in doc.Get(Layers.Events))
            {
                WriteEvent(w, e, Text);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("errors");
        foreach (var e in doc.Errors)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>tokens</c>, written only with the syntax layer: one object per token of <see cref="Layers.Tokens"/>,
    /// <c>{start, end, text, lemma, upos, xpos, head, deprel}</c>, where <c>head</c> is the index of the head token in
    /// this same array (-1 for a sentence root) and <c>xpos</c> is left out when the parser predicts none. A syntax layer
    /// that is not aligned with the tokens (a component bug) is left out rather than written against the wrong words,
    /// and a head outside the array is written as -1.
    /// </summary>
    private static void WriteTokens(Utf8JsonWriter w, Document doc, Func<TextSpan, string> text)
    {
        if (!doc.Has(Layers.Syntax) || !doc.Has(Layers.Tokens))
        {
            return;
        }

        var (tokens, syntax) = (doc.Get(Layers.Tokens), doc.Get(Layers.Syntax));
        if (tokens.Length != syntax.Length)
        {
            return;
        }

        w.WriteStartArray("tokens");
        for (var i = 0; i < tokens.Length; i++)
        {
            var (span, s) = (tokens[i], syntax[i]);
            w.WriteStartObject();
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
            w.WriteString("text", text(span));
            w.WriteString("lemma", s.Lemma);
            w.WriteString("upos", s.Upos);
            if (!string.IsNullOrEmpty(s.Xpos))
            {
                w.WriteString("xpos", s.Xpos);
            }

            w.WriteNumber("head", s.Head >= 0 && s.Head < tokens.Length ? s.Head : -1);
            w.WriteString("deprel", s.Relation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one event in the <c>annotate</c> form: participants and spans as {code,text,start,end} objects.</summary>
    public static void WriteEvent(Utf8JsonWriter w, EventMention e, Func<TextSpan, string> text)
    {
        void Participant(string name, EventParticipant? p)
        {
            if (p is null)
            {
                w.WriteNull(name);
                return;
            }

            w.WriteStartObject(name);
            w.WriteString("code", p.Code);
            w.WriteString("text", text(p.Span));
            w.WriteNumber("start", p.Span.Start);
            w.WriteNumber("end", p.Span.End);
            w.WriteString("actor", p.ActorId);
            w.WriteEndObject();
        }

        void SpanObject(string name, TextSpan span)
        {
            w.WriteStartObject(name);
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
            w.WriteString("text", text(span));
            w.WriteEndObject();
        }

        w.WriteStartObject();
        Participant("source", e.Source);
        Participant("target", e.Target);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("plover", e.Plover);
        w.WriteString("plover_act", e.PloverAct);
        w.WriteString("mode", e.Mode);
        w.WriteNumber("quad_class", e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        w.WriteString("date", e.Date);
        w.WriteString("location", e.Location);
        w.WriteBoolean("negated", e.Negated);
        w.WriteString("modality", e.Modality);
        SpanObject("evidence", e.Evidence);
        SpanObject("trigger", e.Trigger);
        w.WriteString("rule", e.Rule);
        w.WriteNumber("confidence", e.Confidence);
        w.WriteEndObject();
    }
}
