using System.CommandLine;
using Dateline.Cli.Rendering;
using Dateline.Core.Serialization;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline show ID</c>: one stored article.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id (from search or export)" };
        var format = new Option<string>("--format") { Description = "json or text", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("show", "Show one stored article") { id, format };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, ct);
            var article = await store.GetAsync(result.GetValue(id)!.Trim(), ct);
            if (article is null)
            {
                await Console.Error.WriteLineAsync($"error: no article with id '{result.GetValue(id)}' in {store.Path}");
                return ExitCodes.Fatal;
            }

            await Console.Out.WriteLineAsync(result.GetValue(format) == "json" ? DatelineJson.Serialize(article, indented: true) : ArticleText.Plain(article));
            return ExitCodes.Success;
        });
        return command;
    }
}
