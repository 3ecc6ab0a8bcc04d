using System.Reflection;

namespace Dateline.Nlp.Entities;

/// <summary>The NER model shipped inside Dateline (Models/ner.bin, retrained with `./dateline train ner`).</summary>
public static class NerModels
{
    private static readonly Lazy<NerModel> DefaultLazy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Models.ner.bin")
            ?? throw new InvalidOperationException("The NER model is not embedded; run `./dateline train ner` (see docs/MODELS.md).");
        return NerModel.Load(stream);
    });

    public static NerModel Default => DefaultLazy.Value;
}
