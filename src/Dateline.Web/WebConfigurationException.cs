namespace Dateline.Web;

/// <summary>The host cannot start with these options (e.g. a non-loopback address nobody asked for); the message says why.</summary>
public sealed class WebConfigurationException(string message) : Exception(message);
