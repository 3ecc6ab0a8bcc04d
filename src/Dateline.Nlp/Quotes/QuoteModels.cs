using System.Reflection;
using Dateline.Nlp.Quotes.Attribution;

namespace Dateline.Nlp.Quotes;

/// <summary>The quote attribution model shipped inside Dateline (Models/quotes.bin, retrained with `./dateline train quotes`).</summary>
public static class QuoteModels
{
    private static readonly Lazy<QuoteModel> DefaultLazy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Models.quotes.bin")
            ?? throw new InvalidOperationException("The quote model is not embedded; run `./dateline train quotes` (see docs/MODELS.md).");
        return QuoteModel.Load(stream);
    });

    public static QuoteModel Default => DefaultLazy.Value;
}
