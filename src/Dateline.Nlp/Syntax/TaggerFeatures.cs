using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Syntax;

/// <summary>
/// Features of the part-of-speech tagger for word <c>i</c>: the word, its affixes, shape and classes, two words either
/// side, the two tags already chosen to its left, and (in the second pass) the first pass's tags of the two words to
/// its right. Each is a hash of (template, values); see <see cref="FeatureHash"/>.
/// </summary>
internal static class TaggerFeatures
{
    public const int Max = 48;

    private const ulong Start = 0xA11CE;
    private const ulong End = 0xB0B;

    public static int Extract(WordAtoms a, int i, int previous, int previous2, int[]? ahead, Span<ulong> f)
    {
        var n = a.Lower.Length;
        var k = 0;
        ulong W(int j) => j < 0 ? Start : j >= n ? End : a.Lower[j];
        ulong S3(int j) => j < 0 ? Start : j >= n ? End : a.Suffix3[j];
        ulong Fine(int j) => j < 0 ? Start : j >= n ? End : a.Fine[j];
        ulong Shape(int j) => j < 0 ? Start : j >= n ? End : a.Shape[j];
        var p1 = (ulong)(previous + 1);
        var p2 = (ulong)(previous2 + 1);
        var w = a.Lower[i];

        f[k++] = FeatureHash.Key(1, 1);
        f[k++] = FeatureHash.Key(2, w);
        f[k++] = FeatureHash.Key(3, a.Form[i]);
        f[k++] = FeatureHash.Key(4, a.Suffix1[i]);
        f[k++] = FeatureHash.Key(5, a.Suffix2[i]);
        f[k++] = FeatureHash.Key(6, a.Suffix3[i]);
        f[k++] = FeatureHash.Key(7, a.Suffix4[i]);
        f[k++] = FeatureHash.Key(8, a.Prefix1[i]);
        f[k++] = FeatureHash.Key(9, a.Prefix3[i]);
        f[k++] = FeatureHash.Key(10, a.Shape[i]);
        f[k++] = FeatureHash.Key(11, a.Flags[i]);
        f[k++] = FeatureHash.Key(12, a.Coarse[i]);
        f[k++] = FeatureHash.Key(13, a.Fine[i]);
        f[k++] = FeatureHash.Key(14, W(i - 1));
        f[k++] = FeatureHash.Key(15, W(i - 2));
        f[k++] = FeatureHash.Key(16, W(i + 1));
        f[k++] = FeatureHash.Key(17, W(i + 2));
        f[k++] = FeatureHash.Key(18, S3(i - 1));
        f[k++] = FeatureHash.Key(19, S3(i + 1));
        f[k++] = FeatureHash.Key(20, Fine(i - 1));
        f[k++] = FeatureHash.Key(21, Fine(i + 1));
        f[k++] = FeatureHash.Key(22, Fine(i + 2));
        f[k++] = FeatureHash.Key(23, Shape(i - 1));
        f[k++] = FeatureHash.Key(24, Shape(i + 1));
        f[k++] = FeatureHash.Key(25, p1);
        f[k++] = FeatureHash.Key(26, p2);
        f[k++] = FeatureHash.Key(27, p1, p2);
        f[k++] = FeatureHash.Key(28, p1, w);
        f[k++] = FeatureHash.Key(29, p1, a.Suffix3[i]);
        f[k++] = FeatureHash.Key(30, W(i - 1), w);
        f[k++] = FeatureHash.Key(31, w, W(i + 1));
        f[k++] = FeatureHash.Key(32, p1, W(i + 1));
        f[k++] = FeatureHash.Key(33, p1, Fine(i));
        f[k++] = FeatureHash.Key(34, a.Flags[i], a.Suffix2[i]);
        f[k++] = FeatureHash.Key(35, W(i - 1), W(i + 1));
        if (ahead is not null)
        {
            ulong T(int j) => j >= n ? End : (ulong)(ahead[j] + 1);
            f[k++] = FeatureHash.Key(40, T(i + 1));
            f[k++] = FeatureHash.Key(41, T(i + 1), T(i + 2));
            f[k++] = FeatureHash.Key(42, p1, T(i + 1));
            f[k++] = FeatureHash.Key(43, w, T(i + 1));
            f[k++] = FeatureHash.Key(44, T(i + 1), a.Suffix3[i]);
            f[k++] = FeatureHash.Key(45, (ulong)(ahead[i] + 1));
            f[k++] = FeatureHash.Key(46, (ulong)(ahead[i] + 1), w);
        }

        return k;
    }
}
