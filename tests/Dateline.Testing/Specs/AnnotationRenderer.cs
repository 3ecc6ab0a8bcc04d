using System.Collections.Immutable;
using System.Text;
using Dateline.Core.Documents;

namespace Dateline.Testing.Specs;

/// <summary>
/// Renders a layer as the document text with inline annotations: <c>[LABEL value text]</c> (value omitted when a
/// layer has none), e.g. <c>spoke on [TIME 2025-06-04 Wednesday].</c> Spans must be in order and not overlap.
/// </summary>
public static class AnnotationRenderer
{
    public static string Render(Document document, Layer<ImmutableArray<TimeMention>> layer) =>
        Render(document.Text, document.Get(layer).Select(t => new Annotation(t.Span, "TIME", t.Value)));

    public static string Render(Document document, Layer<ImmutableArray<EntityMention>> layer) =>
        Render(document.Text, document.Get(layer).Select(e => new Annotation(e.Span, e.Label, null)));

    public static string Render(string text, IEnumerable<Annotation> annotations)
    {
        var sb = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var a in annotations)
        {
            if (a.Span.Start < at)
            {
                throw new InvalidOperationException($"annotation {a.Span} overlaps or is out of order");
            }

            sb.Append(text, at, a.Span.Start - at).Append('[').Append(a.Label).Append(' ');
            if (a.Value is not null)
            {
                sb.Append(a.Value).Append(' ');
            }

            sb.Append(text, a.Span.Start, a.Span.Length).Append(']');
            at = a.Span.End;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }
}

/// <summary>A span with its label and optional normalised value, for <see cref="AnnotationRenderer"/>.</summary>
public sealed record Annotation(TextSpan Span, string Label, string? Value);
