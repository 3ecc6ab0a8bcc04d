using Dateline.Storage.Stories;

namespace Dateline.Storage.Tests;

public sealed class StoryShinglesTests
{
    [Fact]
    public void A_reprint_with_a_new_lead_and_a_cut_ending_is_mostly_contained_in_the_wire_story()
    {
        var wire = StoryShingles.Of(Stories.Wire);
        var reprint = StoryShingles.Of(Stories.Reprint);
        var containment = StoryShingles.Containment(wire, reprint);
        Assert.InRange(containment, StoryShingles.SameStory, 1.0);
        Assert.True(containment < 1.0, "the reprint's new lead is not in the wire story");
        Assert.InRange(StoryShingles.Containment(wire, StoryShingles.Of(Stories.Unrelated)), 0.0, 0.05);
    }

    [Fact]
    public void Shingles_ignore_case_and_punctuation_but_not_word_order()
    {
        var a = StoryShingles.Of("The Harbour Authority said, on Tuesday, that the breakwater would close for six weeks of repairs.");
        var b = StoryShingles.Of("the harbour authority said on tuesday that the breakwater would close for six weeks of repairs");
        var shuffled = StoryShingles.Of("repairs of weeks six for close would breakwater the that tuesday on said authority harbour the");
        Assert.Equal(a, b);
        Assert.Empty(a.Intersect(shuffled));
    }

    [Fact]
    public void Copies_share_band_keys_unrelated_texts_do_not_and_short_texts_have_none()
    {
        var wire = StoryShingles.BandKeys(StoryShingles.Of(Stories.Wire));
        Assert.Equal(32, wire.Length);
        Assert.Equal(wire, StoryShingles.BandKeys(StoryShingles.Of(Stories.Wire))); // fixed seeds: the same on every run
        Assert.NotEmpty(wire.Intersect(StoryShingles.BandKeys(StoryShingles.Of(Stories.Reprint))));
        Assert.Empty(wire.Intersect(StoryShingles.BandKeys(StoryShingles.Of(Stories.Unrelated))));
        Assert.Empty(StoryShingles.BandKeys(StoryShingles.Of("Too short to match: a dozen words or so in one line.")));
    }

    [Fact]
    public void Chinese_and_Japanese_text_without_spaces_is_shingled_by_character()
    {
        const string Lead = "日本と韓国の首脳が東京で会談し、両国関係の安定に向けて協力することで一致した。北朝鮮の核・ミサイル開発への対応でも緊密に連携する方針を確認した。";
        var a = StoryShingles.Of(Lead);
        var b = StoryShingles.Of(Lead + "政府関係者が明らかにした。");
        Assert.True(a.Count >= StoryShingles.MinShingles, $"{a.Count} shingles");
        Assert.InRange(StoryShingles.Containment(a, b), 0.9, 1.0);
    }
}
