namespace Dateline.Nlp.Entities;

/// <summary>
/// First-order Viterbi decoding over BIO tags: the best-scoring tag sequence in which an I- tag only continues an
/// entity of its type. A token's score is its static score plus a score that depends on the previous tag.
/// </summary>
internal static class BioViterbi
{
    /// <summary>Adds the scores that depend on the previous tag (-1 = sentence start) for token <c>i</c> to <c>scores</c>.</summary>
    public delegate void TransitionScores(int i, int previous, Span<float> scores);

    /// <summary><c>[previous + 1, tag]</c>: may <c>tag</c> follow <c>previous</c> (-1 = sentence start)?</summary>
    public static bool[,] Allowed(string[] tags)
    {
        var allowed = new bool[tags.Length + 1, tags.Length];
        for (var p = -1; p < tags.Length; p++)
        {
            var previous = p < 0 ? "O" : tags[p];
            for (var c = 0; c < tags.Length; c++)
            {
                allowed[p + 1, c] = !tags[c].StartsWith("I-", StringComparison.Ordinal) || (previous.Length > 2 && previous[2..] == tags[c][2..]);
            }
        }

        return allowed;
    }

    /// <summary>The best path; <paramref name="statics"/> holds n × tags scores (token-major).</summary>
    public static int[] Decode(int n, int tagCount, ReadOnlySpan<float> statics, bool[,] allowed, TransitionScores transitions)
    {
        var path = new int[n];
        if (n == 0)
        {
            return path;
        }

        var delta = new float[n * tagCount];
        var back = new int[n * tagCount];
        Span<float> local = stackalloc float[tagCount];
        delta.AsSpan(0, tagCount).Fill(float.NegativeInfinity);
        local.Clear();
        transitions(0, -1, local);
        for (var c = 0; c < tagCount; c++)
        {
            if (allowed[0, c])
            {
                delta[c] = statics[c] + local[c];
            }
        }

        for (var i = 1; i < n; i++)
        {
            var row = delta.AsSpan(i * tagCount, tagCount);
            row.Fill(float.NegativeInfinity);
            var previousRow = delta.AsSpan((i - 1) * tagCount, tagCount);
            for (var p = 0; p < tagCount; p++)
            {
                if (float.IsNegativeInfinity(previousRow[p]))
                {
                    continue;
                }

                local.Clear();
                transitions(i, p, local);
                for (var c = 0; c < tagCount; c++)
                {
                    if (allowed[p + 1, c] && previousRow[p] + local[c] > row[c])
                    {
                        row[c] = previousRow[p] + local[c];
                        back[(i * tagCount) + c] = p;
                    }
                }
            }

            for (var c = 0; c < tagCount; c++)
            {
                row[c] += statics[(i * tagCount) + c];
            }
        }

        var best = 0;
        var last = delta.AsSpan((n - 1) * tagCount, tagCount);
        for (var c = 1; c < tagCount; c++)
        {
            if (last[c] > last[best])
            {
                best = c;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            path[i] = best;
            best = back[(i * tagCount) + best];
        }

        return path;
    }
}
