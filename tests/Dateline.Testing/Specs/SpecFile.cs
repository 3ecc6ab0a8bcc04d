using System.Globalization;
using Xunit;

namespace Dateline.Testing.Specs;

/// <summary>
/// Loads the examples of a Markdown spec file (STYLE.md B6): prose, and <c>```example</c> blocks of the form
/// <code>
/// date: 2025-06-04          (optional; "date: none" = no document date)
/// input text (one or more lines)
/// .
/// expected text with [LABEL value text] annotations
/// </code>
/// The path is relative to the test's output folder (spec files are copied there).
/// </summary>
public static class SpecFile
{
    private const string Fence = "```";

    public static TheoryData<SpecExample> Load(string relativePath)
    {
        var data = new TheoryData<SpecExample>();
        foreach (var example in Parse(Path.GetFileName(relativePath), File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, relativePath))))
        {
            data.Add(example);
        }

        return data;
    }

    public static IEnumerable<SpecExample> Parse(string name, IReadOnlyList<string> lines)
    {
        var title = string.Empty;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                title = lines[i].TrimStart('#').Trim();
                continue;
            }

            if (lines[i].Trim() != Fence + "example")
            {
                continue;
            }

            var open = i;
            var body = new List<string>();
            for (i++; i < lines.Count && lines[i].Trim() != Fence; i++)
            {
                body.Add(lines[i]);
            }

            yield return Example(name, open + 1, title, body);
        }
    }

    private static SpecExample Example(string name, int line, string title, List<string> body)
    {
        DateOnly? date = null;
        if (body.Count > 0 && body[0].StartsWith("date:", StringComparison.Ordinal))
        {
            var value = body[0]["date:".Length..].Trim();
            date = value == "none" ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            body.RemoveAt(0);
        }

        var dot = body.IndexOf(".");
        if (dot < 0)
        {
            throw new FormatException($"{name}:{line}: an example needs a '.' line between input and expected output");
        }

        return new SpecExample(name, line, title, date, string.Join('\n', body[..dot]), string.Join('\n', body[(dot + 1)..]));
    }
}
