using System.Diagnostics;
using System.Text;
using Dateline.Core.Articles;
using Dateline.Core.Embeddings;
using Dateline.Storage;
using Dateline.Storage.Search;

namespace Dateline.Evaluation.Similarity;

/// <summary>
/// Do similar articles by meaning keep to the article's subject? On the BBC News corpus (Greene and Cunningham 2006:
/// 2,225 articles filed under five sections, the folder each file sits in), every article is stored and embedded, and
/// for a seeded sample of them the <see cref="Neighbours"/> nearest by vector are compared with the same number of best
/// keyword matches of the article's title (its words OR'ed, BM25): the share of neighbours filed under the article's
/// own section is the score of each. Issue 16's bar: vectors at least as often as keywords, and at least 90 % of the time.
/// </summary>
public static partial class SimilarityEvaluator
{
    public const int Neighbours = 10;

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex TitleWords();

    /// <summary>The BBC folder's articles (title: the first line; paragraphs: the other non-empty lines), section = folder name.</summary>
    public static IReadOnlyList<Article> ReadBbc(string folder)
    {
        var articles = new List<Article>();
        foreach (var section in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(section);
            foreach (var file in Directory.GetFiles(section, "*.txt").Order(StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                if (lines.Count < 2)
                {
                    continue;
                }

                articles.Add(new Article
                {
                    Id = $"bbc-{name}-{Path.GetFileNameWithoutExtension(file)}",
                    Origin = new ArticleOrigin(file),
                    Source = "BBC News",
                    Section = name,
                    Title = lines[0],
                    Paragraphs = [.. lines.Skip(1)],
                });
            }
        }

        return articles;
    }

    /// <summary>Scores <paramref name="sample"/> articles (seeded) of a store that holds <paramref name="articles"/> with their vectors.</summary>
    public static async Task<SimilarityReport> RunAsync(IArticleStore store, ITextEmbedder embedder, IReadOnlyList<Article> articles, int sample, int seed,
        CancellationToken ct)
    {
        var sectionOf = articles.ToDictionary(a => a.Id, a => a.Section!, StringComparer.Ordinal);
        var chosen = articles.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chosen));
        chosen = chosen.Take(sample).ToList();
        double vectorShare = 0, keywordShare = 0;
        int atLeast = 0, keywordFound = 0;
        var clock = Stopwatch.StartNew();
        foreach (var a in chosen)
        {
            var similar = await SemanticSearch.SimilarAsync(store, embedder, a.Id, ArticleFilter.All, Neighbours, ct) ?? [];
            var v = similar.Count == 0 ? 0 : similar.Count(h => sectionOf.GetValueOrDefault(h.Id) == a.Section) / (double)Neighbours;
            var words = TitleWords().Matches(a.Title!).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(SearchQuery.MaxTerms);
            var query = SearchQuery.Parse(string.Join(" OR ", words.Select(w => "\"" + w + "\"")));
            var hits = (await store.SearchAsync(new SearchRequest(query, ArticleFilter.All, Neighbours + 1) { RankWindow = null }, ct)).Hits
                .Where(h => h.Id != a.Id).Take(Neighbours).ToList();
            var k = hits.Count(h => sectionOf.GetValueOrDefault(h.Id) == a.Section) / (double)Neighbours;
            keywordFound += hits.Count;
            vectorShare += v;
            keywordShare += k;
            atLeast += v >= k ? 1 : 0;
        }

        var n = Math.Max(1, chosen.Count);
        return new SimilarityReport(articles.Count, chosen.Count, Neighbours, vectorShare / n, keywordShare / n, atLeast / (double)n,
            keywordFound / (double)n, clock.Elapsed);
    }
}

/// <summary>
/// <see cref="VectorShare"/> and <see cref="KeywordShare"/>: the mean share of the <see cref="Neighbours"/> nearest
/// articles filed under the queried article's section (a missing neighbour counts as a miss); <see cref="VectorAtLeastKeyword"/>:
/// the share of queried articles whose vector neighbours do at least as well as its keyword matches.
/// </summary>
public sealed record SimilarityReport(int Articles, int Queried, int Neighbours, double VectorShare, double KeywordShare, double VectorAtLeastKeyword,
    double KeywordHitsPerQuery, TimeSpan QueryTime);
