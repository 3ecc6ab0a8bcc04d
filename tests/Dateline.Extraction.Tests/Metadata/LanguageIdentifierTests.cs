using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;
using Dateline.Testing;
using Lingua;

namespace Dateline.Extraction.Tests.Metadata;

/// <summary>
/// The language of articles that do not declare one (issue 14: Lingua chooses among a few candidates instead of loading
/// every model), over paragraphs the quick function-word guess cannot name (Fixtures/languages).
/// </summary>
public sealed class LanguageIdentifierTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "languages");

    public static TheoryData<string, string> Paragraphs() => new(Rows());

    private static IEnumerable<(string Code, string Text)> Rows() =>
        File.ReadLines(Path.Combine(Folder, "paragraphs.tsv")).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => (l[..l.IndexOf('\t', StringComparison.Ordinal)], l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]));

    [Theory]
    [MemberData(nameof(Paragraphs))]
    [Trait("issue", "14")]
    public void Issue_14_names_a_language_the_quick_guess_cannot(string expected, string text)
    {
        Assert.Null(QuickLanguageGuess.Guess(text));
        Assert.Equal(expected, LanguageIdentifier.Identify(text).Language);
    }

    [Theory]
    [MemberData(nameof(Paragraphs))]
    [Trait("issue", "14")]
    public void Issue_14_Latin_text_loads_only_a_few_candidate_models(string expected, string text)
    {
        var candidates = LanguageIdentifier.Identify(text).Candidates;
        var letters = text.Count(char.IsLetter);
        if (text.Count(c => char.IsLetter(c) && UnicodeScriptInfo.GetScript(c) == UnicodeScript.Latin) * 2 > letters)
        {
            Assert.Equal(letters < LanguageIdentifier.ShortText ? LanguageIdentifier.ShortTextCandidates : LanguageIdentifier.LatinCandidates,
                candidates.Count);
            Assert.Contains(candidates, l => l.IsoCode6391().ToString().Equals(expected, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.True(candidates.Count > LanguageIdentifier.LatinCandidates, "other scripts are left to Lingua's own filter");
        }
    }

    [Fact]
    [Trait("issue", "14")]
    public void Issue_14_chooses_what_Lingua_over_all_languages_chooses()
    {
        var all = LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build();
        foreach (var (_, text) in Rows())
        {
            var language = all.DetectLanguageOf(text);
            Assert.Equal(language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant(),
                LanguageIdentifier.Identify(text).Language);
        }
    }

    [Fact]
    [Trait("issue", "14")]
    public void Issue_14_a_letter_pair_repeated_counts_once_as_in_Lingua()
    {
        // "Quiet day at the port &lol9;" and a body of eight "&lol9;": counting "lo" and "ol" 25 times put English 5th
        var article = Assert.Single(Feeds.FeedFixtures.Read("billion-laughs.xml")).Article;
        Assert.Equal("en", article?.Language);
    }

    [Fact]
    public void The_ranker_reads_the_bigram_model_of_every_Latin_language()
    {
        var ranker = BigramCandidateRanker.Load(BigramCandidateRanker.ModelsDirectory);
        Assert.Empty(ranker.Missing);
        Assert.Equal(LanguageInfo.AllWithLatinScript().Count, ranker.Languages.Count);
        Assert.Equal(Language.Polish, ranker.Rank("Rząd zapowiedział nowy program pomocy dla rolników", 3)[0]);
    }

    [Fact]
    public void A_missing_model_folder_ranks_nothing_first_and_fails_nothing()
    {
        var ranker = BigramCandidateRanker.Load(Path.Combine(Folder, "no-such-folder"));
        Assert.Equal(ranker.Languages, ranker.Missing);
        Assert.Equal(3, ranker.Rank("Rząd zapowiedział nowy program pomocy dla rolników", 3).Length);
    }

    [Fact]
    public void A_model_file_broken_halfway_leaves_its_language_out_and_the_others_ranked()
    {
        using var models = new TempFolder();
        foreach (var language in LanguageInfo.AllWithLatinScript())
        {
            var code = language.IsoCode6391().ToString().ToLowerInvariant();
            var bytes = File.ReadAllBytes(Path.Combine(BigramCandidateRanker.ModelsDirectory, code, "bigrams.json.br"));
            models.Write(Path.Combine(code, "bigrams.json.br"), language == Language.Polish ? bytes[..(bytes.Length / 2)] : bytes);
        }

        var ranker = BigramCandidateRanker.Load(models.Path);
        Assert.Equal([Language.Polish], ranker.Missing);
        var ranked = ranker.Rank("Rząd zapowiedział nowy program pomocy dla rolników", ranker.Languages.Count);
        Assert.Equal(Language.Polish, ranked[^1]);
    }

    [Fact]
    public void Too_little_text_gets_no_language()
    {
        var (language, candidates) = LanguageIdentifier.Identify("Rząd zapowiedział program pomocy");
        Assert.Null(language);
        Assert.Empty(candidates);
    }

    [Fact]
    [Trait("issue", "14")]
    public void Issue_14_a_mixed_batch_gets_each_article_its_language_and_keeps_a_declared_one()
    {
        var articles = new ArticleExtractor().ReadFile(Path.Combine(Folder, "mixed-batch.jsonl"), TestContext.Current.CancellationToken)
            .Select(o => o.Article!.Language).ToList();
        Assert.Equal(["pl", "en", "ru", "vi", "pt", "sv", "de"], articles);
    }
}
