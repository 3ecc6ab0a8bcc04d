using Dateline.Nlp.Syntax;

namespace Dateline.Nlp.Tests.Syntax;

/// <summary>The transition system, its dynamic oracle and projectivization, on hand-built trees.</summary>
[Trait("issue", "11")]
public sealed class ArcEagerTests
{
    // Positions 1..n, index 0 = root. "Ishiba wants to hold talks ." : wants ← Ishiba, root → wants, hold ← to,
    // wants → hold, hold → talks, wants → .
    private static readonly int[] Heads = [0, 2, 0, 4, 2, 4, 2];
    private static readonly int[] Labels = [0, 1, 2, 3, 4, 5, 6];

    [Fact]
    public void Following_zero_cost_moves_builds_the_gold_tree()
    {
        var state = new ArcEagerState(6, 7, rootLabel: 2);
        while (!state.Terminal)
        {
            var move = Enumerable.Range(0, state.Classes).First(t => state.IsValid(t) && ArcEagerOracle.Cost(state, t, Heads, Labels) == 0);
            state.Apply(move);
        }

        var (heads, labels) = state.Finish(fallbackLabel: 0);
        Assert.Equal(Heads[1..].Select(h => h - 1), heads);
        Assert.Equal(Labels[1..], labels);
    }

    [Fact]
    public void A_wrong_attachment_costs_the_arcs_it_loses()
    {
        var state = new ArcEagerState(6, 7, rootLabel: 2);
        state.Apply(ArcEagerState.Shift); // Ishiba on the stack, "wants" in front
        Assert.Equal(0, ArcEagerOracle.Cost(state, ArcEagerState.LeftArc(1), Heads, Labels));
        Assert.Equal(1, ArcEagerOracle.Cost(state, ArcEagerState.LeftArc(5), Heads, Labels)); // right head, wrong label
        // Shifting "wants" loses one arc: Ishiba can no longer take it as head. The root, at the end of the buffer, still can.
        Assert.Equal(1, ArcEagerOracle.Cost(state, ArcEagerState.Shift, Heads, Labels));
        Assert.False(state.IsValid(ArcEagerState.Reduce)); // Ishiba has no head yet
        Assert.False(state.IsValid(ArcEagerState.LeftArc(2))); // only the root takes the root label
    }

    [Fact]
    public void The_root_comes_last_takes_one_dependent_and_leftovers_hang_under_it()
    {
        var state = new ArcEagerState(3, 3, rootLabel: 2);
        state.Apply(ArcEagerState.Shift);
        Assert.False(state.IsValid(ArcEagerState.LeftArc(2))); // a word in front: not the root yet
        state.Apply(ArcEagerState.Shift);
        state.Apply(ArcEagerState.Shift);
        Assert.Equal(0, state.Front); // only the root is left in the buffer
        Assert.False(state.IsValid(ArcEagerState.LeftArc(1)));
        state.Apply(ArcEagerState.LeftArc(2));
        Assert.True(state.Terminal); // the word below cannot take the root any more
        var (heads, labels) = state.Finish(fallbackLabel: 0);
        Assert.Equal([2, 2, -1], heads);
        Assert.Equal([0, 0, 2], labels);
    }

    [Fact]
    public void Lifts_a_crossing_arc_to_the_head_of_its_head()
    {
        // 4 → 2 is not projective: 3 lies between them but hangs from 1, not from 4. 1 → 3 is (2 is under 4, under 1).
        int[] heads = [0, 0, 4, 1, 1];
        Assert.False(Projectivizer.IsProjective(heads, 2));
        Assert.True(Projectivizer.IsProjective(heads, 3));
        var lifted = Projectivizer.Lift(heads);
        Assert.Equal([0, 0, 1, 1, 1], lifted);
        Assert.All(Enumerable.Range(1, 4), d => Assert.True(Projectivizer.IsProjective(lifted, d)));
    }
}
