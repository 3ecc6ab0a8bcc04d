using Dateline.Core.Articles;
using Dateline.Core.Errors;

namespace Dateline.Extraction.Reading;

/// <summary>One record's result: an article, the problem that kept it from being one, or a record skipped on purpose.</summary>
public readonly record struct ReadOutcome(Article? Article, InputProblem? Problem, SkippedRecord? Skipped = null)
{
    public static ReadOutcome Ok(Article article) => new(article, null);

    public static ReadOutcome Failed(string path, string? record, string reason) => new(null, new InputProblem(path, record, reason));

    public static ReadOutcome Skip(string format, string category) => new(null, null, new SkippedRecord(format, category));
}
