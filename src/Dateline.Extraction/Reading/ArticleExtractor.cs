using System.Collections.Frozen;
using Dateline.Extraction.Feeds;
using Dateline.Extraction.Html;
using Dateline.Extraction.JsonLines;
using Dateline.Extraction.PlainText;
using Dateline.Extraction.Sniffing;
using Dateline.Extraction.TextDumps;
using Dateline.Extraction.Warc;

namespace Dateline.Extraction.Reading;

/// <summary>
/// The extraction stage's front door: sniffs what an input is, hands it to the matching reader, and turns every
/// failure (unreadable file, unknown format, broken record, size cap) into a reported outcome instead of an exception.
/// Thread-safe: one instance serves parallel readers.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly FrozenDictionary<InputKind, IArticleReader> _readers;

    public ArticleExtractor(ExtractionOptions? options = null, HtmlArticleBuilder? html = null)
    {
        Options = options ?? ExtractionOptions.Default;
        html ??= Options.MainText == MainTextOptions.Default && Options.MaxDocumentTime == ExtractionOptions.Default.MaxDocumentTime
            ? HtmlArticleBuilder.Default
            : new HtmlArticleBuilder(new DensityMainTextExtractor(Options.MainText), TimeProvider.System, Options.MaxDocumentTime);
        IArticleReader[] readers =
        [
            new TextDumpReader(Options),
            new PlainTextReader(Options),
            new HtmlReader(Options, html),
            new JsonLinesReader(Options, html),
            new JsonLinesReader(Options, html, InputKind.Json),
            new FeedReader(Options, new FeedArticleBuilder(html)),
            new WarcReader(Options, html),
            new Reuters.ReutersSgmlReader(Options),
        ];
        _readers = readers.ToFrozenDictionary(r => r.Kind);
    }

    public ExtractionOptions Options { get; }

    public IEnumerable<ReadOutcome> ReadFile(string path, CancellationToken cancellationToken = default)
    {
        InputFile input;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                return [ReadOutcome.Failed(path, null, $"broken symbolic link (points to '{target}', which does not exist)")];
            }

            if (!info.Exists)
            {
                return [ReadOutcome.Failed(path, null, Directory.Exists(path) ? "is a folder, not a file" : "file not found")];
            }

            input = InputFile.FromFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [ReadOutcome.Failed(path, null, $"cannot read: {ex.Message}")];
        }

        return Read(input, cancellationToken);
    }

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken = default)
    {
        InputKind kind;
        try
        {
            kind = Sniff(input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadOutcome.Failed(input.Path, null, $"cannot read: {ex.Message}")];
        }

        return kind switch
        {
            InputKind.Empty => [ReadOutcome.Failed(input.Path, null, "empty file")],
            InputKind.Binary => [ReadOutcome.Failed(input.Path, null, "binary content: not a text dump, HTML page or JSON Lines file")],
            InputKind.Gzip when WarcReader.GzipProblem(input) is { } reason => [ReadOutcome.Failed(input.Path, null, reason)],
            InputKind.Gzip => Guard(input, _readers[InputKind.Warc].Read(input, cancellationToken)),
            _ => Guard(input, _readers[kind].Read(input, cancellationToken)),
        };
    }

    public static InputKind Sniff(InputFile input)
    {
        var head = new byte[(int)Math.Min(ContentSniffer.HeadLength, input.Length)];
        using (var s = input.Open())
        {
            s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return ContentSniffer.Sniff(head);
    }

    /// <summary>Turns exceptions thrown while reading into outcomes; a reader that fails stops only its own input.</summary>
    private IEnumerable<ReadOutcome> Guard(InputFile input, IEnumerable<ReadOutcome> outcomes)
    {
        using var e = outcomes.GetEnumerator();
        while (true)
        {
            ReadOutcome? failure = null;
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (InputTooLargeException ex)
            {
                failure = ReadOutcome.Failed(input.Path, null, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = ReadOutcome.Failed(input.Path, null, $"cannot read: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                failure = ReadOutcome.Failed(input.Path, null, $"extraction failed ({ex.GetType().Name}): {ex.Message}");
            }

            if (failure is { } f)
            {
                yield return f;
                yield break;
            }

            var current = e.Current;
            if (current.Article is { } read)
            {
                current = current with { Article = Text.Mojibake.Repair(read) };
            }

            yield return current.Article is { Language: null } article && Options.DetectLanguage
                ? current with { Article = Metadata.LanguageIdentifier.Fill(article) }
                : current;
        }
    }
}
