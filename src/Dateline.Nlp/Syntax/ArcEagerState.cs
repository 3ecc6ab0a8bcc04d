namespace Dateline.Nlp.Syntax;

/// <summary>
/// A configuration of the arc-eager transition system (Nivre 2003) with the artificial root at the end of the buffer
/// (Ballesteros &amp; Nivre 2013): the stack, the buffer (positions <see cref="Next"/>..n, then the root, position 0),
/// and the arcs built so far with what features read of them (leftmost and rightmost children, valencies, label sets).
/// Words are positions 1..n. Transitions: SHIFT, REDUCE (pop a word that has its head), LEFT-l (the stack top becomes a
/// dependent of the buffer front), RIGHT-l (the buffer front becomes a dependent of the stack top and is pushed). The
/// root is reached last, so the sentence's root is chosen with the whole sentence seen: it takes one dependent, by
/// LEFT-root, and no other arc carries that label.
/// </summary>
internal sealed class ArcEagerState
{
    public const int Shift = 0;
    public const int Reduce = 1;

    private readonly int[] _stack;

    public ArcEagerState(int words, int labels, int rootLabel)
    {
        N = words;
        Labels = labels;
        RootLabel = rootLabel;
        _stack = new int[words + 1];
        Head = new int[words + 1];
        Label = new int[words + 1];
        Left1 = new int[words + 1];
        Left2 = new int[words + 1];
        Right1 = new int[words + 1];
        Right2 = new int[words + 1];
        LeftCount = new int[words + 1];
        RightCount = new int[words + 1];
        LeftSet = new ulong[words + 1];
        RightSet = new ulong[words + 1];
        Array.Fill(Head, -1);
        Array.Fill(Label, -1);
        Array.Fill(Left1, -1);
        Array.Fill(Left2, -1);
        Array.Fill(Right1, -1);
        Array.Fill(Right2, -1);
        Depth = 0;
        Next = 1;
    }

    public int N { get; }

    public int Labels { get; }

    public int RootLabel { get; }

    public int Depth { get; private set; }

    /// <summary>The buffer front: a word 1..N, <c>N + 1</c> when only the root is left, <c>N + 2</c> when the buffer is empty.</summary>
    public int Next { get; private set; }

    /// <summary>The buffer front as a position: the word, 0 for the root, -1 when the buffer is empty.</summary>
    public int Front => Next <= N ? Next : Next == N + 1 ? 0 : -1;

    /// <summary>True while the root has not taken its dependent.</summary>
    public bool RootFree => RightCount[0] == 0;

    public int[] Head { get; }

    public int[] Label { get; }

    public int[] Left1 { get; }

    public int[] Left2 { get; }

    public int[] Right1 { get; }

    public int[] Right2 { get; }

    public int[] LeftCount { get; }

    public int[] RightCount { get; }

    public ulong[] LeftSet { get; }

    public ulong[] RightSet { get; }

    /// <summary>No move is left: the buffer and the stack are empty, or only the root is left and the words on the stack
    /// can neither be reduced nor take it (it has its dependent); <see cref="Finish"/> hangs those under it.</summary>
    public bool Terminal => Next > N && (Depth == 0 || Next > N + 1 || (Head[S0] < 0 && !RootFree));

    /// <summary>The stack top, or -1 when the stack is empty.</summary>
    public int S0 => Depth > 0 ? _stack[Depth - 1] : -1;

    public int S1 => Depth > 1 ? _stack[Depth - 2] : -1;

    public int StackAt(int i) => _stack[i];

    public int Classes => 2 + (2 * Labels);

    public static int LeftArc(int label) => 2 + (2 * label);

    public static int RightArc(int label) => 3 + (2 * label);

    public static bool IsLeft(int t) => t >= 2 && t % 2 == 0;

    public static bool IsRight(int t) => t >= 2 && t % 2 == 1;

    public static int LabelOf(int t) => (t - 2) / 2;

    public bool IsValid(int t)
    {
        var s0 = S0;
        if (t == Shift)
        {
            return Next <= N;
        }

        if (s0 < 0)
        {
            return false;
        }

        if (t == Reduce)
        {
            return Head[s0] >= 0;
        }

        var label = LabelOf(t);
        if (IsLeft(t))
        {
            return Head[s0] < 0 && (Next <= N ? label != RootLabel : Next == N + 1 && label == RootLabel && RootFree);
        }

        return Next <= N && label != RootLabel;
    }

    public void Apply(int t)
    {
        if (t == Shift)
        {
            _stack[Depth++] = Next++;
        }
        else if (t == Reduce)
        {
            Depth--;
            if (Next == N + 1 && Depth == 0)
            {
                Next++;
            }
        }
        else if (IsLeft(t))
        {
            AddArc(Front, S0, LabelOf(t));
            Depth--;
            if (Next == N + 1 && Depth == 0)
            {
                Next++;
            }
        }
        else
        {
            AddArc(S0, Next, LabelOf(t));
            _stack[Depth++] = Next++;
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        var bit = 1UL << (label & 63);
        if (head == 0)
        {
            RightCount[0]++;
            Right1[0] = dependent;
        }
        else if (dependent < head)
        {
            LeftCount[head]++;
            LeftSet[head] |= bit;
            if (Left1[head] < 0 || dependent < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dependent;
            }
            else if (Left2[head] < 0 || dependent < Left2[head])
            {
                Left2[head] = dependent;
            }
        }
        else
        {
            RightCount[head]++;
            RightSet[head] |= bit;
            if (dependent > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dependent;
            }
            else if (dependent > Right2[head])
            {
                Right2[head] = dependent;
            }
        }
    }

    /// <summary>
    /// After the buffer is empty: words still without a head go under the root's dependent (or the first of them
    /// becomes it), so every sentence has one root. Returns 0-based heads (-1 = root) and label ids.
    /// </summary>
    public (int[] Heads, int[] Labels) Finish(int fallbackLabel)
    {
        var root = Right1[0];
        var heads = new int[N];
        var labels = new int[N];
        for (var i = 1; i <= N; i++)
        {
            if (Head[i] < 0)
            {
                if (root < 0)
                {
                    root = i;
                    Head[i] = 0;
                    Label[i] = RootLabel;
                }
                else
                {
                    Head[i] = root;
                    Label[i] = fallbackLabel;
                }
            }

            heads[i - 1] = Head[i] - 1;
            labels[i - 1] = Label[i];
        }

        return (heads, labels);
    }
}
