using Dateline.Core.Documents;
using Dateline.Nlp.Actors;
using Dateline.Testing;

namespace Dateline.Nlp.Tests;

[Trait("issue", "4")]
public sealed class ActorOverridesTests
{
    [Fact]
    public void A_user_file_fixes_name_code_country_and_role_of_its_actors()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("actors.tsv", "# my actors\nname\taliases\ttype\tcode\tcountry\trole\nMaria Okonkwo\tOkonkwo\tPERSON\tNGANGO\tnga\tHead of the Lagos Relief Fund\n");
        var overrides = ActorOverrides.Load(file);
        var doc = new Document("d", "Relief official Maria Okonkwo said on Monday that supplies were short. Okonkwo urged donors to act.");
        NlpPipelines.Default(actors: overrides).Run(doc, TestContext.Current.CancellationToken);
        var actor = Assert.Single(doc.Get(Layers.Actors), a => a.Name == "Maria Okonkwo");
        Assert.Equal(("NGANGO", "NGA", "Head of the Lagos Relief Fund"), (actor.Code, actor.Country, actor.Role));
        Assert.Equal(2, doc.Get(Layers.ActorMentions).Count(m => m.ActorId == actor.Id));
    }

    [Fact]
    public void A_file_without_a_name_column_is_refused_with_its_line()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("bad.tsv", "who\tcode\nX\tY\n");
        var ex = Assert.Throws<FormatException>(() => ActorOverrides.Load(file));
        Assert.Contains("bad.tsv:1", ex.Message, StringComparison.Ordinal);
    }
}
