using System.Collections.Immutable;
using Dateline.Core.Articles;
using Dateline.Extraction.Identity;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;
using Dateline.Extraction.Text;

namespace Dateline.Extraction.PlainText;

/// <summary>
/// Reads a plain text file as one article: the first line is the title, blank lines separate paragraphs
/// (or, when there are none, each line is a paragraph). The common shape of research corpora such as BBC News.
/// </summary>
public sealed class PlainTextReader(ExtractionOptions options) : IArticleReader
{
    public InputKind Kind => InputKind.PlainText;

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        var decoded = TextDecoder.Decode(input.ReadAll(options.MaxDocumentBytes));
        var (title, paragraphs) = Split(TextDecoder.NormalizeNewlines(decoded.Text));
        if (paragraphs.Count == 0)
        {
            yield return ReadOutcome.Failed(input.Path, null, "no text after the first line");
            yield break;
        }

        string? dateline = null, wire = null;
        if (DatelineSplitter.SplitInline(paragraphs[0]) is { } inline)
        {
            (dateline, wire, paragraphs[0]) = (inline.Place, inline.Wire, inline.Rest);
        }

        ImmutableArray<string> body = [.. paragraphs];
        yield return ReadOutcome.Ok(new Article
        {
            Id = ArticleIdentity.Compute(null, null, title, string.Join(Article.BodySeparator, body)),
            Origin = new ArticleOrigin(input.Path),
            Title = title,
            Dateline = dateline,
            Wire = wire,
            Paragraphs = body,
            Charset = decoded.Encoding,
            CharsetSource = decoded.Source,
            Warnings = decoded.Warning is null ? [] : [decoded.Warning],
        });
    }

    /// <summary>Title = first non-empty line; paragraphs from the rest.</summary>
    internal static (string? Title, List<string> Paragraphs) Split(string text)
    {
        var normalized = TextDecoder.NormalizeNewlines(text);
        var lines = normalized.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        return first < 0
            ? (null, [])
            : (Whitespace.Collapse(lines[first]), TextParagraphs.Split(string.Join('\n', lines.Skip(first + 1))));
    }
}
