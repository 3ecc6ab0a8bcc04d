using System.CommandLine;
using System.Text;
using Dateline.Cli;
using Dateline.Cli.Commands;
using Dateline.Storage;
using Dateline.Storage.Search;

Console.OutputEncoding = new UTF8Encoding(false);
var root = new RootCommand("Dateline: news in, structured events out. Exit codes: 0 ok, 1 fatal, 2 usage, 3 some inputs skipped.");
root.Options.Add(GlobalOptions.Db);
root.Options.Add(GlobalOptions.Verbose);
root.Options.Add(GlobalOptions.LogFormat);
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(FollowCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(SimilarCommand.Create());
root.Subcommands.Add(EmbedCommand.Create());
root.Subcommands.Add(AttentionCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(CopyCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(AnnotateCommand.Create());
root.Subcommands.Add(ReanalyzeCommand.Create());
root.Subcommands.Add(ActorsCommand.Create());
root.Subcommands.Add(StoriesCommand.Create());
root.Subcommands.Add(EventsCommand.CreateEvents());
root.Subcommands.Add(EventsCommand.CreateDyad());
root.Subcommands.Add(ServeCommand.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync("error: " + error.Message);
    }

    await Console.Error.WriteLineAsync("Run 'dateline --help' (or 'dateline COMMAND --help') for usage.");
    return ExitCodes.Usage;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (QuerySyntaxException ex)
{
    await Console.Error.WriteLineAsync("error: invalid query: " + ex.Message);
    return ExitCodes.Usage;
}
catch (SearchBudgetException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.Usage;
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.Usage;
}
catch (SemanticSearchException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.Fatal;
}
catch (StoreException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return ExitCodes.Fatal;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("cancelled");
    return ExitCodes.Fatal;
}
