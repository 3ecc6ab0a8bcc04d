using System.Collections.Immutable;
using Dateline.Core.Articles;

namespace Dateline.Core.Documents;

/// <summary>
/// Owns an article's immutable text and the write-once layers that pipeline components add to it.
/// Not thread-safe: one document is processed by one thread at a time.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<Layer, object> _layers = [];
    private readonly List<string> _errors = [];

    public Document(string id, string text)
    {
        Id = id;
        Text = text;
    }

    public string Id { get; }

    public string Text { get; }

    /// <summary>Failures recorded by components (the batch goes on; see <see cref="Pipelines.Pipeline"/>).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Creates a document over <see cref="Article.Body"/> with the <see cref="Layers.Paragraphs"/> layer set.</summary>
    public static Document FromArticle(Article article) => FromArticle(article, int.MaxValue);

    /// <summary>
    /// Creates a document over at most the first <paramref name="maxCharacters"/> characters of <see cref="Article.Body"/>:
    /// whole paragraphs while they fit, and of a first paragraph longer than the limit, its words up to the limit. When
    /// the body is cut, <see cref="Layers.FullTextLength"/> holds the length of the whole body.
    /// </summary>
    public static Document FromArticle(Article article, int maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        var spans = ImmutableArray.CreateBuilder<TextSpan>(article.Paragraphs.Length);
        var offset = 0;
        var cut = false;
        foreach (var p in article.Paragraphs)
        {
            if (offset + p.Length > maxCharacters)
            {
                cut = true;
                if (spans.Count == 0)
                {
                    // One paragraph longer than the limit: keep its words that fit.
                    var end = p.LastIndexOfAny([' ', '\n', '\t'], Math.Min(maxCharacters, p.Length - 1));
                    spans.Add(new TextSpan(0, end > 0 ? end : maxCharacters));
                }

                break;
            }

            spans.Add(new TextSpan(offset, offset + p.Length));
            offset += p.Length + Article.BodySeparator.Length;
        }

        if (!cut)
        {
            var whole = new Document(article.Id, article.Body);
            whole.Set(Layers.Paragraphs, spans.ToImmutable());
            return whole;
        }

        var text = new System.Text.StringBuilder(spans[^1].End);
        for (var i = 0; i < spans.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Article.BodySeparator);
            }

            text.Append(article.Paragraphs[i], 0, spans[i].End - spans[i].Start);
        }

        var doc = new Document(article.Id, text.ToString());
        doc.Set(Layers.Paragraphs, spans.ToImmutable());
        doc.Set(Layers.FullTextLength, article.Paragraphs.Sum(p => p.Length) + (Math.Max(0, article.Paragraphs.Length - 1) * Article.BodySeparator.Length));
        return doc;
    }

    /// <summary>
    /// <see cref="FromText(string, string)"/> over at most the first <paramref name="maxCharacters"/> characters: cut at
    /// the last paragraph break (else line break, else space) within the limit, with <see cref="Layers.FullTextLength"/>
    /// set when the text is cut.
    /// </summary>
    public static Document FromText(string id, string text, int maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        if (text.Length <= maxCharacters)
        {
            return FromText(id, text);
        }

        var window = text.AsSpan(0, maxCharacters + 1);
        var cut = window.LastIndexOf("\n\n");
        cut = cut > 0 ? cut : window.LastIndexOf('\n');
        cut = cut > 0 ? cut : window.LastIndexOfAny(' ', '\t');
        var doc = FromText(id, text[..(cut > 0 ? cut : maxCharacters)]);
        doc.Set(Layers.FullTextLength, text.Length);
        return doc;
    }

    /// <summary>Creates a document over plain text, with paragraphs where blank lines separate them.</summary>
    public static Document FromText(string id, string text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var start = -1;
        var newlines = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (c == '\n')
            {
                newlines++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                if (start >= 0 && newlines >= 2)
                {
                    spans.Add(new TextSpan(start, LastNonSpace(text, i) + 1));
                    start = -1;
                }

                if (start < 0)
                {
                    start = i;
                }

                newlines = 0;
            }
        }

        if (start >= 0)
        {
            spans.Add(new TextSpan(start, LastNonSpace(text, text.Length) + 1));
        }

        var doc = new Document(id, text);
        doc.Set(Layers.Paragraphs, spans.ToImmutable());
        return doc;
    }

    private static int LastNonSpace(string text, int before)
    {
        var j = before - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j]))
        {
            j--;
        }

        return j;
    }

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public bool Has(Layer layer) => _layers.ContainsKey(layer);

    public T Get<T>(Layer<T> layer) => _layers.TryGetValue(layer, out var v)
        ? (T)v
        : throw new InvalidOperationException($"Layer '{layer}' is missing; add a component that produces it.");

    public void Set<T>(Layer<T> layer, T value)
        where T : notnull
    {
        if (!_layers.TryAdd(layer, value))
        {
            throw new InvalidOperationException($"Layer '{layer}' was already set.");
        }
    }

    internal void RecordError(string component, Exception error) => _errors.Add($"{component}: {error.Message}");
}
