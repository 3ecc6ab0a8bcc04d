using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dateline.Cli;

/// <summary>JSON for CLI-only shapes (summaries, search results): snake_case, indented, readable Unicode.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
