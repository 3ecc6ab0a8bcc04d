using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>Collects components in order, checks that each one's inputs are produced earlier, then freezes.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineComponent> _components = [];

    public PipelineBuilder Add(IPipelineComponent component)
    {
        _components.Add(component);
        return this;
    }

    /// <summary>Validates the order; <paramref name="given"/> lists layers every document already has.</summary>
    public Pipeline Build(params Layer[] given)
    {
        var available = new HashSet<Layer>(given);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _components)
        {
            if (!names.Add(c.Info.Name))
            {
                throw new PipelineConfigurationException($"'{c.Info.Name}' is configured twice.");
            }

            var missing = c.Info.Requires.Where(l => !available.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                throw new PipelineConfigurationException(
                    $"'{c.Info.Name}' requires {string.Join(", ", missing)}, which no earlier component produces.");
            }

            var twice = c.Info.Produces.Where(available.Contains).ToList();
            if (twice.Count > 0)
            {
                throw new PipelineConfigurationException(
                    $"'{c.Info.Name}' produces {string.Join(", ", twice)}, which an earlier component already produces.");
            }

            available.UnionWith(c.Info.Produces);
        }

        return new Pipeline([.. _components]);
    }
}
