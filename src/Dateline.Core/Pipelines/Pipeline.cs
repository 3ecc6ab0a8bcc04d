using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>An immutable, validated sequence of components; safe to share between threads.</summary>
public sealed class Pipeline
{
    private readonly Lazy<string> _fingerprint;

    internal Pipeline(ImmutableArray<IPipelineComponent> components)
    {
        Components = components;
        _fingerprint = new(() => ComputeFingerprint(components));
    }

    public ImmutableArray<IPipelineComponent> Components { get; }

    /// <summary>The versioned names of the components, joined: provenance stored with every annotation.</summary>
    public string Name => string.Join("+", Components.Select(c => c.Info.Name));

    /// <summary>
    /// A short hash of everything that decides this pipeline's output: each component's versioned name, the build of
    /// its code and embedded models (its assembly's module version id, which a deterministic build derives from the
    /// code and resources) and its <see cref="ComponentInfo.Configuration"/>. Stored with every annotation, so articles
    /// analysed by another build or configuration can be found and analysed again.
    /// </summary>
    public string Fingerprint => _fingerprint.Value;

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

    private static string ComputeFingerprint(ImmutableArray<IPipelineComponent> components)
    {
        var text = new StringBuilder();
        foreach (var c in components)
        {
            text.Append(c.Info.Name).Append('|').Append(c.GetType().Assembly.ManifestModule.ModuleVersionId.ToString("N"))
                .Append('|').Append(c.Info.Configuration).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
