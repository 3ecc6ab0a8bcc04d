namespace Dateline.Nlp.Syntax;

/// <summary>
/// The dynamic oracle of the arc-eager system (Goldberg &amp; Nivre 2012), for the root at the end of the buffer: the
/// cost of a transition is the number of gold arcs it makes unreachable (a wrong label counts one), so training can
/// continue from the parser's own mistakes and learn the best move from there. Exact for projective gold trees;
/// non-projective ones are projectivized first (<see cref="Projectivizer"/>). Gold heads are positions (0 = root)
/// indexed by position.
/// </summary>
internal static class ArcEagerOracle
{
    /// <summary>Every transition's cost (<see cref="int.MaxValue"/> for invalid ones); structure is costed once per kind.</summary>
    public static void Fill(ArcEagerState s, int[] goldHead, int[] goldLabel, Span<int> costs)
    {
        var s0 = s.S0;
        var b = s.Front;
        costs[ArcEagerState.Shift] = s.IsValid(ArcEagerState.Shift) ? Cost(s, ArcEagerState.Shift, goldHead, goldLabel) : int.MaxValue;
        costs[ArcEagerState.Reduce] = s.IsValid(ArcEagerState.Reduce) ? Cost(s, ArcEagerState.Reduce, goldHead, goldLabel) : int.MaxValue;
        int left = -1, right = -1;
        for (var label = 0; label < s.Labels; label++)
        {
            var l = ArcEagerState.LeftArc(label);
            var r = ArcEagerState.RightArc(label);
            if (s.IsValid(l))
            {
                var wrong = goldHead[s0] == b && goldLabel[s0] != label ? 1 : 0;
                left = left >= 0 ? left : Cost(s, l, goldHead, goldLabel) - wrong;
                costs[l] = left + wrong;
            }
            else
            {
                costs[l] = int.MaxValue;
            }

            if (s.IsValid(r))
            {
                var wrong = goldHead[b] == s0 && goldLabel[b] != label ? 1 : 0;
                right = right >= 0 ? right : Cost(s, r, goldHead, goldLabel) - wrong;
                costs[r] = right + wrong;
            }
            else
            {
                costs[r] = int.MaxValue;
            }
        }
    }

    public static int Cost(ArcEagerState s, int t, int[] goldHead, int[] goldLabel)
    {
        var s0 = s.S0;
        var b = s.Front;
        var n = s.N;
        if (t == ArcEagerState.Shift)
        {
            // b can no longer take a head from the stack, nor become the head of an unattached stack word.
            var cost = 0;
            for (var i = 0; i < s.Depth; i++)
            {
                var k = s.StackAt(i);
                if (goldHead[b] == k || (goldHead[k] == b && s.Head[k] < 0))
                {
                    cost++;
                }
            }

            return cost;
        }

        if (t == ArcEagerState.Reduce)
        {
            // s0's dependents still in the buffer are lost.
            return DependentsInBuffer(s, s0, goldHead);
        }

        var label = ArcEagerState.LabelOf(t);
        if (ArcEagerState.IsLeft(t))
        {
            // s0 takes b as head: a gold head elsewhere in the buffer (the root included) and its dependents there are lost.
            var elsewhere = goldHead[s0] != b && InBuffer(s, goldHead[s0]) ? 1 : 0;
            return elsewhere + DependentsInBuffer(s, s0, goldHead) + (goldHead[s0] == b && goldLabel[s0] != label ? 1 : 0);
        }

        {
            // b takes s0 as head and is pushed: a gold head of b elsewhere on the stack or in the buffer (the root
            // included) is lost, and so are unattached stack words whose gold head is b.
            var cost = goldHead[b] != s0 && (goldHead[b] == 0 || goldHead[b] > b) ? 1 : 0;
            for (var i = 0; i < s.Depth; i++)
            {
                var k = s.StackAt(i);
                if ((k != s0 && goldHead[b] == k) || (goldHead[k] == b && s.Head[k] < 0))
                {
                    cost++;
                }
            }

            return cost + (goldHead[b] == s0 && goldLabel[b] != label ? 1 : 0);
        }
    }

    /// <summary>Whether position <paramref name="k"/> (0 = the root) is still in the buffer.</summary>
    private static bool InBuffer(ArcEagerState s, int k) => k == 0 ? s.Next <= s.N + 1 : k >= s.Next && k <= s.N;

    private static int DependentsInBuffer(ArcEagerState s, int head, int[] goldHead)
    {
        var count = 0;
        for (var k = s.Next; k <= s.N; k++)
        {
            count += goldHead[k] == head ? 1 : 0;
        }

        return count;
    }
}
