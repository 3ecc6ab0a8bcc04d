using Dateline.Core.Articles;
using Lingua;

namespace Dateline.Extraction.Metadata;

/// <summary>
/// The article's language (ISO 639-1) when the page does not declare one: a quick script and function-word guess, and
/// when that is unsure, SearchPioneer.Lingua over all its languages
/// in low-accuracy mode (about 200 MB once loaded, not the gigabytes of the high-accuracy models), on the title and
/// the first paragraphs only. Loaded on first use, so inputs that declare their language never pay for it.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Characters of text the detector looks at; more changes little and costs time.</summary>
    private const int SampleLength = 1200;

    /// <summary>Below this many letters a guess is not worth making.</summary>
    private const int MinLetters = 40;

    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build());

    /// <summary>Loads the statistical models now rather than on the first unclear text.</summary>
    public static void Preload() => _ = Detector.Value.DetectLanguageOf("Loading the language models before they are needed.");

    public static string? Detect(string? title, IEnumerable<string> paragraphs)
    {
        var sample = new System.Text.StringBuilder(SampleLength + 200);
        if (title is not null)
        {
            sample.Append(title).Append(". ");
        }

        foreach (var p in paragraphs)
        {
            if (sample.Length >= SampleLength)
            {
                break;
            }

            sample.Append(p).Append(' ');
        }

        var text = sample.Length > SampleLength ? sample.ToString(0, SampleLength) : sample.ToString();
        if (text.Count(char.IsLetter) < MinLetters)
        {
            return null;
        }

        if (QuickLanguageGuess.Guess(text) is { } quick)
        {
            return quick;
        }

        var language = Detector.Value.DetectLanguageOf(text);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>The article with <see cref="Article.Language"/> filled in when it was missing.</summary>
    public static Article Fill(Article article) =>
        article.Language is not null ? article : article with { Language = Detect(article.Title, article.Paragraphs) };
}
