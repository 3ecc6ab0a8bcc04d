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
                await Console.Error.WriteLineAsync($"error: no article with id '{result.GetValue(id)}' in {store.Location}");
                return ExitCodes.Fatal;
            }

            // Wire copies, reprints and updates of the same story stored under other ids.
            var versions = (await store.GetStoryAsync(article.Id, ct)).Where(v => v.Id != article.Id).ToList();
            if (result.GetValue(format) == "json")
            {
                // The article in its public form, plus its understanding layers under "annotations" when it has them.
                var json = System.Text.Json.Nodes.JsonNode.Parse(DatelineJson.Serialize(article))!.AsObject();
                var annotations = await store.GetAnnotationsAsync(article.Id, ct);
                json["annotations"] = annotations is null ? null : System.Text.Json.Nodes.JsonNode.Parse(annotations.Json);
                json["annotations_pipeline"] = annotations?.Pipeline;
                json["story"] = new System.Text.Json.Nodes.JsonArray([.. versions.Select(v => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = v.Id, ["title"] = v.Title, ["source"] = v.Source, ["published"] = v.Published,
                })]);
                await Console.Out.WriteLineAsync(json.ToJsonString(CliJson.Options));
            }
            else
            {
                await Console.Out.WriteLineAsync(ArticleText.Plain(article));
                if (versions.Count > 0)
                {
                    await Console.Out.WriteLineAsync($"\nOther articles on this story ({versions.Count}):");
                    foreach (var v in versions)
                    {
                        await Console.Out.WriteLineAsync($"  {v.Id}  {v.Published}  {v.Source}  {v.Title}");
                    }
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
