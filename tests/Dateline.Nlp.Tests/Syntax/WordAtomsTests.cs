using Dateline.Nlp.Entities;
using Dateline.Nlp.Learning;
using Dateline.Nlp.Syntax;

namespace Dateline.Nlp.Tests.Syntax;

[Trait("issue", "11")]
public sealed class WordAtomsTests
{
    [Theory]
    [InlineData("Ishiba")]
    [InlineData("U.S.")]
    [InlineData("1910-1945")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("https://www.example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/0/1/2/3/4/5/6/7/8/9")]
    [InlineData("—")]
    public void Shape_hash_is_the_hash_of_the_entity_taggers_long_shape(string word) =>
        Assert.Equal(FeatureHash.Of(TokenShape.Long(word)), WordAtoms.ShapeHash(word));

    [Fact]
    public void Digits_quotes_and_dashes_share_their_ascii_forms()
    {
        var atoms = new WordAtoms(["1984", "2025", "’s", "'s", "Talks"], Learning.WordClusters.Empty);
        Assert.Equal(atoms.Lower[0], atoms.Lower[1]);
        Assert.Equal(atoms.Lower[2], atoms.Lower[3]);
        Assert.NotEqual(atoms.Form[2], atoms.Form[3]);
        Assert.Equal(FeatureHash.Of("talks"), atoms.Lower[4]);
    }
}
