using Dateline.Core.Documents;

namespace Dateline.Nlp.Tests;

/// <summary>Titles the parse reveals (apposition) and state offices that take the story's country (issue 12, item 3).</summary>
[Trait("issue", "12")]
public sealed class ActorTitleTests
{
    private static Actor PersonNamed(string text, string name)
    {
        var doc = Document.FromText("t", text);
        doc.Set(Layers.DocumentDate, new DateOnly(2025, 3, 14));
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        return doc.Get(Layers.Actors).Single(a => a.Type == "PERSON" && a.Name.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_in_apposition_after_the_name_gives_role_and_country()
    {
        var a = PersonNamed("Wanjiru Kamau, the foreign minister of Kenya, met the envoy on Tuesday.", "Kamau");
        Assert.Equal("KEN", a.Country);
        Assert.NotNull(a.Role);
        Assert.StartsWith("KENGOV", a.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_in_apposition_before_the_name_gives_the_role()
    {
        var a = PersonNamed("Bosnia faces a crisis. Bosnia's parliament met. The autonomous region's president, Milorad Dodik, rejected the ruling.", "Dodik");
        Assert.NotNull(a.Role);
        Assert.Equal("BIH", a.Country);
    }

    [Fact]
    public void A_spokesperson_speaks_for_the_actor_named_before_the_title()
    {
        const string Text = "U.N. Secretary-General Antonio Guterres condemned the killings. \u201cThe killings are unacceptable,\u201d Guterres\u2019 spokesman, "
            + "Pierre Malouda, told reporters. Russian President Vladimir Putin met the envoy. Putin\u2019s spokesman Ivan Sorokin said the talks were useful.";
        Assert.Equal("IGOUNO", PersonNamed(Text, "Malouda").Code);
        Assert.StartsWith("RUSGOV", PersonNamed(Text, "Sorokin").Code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_span_that_took_in_a_quotation_mark_is_the_same_person()
    {
        var doc = Document.FromText("t", "Kenyan President William Ruto spoke on Monday. \u201cWe will not back down,\u201d Ruto said.");
        doc.Set(Layers.DocumentDate, new DateOnly(2025, 3, 14));
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        Assert.Single(doc.Get(Layers.Actors), a => a.Type == "PERSON");
    }

    [Fact]
    public void The_story_country_counts_the_organisations_it_names_not_only_its_country_names()
    {
        // Written for this test: "Iraq" named twice as a topic, the story's own parties and broadcaster throughout.
        const string Text = "Labour and the Conservative Party clashed over the Iraq war on Sunday. The Labour Party chairman spoke to the BBC. "
            + "Deputy Prime Minister Ruth Okafor welcomed the report on the Iraq inquiry. Labour will publish its plans next week.";
        var a = PersonNamed(Text, "Okafor");
        Assert.Equal("GBR", a.Country);
    }

    [Fact]
    public void A_party_before_former_and_a_title_gives_the_country()
    {
        // Written for this test: the story names another country more often than the party's.
        var a = PersonNamed("Kenya was discussed. Kenya's elections were held. Labour former minister Ruth Okafor criticised the plan.", "Okafor");
        Assert.Equal("GBR", a.Country);
    }

    [Fact]
    public void A_business_title_does_not_take_the_story_country()
    {
        var a = PersonNamed("Washington is listening. The United States said so. Jimmy Lai, a businessman and founder of a newspaper, was jailed.", "Lai");
        Assert.Equal("Businessman", a.Role);
        Assert.Null(a.Country);
    }

    [Fact]
    public void A_person_with_no_title_or_country_takes_the_country_the_story_is_about()
    {
        var novak = PersonNamed("Bosnia faces a crisis. Bosnia's parliament met on Monday. Milorad Novak rejected the ruling.", "Novak");
        Assert.Equal("BIH", novak.Code); // no sector: the text gives none
        Assert.Null(novak.Country);      // a guess for coding events, not a nationality the text states
        // No country clearly dominates (one mention each): nothing is guessed.
        Assert.Null(PersonNamed("Bosnia and Serbia met. Milorad Novak rejected the ruling.", "Novak").Code);
    }

    [Fact]
    public void A_known_leader_keeps_his_country_in_a_story_about_another()
    {
        var putin = PersonNamed("Ukraine wants peace. Ukraine's army held the line on Monday. Vladimir Putin offered talks.", "Putin");
        Assert.Equal("RUS", putin.Country);
    }

    [Theory]
    [InlineData("Sudan must act. Darfur is starving. Peter Hansen, the United Nations relief coordinator, demanded access.", "Hansen")]
    [InlineData("Britain debated the bill. Britain's police backed it. Shami Chakrabarti, from human rights group Liberty, opposed it.", "Chakrabarti")]
    public void A_person_the_text_ties_to_an_organisation_does_not_take_the_story_country(string text, string name) =>
        Assert.Null(PersonNamed(text, name).Code);

    [Fact]
    public void Mr_and_a_surname_link_to_the_full_name_named_earlier()
    {
        var doc = Document.FromText("t", "Tory leader Michael Howard spoke in London on Monday. Later, Mr Howard criticised the Labour government over its plans.");
        doc.Set(Layers.DocumentDate, new DateOnly(2005, 2, 1));
        NlpPipelines.Default().Run(doc, TestContext.Current.CancellationToken);
        var howard = Assert.Single(doc.Get(Layers.Actors), a => a.Type == "PERSON");
        Assert.Equal("Michael Howard", howard.Name);
        Assert.Contains("Mr Howard", howard.Aliases);
        Assert.Equal("GBR", howard.Country); // the party before the title is British
        var e = Assert.Single(doc.Get(Layers.Events));
        Assert.Equal(("GBR", "111"), (e.Source.Code[..3], e.Cameo));
    }

    [Fact]
    public void A_titles_default_country_yields_to_the_country_the_story_is_about()
    {
        var brown = PersonNamed("Chancellor Alan Whitby spoke in London. Britain will cut taxes, Mr Whitby said. The UK economy grew.", "Whitby");
        Assert.Equal("GBR", brown.Country);
        var weber = PersonNamed("Chancellor Hans Weber spoke on Monday. He said taxes would fall.", "Weber");
        Assert.Equal("DEU", weber.Country);
    }

    [Fact]
    public void A_titles_default_country_yields_to_the_nationality_the_leaders_gazetteer_knows()
    {
        // Gordon Brown is in Data/leaders.tsv (GBR, Prime Minister 2007–2010); as Chancellor, out of office on the date
        // and in a story that names no country, he is British, not German (the title's default, as Hans Weber above).
        var brown = PersonNamed("Chancellor Gordon Brown spoke on Monday. He said taxes would fall.", "Brown");
        Assert.Equal("GBR", brown.Country);
        Assert.Equal("Chancellor", brown.Role);
    }

    [Theory]
    [InlineData("Culture Secretary Tessa Jowell spoke in London.", "Jowell", "GBRGOV")] // not the bare "Secretary" row's USAGOV
    [InlineData("Work and Pensions Secretary Alan Johnson spoke.", "Johnson", "GBRGOV")]
    [InlineData("Hong Kong's Chief Executive John Lee said the city would reopen.", "Lee", "HKGGOV")]
    public void Titles_give_the_office_and_its_country(string text, string name, string code) =>
        Assert.Equal(code, PersonNamed(text, name).Code);

    [Fact]
    public void A_chief_executive_outside_Hong_Kong_and_Macau_runs_a_company()
    {
        var gammell = PersonNamed("Chief executive Bill Gammell said on Friday he was disappointed.", "Gammell");
        Assert.Equal("CEO", gammell.Role);
        Assert.DoesNotContain("GOV", gammell.Code ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_general_secretary_outside_the_one_party_states_leads_no_government()
    {
        var barber = PersonNamed("TUC general secretary Brendan Barber said the plans were wrong.", "Barber");
        Assert.DoesNotContain("GOV", barber.Code ?? "", StringComparison.Ordinal); // was CHNGOV, the title's default
        var trong = PersonNamed("Communist Party General Secretary Nguyen Phu Trong spoke in Hanoi.", "Nguy"); // the gazetteer writes the name with its diacritics
        Assert.Equal("VNMGOV", trong.Code);
    }

    [Theory]
    [InlineData("Shadow chancellor Oliver Letwin attacked the plans.", "Letwin")] // not DEUGOV (the title's default)
    [InlineData("Tory shadow local government secretary Caroline Spelman spoke.", "Spelman")] // not USAGOV; the portfolio comes between
    [InlineData("Shadow Home Secretary David Davis spoke in London.", "Davis")] // not GBRGOV
    public void A_shadow_title_is_the_British_opposition_front_bench(string text, string name)
    {
        var person = PersonNamed(text, name);
        Assert.Equal("GBROPP", person.Code);
        Assert.StartsWith("Shadow ", person.Role, StringComparison.Ordinal);
    }
}
