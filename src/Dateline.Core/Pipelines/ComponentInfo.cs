using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>A component's versioned name (<c>layer.strategy.vN</c>) and the layers it needs and makes.</summary>
public sealed record ComponentInfo(string Name, IReadOnlyList<Layer> Requires, IReadOnlyList<Layer> Produces);
