using Dateline.Storage.Search;
using Dateline.Storage.Sqlite;

namespace Dateline.Storage.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    // query as typed → as understood (fully parenthesised; precedence NOT > AND > OR)
    [InlineData("summit", "summit")]
    [InlineData("japan korea", "japan AND korea")]
    [InlineData("a b OR c", "(a AND b) OR c")]
    [InlineData("a OR b c", "a OR (b AND c)")]
    [InlineData("a AND (b OR c)", "a AND (b OR c)")]
    [InlineData("-a b", "NOT a AND b")]
    [InlineData("NOT NOT a", "a")]
    [InlineData("\"shuttle   diplomacy\"", "\"shuttle diplomacy\"")]
    [InlineData("title:Ishiba diplom*", "title:Ishiba AND diplom*")]
    [InlineData("“curly quotes”", "\"curly quotes\"")]
    [InlineData("and or not", "and AND or AND not")] // lower case are words
    [InlineData("e-mail", "e-mail")]
    [InlineData("the the the", "the")] // repeated items fold (issue 16: a hostile query's cost was quadratic in its repeats)
    [InlineData("a AND (b AND a) AND c", "a AND b AND c")]
    [InlineData("(a OR b) OR (b OR a)", "a OR b")]
    [InlineData("x (a OR b) (b OR a)", "x AND (a OR b)")]
    public void Parses_with_clear_precedence(string typed, string understood) => Assert.Equal(understood, SearchQuery.Parse(typed).ToString());

    [Fact]
    public void A_thousand_repeats_fold_to_one_term_and_too_many_distinct_terms_are_refused()
    {
        Assert.Equal("the", SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("the", 1_000))).ToString());
        Assert.Equal("summit OR talks", SearchQuery.Parse(string.Join(" OR ", Enumerable.Repeat("summit OR talks", 300))).ToString());

        var many = string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms + 1).Select(i => "w" + i));
        var e = Assert.Throws<QuerySyntaxException>(() => SearchQuery.Parse(many));
        Assert.Contains($"{SearchQuery.MaxTerms + 1} different words and phrases; at most {SearchQuery.MaxTerms}", e.Message, StringComparison.Ordinal);
        Assert.Equal(SearchQuery.MaxTerms, SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms).Select(i => "w" + i))).ToString().Split(" AND ").Length);

        var huge = new string('a', SearchQuery.MaxLength + 1);
        Assert.Contains("characters long", Assert.Throws<QuerySyntaxException>(() => SearchQuery.Parse(huge)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("(a OR b", "never closed")]
    [InlineData("a)", "unbalanced")]
    [InlineData("\"open phrase", "closing quote")]
    [InlineData("a OR", "missing")]
    [InlineData("\"\"", "empty")]
    public void Reports_syntax_errors_with_a_reason(string typed, string reason)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => SearchQuery.Parse(typed));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_inside_a_term_are_escaped_for_fts5() =>
        Assert.Equal("\"a\"\"b\"", Fts5QueryTranslator.Translate(new TermNode("a\"b")));

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow() =>
        Assert.Throws<QuerySyntaxException>(() => SearchQuery.Parse(new string('(', 5000) + "a" + new string(')', 5000)));

    [Theory]
    [InlineData("x*", "\"x\"*")]
    [InlineData("shuttle -geneva", "((\"shuttle\") NOT \"geneva\")")]
    [InlineData("東京", "\"東\u200B京\"")]
    public void Translates_to_quoted_fts5(string typed, string fts) =>
        Assert.Equal(fts, Fts5QueryTranslator.Translate(SearchQuery.Parse(typed).Root));

    [Theory]
    [InlineData("東京で会談", "東 京 で 会 談")]
    [InlineData("Seoul 서울 talks", "Seoul 서 울 talks")]
    [InlineData("no cjk here", "no cjk here")]
    public void Segments_cjk_and_undoes_it(string text, string segmented)
    {
        var s = CjkSegmenter.Segment(text);
        Assert.Equal(segmented, System.Text.RegularExpressions.Regex.Replace(s.Replace('\u200B', ' '), " +", " ").Trim());
        Assert.Equal(text, CjkSegmenter.Unsegment(s));
    }
}
