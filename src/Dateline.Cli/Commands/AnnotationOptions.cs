using System.CommandLine;
using Dateline.Core.Pipelines;
using Dateline.Storage;

namespace Dateline.Cli.Commands;

/// <summary>
/// How commands that store articles annotate them: <c>--no-annotate</c>, <c>--actors FILE</c> (beside the actor
/// overrides kept in the store) and the event dictionary options. Shared by ingest and follow.
/// </summary>
internal sealed class AnnotationOptions
{
    private readonly Option<bool> _noAnnotate = new("--no-annotate") { Description = "Store articles without running the understanding pipeline" };

    private readonly Option<string?> _actors = new("--actors") { Description = "Tab-separated file of actors to add or override (see annotate --help)" };

    private readonly Option<int> _analysisLimit = new("--analysis-limit")
    {
        Description = "Analyse at most this many characters of each article (whole paragraphs; the whole text is still stored and searchable, "
            + "and a longer article gets a warning); bounds the time and memory one huge document takes",
        DefaultValueFactory = _ => Dateline.Ingestion.Analysis.ArticleAnalysis.DefaultMaxCharacters,
    };

    private readonly DictionaryOptions _dictionaries = new();

    public void AddTo(Command command)
    {
        command.Options.Add(_noAnnotate);
        command.Options.Add(_analysisLimit);
        command.Options.Add(_actors);
        _dictionaries.AddTo(command);
    }

    /// <summary>The --analysis-limit value (characters analysed per article).</summary>
    public int AnalysisLimit(ParseResult result) => result.GetValue(_analysisLimit) is var n && n > 0
        ? n
        : throw new UsageException($"--analysis-limit must be a positive number of characters, not {n}");

    /// <summary>
    /// Makes the understanding pipeline once the store is open (its stored actor overrides apply), or null with
    /// <c>--no-annotate</c>. Dictionaries are read now, so a bad dictionary is reported before anything is stored.
    /// </summary>
    public Func<IArticleStore, CancellationToken, Task<Pipeline>>? PipelineFactory(ParseResult result)
    {
        if (result.GetValue(_noAnnotate))
        {
            return null;
        }

        var dictionaries = _dictionaries.Load(result);
        var actors = result.GetValue(_actors);
        return async (store, ct) => Dateline.Nlp.NlpPipelines.Default(actors: await StoreActorOverrides.LoadAsync(store, actors, ct), dictionaries: dictionaries);
    }
}
