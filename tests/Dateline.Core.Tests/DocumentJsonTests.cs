using System.Text.Json;
using Dateline.Core.Documents;
using Dateline.Core.Serialization;

namespace Dateline.Core.Tests;

/// <summary>The <c>tokens</c> array of the annotate JSON: written from the syntax layer, heads as indices into the array.</summary>
public sealed class DocumentJsonTests
{
    // Two sentences, so heads in the second one are document-level indices (4 and above), not sentence-level ones.
    private const string Text = "Seoul rejected it. Tokyo was told.";

    private static readonly TokenSyntax[] Parse =
    [
        new("Seoul", "PROPN", "NNP", 1, "nsubj"),
        new("reject", "VERB", "VBD", -1, "root"),
        new("it", "PRON", "PRP", 1, "obj"),
        new(".", "PUNCT", ".", 1, "punct"),
        new("Tokyo", "PROPN", string.Empty, 6, "nsubj:pass"),
        new("be", "AUX", string.Empty, 6, "aux:pass"),
        new("tell", "VERB", string.Empty, -1, "root"),
        new(".", "PUNCT", string.Empty, 6, "punct"),
    ];

    private static Document Parsed(params TokenSyntax[] syntax)
    {
        var doc = new Document("d1", Text);
        doc.Set(Layers.Tokens, [new(0, 5), new(6, 14), new(15, 17), new(17, 18), new(19, 24), new(25, 28), new(29, 33), new(33, 34)]);
        doc.Set(Layers.Sentences, [new(0, 18), new(19, 34)]);
        if (syntax.Length > 0)
        {
            doc.Set(Layers.Syntax, [.. syntax]);
        }

        return doc;
    }

    private static JsonElement Root(Document doc) => JsonDocument.Parse(DocumentJson.Serialize(doc)).RootElement;

    [Fact]
    public void Tokens_carry_offsets_text_tags_and_heads_as_indices_into_the_array()
    {
        var tokens = Root(Parsed(Parse)).GetProperty("tokens").EnumerateArray().ToList();

        Assert.Equal(8, tokens.Count);
        var rejected = tokens[1];
        Assert.Equal((6, 14, "rejected", "reject", "VERB", "VBD", -1, "root"), (rejected.GetProperty("start").GetInt32(), rejected.GetProperty("end").GetInt32(),
            rejected.GetProperty("text").GetString(), rejected.GetProperty("lemma").GetString(), rejected.GetProperty("upos").GetString(),
            rejected.GetProperty("xpos").GetString(), rejected.GetProperty("head").GetInt32(), rejected.GetProperty("deprel").GetString()));
        Assert.Equal([1, -1, 1, 1, 6, 6, -1, 6], tokens.Select(t => t.GetProperty("head").GetInt32()));
        var tokyo = tokens[4];
        Assert.Equal(("Tokyo", "nsubj:pass"), (tokyo.GetProperty("text").GetString(), tokyo.GetProperty("deprel").GetString()));
        Assert.Equal("told", tokens[tokyo.GetProperty("head").GetInt32()].GetProperty("text").GetString());
        Assert.False(tokyo.TryGetProperty("xpos", out _), "an empty xpos is left out");
    }

    [Fact]
    public void Tokens_come_right_after_sentences()
    {
        var names = Root(Parsed(Parse)).EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.IndexOf("sentences") + 1, names.IndexOf("tokens"));
    }

    [Fact]
    public void Without_the_syntax_layer_there_is_no_tokens_array()
    {
        var root = Root(Parsed());
        Assert.True(root.TryGetProperty("sentences", out _));
        Assert.False(root.TryGetProperty("tokens", out _));
    }

    [Fact]
    public void A_syntax_layer_not_aligned_with_the_tokens_is_left_out()
    {
        Assert.False(Root(Parsed(Parse[..5])).TryGetProperty("tokens", out _));
    }

    [Fact]
    public void A_head_outside_the_tokens_is_written_as_a_root()
    {
        var parse = Parse.ToArray();
        parse[2] = parse[2] with { Head = 99 };
        Assert.Equal(-1, Root(Parsed(parse)).GetProperty("tokens")[2].GetProperty("head").GetInt32());
    }

    [Fact]
    public void The_json_stays_compact()
    {
        Assert.DoesNotContain('\n', DocumentJson.Serialize(Parsed(Parse)));
    }
}
