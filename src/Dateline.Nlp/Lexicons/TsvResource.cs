using System.Reflection;

namespace Dateline.Nlp.Lexicons;

/// <summary>Reads the embedded Data/*.tsv files: '#' comments, one header line of column names, tab-separated rows.</summary>
internal static class TsvResource
{
    public static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dateline.Nlp.Data." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in Dateline.Nlp.");
        using var reader = new StreamReader(stream);
        string[]? header = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (header is null)
            {
                header = cols;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cols.Length ? cols[i].Trim() : string.Empty;
            }

            yield return row;
        }
    }

    public static IEnumerable<string> List(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var v) && v.Length > 0 ? v.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
