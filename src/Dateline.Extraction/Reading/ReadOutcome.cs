using Dateline.Core.Articles;
using Dateline.Core.Errors;

namespace Dateline.Extraction.Reading;

/// <summary>One record's result: an article, or the problem that kept it from being one.</summary>
public readonly record struct ReadOutcome(Article? Article, InputProblem? Problem)
{
    public static ReadOutcome Ok(Article article) => new(article, null);

    public static ReadOutcome Failed(string path, string? record, string reason) => new(null, new InputProblem(path, record, reason));
}
