namespace Dateline.Nlp.Events.Petrarch;

/// <summary>
/// A set of PETRARCH-2 dictionaries read from files or folders. The kind of a file comes from its name: <c>*actors*</c>,
/// <c>*agents*</c>, <c>*discards*</c>, <c>*verb*</c>; another file is a verb dictionary when it has a
/// <c>--- VERB [code] ---</c> block (CAMEO.2.0.txt), else it is listed in <see cref="Ignored"/> (issue lists, LICENSE).
/// Every malformed line is skipped and listed in <see cref="Problems"/>.
/// </summary>
public sealed class PetrarchDictionaries
{
    private PetrarchDictionaries(IReadOnlyDictionary<string, (string[] Past, string[] Participle)> irregular) => Verbs = new PetrarchVerbs(irregular);

    public PetrarchActors Actors { get; } = new();

    public PetrarchAgents Agents { get; } = new();

    public PetrarchDiscards Discards { get; } = new();

    public PetrarchVerbs Verbs { get; }

    public List<DictionaryProblem> Problems { get; } = [];

    /// <summary>The files read, in order.</summary>
    public List<string> Files { get; } = [];

    /// <summary>Files in the given folders that are not dictionaries this loader reads.</summary>
    public List<string> Ignored { get; } = [];

    /// <summary>
    /// Loads every dictionary in <paramref name="paths"/> (files, or folders whose files are taken in name order); in
    /// folders only files whose name starts with one of <paramref name="prefixes"/> when any are given.
    /// </summary>
    /// <exception cref="DictionaryLoadException">A path does not exist, or no dictionary file was found.</exception>
    public static PetrarchDictionaries Load(IEnumerable<string> paths, IReadOnlyList<string>? prefixes = null)
    {
        var set = new PetrarchDictionaries(EventLexicon.DefaultIrregular);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    if (prefixes is { Count: > 0 } && !prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    set.LoadFile(file, fromFolder: true);
                }
            }
            else if (File.Exists(path))
            {
                set.LoadFile(path, fromFolder: false);
            }
            else
            {
                throw new DictionaryLoadException($"dictionary path '{path}' does not exist");
            }
        }

        if (set.Files.Count == 0)
        {
            throw new DictionaryLoadException($"no PETRARCH dictionary files (actors, agents, discards, verbs) in {string.Join(", ", paths)}"
                + (prefixes is { Count: > 0 } ? $" starting with {string.Join(" or ", prefixes)}" : string.Empty));
        }

        set.Actors.Freeze();
        return set;
    }

    /// <summary>The kind of dictionary a file holds, from its name (and, for other .txt files, a verb block inside), or null.</summary>
    internal static string? KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.Contains("actors", StringComparison.Ordinal))
        {
            return "actors";
        }

        if (name.Contains("agents", StringComparison.Ordinal))
        {
            return "agents";
        }

        if (name.Contains("discards", StringComparison.Ordinal))
        {
            return "discards";
        }

        if (name.Contains("verb", StringComparison.Ordinal))
        {
            return "verbs";
        }

        return name.EndsWith(".txt", StringComparison.Ordinal) && !name.Contains("issue", StringComparison.Ordinal)
            && File.ReadLines(path).Take(5000).Any(l => l.StartsWith("--- ", StringComparison.Ordinal)) ? "verbs" : null;
    }

    private void LoadFile(string path, bool fromFolder)
    {
        string? kind;
        try
        {
            kind = KindOf(path);
            if (kind is null)
            {
                if (!fromFolder)
                {
                    throw new DictionaryLoadException($"'{path}' is not an actors, agents, discards or verbs dictionary (the file name says which)");
                }

                Ignored.Add(path);
                return;
            }

            switch (kind)
            {
                case "actors":
                    Actors.Load(path, Problems);
                    break;
                case "agents":
                    Agents.Load(path, Problems);
                    break;
                case "discards":
                    Discards.Load(path, Problems);
                    break;
                default:
                    Verbs.Load(path, Problems);
                    break;
            }
        }
        catch (IOException ex)
        {
            throw new DictionaryLoadException($"cannot read dictionary '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DictionaryLoadException($"cannot read dictionary '{path}': {ex.Message}", ex);
        }

        Files.Add(path);
    }

    /// <summary>One line per kind: what was loaded.</summary>
    /// <summary>A short hash of the loaded files' names and bytes, in load order.</summary>
    public string ContentHash()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public string Summary() =>
        $"{Actors.Entries.Count} actors ({Actors.NameCount} names), {Agents.Entries.Count} agent nouns, "
        + $"{Discards.SentenceCount + Discards.StoryCount} discards, {Verbs.VerbCount} verbs, {Verbs.Patterns.Count} patterns "
        + $"from {Files.Count} files; {Problems.Count} lines skipped";
}
