using System.Text.Json;
using Dateline.Core.Articles;

namespace Dateline.Extraction.Tests;

/// <summary>A fixture's <c>.expected.json</c>: the fields an extracted article must have.</summary>
internal sealed record FixtureExpectation(JsonElement Json)
{
    public static FixtureExpectation Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());

    public string? Str(string name) => Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Has(string name) => Json.TryGetProperty(name, out _);

    public IEnumerable<string> Strings(string name) =>
        Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString()!) : [];

    /// <summary>Checks every field of the expectation, collecting all mismatches into one failure message.</summary>
    public void AssertMatches(Article a, string fixture)
    {
        var errors = new List<string>();
        void Eq(string field, object? expected, object? actual)
        {
            if (!Equals(expected, actual))
            {
                errors.Add($"{field}: expected <{expected}> but got <{actual}>");
            }
        }

        Eq("source", Str("source"), a.Source);
        Eq("published", Str("published"), a.Published?.ToString());
        Eq("section", Str("section"), a.Section);
        Eq("title", Str("title"), a.Title);
        Eq("dateline", Str("dateline"), a.Dateline);
        Eq("wire", Str("wire"), a.Wire);
        Eq("comment_count", Json.GetProperty("comment_count").ValueKind == JsonValueKind.Number ? Json.GetProperty("comment_count").GetInt32() : null, a.CommentCount);
        var images = Json.GetProperty("images").EnumerateArray().ToList();
        Eq("images.count", images.Count, a.Images.Length);
        for (var i = 0; i < Math.Min(images.Count, a.Images.Length); i++)
        {
            var e = new FixtureExpectation(images[i]);
            Eq($"images[{i}].alt", e.Str("alt"), a.Images[i].Alt);
            Eq($"images[{i}].caption", e.Str("caption"), a.Images[i].Caption);
            Eq($"images[{i}].credit", e.Str("credit"), a.Images[i].Credit);
        }

        Eq("paragraph_count", Json.GetProperty("paragraph_count").GetInt32(), a.Paragraphs.Length);
        if (a.Paragraphs.Length > 0)
        {
            if (!a.Paragraphs[0].StartsWith(Str("first_paragraph_starts")!, StringComparison.Ordinal))
            {
                errors.Add($"first paragraph should start '{Str("first_paragraph_starts")}' but is '{a.Paragraphs[0]}'");
            }

            if (!a.Paragraphs[^1].EndsWith(Str("last_paragraph_ends")!, StringComparison.Ordinal))
            {
                errors.Add($"last paragraph should end '{Str("last_paragraph_ends")}' but is '{a.Paragraphs[^1]}'");
            }
        }

        foreach (var s in Strings("body_must_contain").Where(s => !a.Body.Contains(s, StringComparison.Ordinal)))
        {
            errors.Add($"body lacks '{s}'");
        }

        foreach (var s in Strings("body_must_not_contain").Where(s => a.Body.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"body contains furniture '{s}'");
        }

        if (Has("authors"))
        {
            Eq("authors", string.Join("|", Strings("authors")), string.Join("|", a.Authors));
        }

        if (Has("published_source"))
        {
            Eq("published_source", Str("published_source"), a.PublishedSource);
        }

        Assert.True(errors.Count == 0, $"{fixture}:\n  " + string.Join("\n  ", errors));
    }
}
