namespace Dateline.Core.Embeddings;

/// <summary>
/// Turns texts into unit-length vectors whose dot product measures closeness in meaning. Implementations bring a
/// model (e.g. <c>Dateline.Nlp.Onnx</c>'s MiniLM); vectors of different <see cref="Model"/>s are never compared.
/// Safe to call from several threads.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and the text it is given, versioned like layers: <c>embeddings.minilm-l6-v2.v1</c>.</summary>
    string Model { get; }

    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One L2-normalised vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
