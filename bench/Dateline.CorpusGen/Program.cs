using System.Globalization;
using System.Text;
using System.Text.Json;

// Usage: dotnet run -c Release --project bench/Dateline.CorpusGen -- --bbc ../shared/corpora/raw/bbc --count 100000
//        [--seed 1] [--out FILE.jsonl]
// Writes COUNT distinct JSON Lines articles: each takes a section with the corpus's own section shares, the title of a
// random article of that section, 3-12 paragraphs drawn without replacement from all paragraphs of that section, and a
// random publication time in 2024-2025. The same arguments give the same bytes (seeded System.Random, ordinal sorting).
var bbc = Arg("--bbc") ?? "../shared/corpora/raw/bbc";
var count = int.Parse(Arg("--count") ?? "100000", CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed") ?? "1", CultureInfo.InvariantCulture);
var outPath = Arg("--out");

if (!Directory.Exists(bbc))
{
    Console.Error.WriteLine($"{bbc}: no such folder (the BBC corpus of ../shared/corpora/raw/bbc)");
    return 2;
}

var sections = new List<Section>();
foreach (var dir in Directory.GetDirectories(bbc).Order(StringComparer.Ordinal))
{
    var titles = new List<string>();
    var paragraphs = new List<string>();
    foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
    {
        var text = File.ReadAllText(file, Encoding.UTF8);
        var parts = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            continue;
        }

        titles.Add(parts[0].Split('\n')[0].Trim());
        paragraphs.AddRange(parts.Skip(1).Select(p => p.Replace('\n', ' ')));
    }

    if (titles.Count > 0)
    {
        sections.Add(new Section(Path.GetFileName(dir), titles, paragraphs));
    }
}

var total = sections.Sum(s => s.Titles.Count);
var random = new Random(seed);
var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
var span = (long)(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) - start).TotalSeconds;
using var output = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
using var writer = new Utf8JsonWriter(output);
var newline = "\n"u8.ToArray();
var seen = new HashSet<string>(StringComparer.Ordinal);
var picked = new List<int>();
for (var i = 0; i < count; i++)
{
    var pick = random.Next(total);
    var section = sections[0];
    foreach (var s in sections)
    {
        if (pick < s.Titles.Count)
        {
            section = s;
            break;
        }

        pick -= s.Titles.Count;
    }

    string body;
    do
    {
        var n = random.Next(3, 13);
        picked.Clear();
        while (picked.Count < Math.Min(n, section.Paragraphs.Count))
        {
            var p = random.Next(section.Paragraphs.Count);
            if (!picked.Contains(p))
            {
                picked.Add(p);
            }
        }

        body = string.Join("\n\n", picked.Select(p => section.Paragraphs[p]));
    }
    while (!seen.Add(body));

    var published = start.AddSeconds(random.NextInt64(span));
    writer.Reset();
    writer.WriteStartObject();
    writer.WriteString("url", $"https://bench.dateline.invalid/{section.Name}/{i + 1:D7}");
    writer.WriteString("title", section.Titles[random.Next(section.Titles.Count)]);
    writer.WriteString("published", published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    writer.WriteString("source", "BBC News (recombined)");
    writer.WriteStartArray("tags");
    writer.WriteStringValue(section.Name);
    writer.WriteEndArray();
    writer.WriteString("text", body);
    writer.WriteEndObject();
    writer.Flush();
    output.Write(newline);
}

Console.Error.WriteLine($"{count} articles from {total} BBC articles in {sections.Count} sections (seed {seed})");
return 0;

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed record Section(string Name, List<string> Titles, List<string> Paragraphs);
