using System.Text.Json.Serialization;

namespace Dateline.Storage.Sqlite;

/// <summary>Source-generated JSON for the small values the SQLite store keeps as JSON text (feed item keys).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
