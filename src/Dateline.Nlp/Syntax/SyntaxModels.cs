using System.Reflection;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>The syntax models shipped inside Dateline (Models/tagger.bin and Models/parser.bin; see docs/MODELS.md).</summary>
public static class SyntaxModels
{
    private static readonly Lazy<SyntaxModel> DefaultLazy = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var tagger = assembly.GetManifestResourceStream("Dateline.Nlp.Models.tagger.bin")
            ?? throw new InvalidOperationException("The tagger model is not embedded; run `./dateline train tagger` (see docs/MODELS.md).");
        using var parser = assembly.GetManifestResourceStream("Dateline.Nlp.Models.parser.bin")
            ?? throw new InvalidOperationException("The parser model is not embedded; run `./dateline train parser` (see docs/MODELS.md).");
        return SyntaxModel.Load(tagger, parser, WordClusters.Default);
    });

    public static SyntaxModel Default => DefaultLazy.Value;

    /// <summary>Loads models from files (for evaluating a model before it is committed); either may be null for the shipped one, and the parser "none" (tagging only).</summary>
    public static SyntaxModel Load(string? taggerPath, string? parserPath)
    {
        if (taggerPath is null && parserPath is null)
        {
            return Default;
        }

        var assembly = Assembly.GetExecutingAssembly();
        using var tagger = taggerPath is null ? assembly.GetManifestResourceStream("Dateline.Nlp.Models.tagger.bin")! : File.OpenRead(taggerPath);
        using var parser = parserPath switch
        {
            null => assembly.GetManifestResourceStream("Dateline.Nlp.Models.parser.bin"),
            "none" => null,
            _ => File.OpenRead(parserPath),
        };
        return SyntaxModel.Load(tagger, parser, WordClusters.Default);
    }

    /// <summary>A tagger alone (no parser), from a file or the shipped one.</summary>
    public static SyntaxModel LoadTagger(string? taggerPath)
    {
        using var tagger = taggerPath is null
            ? Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Models.tagger.bin")
                ?? throw new InvalidOperationException("The tagger model is not embedded; run `./dateline train tagger` (see docs/MODELS.md).")
            : File.OpenRead(taggerPath);
        return SyntaxModel.Load(tagger, null, WordClusters.Default);
    }
}
