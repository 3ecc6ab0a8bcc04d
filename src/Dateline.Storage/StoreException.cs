namespace Dateline.Storage;

/// <summary>The store cannot be opened or used (bad path, newer schema, corrupt file); the message says what to do.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
