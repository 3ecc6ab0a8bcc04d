using System.Text;
using Dateline.Extraction.Reading;

namespace Dateline.Extraction.Tests;

/// <summary>JSON Lines records may carry the publisher's tags: an array of strings or one comma-separated string.</summary>
public sealed class JsonLinesTagsTests
{
    [Fact]
    public void Tags_are_read_from_an_array_a_string_or_the_page_and_the_record_wins()
    {
        var lines = string.Join('\n',
            """{"title": "Ferry fares rise", "text": "Fares on the island ferries rise by a tenth from July, the operator said.", "tags": ["Ferries", " Fares ", "ferries", 7]}""",
            """{"title": "Quay reopens", "text": "The southern quay reopened on Monday after six weeks of repairs.", "keywords": "harbour, repairs,,"}""",
            """{"title": "Market moves", "html": "<html><head><meta name='keywords' content='markets'></head><body><article><p>The fish market moves to the old customs shed next spring, the council decided on Tuesday evening.</p></article></body></html>"}""",
            """{"title": "Market moves again", "tags": "council", "html": "<html><head><meta name='keywords' content='markets'></head><body><article><p>The fish market moves back to the quay next autumn, the council decided on Thursday evening.</p></article></body></html>"}""",
            """{"title": "No tags", "text": "Nothing here carries a tag at all, which is the common case."}""");
        var articles = new ArticleExtractor().Read(InputFile.FromBytes("tags.jsonl", Encoding.UTF8.GetBytes(lines)), TestContext.Current.CancellationToken)
            .Select(o => o.Article!).ToList();

        Assert.Equal(["Ferries", "Fares"], articles[0].Tags);
        Assert.Equal(["harbour", "repairs"], articles[1].Tags);
        Assert.Equal(["markets"], articles[2].Tags);
        Assert.Equal(["council"], articles[3].Tags);
        Assert.Empty(articles[4].Tags);
    }
}
