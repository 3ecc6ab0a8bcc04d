using System.IO.Compression;
using System.Text;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>
/// Tagger, lemmatiser and parser together: what analyses a sentence's words. The tagger and lemmatiser are one file
/// (<c>tagger.bin</c>), the parser another (<c>parser.bin</c>); either may be retrained alone. Thread-safe.
/// </summary>
public sealed class SyntaxModel
{
    private const string TaggerMagic = "DLTAG1";
    private const string ParserMagic = "DLDEP1";
    private const string ParserWithAssociationsMagic = "DLDEP2";

    private readonly ulong[] _tagValues;
    private readonly string[] _upos;
    private readonly string[] _xpos;

    internal SyntaxModel(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser? parser, WordClusters clusters)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Clusters = clusters;
        _tagValues = [.. tagger.Tags.Select(PosTagger.TagValue)];
        _upos = [.. tagger.Tags.Select(t => PosTagger.Split(t).Upos)];
        _xpos = [.. tagger.Tags.Select(t => PosTagger.Split(t).Xpos)];
    }

    internal PosTagger Tagger { get; }

    internal Lemmatizer Lemmatizer { get; }

    internal DependencyParser? Parser { get; }

    internal WordClusters Clusters { get; }

    /// <summary>Bytes the weights hold in memory.</summary>
    public long WeightBytes => Tagger.Bytes + (Parser?.Weights.Bytes ?? 0);

    public SyntaxAnalysis Analyze(string[] words)
    {
        var atoms = new WordAtoms(words, Clusters);
        var tags = Tagger.Tag(atoms);
        var n = words.Length;
        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        var values = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            (upos[i], xpos[i]) = (_upos[tags[i]], _xpos[tags[i]]);
            lemmas[i] = Lemmatizer.Lemmatize(words[i], upos[i]);
            values[i] = _tagValues[tags[i]];
        }

        var heads = new int[n];
        var relations = new string[n];
        if (Parser is null)
        {
            Array.Fill(heads, -2);
            Array.Fill(relations, "");
        }
        else
        {
            var (h, labels) = Parser.Parse(atoms, values);
            heads = h;
            for (var i = 0; i < n; i++)
            {
                relations[i] = Parser.Labels[labels[i]];
            }
        }

        return new SyntaxAnalysis(lemmas, upos, xpos, heads, relations);
    }

    public static SyntaxModel Load(Stream tagger, Stream? parser, WordClusters clusters)
    {
        using var r = new BinaryReader(Decompress(tagger), Encoding.UTF8);
        if (r.ReadString() != TaggerMagic)
        {
            throw new InvalidDataException("not a Dateline tagger model (bad header)");
        }

        var posTagger = PosTagger.Read(r);
        var lemmatizer = Lemmatizer.Read(r);
        return new SyntaxModel(posTagger, lemmatizer, parser is null ? null : ReadParser(parser), clusters);
    }

    /// <summary>The whole file decompressed at once: reading millions of small numbers from memory is many times faster than through the decoder.</summary>
    private static MemoryStream Decompress(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        var memory = new MemoryStream();
        brotli.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    internal static DependencyParser ReadParser(Stream stream)
    {
        using var r = new BinaryReader(Decompress(stream), Encoding.UTF8);
        return r.ReadString() switch
        {
            ParserMagic => DependencyParser.Read(r, withAssociations: false),
            ParserWithAssociationsMagic => DependencyParser.Read(r, withAssociations: true),
            _ => throw new InvalidDataException("not a Dateline parser model (bad header)"),
        };
    }

    internal static void SaveTagger(Stream stream, PosTagger tagger, Lemmatizer lemmatizer)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(TaggerMagic);
        tagger.Write(w);
        lemmatizer.Write(w);
    }

    internal static void SaveParser(Stream stream, DependencyParser parser)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(parser.Associations.Count > 0 ? ParserWithAssociationsMagic : ParserMagic);
        parser.Write(w);
    }
}
