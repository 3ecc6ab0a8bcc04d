using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// How often word pairs stood in a dependency in unlabelled news parsed by a parser without these features (Chen et
/// al. 2009, "Improving dependency parsing with subtrees from auto-parsed data"): for a head and a dependent on one
/// side, and for a head, the dependent's leftmost child and the dependent ("met … with … minister"), a frequency band
/// 0 (never, or once), 1 (low), 2 (middle: as often as the pair at the 30 % rank), 3 (high: as often as the one at
/// the 10 % rank, among the pairs or triples seen at least twice). The parser's features read the bands of the arcs
/// it is choosing between, so attachment decisions such as which verb or noun a prepositional phrase belongs to can
/// draw on millions of words it was not trained on.
/// Words are the parser's lower-cased, digit-normalised forms (<see cref="WordAtoms.Lower"/>). Thread-safe.
/// </summary>
internal sealed class LexicalAssociations
{
    /// <summary>The value the parser features give the artificial root as a word.</summary>
    public const ulong RootWord = ParserFeatures.RootWord;

    private const int MinCount = 2;

    private readonly uint[] _keys;
    private readonly byte[] _bands;
    private readonly int _shift;
    private readonly (uint[] Keys, byte[] Bands) _stored;

    private LexicalAssociations(uint[] keys, byte[] bands)
    {
        Count = keys.Length;
        var size = 1;
        while (size < keys.Length * 2)
        {
            size <<= 1;
        }

        _shift = 32 - Math.Max(1, System.Numerics.BitOperations.Log2((uint)size));
        _keys = new uint[Math.Max(2, size)];
        _bands = new byte[_keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & (_keys.Length - 1);
            }

            _keys[slot] = keys[i];
            _bands[slot] = bands[i];
        }

        _stored = (keys, bands);
    }

    public static LexicalAssociations Empty { get; } = new([], []);

    /// <summary>Pairs and triples with a band.</summary>
    public int Count { get; }

    /// <summary>The band of <paramref name="head"/> governing <paramref name="dependent"/> on its right (or left).</summary>
    public ulong Pair(ulong head, ulong dependent, bool right) => Band(PairKey(head, dependent, right));

    /// <summary>The band of <paramref name="head"/> governing <paramref name="dependent"/> whose leftmost child is <paramref name="leftChild"/>.</summary>
    public ulong Triple(ulong head, ulong leftChild, ulong dependent) => Band(TripleKey(head, leftChild, dependent));

    private static uint PairKey(ulong head, ulong dependent, bool right) => FeatureWeights.Fold(FeatureHash.Key(201, head, dependent, right ? 1UL : 2UL));

    private static uint TripleKey(ulong head, ulong leftChild, ulong dependent) => FeatureWeights.Fold(FeatureHash.Key(202, head, leftChild, dependent));

    private int Slot(uint key) => (int)((key * 2654435769u) >> _shift) & (_keys.Length - 1);

    private ulong Band(uint key)
    {
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _bands[slot];
            }

            if (k == 0)
            {
                return 0;
            }

            slot = (slot + 1) & (_keys.Length - 1);
        }
    }

    /// <summary>
    /// Counts the arcs of parsed sentences (punctuation left out; the root's dependent counted with <see
    /// cref="RootWord"/> as its head) and bands them by frequency.
    /// </summary>
    public static LexicalAssociations Learn(IEnumerable<(WordAtoms Atoms, int[] Heads, string[] Relations)> parsed)
    {
        var pairs = new Dictionary<uint, int>();
        var triples = new Dictionary<uint, int>();
        foreach (var (atoms, heads, relations) in parsed)
        {
            var leftmost = new int[heads.Length];
            Array.Fill(leftmost, -1);
            for (var d = heads.Length - 1; d >= 0; d--)
            {
                if (heads[d] > d)
                {
                    leftmost[heads[d]] = d;
                }
            }

            for (var d = 0; d < heads.Length; d++)
            {
                if (relations[d] == "punct")
                {
                    continue;
                }

                var h = heads[d];
                var head = h < 0 ? RootWord : atoms.Lower[h];
                var dependent = atoms.Lower[d];
                Add(pairs, PairKey(head, dependent, h >= 0 && h < d)); // the root stands after the last word, as in the parser
                if (leftmost[d] >= 0)
                {
                    Add(triples, TripleKey(head, atoms.Lower[leftmost[d]], dependent));
                }
            }
        }

        var keys = new List<uint>();
        var bands = new List<byte>();
        foreach (var counts in new[] { pairs, triples })
        {
            var kept = counts.Where(kv => kv.Value >= MinCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            // Bands by the counts at the 10 % and 30 % ranks, so equal counts share a band.
            var high = kept[(kept.Count - 1) / 10].Value;
            var middle = kept[(kept.Count * 3 - 1) / 10].Value;
            foreach (var (key, count) in kept)
            {
                keys.Add(key);
                bands.Add(count >= high ? (byte)3 : count >= middle ? (byte)2 : (byte)1);
            }
        }

        return new LexicalAssociations([.. keys], [.. bands]);
    }

    private static void Add(Dictionary<uint, int> counts, uint key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    public void Write(BinaryWriter w)
    {
        var (keys, bands) = _stored;
        w.Write(keys.Length);
        foreach (var k in keys)
        {
            w.Write(k);
        }

        w.Write(bands);
    }

    public static LexicalAssociations Read(BinaryReader r)
    {
        var count = r.ReadInt32();
        var keys = new uint[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = r.ReadUInt32();
        }

        return new LexicalAssociations(keys, r.ReadBytes(count));
    }
}
