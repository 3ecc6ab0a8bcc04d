using System.Text.Json;
using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Core.Serialization;
using Dateline.Storage;
using Dateline.Storage.Sqlite;
using Dateline.Testing;

namespace Dateline.Cli.Tests;

/// <summary>`show --format json` passes a stored parse (the annotate JSON's <c>tokens</c>) through under "annotations".</summary>
public sealed class ShowSyntaxTests
{
    [Fact]
    public async Task Show_json_returns_the_stored_tokens_with_their_heads()
    {
        using var tmp = new TempFolder();
        var article = new Article { Id = "parsed0001", Origin = new ArticleOrigin("test"), Title = "Talks", Paragraphs = ["Seoul met Tokyo."] };
        var doc = Document.FromArticle(article);
        doc.Set(Layers.Tokens, [new(0, 5), new(6, 9), new(10, 15), new(15, 16)]);
        doc.Set(Layers.Sentences, [new(0, 16)]);
        doc.Set(Layers.Syntax,
        [
            new("Seoul", "PROPN", "NNP", 1, "nsubj"), new("meet", "VERB", "VBD", -1, "root"),
            new("Tokyo", "PROPN", string.Empty, 1, "obj"), new(".", "PUNCT", ".", 1, "punct"),
        ]);
        await using (var store = await SqliteArticleStore.OpenAsync(tmp.File("dateline.db"), TestContext.Current.CancellationToken))
        {
            await store.SaveAsync([article], TestContext.Current.CancellationToken);
            await store.SaveAnnotationsAsync([new ArticleAnnotations(article.Id, "test", DocumentJson.Serialize(doc))], TestContext.Current.CancellationToken);
        }

        var r = await Cli.RunAsync(tmp.Path, "show", article.Id, "--format", "json");

        Assert.True(r.ExitCode == 0, r.ToString());
        var tokens = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("annotations").GetProperty("tokens");
        Assert.Equal(["Seoul", "met", "Tokyo", "."], tokens.EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        Assert.Equal([1, -1, 1, 1], tokens.EnumerateArray().Select(t => t.GetProperty("head").GetInt32()));
        Assert.Equal("obj", tokens[2].GetProperty("deprel").GetString());
        Assert.False(tokens[2].TryGetProperty("xpos", out _));
    }
}
