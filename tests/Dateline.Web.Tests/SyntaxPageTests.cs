using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dateline.Core.Articles;
using Dateline.Core.Documents;
using Dateline.Core.Serialization;
using Dateline.Storage;
using Dateline.Storage.Sqlite;
using Dateline.Testing;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Web.Tests;

/// <summary>
/// The parse stored with an article (the annotate JSON's <c>tokens</c>, written by <see cref="DocumentJson"/> from a
/// hand-built syntax layer) comes back on the article page as escaped, collapsed "Sentence structure" and through the
/// API; an article stored without a parse has no such section. Real SQLite file, real app over loopback HTTP.
/// </summary>
public sealed partial class SyntaxPageTests : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";

    private static readonly Article Parsed = new()
    {
        Id = "parsed0001",
        Origin = new ArticleOrigin("test"),
        Title = "Seoul rejects it",
        Source = "Test Wire",
        Paragraphs = ["Seoul rejected " + Script + ".", "The plan was dropped."],
    };

    private static readonly Article Unparsed = new()
    {
        Id = "unparsed01",
        Origin = new ArticleOrigin("test"),
        Title = "No parse here",
        Source = "Test Wire",
        Paragraphs = ["Nobody parsed this."],
    };

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var doc = Document.FromArticle(Parsed);
        string[] words = ["Seoul", "rejected", Script, ".", "The", "plan", "was", "dropped", "."];
        var spans = new List<TextSpan>();
        foreach (var w in words)
        {
            var start = doc.Text.IndexOf(w, spans.Count == 0 ? 0 : spans[^1].End, StringComparison.Ordinal);
            spans.Add(new TextSpan(start, start + w.Length));
        }

        doc.Set(Layers.Tokens, [.. spans]);
        doc.Set(Layers.Sentences, [new TextSpan(0, doc.Text.IndexOf('\n', StringComparison.Ordinal)), new TextSpan(doc.Text.IndexOf("The", StringComparison.Ordinal), doc.Text.Length)]);
        doc.Set(Layers.Syntax,
        [
            new("Seoul", "PROPN", "NNP", 1, "nsubj"), new("reject", "VERB", "VBD", -1, "root"), new(Script, "NOUN", "NN", 1, "obj"),
            new(".", "PUNCT", ".", 1, "punct"), new("the", "DET", "DT", 5, "det"), new("plan", "NOUN", "NN", 7, "nsubj:pass"),
            new("be", "AUX", "VBD", 7, "aux:pass"), new("drop", "VERB", "VBN", -1, "root"), new(".", "PUNCT", ".", 7, "punct"),
        ]);
        await using (var store = await SqliteArticleStore.OpenAsync(_folder.File("syntax.db"), Ct))
        {
            await store.SaveAsync([Parsed, Unparsed], Ct);
            var unparsed = Document.FromArticle(Unparsed);
            unparsed.Set(Layers.Sentences, [new TextSpan(0, Unparsed.Body.Length)]);
            await store.SaveAnnotationsAsync([new ArticleAnnotations(Parsed.Id, "test", DocumentJson.Serialize(doc)),
                new ArticleAnnotations(Unparsed.Id, "test", DocumentJson.Serialize(unparsed))], Ct);
        }

        (_app, var address) = await WebAppFixture.StartAsync(new WebOptions { DbPath = _folder.File("syntax.db") });
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    [GeneratedRegex("<section class=\"syntax\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SyntaxSection();

    [GeneratedRegex("<li class=\"clause\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex Clause();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    /// <summary>What a reader sees (or a screen reader reads) of an HTML fragment: tags dropped, entities decoded.</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "(<[^>]+>)+", "|"));

    [Fact]
    public async Task The_article_page_shows_who_did_what_and_the_words_collapsed_and_escaped()
    {
        var html = await _client.GetStringAsync("/articles/" + Parsed.Id, Ct);

        var section = SyntaxSection().Match(html).Value;
        Assert.Contains("<h2 id=\"syntax-h\">Sentence structure</h2><details class=\"syntax-all\"><summary>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", section, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(html, "<script", RegexOptions.IgnoreCase)); // only the page's own app.js
        Assert.Equal(["Who: Seoul → did: rejected → what: " + Script, "Who: The plan → did: was dropped"],
            Clause().Matches(section).Select(m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Value, "<[^>]+>", string.Empty)), @"\s+", " ").Trim()));
        var rows = Row().Matches(section).Select(m => Visible(m.Value)).ToList();
        Assert.Contains("|3|" + Script + "|" + Script + "|NOUN |NN|obj|rejected (2)|", rows);
        Assert.Contains("|2|plan|plan|NOUN |NN|nsubj:pass|dropped (4)|", rows);
        Assert.Contains("|2|rejected|reject|VERB |VBD|root|—|", rows);
        Assert.Contains("nsubj:pass|subject of a passive verb", Visible(section), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_stored_without_a_parse_has_no_sentence_structure_and_the_api_returns_the_tokens()
    {
        var html = await _client.GetStringAsync("/articles/" + Unparsed.Id, Ct);
        Assert.Contains("Nobody parsed this.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentence structure", html, StringComparison.Ordinal);

        var plain = await _client.GetFromJsonAsync<JsonElement>("/api/articles/" + Unparsed.Id, Ct);
        Assert.False(plain.GetProperty("annotations").TryGetProperty("tokens", out _));
        var parsed = await _client.GetFromJsonAsync<JsonElement>("/api/articles/" + Parsed.Id, Ct);
        var tokens = parsed.GetProperty("annotations").GetProperty("tokens");
        Assert.Equal(9, tokens.GetArrayLength());
        Assert.Equal((Script, "obj", 1), (tokens[2].GetProperty("text").GetString(), tokens[2].GetProperty("deprel").GetString(), tokens[2].GetProperty("head").GetInt32()));
        Assert.Equal("dropped", tokens[tokens[5].GetProperty("head").GetInt32()].GetProperty("text").GetString());
    }
}
