using Dateline.Core.Documents;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Tests;

/// <summary>
/// Organisations whose place in a state changed take the code of the article's date (organizations.tsv "status:"
/// notes): the Taliban were an insurgency between 2001 and 2021 and govern since (issue 12, item 3).
/// </summary>
[Trait("issue", "12")]
public sealed class DatedOrganizationTests
{
    private static System.Collections.Immutable.ImmutableArray<EventMention> Events(string text, DateOnly? date)
    {
        var doc = Document.FromText("t", text);
        if (date is { } day)
        {
            doc.Set(Layers.DocumentDate, day);
        }

        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        return doc.Get(Layers.Events);
    }

    [Theory]
    [InlineData(2019, 5, 1, "AFGREB")]
    [InlineData(2000, 5, 1, "AFGGOV")]
    [InlineData(2025, 5, 1, "AFGGOV")]
    public void The_Taliban_are_coded_by_the_article_date(int year, int month, int day, string expected)
    {
        var e = Assert.Single(Events("The Taliban attacked an Afghan army checkpoint in Kandahar.", new DateOnly(year, month, day)));
        Assert.Equal(expected, e.Source.Code);
        Assert.Equal("AFGMIL", e.Target?.Code);
    }

    [Fact]
    public void An_undated_text_keeps_the_code_column()
    {
        var e = Assert.Single(Events("The Taliban attacked an Afghan army checkpoint in Kandahar.", null));
        Assert.Equal("AFGGOV", e.Source.Code);
    }

    [Fact]
    public void A_party_keeps_its_party_code_whatever_its_status()
    {
        var ldp = ActorLexicon.Default.Organizations["Liberal Democratic Party"];
        Assert.NotEmpty(ldp.Status);
        Assert.Equal("JPNPTY", ldp.CodeOn(new DateOnly(2025, 6, 4)));
    }

    [Fact]
    public void Status_periods_are_read_with_open_ends_and_a_broken_one_is_an_error()
    {
        var periods = ActorLexicon.Organization.ParseStatus("status: GOV 1996-09-27..2001-11-12, REB 2001-11-13..2021-08-14, GOV 2021-08-15..; notes");
        Assert.Equal(3, periods.Count);
        Assert.Equal(("REB", new DateOnly(2001, 11, 13), new DateOnly(2021, 8, 14)), (periods[1].Sector, periods[1].From, periods[1].Until));
        Assert.Null(periods[2].Until);
        Assert.Empty(ActorLexicon.Organization.ParseStatus("a note without a status"));
        Assert.Throws<FormatException>(() => ActorLexicon.Organization.ParseStatus("status: GOV 2021-08-15;"));
    }

    [Fact]
    public void A_shared_alias_names_the_row_whose_country_the_text_names()
    {
        var sudan = Events("Fighting between Sudanese army troops and the RSF continued in Khartoum.", new DateOnly(2025, 5, 1));
        Assert.Contains(sudan, x => x.Source.Code == "SDNREB" && x.Target?.Code == "SDNMIL");
        Assert.Equal("NGOHRIRSF", ActorLexicon.Default.OrganizationIn("RSF", "RSF said the journalist was released in Paris.")?.Code);
        Assert.Equal("SDNREB", ActorLexicon.Default.OrganizationIn("RSF", "RSF fighters shelled a market in Khartoum.")?.Code);
    }
}
