using System.Reflection;
using Dateline.Nlp.Learning;

namespace Dateline.Nlp.Syntax;

/// <summary>The syntax models shipped inside Dateline (Models/tagger.bin and Models/parser.bin; see docs/MODELS.md).</summary>
public static class SyntaxModels
{
    private static readonly Lazy<SyntaxModel> DefaultLazy = new(() =>
    {
        using var tagger = Embedded("tagger");
        using var parser = Embedded("parser");
        return SyntaxModel.Load(tagger, parser, WordClusters.Default);
    });

    public static SyntaxModel Default => DefaultLazy.Value;

    /// <summary>
    /// Loads models from files (for evaluating a model before it is committed); either may be null for the shipped
    /// one, and the parser "none" for tagging only.
    /// </summary>
    public static SyntaxModel Load(string? taggerPath, string? parserPath)
    {
        if (taggerPath is null && parserPath is null)
        {
            return Default;
        }

        using var tagger = taggerPath is null ? Embedded("tagger") : File.OpenRead(taggerPath);
        using var parser = parserPath switch
        {
            null => Embedded("parser"),
            "none" => null,
            _ => File.OpenRead(parserPath),
        };
        return SyntaxModel.Load(tagger, parser, WordClusters.Default);
    }

    private static Stream Embedded(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dateline.Nlp.Models.{name}.bin")
            ?? throw new InvalidOperationException($"The {name} model is not embedded; run `./dateline train {name}` (see docs/MODELS.md).");
}
