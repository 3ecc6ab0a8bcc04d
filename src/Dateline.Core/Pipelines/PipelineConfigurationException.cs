namespace Dateline.Core.Pipelines;

/// <summary>The configured components cannot run in the given order.</summary>
public sealed class PipelineConfigurationException(string message) : Exception(message);
