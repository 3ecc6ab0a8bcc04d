using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>A component's versioned name (<c>layer.strategy.vN</c>) and the layers it needs and makes.</summary>
public sealed record ComponentInfo(string Name, IReadOnlyList<Layer> Requires, IReadOnlyList<Layer> Produces)
{
    /// <summary>
    /// What the user configured that changes this component's output (actor overrides, dictionaries), as a stable
    /// string or hash; null when it runs as shipped. Part of <see cref="Pipeline.Fingerprint"/>.
    /// </summary>
    public string? Configuration { get; init; }
}
