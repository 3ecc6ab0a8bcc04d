using System.Globalization;
using System.Text.Json;

namespace Dateline.Cli.Commands;

/// <summary>One document to annotate, or the reason its input line was skipped.</summary>
internal sealed record AnnotateInput(int Line, string Id, string Text, DateOnly? Date, string? Problem)
{
    /// <summary>
    /// The records of JSON Lines input <c>{id, text, date?}</c>, in order. A line that is not such a record (bad JSON,
    /// no "text" string, a date that is not YYYY-MM-DD) comes back with its <see cref="Problem"/>, so the caller can
    /// report it and go on with the next line, as <c>ingest</c> does.
    /// </summary>
    public static IEnumerable<AnnotateInput> ReadJsonl(string text)
    {
        var n = 0;
        foreach (var line in text.Split('\n'))
        {
            n++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            yield return Parse(line, n);
        }
    }

    private static AnnotateInput Parse(string line, int n)
    {
        try
        {
            var o = JsonDocument.Parse(line).RootElement;
            var id = o.TryGetProperty("id", out var i) ? i.ToString() : $"line-{n}";
            if (!o.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
            {
                return new AnnotateInput(n, id, "", null, "not a JSON object with a \"text\" string");
            }

            DateOnly? date = null;
            if (o.TryGetProperty("date", out var dt) && dt.ValueKind == JsonValueKind.String)
            {
                if (!DateOnly.TryParseExact(dt.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return new AnnotateInput(n, id, "", null, $"date '{dt.GetString()}' is not YYYY-MM-DD");
                }

                date = d;
            }

            return new AnnotateInput(n, id, t.GetString() ?? "", date, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new AnnotateInput(n, $"line-{n}", "", null, $"not a JSON object with a \"text\" string: {ex.Message}");
        }
    }
}
