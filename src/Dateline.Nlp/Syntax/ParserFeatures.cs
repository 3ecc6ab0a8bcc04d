using Dateline.Nlp.Learning;
namespace Dateline.Nlp.Syntax;

/// <summary>
/// Features of the arc-eager parser, after Zhang &amp; Nivre (2011): words (w), tags (p) and arc labels (l) of the stack
/// top S0, the buffer N0–N2, S0's head and grandhead, the outermost children of S0 and N0; pairs and triples of them;
/// the S0–N0 distance, valencies and label sets; plus word classes (c) of S0, N0, N1 and the second stack word S1.
/// </summary>
internal static class ParserFeatures
{
    public const int Max = 96;

    private const ulong Absent = 0xAB5E;
    /// <summary>The value the artificial root has as a word (<see cref="LexicalAssociations"/> counts it the same).</summary>
    internal const ulong RootWord = 0x7007;

    public static int Extract(ArcEagerState s, WordAtoms a, ulong[] tags, LexicalAssociations lex, Span<ulong> f)
    {
        var n = s.N;
        var s0 = s.S0;
        var n0 = s.Front;
        var n1 = n0 > 0 ? (n0 < n ? n0 + 1 : 0) : -1; // the root follows the last word
        var n2 = n1 > 0 ? (n1 < n ? n1 + 1 : 0) : -1;
        var s1 = s.S1;
        var s0h = s0 > 0 ? s.Head[s0] : -1;
        var s0h2 = s0h > 0 ? s.Head[s0h] : -1;
        var s0l = s0 > 0 ? s.Left1[s0] : -1;
        var s0l2 = s0 > 0 ? s.Left2[s0] : -1;
        var s0r = s0 > 0 ? s.Right1[s0] : -1;
        var s0r2 = s0 > 0 ? s.Right2[s0] : -1;
        var n0l = n0 > 0 ? s.Left1[n0] : -1;
        var n0l2 = n0 > 0 ? s.Left2[n0] : -1;

        ulong W(int x) => x < 0 ? Absent : x == 0 ? RootWord : a.Lower[x - 1];
        ulong P(int x) => x < 0 ? Absent : x == 0 ? RootWord : tags[x - 1];
        ulong C(int x) => x < 0 ? Absent : x == 0 ? RootWord : a.Fine[x - 1];
        ulong L(int x) => x <= 0 || s.Label[x] < 0 ? Absent : (ulong)s.Label[x] + 1;

        var s0w = W(s0);
        var s0p = P(s0);
        var n0w = W(n0);
        var n0p = P(n0);
        var n1w = W(n1);
        var n1p = P(n1);
        var s0wp = FeatureHash.Key(0, s0w, s0p);
        var n0wp = FeatureHash.Key(0, n0w, n0p);
        var d = n0 > 0 && s0 > 0 ? (ulong)Math.Min(n0 - s0, 7) : n0 == 0 ? 8UL : 0;
        var k = 0;

        f[k++] = FeatureHash.Key(1, s0wp);
        f[k++] = FeatureHash.Key(2, s0w);
        f[k++] = FeatureHash.Key(3, s0p);
        f[k++] = FeatureHash.Key(4, n0wp);
        f[k++] = FeatureHash.Key(5, n0w);
        f[k++] = FeatureHash.Key(6, n0p);
        f[k++] = FeatureHash.Key(7, n1w, n1p);
        f[k++] = FeatureHash.Key(8, n1w);
        f[k++] = FeatureHash.Key(9, n1p);
        f[k++] = FeatureHash.Key(10, W(n2), P(n2));
        f[k++] = FeatureHash.Key(11, W(n2));
        f[k++] = FeatureHash.Key(12, P(n2));

        f[k++] = FeatureHash.Key(13, s0wp, n0wp);
        f[k++] = FeatureHash.Key(14, s0wp, n0w);
        f[k++] = FeatureHash.Key(15, s0w, n0wp);
        f[k++] = FeatureHash.Key(16, s0wp, n0p);
        f[k++] = FeatureHash.Key(17, s0p, n0wp);
        f[k++] = FeatureHash.Key(18, s0w, n0w);
        f[k++] = FeatureHash.Key(19, s0p, n0p);
        f[k++] = FeatureHash.Key(20, n0p, n1p);

        f[k++] = FeatureHash.Key(21, n0p, n1p, P(n2));
        f[k++] = FeatureHash.Key(22, s0p, n0p, n1p);
        f[k++] = FeatureHash.Key(23, P(s0h), s0p, n0p);
        f[k++] = FeatureHash.Key(24, s0p, P(s0l), n0p);
        f[k++] = FeatureHash.Key(25, s0p, P(s0r), n0p);
        f[k++] = FeatureHash.Key(26, s0p, n0p, P(n0l));

        f[k++] = FeatureHash.Key(27, s0w, d);
        f[k++] = FeatureHash.Key(28, s0p, d);
        f[k++] = FeatureHash.Key(29, n0w, d);
        f[k++] = FeatureHash.Key(30, n0p, d);
        f[k++] = FeatureHash.Key(31, s0w, n0w, d);
        f[k++] = FeatureHash.Key(32, s0p, n0p, d);

        var s0vr = s0 > 0 ? (ulong)s.RightCount[s0] : 99;
        var s0vl = s0 > 0 ? (ulong)s.LeftCount[s0] : 99;
        var n0vl = n0 > 0 ? (ulong)s.LeftCount[n0] : 99;
        f[k++] = FeatureHash.Key(33, s0w, s0vr);
        f[k++] = FeatureHash.Key(34, s0p, s0vr);
        f[k++] = FeatureHash.Key(35, s0w, s0vl);
        f[k++] = FeatureHash.Key(36, s0p, s0vl);
        f[k++] = FeatureHash.Key(37, n0w, n0vl);
        f[k++] = FeatureHash.Key(38, n0p, n0vl);

        f[k++] = FeatureHash.Key(39, W(s0h));
        f[k++] = FeatureHash.Key(40, P(s0h));
        f[k++] = FeatureHash.Key(41, L(s0));
        f[k++] = FeatureHash.Key(42, W(s0l));
        f[k++] = FeatureHash.Key(43, P(s0l));
        f[k++] = FeatureHash.Key(44, L(s0l));
        f[k++] = FeatureHash.Key(45, W(s0r));
        f[k++] = FeatureHash.Key(46, P(s0r));
        f[k++] = FeatureHash.Key(47, L(s0r));
        f[k++] = FeatureHash.Key(48, W(n0l));
        f[k++] = FeatureHash.Key(49, P(n0l));
        f[k++] = FeatureHash.Key(50, L(n0l));

        f[k++] = FeatureHash.Key(51, W(s0h2));
        f[k++] = FeatureHash.Key(52, P(s0h2));
        f[k++] = FeatureHash.Key(53, L(s0h));
        f[k++] = FeatureHash.Key(54, W(s0l2));
        f[k++] = FeatureHash.Key(55, P(s0l2));
        f[k++] = FeatureHash.Key(56, L(s0l2));
        f[k++] = FeatureHash.Key(57, W(s0r2));
        f[k++] = FeatureHash.Key(58, P(s0r2));
        f[k++] = FeatureHash.Key(59, L(s0r2));
        f[k++] = FeatureHash.Key(60, W(n0l2));
        f[k++] = FeatureHash.Key(61, P(n0l2));
        f[k++] = FeatureHash.Key(62, L(n0l2));
        f[k++] = FeatureHash.Key(63, s0p, P(s0l), P(s0l2));
        f[k++] = FeatureHash.Key(64, s0p, P(s0r), P(s0r2));
        f[k++] = FeatureHash.Key(65, s0p, P(s0h), P(s0h2));
        f[k++] = FeatureHash.Key(66, n0p, P(n0l), P(n0l2));

        var s0sr = s0 > 0 ? s.RightSet[s0] : Absent;
        var s0sl = s0 > 0 ? s.LeftSet[s0] : Absent;
        f[k++] = FeatureHash.Key(67, s0w, s0sr);
        f[k++] = FeatureHash.Key(68, s0p, s0sr);
        f[k++] = FeatureHash.Key(69, s0w, s0sl);
        f[k++] = FeatureHash.Key(70, s0p, s0sl);
        f[k++] = FeatureHash.Key(71, n0w, n0 > 0 ? s.LeftSet[n0] : Absent);
        f[k++] = FeatureHash.Key(72, n0p, n0 > 0 ? s.LeftSet[n0] : Absent);

        var s0c = C(s0);
        var n0c = C(n0);
        f[k++] = FeatureHash.Key(73, s0c);
        f[k++] = FeatureHash.Key(74, n0c);
        f[k++] = FeatureHash.Key(75, C(n1));
        f[k++] = FeatureHash.Key(76, s0c, n0c);
        f[k++] = FeatureHash.Key(77, s0c, n0p);
        f[k++] = FeatureHash.Key(78, s0p, n0c);
        f[k++] = FeatureHash.Key(79, W(s1), P(s1));
        f[k++] = FeatureHash.Key(80, P(s1), s0p, n0p);
        f[k++] = FeatureHash.Key(81, s0h < 0 ? 0UL : 1UL, s0p, n0p);
        f[k++] = FeatureHash.Key(83, s.RootFree ? 1UL : 0UL, s0p, n0p);
        f[k++] = FeatureHash.Key(82, 1);

        // How often unlabelled news attached N0 to S0, S0 to N0, and N0 to S0's head (the competing attachment).
        if (lex.Count > 0 && s0 >= 0 && n0 >= 0)
        {
            var right = lex.Pair(s0w, n0w, right: true);
            var left = lex.Pair(n0w, s0w, right: false);
            var up = s0h >= 0 ? lex.Pair(W(s0h), n0w, right: true) : 99;
            f[k++] = FeatureHash.Key(84, right, s0p, n0p);
            f[k++] = FeatureHash.Key(85, left, s0p, n0p);
            f[k++] = FeatureHash.Key(86, n0l > 0 ? lex.Triple(s0w, W(n0l), n0w) : 99, s0p, W(n0l));
            f[k++] = FeatureHash.Key(87, up, P(s0h), n0p);
            f[k++] = FeatureHash.Key(88, right, up, left);
        }

        return k;
    }
}
