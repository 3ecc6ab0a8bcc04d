using Dateline.Core.Documents;

namespace Dateline.Core.Pipelines;

/// <summary>One stage of analysis: reads the layers it requires, writes the layers it produces, once.</summary>
public interface IPipelineComponent
{
    ComponentInfo Info { get; }

    void Process(Document document, CancellationToken cancellationToken);
}
