using System.Text;

namespace Dateline.Nlp.Tests;

/// <summary>
/// Loads a Markdown spec (STYLE.md B6): prose, then <c>```example</c> blocks holding the input text, a line with a
/// single <c>.</c>, and the expected text with inline annotations. Each block becomes one theory row, named by the
/// nearest heading above it and its number.
/// </summary>
public static class QuoteSpecFile
{
    public sealed record Example(string Name, string Input, string Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Example> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", file);
        var data = new TheoryData<Example>();
        var heading = Path.GetFileNameWithoutExtension(file);
        var lines = File.ReadAllLines(path);
        var n = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }

            if (lines[i].Trim() != "```example")
            {
                continue;
            }

            var input = new StringBuilder();
            var expected = new StringBuilder();
            var target = input;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                if (lines[i] == "." && target == input)
                {
                    target = expected;
                    continue;
                }

                target.Append(target.Length > 0 ? "\n" : string.Empty).Append(lines[i]);
            }

            n++;
            data.Add(new Example($"{n:00} {heading}", input.ToString(), expected.ToString()));
        }

        return data;
    }
}
