namespace Dateline.Nlp.Syntax;

/// <summary>
/// Makes a tree projective by lifting (Nivre &amp; Nilsson 2005, without encoding the lift in the label): while some arc
/// crosses another, the shortest crossing arc's dependent moves up to its head's head. The arc-eager parser can only
/// build projective trees; 1–2 % of UD English arcs sit in non-projective sentences, and parses keep them lifted.
/// Heads are positions (0 = root), indexed by position (index 0 unused).
/// </summary>
internal static class Projectivizer
{
    public static int[] Lift(int[] heads)
    {
        var h = (int[])heads.Clone();
        while (true)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 1; d < h.Length; d++)
            {
                var length = Math.Abs(h[d] - d);
                if (length < worstLength && !IsProjective(h, d))
                {
                    worst = d;
                    worstLength = length;
                }
            }

            if (worst < 0)
            {
                return h;
            }

            h[worst] = h[h[worst]];
        }
    }

    /// <summary>An arc is projective when its head dominates every word between head and dependent.</summary>
    public static bool IsProjective(int[] h, int d)
    {
        var head = h[d];
        var (lo, hi) = head < d ? (head, d) : (d, head);
        for (var k = lo + 1; k < hi; k++)
        {
            var a = k;
            while (a != head && a != 0)
            {
                a = h[a];
            }

            if (a != head)
            {
                return false;
            }
        }

        return true;
    }
}
