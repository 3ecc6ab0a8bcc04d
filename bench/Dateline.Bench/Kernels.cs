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

    [Benchmark]
    public int Extract_text_dump() => Extractor.Read(InputFile.FromBytes("bench.txt", DumpBytes)).Single().Article!.Paragraphs.Length;

    [Benchmark]
    public object? Split_inline_dateline() => DatelineSplitter.SplitInline("SEOUL, June 4 (Yonhap) -- South Korea said on Wednesday it would send envoys.");

    [Benchmark]
    public bool Classify_credit_line() => CreditLines.IsCredit("© 2025 The Associated Press. All rights reserved.");
}
