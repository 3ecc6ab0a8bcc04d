namespace Dateline.Nlp.Syntax;

/// <summary>
/// The dynamic oracle of the arc-eager system (Goldberg &amp; Nivre 2012): the cost of a transition is the number of
/// gold arcs it makes unreachable (a wrong label counts one), so training can continue from the parser's own mistakes
/// and learn the best move from there. Exact for projective gold trees; non-projective ones are projectivized first
/// (<see cref="Projectivizer"/>). Gold heads are positions (0 = root) indexed by position.
/// </summary>
internal static class ArcEagerOracle
{
    /// <summary>Every transition's cost (<see cref="int.MaxValue"/> for invalid ones); structure is costed once per kind.</summary>
    public static void Fill(ArcEagerState s, int[] goldHead, int[] goldLabel, Span<int> costs)
    {
        var shift = s.IsValid(ArcEagerState.Shift) ? Cost(s, ArcEagerState.Shift, goldHead, goldLabel) : int.MaxValue;
        var reduce = s.IsValid(ArcEagerState.Reduce) ? Cost(s, ArcEagerState.Reduce, goldHead, goldLabel) : int.MaxValue;
        costs[ArcEagerState.Shift] = shift;
        costs[ArcEagerState.Reduce] = reduce;
        var s0 = s.S0;
        var b = s.Next;
        int left = -1, right = -1;
        for (var label = 0; label < s.Labels; label++)
        {
            var l = ArcEagerState.LeftArc(label);
            var r = ArcEagerState.RightArc(label);
            if (s.IsValid(l))
            {
                left = left >= 0 ? left : Cost(s, l, goldHead, goldLabel) - (goldHead[s0] == b && goldLabel[s0] != label ? 1 : 0);
                costs[l] = left + (goldHead[s0] == b && goldLabel[s0] != label ? 1 : 0);
            }
            else
            {
                costs[l] = int.MaxValue;
            }

            if (s.IsValid(r))
            {
                right = right >= 0 ? right : Cost(s, r, goldHead, goldLabel) - (goldHead[b] == s0 && goldLabel[b] != label ? 1 : 0);
                costs[r] = right + (goldHead[b] == s0 && goldLabel[b] != label ? 1 : 0);
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
        var b = s.Next;
        var n = s.N;
        if (t == ArcEagerState.Shift)
        {
            // b can no longer take a head from the stack, nor become the head of an unattached stack word.
            var cost = 0;
            for (var i = 0; i < s.Depth; i++)
            {
                var k = s.StackAt(i);
                if (goldHead[b] == k || (k != 0 && goldHead[k] == b && s.Head[k] < 0))
                {
                    cost++;
                }
            }

            return cost;
        }

        if (t == ArcEagerState.Reduce)
        {
            // s0's dependents still in the buffer are lost.
            var cost = 0;
            for (var k = b; k <= n; k++)
            {
                cost += goldHead[k] == s0 ? 1 : 0;
            }

            return cost;
        }

        var label = ArcEagerState.LabelOf(t);
        if (ArcEagerState.IsLeft(t))
        {
            // s0 takes b as head: its gold head elsewhere in the buffer and its dependents in the buffer are lost.
            var cost = 0;
            for (var k = b; k <= n; k++)
            {
                cost += (k != b && goldHead[s0] == k ? 1 : 0) + (goldHead[k] == s0 ? 1 : 0);
            }

            return cost + (goldHead[s0] == b && goldLabel[s0] != label ? 1 : 0);
        }

        {
            // b takes s0 as head and is pushed: a gold head of b elsewhere on the stack or in the buffer is lost, and so
            // are unattached stack words whose gold head is b.
            var cost = 0;
            for (var i = 0; i < s.Depth; i++)
            {
                var k = s.StackAt(i);
                if ((k != s0 && goldHead[b] == k) || (k != 0 && goldHead[k] == b && s.Head[k] < 0))
                {
                    cost++;
                }
            }

            for (var k = b + 1; k <= n; k++)
            {
                cost += goldHead[b] == k ? 1 : 0;
            }

            return cost + (goldHead[b] == s0 && goldLabel[b] != label ? 1 : 0);
        }
    }
}
