using System.Collections.Immutable;
using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>An immutable, validated sequence of components; safe to share between threads.</summary>
public sealed class Pipeline
{
    internal Pipeline(ImmutableArray<IPipelineComponent> components) => Components = components;

    public ImmutableArray<IPipelineComponent> Components { get; }

    /// <summary>The versioned names of the components, joined: provenance stored with every annotation.</summary>
    public string Name => string.Join("+", Components.Select(c => c.Info.Name));

    /// <summary>
    /// Runs every component. A component that throws is recorded on the document and later components that
    /// need its output are skipped; the caller's batch goes on.
    /// </summary>
    public void Run(Document document, CancellationToken cancellationToken)
    {
        foreach (var c in Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!c.Info.Requires.All(document.Has))
            {
                continue;
            }

            try
            {
                c.Process(document, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                document.RecordError(c.Info.Name, ex);
            }
        }
    }
}
