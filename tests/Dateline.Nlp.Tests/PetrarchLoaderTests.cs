using Dateline.Nlp.Events;
using Dateline.Nlp.Events.Petrarch;

namespace Dateline.Nlp.Tests;

/// <summary>The PETRARCH dictionary loaders on small fixtures written for these tests (fictional names, made-up codes).</summary>
[Trait("issue", "5")]
public sealed class PetrarchLoaderTests
{
    private static IEnumerable<(int, string)> Lines(string text) => DictionaryText.Lines(text.Split('\n'));

    [Fact]
    public void Comments_of_both_kinds_are_dropped_and_line_numbers_kept()
    {
        var lines = Lines("<!-- header\nstill header -->\nFOO [BAR] # note\n\n<!-- x --> BAZ [QUX]").ToList();
        Assert.Equal([(3, "FOO [BAR]"), (5, "BAZ [QUX]")], lines);
    }

    [Fact]
    public void Actors_have_aliases_codes_on_later_lines_and_date_restrictions()
    {
        var actors = new PetrarchActors();
        var problems = new List<DictionaryProblem>();
        actors.Load("fixture.actors.txt", Lines("""
            VALDERIA_ [VAL]
            +VALDERIAN
            +PORT_AMSEL
            QUENTIN_MARLOWE_
            	[VALOPP <20010315]
            	[VALGOV 20010315-20050101]
            	[VALELI >050101]
            NOBODY_HERE
            +GHOST
            [XX YY]
            """), problems);
        actors.Freeze();

        Assert.Equal(2, actors.Entries.Count);
        var marlowe = actors.Entries[1];
        Assert.Equal("VALOPP", marlowe.CodeOn(new DateOnly(2000, 1, 1)));
        Assert.Equal("VALGOV", marlowe.CodeOn(new DateOnly(2003, 6, 1)));
        Assert.Equal("VALELI", marlowe.CodeOn(new DateOnly(2010, 1, 1)));
        Assert.Equal("VAL", actors.Entries[0].CodeOn(new DateOnly(2010, 1, 1)));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("malformed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("no code", StringComparison.Ordinal));

        var words = new[] { "the", "port", "amsel", "harbour", "quentin", "marlowe" };
        Assert.Equal(3, actors.Match(words, 1, _ => true)?.End);
        Assert.Equal(6, actors.Match(words, 4, _ => true)?.End);
        Assert.Null(actors.Match(words, 0, _ => true));
    }

    [Fact]
    public void A_name_without_trailing_underscore_matches_short_capitalised_extensions_only()
    {
        var actors = new PetrarchActors();
        actors.Load("fixture.actors.txt", Lines("KORAVI [KRV]\nTEL_ [TEL]"), []);
        actors.Freeze();
        Assert.NotNull(actors.Match(["koravian"], 0, _ => true));
        Assert.Null(actors.Match(["koravian"], 0, _ => false));
        Assert.Null(actors.Match(["koravianism"], 0, _ => true));
        Assert.Null(actors.Match(["tela"], 0, _ => true));
    }

    [Fact]
    public void Agents_expand_substitution_sets_and_plurals()
    {
        var agents = new PetrarchAgents();
        var problems = new List<DictionaryProblem>();
        agents.Load("fixture.agents.txt", Lines("""
            !FOLK! = MAN, WOMAN
            HARBOUR!FOLK! {} [~DCK]
            TAX_COLLECTOR [~GOV]
            FERRY {FERRIES_GALORE} [~TRN]
            CHARITY_BOARD [NGO~]
            BROKEN LINE
            MYSTERY!NOPE! [~ZZZ]
            """), problems);

        var nouns = agents.Entries.Select(e => string.Join(' ', e.Words)).ToList();
        Assert.Contains("harbourman", nouns);
        Assert.Contains("harbourwoman", nouns);
        Assert.DoesNotContain("harbourmans", nouns);
        Assert.Contains("tax collectors", nouns);
        Assert.Contains("ferries galore", nouns);
        Assert.DoesNotContain("ferrys", nouns);
        Assert.Equal("GOV", agents.Entries.First(e => e.Words[0] == "tax").Code);
        Assert.True(agents.Entries.First(e => e.Words[0] == "charity").Prefix);
        Assert.Equal([6, 7], problems.Select(p => p.Line));
    }

    [Fact]
    public void Discards_separate_sentence_and_story_level()
    {
        var discards = new PetrarchDiscards();
        var problems = new List<DictionaryProblem>();
        discards.Load("fixture.discards.txt", Lines("DECADES LATER\n+CURLING FINAL\n[ODD]"), problems);
        Assert.True(discards.DiscardsSentence(["and", "decades", "later", "it"], 0, 4));
        Assert.False(discards.DiscardsSentence(["and", "decades", "later", "it"], 0, 2));
        Assert.True(discards.DiscardsStory(["the", "curling", "final", "ended"]));
        Assert.False(discards.DiscardsStory(["decades", "later"]));
        Assert.Single(problems);
    }

    [Fact]
    public void Verbs_become_patterns_with_forms_synsets_roles_and_paired_codes()
    {
        var verbs = new PetrarchVerbs(EventLexicon.DefaultIrregular);
        var problems = new List<DictionaryProblem>();
        verbs.Load("fixture.verbs.txt", Lines("""
            &BOATS
            +SKIFF
            +CANOE_

            --- PADDLE [042] ---
            PADDLE
            ROW {ROWS ROWED ROWING} [043]
            +SET_SAIL {+SETS_SAIL +SETTING_SAIL}
            - * TO + [042:043]
            - + WAS * BY $ [045]
            - * IN_&BOATS [046]
            - * &NOSUCH [047]
            - NO VERB HERE [048]
            """), problems);

        var texts = verbs.Patterns.Select(p => p.Text).ToList();
        var paddle = verbs.Patterns[0];
        Assert.Equal("042", paddle.Code);
        Assert.Contains("paddled", paddle.Text.Split('|'));
        Assert.Equal("043", verbs.Patterns[1].Code);
        Assert.Equal("row|rows|rowed|rowing", verbs.Patterns[1].Text);
        Assert.Equal("set_sail|sets_sail|setting_sail", verbs.Patterns[2].Text);

        var pair = verbs.Patterns.Single(p => p.PairCode is not null);
        Assert.Equal(("042", "043"), (pair.Code, pair.PairCode));
        Assert.EndsWith(" * to", pair.Text, StringComparison.Ordinal);

        var passive = verbs.Patterns.Single(p => p.Code == "045");
        Assert.True(passive.TargetBefore && passive.SourceAfter);
        Assert.StartsWith("was * ", passive.Text, StringComparison.Ordinal);
        Assert.EndsWith(" * by", passive.Text, StringComparison.Ordinal);

        var boats = verbs.Patterns.Single(p => p.Code == "046");
        Assert.EndsWith(" * in skiff|skiffs|canoe", boats.Text, StringComparison.Ordinal);

        Assert.Equal([12, 13], problems.Select(p => p.Line));
        Assert.NotNull(EventPattern.Parse(boats.Text, "046", string.Empty, "t:1", EventLexicon.DefaultIrregular));
    }

    [Fact]
    public void A_bad_block_header_skips_its_block_with_one_problem()
    {
        var verbs = new PetrarchVerbs(EventLexicon.DefaultIrregular);
        var problems = new List<DictionaryProblem>();
        verbs.Load("fixture.verbs.txt", Lines("--- DRIFT [04?] ---\nDRIFT\n- * AWAY [040]\n--- MOOR [050] ---\nMOOR"), problems);
        Assert.Equal("050", Assert.Single(verbs.Patterns).Code);
        Assert.Equal(1, Assert.Single(problems).Line);
    }
}
