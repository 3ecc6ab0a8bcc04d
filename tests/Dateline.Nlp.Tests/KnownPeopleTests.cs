using Dateline.Core.Documents;
using Dateline.Nlp.Actors;
using Dateline.Nlp.Lexicons;

namespace Dateline.Nlp.Tests;

/// <summary>Leaders named without a title or a country are coded from Data/leaders.tsv for the article's date (issue 4, item 4).</summary>
[Trait("issue", "4")]
public sealed class KnownPeopleTests
{
    private static readonly KnownPeople Known = new(ActorLexicon.Default, Leaders.Default);

    private static KnownPeople.Coding? Find(string name, string? date, params string[] others) =>
        Known.Find(name, [], date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), others);

    [Theory]
    [InlineData("Putin", "2015-06-01", "RUS", "President", "GOV")]
    [InlineData("Putin", "2009-06-01", "RUS", "Prime Minister", "GOV")]
    [InlineData("Vladimir Putin", "2000-02-01", "RUS", "President", "GOV")]
    [InlineData("Clinton", "1998-03-01", "USA", "President", "GOV")]
    [InlineData("Clinton", "2010-03-01", "USA", "Secretary of State", "GOV")]
    [InlineData("Bush", "1990-03-01", "USA", "President", "GOV")]
    [InlineData("Bush", "2005-03-01", "USA", "President", "GOV")]
    [InlineData("Lula", "2024-05-01", "BRA", "President", "GOV")]
    [InlineData("Gbagbo", "2005-01-01", "CIV", "President", "GOV")]
    [InlineData("Yoweri Museveni", "1999-01-01", "UGA", "President", "GOV")]
    [InlineData("Lee Jae-myung", "2025-06-04", "KOR", "President", "GOV")]
    [InlineData("George W Bush", "2003-03-20", "USA", "President", "GOV")]
    [InlineData("MBS", "2023-01-01", "SAU", "Prime Minister", "GOV")]
    [InlineData("MBS", "2018-01-01", "SAU", "Crown Prince", "GOV")]
    public void A_leader_in_office_on_the_date_takes_country_office_and_sector(string name, string date, string country, string role, string sector)
    {
        var k = Find(name, date);
        Assert.NotNull(k);
        Assert.Equal((country, role, sector), (k.Country, k.Role, k.Sector));
    }

    [Fact]
    public void Out_of_office_on_the_date_is_the_country_and_ELI()
    {
        var k = Find("Gorbachev", "1995-01-01");
        Assert.NotNull(k);
        Assert.Equal(("USR", "former President", "ELI"), (k.Country, k.Role, k.Sector));
        k = Find("Bill Clinton", "2015-01-01");
        Assert.Equal(("USA", "former President", "ELI"), (k!.Country, k.Role, k.Sector));
    }

    [Fact]
    public void Without_a_date_the_most_recent_term_wins()
    {
        var k = Find("Putin", null);
        Assert.Equal(("RUS", "President"), (k!.Country, k.Role));
    }

    [Fact]
    public void A_shared_surname_stays_uncoded_unless_the_date_picks_one()
    {
        Assert.Null(Find("Bush", null));               // two presidents
        Assert.Null(Find("Clinton", "2005-01-01"));    // neither in office
        Assert.Null(Find("Trudeau", null));
        Assert.Equal("CAN", Find("Trudeau", "2018-01-01")!.Country);
        Assert.Null(Find("Roh", "1985-01-01"));        // neither in office
    }

    [Fact]
    public void A_surname_every_leader_of_one_country_shares_still_names_that_country()
    {
        Assert.Equal("USA", Known.SharedCountry("Bush"));   // two presidents, one country: "the Bush administration"
        Assert.Equal("USA", Known.SharedCountry("Clinton"));
        Assert.Null(Known.SharedCountry("Smith"));          // no leader of that name
    }

    [Fact]
    public void A_surname_is_not_used_when_another_person_in_the_document_shares_it()
    {
        Assert.Null(Find("Putin", "2015-06-01", "Lyudmila Putin"));
        Assert.NotNull(Find("Putin", "2015-06-01", "Sergei Lavrov"));
    }

    [Fact]
    public void A_full_name_that_is_not_a_leader_gives_nothing()
    {
        Assert.Null(Find("Chelsea Clinton", "1998-01-01"));
        Assert.Null(Find("Mike Johnson", "2024-01-01"));
    }

    [Fact]
    public void Heads_of_international_organisations_take_the_organisation_code()
    {
        var k = Find("Kofi Annan", "2003-01-01");
        Assert.Equal(("IGOUNO", "Secretary-General", (string?)null), (k!.FixedCode, k.Role, k.Country));
        Assert.Equal("IGOWSTNAT", Find("Stoltenberg", "2020-01-01")!.FixedCode);
        Assert.Equal("NOR", Find("Stoltenberg", "2010-01-01")!.Country);
    }

    [Fact]
    public void The_whole_gazetteer_loads_and_is_consistent()
    {
        var leaders = Leaders.Parse(ReadRows());
        Assert.True(leaders.Terms.Count > 600, $"{leaders.Terms.Count} rows");
        foreach (var t in leaders.Terms)
        {
            Assert.True(ActorLexicon.Default.Roles.ContainsKey(t.Office.ToLowerInvariant()), $"{t.Name}: office {t.Office} not in roles.tsv");
            Assert.True(t.Country.Length == 3 ? ActorLexicon.Default.CountryName.ContainsKey(t.Country) || t.Country is "USR" or "YUG" or "DDR" or "KSV" or "CSK" or "SCG"
                : ActorLexicon.Default.Organizations.Values.Any(o => o.Code == t.Country), $"{t.Name}: unknown country {t.Country}");
            Assert.True(t.To is null || t.From <= t.To, t.Name);
        }

        foreach (var (name, terms) in leaders.TermsOf)
        {
            Assert.True(leaders.ByName.ContainsKey(Leaders.Key(name)) || leaders.ByWord.ContainsKey(Leaders.Key(name)), name);
        }
    }

    private static IEnumerable<Dictionary<string, string>> ReadRows()
    {
        var field = typeof(Leaders).Assembly.GetManifestResourceStream("Dateline.Nlp.Data.leaders.tsv");
        Assert.NotNull(field);
        using var reader = new StreamReader(field);
        var lines = reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Theory]
    [InlineData("On Monday, Putin offered to negotiate with Kyiv.", "2015-06-01", "Putin", "RUSGOV", "President")]
    [InlineData("On Monday, Putin offered to negotiate with Kyiv.", "2009-06-01", "Putin", "RUSGOV", "Prime Minister")]
    [InlineData("President Bill Clinton has imposed sanctions on Iran.", "1995-05-06", "Bill Clinton", "USAGOV", "President")]
    [InlineData("President Yoweri Museveni has banned the rallies.", "2001-03-01", "Yoweri Museveni", "UGAGOV", "President")]
    [InlineData("Former President Bill Clinton spoke in Harlem.", "2010-03-01", "Bill Clinton", "USAELI", null)]
    public void In_the_pipeline_the_date_of_the_article_decides(string text, string date, string name, string code, string? role)
    {
        var doc = new Document("t", text);
        doc.Set(Layers.DocumentDate, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        NlpPipelines.WithoutEvents().Run(doc, TestContext.Current.CancellationToken);
        var actor = Assert.Single(doc.Get(Layers.Actors), a => a.Name == name);
        Assert.Equal(code, actor.Code);
        if (role is not null)
        {
            Assert.Equal(role, actor.Role);
        }
    }

    private static IReadOnlyList<Actor> People(string text, string date)
    {
        var doc = new Document("t", text);
        doc.Set(Layers.DocumentDate, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        NlpPipelines.WithoutEvents().Run(doc, TestContext.Current.CancellationToken);
        return [.. doc.Get(Layers.Actors).Where(a => a.Type == "PERSON")];
    }

    [Fact]
    public void A_leader_written_family_name_first_takes_the_gazetteer_spelling_so_articles_link_to_one_entity()
    {
        var ishiba = Assert.Single(People("Japan's Prime Minister Ishiba Shigeru held talks with Canada's leader on Tuesday.", "2025-06-17"),
            p => p.Aliases.Contains("Ishiba Shigeru"));
        Assert.Equal(("Shigeru Ishiba", "JPNGOV"), (ishiba.Name, ishiba.Code));
    }

    [Fact]
    public void The_gazetteer_country_replaces_one_only_guessed_from_the_sentence_but_not_one_the_text_states()
    {
        var lee = Assert.Single(People("Officials in Japan expect ties to keep improving under President Lee Jae Myung.",
            "2025-07-24"), p => p.Name == "Lee Jae Myung");
        Assert.Equal(("KOR", "KORGOV"), (lee.Country, lee.Code));

        // Stated in the text: kept, even where the gazetteer disagrees (the text may know better, e.g. a new office).
        var stated = Assert.Single(People("Japanese President Lee Jae Myung opened the session.", "2025-07-24"), p => p.Name == "Lee Jae Myung");
        Assert.Equal("JPN", stated.Country);
    }

    [Theory]
    [InlineData("2025-06-18", "Lee Jae Myung")]
    [InlineData("2009-06-18", "Lee Myung-bak")]
    public void A_surname_with_a_stated_country_and_title_becomes_that_countrys_leader_in_office(string date, string name)
    {
        var lee = Assert.Single(People("South Korea's President Lee said on Wednesday that talks would resume.", date));
        Assert.Equal((name, "KORGOV"), (lee.Name, lee.Code));
        Assert.Contains("Lee", lee.Aliases);
    }

    [Fact]
    public void A_surname_another_person_in_the_article_shares_is_left_alone()
    {
        var people = People("South Korea's President Lee met Health Minister Lee Ju-ho on Wednesday.", "2025-06-18");
        Assert.DoesNotContain(people, p => p.Name == "Lee Jae Myung");
    }
}
