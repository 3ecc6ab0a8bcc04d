using BenchmarkDotNet.Attributes;
using Dateline.Extraction.Metadata;
using Dateline.Extraction.Reading;

namespace Dateline.Bench;

/// <summary>Micro-benchmarks of hot kernels (BenchmarkDotNet). Inputs are written here, not taken from corpora.</summary>
[MemoryDiagnoser]
public class Kernels
{
    private static readonly string Dump = " date 2025-06-04  Bench Paper\nAlt text\nA caption here. Image: Kyodo\npolitics\n\nHeadline for the benchmark\n\n1 Comment\nTOKYO\n\n"
        + string.Concat(Enumerable.Repeat("Officials from both countries met on Wednesday and agreed to resume talks, the ministry said.\n\n", 10))
        + "© KYODO\n";

    private static readonly byte[] DumpBytes = System.Text.Encoding.UTF8.GetBytes(Dump);

    private static readonly ArticleExtractor Extractor = new();

    /// <summary>About 600 words of varied prose, the size of a typical news article body.</summary>
    private static readonly string Body = string.Join("\n\n", Enumerable.Range(0, 30).Select(i =>
        $"Paragraph {i}: officials from {i % 7} ministries met delegates on day {i * 3} to discuss quotas, tariffs and the harbour works."));

    private static readonly HashSet<ulong> BodyShingles = Dateline.Storage.Stories.StoryShingles.Of(Body);

    [Benchmark]
    public int Extract_text_dump() => Extractor.Read(InputFile.FromBytes("bench.txt", DumpBytes)).Single().Article!.Paragraphs.Length;

    [Benchmark]
    public object? Split_inline_dateline() => DatelineSplitter.SplitInline("SEOUL, June 4 (Yonhap) -- South Korea said on Wednesday it would send envoys.");

    /// <summary>What each stored article costs for story matching: its shingles and LSH band keys.</summary>
    [Benchmark]
    public int Story_shingles_and_band_keys() =>
        Dateline.Storage.Stories.StoryShingles.BandKeys(Dateline.Storage.Stories.StoryShingles.Of(Body)).Length;

    /// <summary>What confirming one candidate costs on top (its shingles, then the containment).</summary>
    [Benchmark]
    public double Story_containment_of_a_candidate() =>
        Dateline.Storage.Stories.StoryShingles.Containment(BodyShingles, Dateline.Storage.Stories.StoryShingles.Of(Body));

    [Benchmark]
    public bool Classify_credit_line() => CreditLines.IsCredit("© 2025 The Associated Press. All rights reserved.");
}
